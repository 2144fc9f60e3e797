"""Treatment times: the sessions of the clinic's programme the person attends, by weekday, time and dates."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, time, timedelta
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from rtw_planner.assets import resource_path
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.data.validation import a_date, iso_date, text
from rtw_planner.domain.plan.phases import WEEKDAY_NAMES

MAX_SESSIONS = 20
KINDS_FILE = "treatment-kinds.json"
_KIND_FIELD = "treatment kind name"  # a clinic's own kind may say something clinical: never quoted in a message


class TreatmentTime(StrEnum):
    """How the phased return treats the sessions, for the whole plan. Whether treatment counts as time at work is
    an agreement with the employer (paid time off, or hours worked around it) that holds for the whole return,
    so it is chosen once per plan rather than per phase: a rule that changed from phase to phase would leave the
    employer and the patient unsure which hours are owed."""

    AVOID = "avoid"  # the working hours are arranged around the sessions; the phase's hours are all at work
    WORK_TIME = "work_time"  # a session on a working day counts as working time: part of that day's hours

    @property
    def label(self) -> str:
        """Plain words."""
        return {"avoid": "Work around the sessions", "work_time": "Sessions count as working time"}[self.value]


@dataclass(frozen=True)
class TreatmentKind:
    """A kind of session: its id, the clinician's name for it and the handout's words."""

    id: str
    label: str
    patient_words: str


@cache
def _kinds_at(path: str) -> tuple[TreatmentKind, ...]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    rows = data.get("kinds") if isinstance(data, dict) else None
    if not isinstance(rows, list) or not rows:
        raise ValidationError(f"{KINDS_FILE} kinds", "(missing)", "a non-empty list of kinds")
    kinds = []
    for row in rows:
        if not isinstance(row, dict):
            raise ValidationError(f"{KINDS_FILE} kind", "(not an object)", "an object with id, label, patient_words")
        kinds.append(TreatmentKind(text(f"{KINDS_FILE} id", row.get("id"), required=True, max_length=60),
                                   text(f"{KINDS_FILE} label", row.get("label"), required=True),
                                   text(f"{KINDS_FILE} patient_words", row.get("patient_words"), required=True)))
    return tuple(kinds)


def treatment_kinds() -> tuple[TreatmentKind, ...]:
    """The clinic's kinds of session (its own treatment-kinds.json, else the bundled list)."""
    return _kinds_at(str(resource_path(KINDS_FILE)))


def kind_of(kind_id: str) -> TreatmentKind:
    """The kind with this id; an id the list no longer holds (a case from another clinic) is shown as written."""
    return next((k for k in treatment_kinds() if k.id == kind_id), TreatmentKind(kind_id, kind_id, kind_id))


def clock(value: time) -> str:
    """'10:00'."""
    return f"{value.hour:02d}:{value.minute:02d}"


@dataclass(frozen=True)
class TreatmentSession:
    """A session the person attends every week on the given weekdays (0 = Monday), from start to end time, from
    its first day to its last (None: until the plan ends)."""

    kind: str
    weekdays: tuple[int, ...]
    start: time
    end: time
    first_day: date
    last_day: date | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", text(_KIND_FIELD, self.kind, required=True, max_length=60))
        days = tuple(self.weekdays) if isinstance(self.weekdays, tuple | list) else ()
        if (not days or len(set(days)) != len(days)
                or not all(isinstance(d, int) and not isinstance(d, bool) and 0 <= d <= 6 for d in days)):
            raise ValidationError("treatment days", self.weekdays, "different days of the week, Monday 0 to Sunday 6")
        object.__setattr__(self, "weekdays", tuple(sorted(days)))
        for name in ("start", "end"):
            value = getattr(self, name)
            if not isinstance(value, time) or value.second or value.microsecond or value.tzinfo is not None:
                raise ValidationError(f"treatment {name} time", value, "a time of day in hours and minutes")
        if self.end <= self.start:
            raise ValidationError("treatment end time", clock(self.end), f"a time after the start, {clock(self.start)}")
        a_date("treatment first day", self.first_day, required=True)
        a_date("treatment last day", self.last_day)
        if self.last_day is not None and self.last_day < self.first_day:
            raise ValidationError("treatment last day", self.last_day.isoformat(),
                                  f"the first day, {self.first_day.isoformat()}, or later")

    @property
    def hours(self) -> float:
        """The session's length in hours."""
        return (self.end.hour * 60 + self.end.minute - self.start.hour * 60 - self.start.minute) / 60

    @property
    def times(self) -> str:
        """'10:00–11:30'."""
        return f"{clock(self.start)}–{clock(self.end)}"

    def runs_during(self, first: date, last: date) -> bool:
        """True when a session day falls between first and last (inclusive)."""
        return bool(self.days_between(first, last, limit=1))

    def days_between(self, first: date, last: date, limit: int | None = None) -> list[date]:
        """The session's days from first to last (inclusive), within its own dates."""
        begin, end = max(first, self.first_day), last if self.last_day is None else min(last, self.last_day)
        out: list[date] = []
        day = begin
        while day <= end and (limit is None or len(out) < limit):
            if day.weekday() in self.weekdays:
                out.append(day)
            day += timedelta(days=1)
        return out

    def weekday_text(self) -> str:
        """'Tue, Thu'."""
        return ", ".join(WEEKDAY_NAMES[d] for d in self.weekdays)


def _time(field: str, value: object) -> time:
    if isinstance(value, str):
        try:
            parsed = time.fromisoformat(value)
        except ValueError:
            raise ValidationError(field, value, "a time written HH:MM") from None
        if len(value) == 5:
            return parsed
    raise ValidationError(field, value, "a time written HH:MM")


SESSION_KEYS = frozenset({"kind", "weekdays", "start", "end", "first_day", "last_day"})


def session_from_dict(data: object) -> TreatmentSession:
    """A session from plain data; raises ValidationError naming the field."""
    if not isinstance(data, Mapping):
        raise ValidationError("treatment session", "(not an object)", "an object with kind, weekdays, start, end, "
                                                                      "first_day")
    unknown = sorted(set(data) - SESSION_KEYS)
    if unknown:
        raise ValidationError("treatment session key", unknown[0], ", ".join(sorted(SESSION_KEYS)))
    weekdays = data.get("weekdays")
    if not isinstance(weekdays, list):
        raise ValidationError("treatment days", weekdays, "a list of days of the week, Monday 0")
    return TreatmentSession(data.get("kind"), tuple(weekdays),  # type: ignore[arg-type]
                            _time("treatment start time", data.get("start")),
                            _time("treatment end time", data.get("end")),
                            iso_date("treatment first day", data.get("first_day")),
                            iso_date("treatment last day", data.get("last_day"), required=False))


def session_to_dict(session: TreatmentSession) -> dict[str, Any]:
    """Plain JSON types (times HH:MM, dates ISO)."""
    return {"kind": session.kind, "weekdays": list(session.weekdays), "start": clock(session.start),
            "end": clock(session.end), "first_day": session.first_day.isoformat(),
            "last_day": None if session.last_day is None else session.last_day.isoformat()}
