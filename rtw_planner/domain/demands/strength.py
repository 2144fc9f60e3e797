"""Strength levels (Sedentary to Very Heavy) of a job's loads or a person's capacity, graded on a data table."""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from rtw_planner.assets import bundled_resources_dir, data_dir, resource_path
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.data.validation import number_in_range
from rtw_planner.domain.demands.profile import MASS_ACTIVITIES, MAX_LOAD_KG, Activity, Frequency, PhysicalProfile
from rtw_planner.domain.demands.units import format_number, kg_to_lb

DEFAULT_TABLE = "dot"
FREQUENCIES = ("occasional", "frequent", "constant")
LIGHT_RULES = {"standing_walking": "standing or walking most of the day",
               "arm_leg_controls": "seated operation of arm or leg controls",
               "production_pace": "work at a production-rate pace"}
_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")
Limit = float | None  # inclusive upper limit in lb; math.inf when there is none; None when the table does not give it
Loads = tuple[float | None, float | None, float | None]


class StrengthLevel(StrEnum):
    """A strength level; <, <=, > and >= follow the order Sedentary to Very Heavy, not the alphabet."""

    SEDENTARY = "sedentary"
    LIGHT = "light"
    MEDIUM = "medium"
    HEAVY = "heavy"
    VERY_HEAVY = "very heavy"

    @property
    def rank(self) -> int:
        """0 for Sedentary, rising to 4 for Very Heavy."""
        return list(StrengthLevel).index(self)

    @property
    def label(self) -> str:
        """'Very Heavy'."""
        return self.value.title()

    @property
    def code(self) -> str:
        """The DOT's letter: S, L, M, H or V."""
        return self.value[0].upper() if self is not StrengthLevel.VERY_HEAVY else "V"

    @classmethod
    def from_code(cls, code: str) -> StrengthLevel:
        """The level of a DOT letter (S, L, M, H or V, either case); ValidationError otherwise."""
        for level in cls:
            if level.code == str(code).strip().upper():
                return level
        raise ValidationError("DOT strength", code, "S, L, M, H or V (Sedentary to Very Heavy)")

    def __lt__(self, other: str) -> bool:
        return self.rank < other.rank if isinstance(other, StrengthLevel) else NotImplemented

    def __le__(self, other: str) -> bool:
        return self.rank <= other.rank if isinstance(other, StrengthLevel) else NotImplemented

    def __gt__(self, other: str) -> bool:
        return not self <= other if isinstance(other, StrengthLevel) else NotImplemented

    def __ge__(self, other: str) -> bool:
        return not self < other if isinstance(other, StrengthLevel) else NotImplemented


LEVELS = tuple(StrengthLevel)


class Certainty(StrEnum):
    """How far the table supports the level (anything but EXACT makes `meets` answer False or cannot tell)."""

    EXACT = "exact"  # graded on limits the table gives
    ABOVE = "above"  # a job load exceeds the highest limit the table gives at its frequency: above `level`
    AT_LEAST = "at least"  # a job is `level`, and a load above the table's highest limit may make it more
    BELOW = "below"  # a capacity under the lowest level's limits
    NOT_GRADED = "not graded"  # the table lacks the limits needed (see the notes)


class StrengthTableError(ValueError):
    """A strength table file is unreadable or malformed; the message names the file and the problem."""


@dataclass(frozen=True)
class StrengthTable:
    """A strength table: per level (Sedentary first), the upper limits in lb at occasional, frequent, constant."""

    id: str
    name: str
    version: int
    unit: str
    sources: tuple[str, ...]
    complete: bool
    missing: tuple[str, ...]
    light_rules: frozenset[str]
    limits: tuple[tuple[Limit, ...], ...]
    frequency_scale: str | None = None


@dataclass(frozen=True)
class Classification:
    """A graded job (`kind` 'job') or capacity ('capacity'); `between` is the next level up that a capacity
    reaches only in part; `loads_lb` are the compared values in lb (None = not given)."""

    kind: str
    level: StrengthLevel
    between: StrengthLevel | None
    certainty: Certainty
    table_id: str
    table_name: str
    table_version: int
    complete: bool
    notes: tuple[str, ...]
    loads_lb: Loads

    @property
    def label(self) -> str:
        """'Medium', 'between Light and Medium', 'above Heavy', 'at least Heavy', 'below Sedentary', 'not graded'."""
        if self.between is not None:
            return f"between {self.level.label} and {self.between.label}"
        if self.certainty is Certainty.NOT_GRADED:
            return "not graded"
        prefix = "" if self.certainty is Certainty.EXACT else f"{self.certainty.value} "
        return prefix + self.level.label


def available_tables() -> tuple[str, ...]:
    """Ids of the bundled tables and of any a clinic dropped into <data folder>/strength/."""
    found = {p.stem for folder in (bundled_resources_dir(), data_dir()) for p in (folder / "strength").glob("*.json")}
    return tuple(sorted(i for i in found if _ID.fullmatch(i)))


def _need(ok: bool, where: str, problem: str) -> None:
    if not ok:
        raise StrengthTableError(f"{where}: {problem}")


def _limit(value: Any, where: str) -> Limit:
    if value is None or value == "no limit":
        return None if value is None else math.inf
    _need(not isinstance(value, bool) and isinstance(value, int | float) and 0 <= value < math.inf, where,
          f"{value!r} is not a number of lb >= 0, 'no limit' or null")
    return float(value)


def _parse(raw: Any, table_id: str, where: str) -> StrengthTable:
    _need(isinstance(raw, dict) and raw.get("id") == table_id, where, f"not a table object with id {table_id!r}")
    name, version, sources, missing = raw.get("name"), raw.get("version"), raw.get("source"), raw.get("missing")
    _need(isinstance(name, str) and bool(name.strip()), where, "name must be non-empty text")
    _need(isinstance(version, int) and not isinstance(version, bool) and version >= 1, where, "version must be >= 1")
    _need(raw.get("unit") == "lb", where, "unit must be 'lb'")
    _need(isinstance(sources, list) and bool(sources) and all(isinstance(s, dict | str) for s in sources), where,
          "source must list at least one citation")
    _need(isinstance(missing, list) and all(isinstance(m, str) for m in missing), where, "missing must list text")
    rules = raw.get("light_rules", [])
    _need(isinstance(rules, list) and set(rules) <= set(LIGHT_RULES), where, "unknown light_rules")
    rows = raw.get("levels")
    _need(isinstance(rows, list) and all(isinstance(r, dict) for r in rows)
          and [r.get("level") for r in rows] == list(LEVELS), where, "levels must be one row per level: "
          + ", ".join(LEVELS))
    limits = tuple(tuple(_limit(row.get(f), f"{where}: {row['level']} {f}") for f in FREQUENCIES) for row in rows)
    for f, frequency in enumerate(FREQUENCIES):
        given = [limit for row in limits if (limit := row[f]) is not None]
        _need(given == sorted(given), where, f"{frequency} limits must not fall from one level to the next")
    gaps = any(limit is None for row in limits for limit in row)
    complete = raw.get("complete")
    _need(complete is (not gaps and not missing), where, "complete must be true exactly when no limit is null "
          "and nothing is listed as missing")
    text = tuple(s if isinstance(s, str) else f"{s.get('citation', '')} ({s.get('url', '')})" for s in sources)
    scale = raw.get("frequency_scale")
    return StrengthTable(table_id, name.strip(), version, "lb", text, bool(complete), tuple(missing), frozenset(rules),
                         limits, scale if isinstance(scale, str) else None)


def load_table(table_id: str = DEFAULT_TABLE) -> StrengthTable:
    """Load strength/<table_id>.json (a clinic's copy wins); an unknown id raises ValidationError listing the ids."""
    known = available_tables()
    if not isinstance(table_id, str) or table_id not in known:
        raise ValidationError("strength table", table_id, "one of " + ", ".join(known))
    path = resource_path(f"strength/{table_id}.json")
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise StrengthTableError(f"{path}: cannot be read as JSON ({exc})") from None
    return _parse(raw, table_id, str(path))


def _loads_lb(occasional_kg: float | None, frequent_kg: float | None, constant_kg: float | None) -> Loads:
    """Checked loads in lb, rounded to 1e-6 lb so that a limit typed in lb and converted to kg stays on it."""
    def lb(frequency: str, kg: float | None) -> float | None:
        return None if kg is None else round(kg_to_lb(number_in_range(f"{frequency} load", kg, 0, MAX_LOAD_KG,
                                                                      "kg")), 6)

    return lb("occasional", occasional_kg), lb("frequent", frequent_kg), lb("constant", constant_kg)


def _grade_load(table: StrengthTable, f: int, lb: float) -> tuple[int, str, str | None]:
    """(level rank, 'exact' | 'above' | 'ungraded', note) for one positive job load."""
    given = [(i, row[f]) for i, row in enumerate(table.limits) if row[f] is not None]
    what, frequency = f"{format_number(lb, 2)} lb {FREQUENCIES[f]}", FREQUENCIES[f]
    if not given:
        return 0, "ungraded", f"{what} cannot be graded: '{table.name}' gives no {frequency} limits."
    exceeded = [i for i, limit in given if limit is not None and lb > limit]
    fits = [i for i, limit in given if limit is not None and lb <= limit]
    if not fits:
        top = exceeded[-1]
        return top, "above", (f"{what} is above {LEVELS[top].label} ({format_number(table.limits[top][f] or 0)} lb), "
                              f"the highest {frequency} limit '{table.name}' gives.")
    low = exceeded[-1] + 1 if exceeded else 0
    if fits[0] == low:
        return low, "exact", None
    unknown = ", ".join(level.label for level in LEVELS[low:fits[0]])
    return fits[0], "exact", (f"'{table.name}' gives no {frequency} limit for {unknown}: {what} is graded "
                              f"{LEVELS[fits[0]].label}, the lowest level it is known to fit, and may be lower.")


def classify_job(occasional_kg: float | None, frequent_kg: float | None, constant_kg: float | None,
                 table: StrengthTable, *, standing_walking_most_of_day: bool = False, arm_leg_controls: bool = False,
                 production_pace: bool = False) -> Classification:
    """The job's level: the highest level any load reaches (None or 0 = not required), then the table's Light
    rules. Where the table lacks a limit, a load is graded on the limits it does give and the notes say so."""
    loads = _loads_lb(occasional_kg, frequent_kg, constant_kg)
    notes: list[str] = []
    exact, above, ungraded = 0, -1, False
    for f, lb in enumerate(loads):
        if lb:
            rank, kind, note = _grade_load(table, f, lb)
            notes += [note] if note else []
            ungraded = ungraded or kind == "ungraded"
            exact, above = (max(exact, rank), above) if kind != "above" else (exact, max(above, rank))
    flags = {"standing_walking": standing_walking_most_of_day, "arm_leg_controls": arm_leg_controls,
             "production_pace": production_pace}
    for rule in (r for r, on in flags.items() if on):
        if rule not in table.light_rules:
            notes.append(f"'{table.name}' does not use {LIGHT_RULES[rule]} to grade Light; not applied.")
        elif exact < StrengthLevel.LIGHT.rank:
            exact = StrengthLevel.LIGHT.rank
            notes.append(f"At least Light because of {LIGHT_RULES[rule]} ('{table.name}').")
    certainty = (Certainty.NOT_GRADED if ungraded else Certainty.ABOVE if above >= exact
                 else Certainty.AT_LEAST if above >= 0 else Certainty.EXACT)
    return _result("job", table, LEVELS[max(exact, above)], None, certainty, notes, loads)


def _meets_level(table: StrengthTable, rank: int, caps: list[float]) -> bool | None:
    """Whether capacities meet every limit of a level; None when the table does not give enough to tell."""
    result: bool | None = True
    for f, cap in enumerate(caps):
        limit = table.limits[rank][f]
        if limit == math.inf:  # no upper limit: more than the level below at this frequency
            limit = table.limits[rank - 1][f] if rank else 0.0
            ok = limit is None or cap > limit
        else:
            ok = limit is None or cap >= limit
        if not ok:
            return False
        result = None if limit is None else result
    return result


def classify_capacity(occasional_kg: float | None, frequent_kg: float | None, constant_kg: float | None,
                      table: StrengthTable) -> Classification:
    """The highest level the capacity fully meets, and `between` the next level up when some capacity exceeds
    the reached level's limit. A capacity not given (None) counts as 0 lb: it is never estimated."""
    loads = _loads_lb(occasional_kg, frequent_kg, constant_kg)
    notes = [f"No {f} capacity given; counted as 0 lb, never estimated from another frequency."
              for f, lb in zip(FREQUENCIES, loads, strict=True) if lb is None]
    caps = [lb or 0.0 for lb in loads]
    status = [_meets_level(table, rank, caps) for rank in range(len(LEVELS))]
    confirmed = [rank for rank, ok in enumerate(status) if ok]
    if not confirmed:
        if status[0] is False:
            short = ", ".join(f"{format_number(c)} lb {f} (needs {format_number(limit)} lb)"
                              for f, c, limit in zip(FREQUENCIES, caps, table.limits[0], strict=True)
                              if limit is not None and c < limit)
            notes.append(f"Below the Sedentary range of '{table.name}': {short}.")
            return _result("capacity", table, StrengthLevel.SEDENTARY, None, Certainty.BELOW, notes, loads)
        notes.append(f"'{table.name}' gives too few limits to confirm any level for a capacity.")
        return _result("capacity", table, StrengthLevel.SEDENTARY, None, Certainty.NOT_GRADED, notes, loads)
    rank = confirmed[-1]
    beyond = rank + 1 < len(LEVELS) and any(limit is not None and c > limit
                                            for c, limit in zip(caps, table.limits[rank], strict=True))
    if beyond and status[rank + 1] is None:
        notes.append(f"'{table.name}' does not give the {LEVELS[rank + 1].label} limits, so that level cannot be "
                     "confirmed.")
    between = LEVELS[rank + 1] if beyond else None
    return _result("capacity", table, LEVELS[rank], between, Certainty.EXACT, notes, loads)


def _result(kind: str, table: StrengthTable, level: StrengthLevel, between: StrengthLevel | None,
            certainty: Certainty, notes: list[str], loads: Loads) -> Classification:
    """The classification, with the incomplete table's own note first."""
    gaps = "; ".join(table.missing)
    head = [] if table.complete else [f"Table '{table.name}' is incomplete; it does not give {gaps}."]
    return Classification(kind, level, between, certainty, table.id, table.name, table.version, table.complete,
                          tuple(head + notes), loads)


def meets(capacity: Classification, job: Classification) -> bool | None:
    """True when an exactly graded capacity reaches at least the exactly graded job's level on the same table; a
    capacity only part-way into a level ('between') does not meet it. False when the capacity is below the lowest
    level or below the job's level whatever the table leaves open. None when the table cannot tell: a side it does
    not grade, or a job above or at least a level the capacity reaches (then 'cannot be compared', never 'no')."""
    if capacity.kind != "capacity" or job.kind != "job":
        raise ValueError("meets(capacity, job) needs a classified capacity and a classified job, in that order")
    if capacity.table_id != job.table_id:
        raise ValueError(f"capacity graded on '{capacity.table_id}' and job on '{job.table_id}'; use one table")
    if capacity.certainty is Certainty.BELOW:
        return False
    if Certainty.NOT_GRADED in (capacity.certainty, job.certainty):
        return None
    if capacity.certainty is Certainty.EXACT and job.certainty is Certainty.EXACT:
        return capacity.level >= job.level
    return False if capacity.level < job.level else None


# DOT strength describes lifting and carrying at the usual working heights; overhead lifts are far lower for
# everyone and would understate a person's level.
LEVEL_ACTIVITIES = tuple(a for a in MASS_ACTIVITIES if a is not Activity.LIFT_ABOVE_SHOULDER)


def job_loads(profile: PhysicalProfile) -> tuple[float | None, float | None, float | None]:
    """The heaviest lift or carry the job asks for at each frequency (kg)."""
    return tuple(  # type: ignore[return-value]
        max((v for (a, f), v in profile.strength.items() if a in LEVEL_ACTIVITIES and f is frequency), default=None)
        for frequency in Frequency)


def capacity_loads(profile: PhysicalProfile) -> tuple[float | None, float | None, float | None]:
    """The lowest lift or carry the person managed at each frequency (kg): a level must hold for every lift."""
    return tuple(  # type: ignore[return-value]
        min((v for (a, f), v in profile.strength.items() if a in LEVEL_ACTIVITIES and f is frequency), default=None)
        for frequency in Frequency)
