"""Ergonomic and accommodation notes keyed by limitation and tagged with the work settings they fit, suggested from
mismatches and lifting tasks with LI > 1."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from rtw_planner.assets import bundled_resources_dir, resource_path
from rtw_planner.domain.demands.niosh import LiftingTask, evaluate
from rtw_planner.domain.demands.profile import Activity
from rtw_planner.domain.demands.ratings import RatedGroup
from rtw_planner.domain.demands.units import format_number
from rtw_planner.domain.match.handling import HandlingCheck
from rtw_planner.domain.match.items import MatchItem, MatchStatus
from rtw_planner.domain.match.rated import RatedMatchItem
from rtw_planner.domain.plan.adjustments import ID_PATTERN as _ID
from rtw_planner.domain.plan.adjustments import MAX_NOTE_TEXT, Limitation

LIBRARY_FILE = "accommodations.json"
FORMAT = "rtw-planner-accommodations"
NOTE_FIELDS = ("id", "text", "control", "source", "settings")


class Control(StrEnum):
    """Kind of control, in the order suggestions are listed (engineering controls first)."""

    ENGINEERING = "engineering"
    ADMINISTRATIVE = "administrative"
    WORK_ORGANISATION = "work organisation"
    PERSONAL = "personal"

    @property
    def rank(self) -> int:
        """0 for engineering, rising down the hierarchy."""
        return list(Control).index(self)


class WorkSetting(StrEnum):
    """Where a note makes sense: the settings and equipment of the job. ANY fits every job."""

    ANY = "any"
    DESK = "desk"
    WORKSTATION = "workstation"
    GOODS = "goods"
    WAREHOUSE = "warehouse"
    VEHICLE = "vehicle"
    CARE = "care"
    KITCHEN = "kitchen"
    CONSTRUCTION = "construction"
    CLASSROOM = "classroom"
    SITE = "site"

    @property
    def label(self) -> str:
        """Plain words, as in "fits ..."."""
        return {"any": "any job", "desk": "desk and screen work",
                "workstation": "a fixed workstation (till, counter, bench, station or desk)",
                "goods": "handling stock, goods, materials or waste",
                "warehouse": "warehouse work with pallets and racking",
                "vehicle": "driving a vehicle", "care": "moving and caring for patients or residents",
                "kitchen": "a commercial kitchen", "construction": "building sites, trades and farm work",
                "classroom": "schools and childcare", "site": "moving about a large site or building"}[self.value]


class LibraryError(ValueError):
    """The accommodation library is unreadable or malformed; the message names the file and the field."""


@dataclass(frozen=True)
class Note:
    """One accommodation as the library words it."""

    id: str
    limitation: Limitation
    text: str
    control: Control
    source: str
    settings: tuple[WorkSetting, ...] = (WorkSetting.ANY,)

    def fitting(self, job: Collection[WorkSetting]) -> tuple[WorkSetting, ...]:
        """The settings by which this note fits a job in `job`: (ANY,) for a note for any job, else the settings
        the two share; empty when the note does not fit."""
        if WorkSetting.ANY in self.settings:
            return (WorkSetting.ANY,)
        return tuple(s for s in self.settings if s in job)


@dataclass(frozen=True)
class Suggestion:
    """A note suggested for this case, with why (one reason per mismatch or lifting task that led to it) and the
    job settings it fits; `fits` is empty when suggestions were not filtered (the job's setting is unknown)."""

    note: Note
    reasons: tuple[str, ...]
    fits: tuple[WorkSetting, ...] = ()


def _need(ok: bool, where: str, problem: str) -> None:
    if not ok:
        raise LibraryError(f"{where}: {problem}")


def _settings(raw: Any, where: str) -> tuple[WorkSetting, ...]:
    known = ", ".join(repr(s.value) for s in WorkSetting)
    _need(isinstance(raw, list) and bool(raw), where, f"must list at least one of {known}")
    for value in raw:
        _need(value in set(WorkSetting), where, f"{value!r} is not a setting; known: {known}")
    _need(len(set(raw)) == len(raw), where, "lists a setting twice")
    _need(WorkSetting.ANY not in raw or len(raw) == 1, where, "'any' already covers every setting; list it alone")
    return tuple(WorkSetting(value) for value in raw)


@cache
def _bundled_settings() -> dict[str, tuple[WorkSetting, ...]]:
    """The bundled notes' settings by id, for a clinic copy made before notes had settings."""
    raw = json.loads((bundled_resources_dir() / LIBRARY_FILE).read_text(encoding="utf-8"))
    return {row["id"]: tuple(WorkSetting(v) for v in row.get("settings", ["any"]))
            for rows in raw["limitations"].values() for row in rows}


def _note(raw: Any, limitation: Limitation, where: str) -> Note:
    _need(isinstance(raw, dict), where, "must be an object with " + ", ".join(NOTE_FIELDS))
    unknown = sorted(set(raw) - set(NOTE_FIELDS))
    _need(not unknown, where, f"unknown field {unknown[0]!r}; a note has only " + ", ".join(NOTE_FIELDS)
          if unknown else "")
    for name in ("id", "text", "source"):
        value = raw.get(name)
        _need(isinstance(value, str) and bool(value.strip()), f"{where}, {name}", "must be non-empty text")
        _need(len(str(value).strip()) <= MAX_NOTE_TEXT, f"{where}, {name}", f"longer than {MAX_NOTE_TEXT} characters")
    _need(_ID.fullmatch(raw["id"].strip()) is not None, f"{where}, id",
          f"{raw['id']!r} must use lower-case letters, digits and single hyphens, e.g. 'lift-hoist'")
    _need(raw.get("control") in set(Control), f"{where}, control",
          f"{raw.get('control')!r} must be one of " + ", ".join(repr(c.value) for c in Control))
    note_id = raw["id"].strip()
    # A note without settings (a clinic copy older than settings) keeps the bundled note's, else fits any job.
    settings = _settings(raw["settings"], f"{where}, settings") if "settings" in raw \
        else _bundled_settings().get(note_id, (WorkSetting.ANY,))
    return Note(note_id, limitation, raw["text"].strip(), Control(raw["control"]), raw["source"].strip(), settings)


# The notes last read from each file, with the file's modification time and size when read: a suggestion after
# every edit reads the file again only when it changed (a clinic may edit its copy while the app runs).
_READ: dict[Path, tuple[tuple[int, int, int], tuple[Note, ...]]] = {}


def load_library(path: Path | None = None) -> tuple[Note, ...]:
    """The notes of accommodations.json (a clinic's copy in its data folder replaces the bundled one), in file
    order within each limitation. A malformed file raises LibraryError naming the file and the field; it is
    never partly used."""
    path = path or resource_path(LIBRARY_FILE)
    try:
        status = path.stat()
    except OSError as exc:
        raise LibraryError(f"{path}: cannot be read as JSON ({exc})") from None
    stamp = (status.st_mtime_ns, status.st_size, status.st_ino)
    known = _READ.get(path)
    if known is not None and known[0] == stamp:
        return known[1]
    notes = _read_library(path)
    _READ[path] = (stamp, notes)
    return notes


def _read_library(path: Path) -> tuple[Note, ...]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise LibraryError(f"{path}: cannot be read as JSON ({exc})") from None
    _need(isinstance(raw, dict) and raw.get("format") == FORMAT, f"{path}, format", f"must be {FORMAT!r}")
    _need(raw.get("version") == 1, f"{path}, version", "must be 1")
    groups = raw.get("limitations")
    _need(isinstance(groups, dict), f"{path}, limitations", "must be an object keyed by limitation")
    unknown = sorted(set(groups) - set(Limitation))
    _need(not unknown, f"{path}, limitations", f"unknown limitation {unknown[0]!r}; known: " +
          ", ".join(Limitation) if unknown else "")
    notes: list[Note] = []
    for limitation in Limitation:
        rows = groups.get(limitation.value)
        where = f"{path}, limitations/{limitation.value}"
        _need(isinstance(rows, list) and bool(rows), where, "must list at least one note")
        notes += [_note(row, limitation, f"{where}, note {n}") for n, row in enumerate(rows, 1)]
    twice = [note for n, note in enumerate(notes) if note.id in {m.id for m in notes[:n]}]
    _need(not twice, f"{path}, id", f"{twice[0].id!r} is used by more than one note" if twice else "")
    return tuple(notes)


_BY_ACTIVITY: dict[Activity, tuple[Limitation, ...]] = {
    Activity.LIFT_FLOOR_TO_WAIST: (Limitation.LIFTING_CARRYING, Limitation.BENDING_KNEELING),
    Activity.LIFT_ABOVE_SHOULDER: (Limitation.LIFTING_CARRYING, Limitation.REACHING_OVERHEAD),
    Activity.SIT: (Limitation.SITTING,),
    Activity.STAND: (Limitation.STANDING_WALKING,),
    Activity.WALK: (Limitation.STANDING_WALKING,),
}


# Rated demands (DOT factors, cognitive demands) that point to a limitation the library holds notes for; the
# environmental conditions have none (the restriction, such as "Avoid extreme cold", says what to do).
_BY_RATED: dict[str, Limitation] = {
    "stooping": Limitation.BENDING_KNEELING, "kneeling": Limitation.BENDING_KNEELING,
    "crouching": Limitation.BENDING_KNEELING, "crawling": Limitation.BENDING_KNEELING,
    "reaching": Limitation.REACHING_OVERHEAD, "handling": Limitation.GRIP_REPETITION,
    "fingering": Limitation.GRIP_REPETITION, "sustained_concentration": Limitation.CONCENTRATION,
    "memory": Limitation.CONCENTRATION, "multitasking": Limitation.CONCENTRATION,
    "time_pressure": Limitation.CONCENTRATION, "shift_work": Limitation.FATIGUE_PAIN,
}


def rated_limitation(item: RatedMatchItem) -> Limitation | None:
    """The limitation a mismatched rated demand points to, if the library has one for it."""
    if item.status is not MatchStatus.MISMATCH or item.group is RatedGroup.ENVIRONMENT:
        return None
    return _BY_RATED.get(item.key)


def limitations_for(item: MatchItem) -> tuple[Limitation, ...]:
    """The limitations a mismatched item points to; nothing for an item that is not a mismatch."""
    if item.status is not MatchStatus.MISMATCH:
        return ()
    return _BY_ACTIVITY.get(item.activity, (Limitation.LIFTING_CARRYING,))  # other lifts, carry, push, pull


def _item_reason(item: MatchItem) -> str:
    return item.label if item.gap is None else f"{item.label}: {format_number(item.gap)} {item.unit} short"


def _task_reason(task: LiftingTask, number: int) -> str | None:
    """Why a lifting task needs accommodating (LI above 1, or no recommended weight at all), else None."""
    governing = evaluate(task).governing
    name = f"Lifting task '{task.name}'" if task.name else f"Lifting task {number}"
    if governing.li is None:
        return f"{name}: no recommended weight ({governing.outside_equation})" if task.load_kg > 0 else None
    return f"{name}: LI {format_number(governing.li, 2)}" if governing.li > 1 else None


def _handling_reason(hc: HandlingCheck, number: int) -> str | None:
    """Why a handling task needs accommodating (fewer than 75% of the population accept its load), else None."""
    capable = hc.percent_capable
    if capable is None or not hc.higher_risk:
        return None
    name = f"Handling task '{hc.task.name}'" if hc.task.name else f"Handling task {number}"
    return (f"{name}: {format_number(hc.task.load)} {hc.unit} is acceptable to {format_number(capable, 1)}% of "
            f"{hc.people} (below 75%)")


def suggest(items: Iterable[MatchItem], lifting_tasks: Iterable[LiftingTask] = (),
            extra_limitations: Iterable[Limitation] = (), library: Iterable[Note] | None = None,
            settings: Collection[WorkSetting] | None = None,
            handling: Iterable[HandlingCheck] = (), rated_items: Iterable[RatedMatchItem] = ()) -> list[Suggestion]:
    """Notes for each mismatch (measured or rated), each lifting task with LI > 1 and each handling task fewer than
    75% of the person's sex accept (lifting and carrying), and each limitation the clinician adds, keeping only notes
    that fit the job's `settings` (None: the setting is unknown, keep all).
    A note reached more than once is listed once with all its reasons. Engineering controls come first, then
    administrative, work organisation and personal; within a control, first reached first."""
    triggers: list[tuple[Limitation, str]] = []
    for item in items:
        triggers += [(limitation, _item_reason(item)) for limitation in limitations_for(item)]
    for rated in rated_items:
        limitation = rated_limitation(rated)
        triggers += [(limitation, f"{rated.name}: {rated.gap}")] if limitation is not None else []
    for number, task in enumerate(lifting_tasks, 1):
        reason = _task_reason(task, number)
        triggers += [(Limitation.LIFTING_CARRYING, reason)] if reason else []
    for number, hc in enumerate(handling, 1):
        reason = _handling_reason(hc, number)
        triggers += [(Limitation.LIFTING_CARRYING, reason)] if reason else []
    triggers += [(Limitation(lim), f"{Limitation(lim).label}: noted by the clinician") for lim in extra_limitations]
    notes = tuple(load_library() if library is None else library)
    if settings is not None:
        notes = tuple(n for n in notes if n.fitting(settings))
    reasons: dict[str, list[str]] = {}
    by_id: dict[str, Note] = {}
    for limitation, reason in triggers:
        for note in (n for n in notes if n.limitation is limitation):
            found = reasons.setdefault(by_id.setdefault(note.id, note).id, [])
            found += [] if reason in found else [reason]
    ordered = sorted(by_id.values(), key=lambda n: n.control.rank)  # sorted() is stable
    return [Suggestion(note, tuple(reasons[note.id]), () if settings is None else note.fitting(settings))
            for note in ordered]
