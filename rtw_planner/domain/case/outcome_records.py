"""Outcome records (an instrument or test on a day, with its answers and score) and the home-practice log."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.data.validation import MAX_LONG_TEXT, a_date, number_in_range, text

MAX_AMOUNT = 100_000.0


@dataclass(frozen=True)
class OutcomeRecord:
    """One administration: the answers as given ('-' is None) and the score and band worked out at the time."""

    instrument_id: str
    on: date
    answers: tuple[float | None, ...]
    score: float | None
    band: str | None = None
    notes: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "instrument_id", text("instrument", self.instrument_id, required=True,
                                                         max_length=40).upper())
        a_date("outcome date", self.on, required=True)
        answers = tuple(self.answers)
        for n, answer in enumerate(answers, start=1):
            if answer is not None:
                number_in_range(f"answer {n}", answer, -MAX_AMOUNT, MAX_AMOUNT, "")
        object.__setattr__(self, "answers", answers)
        if self.score is not None and (isinstance(self.score, bool) or not isinstance(self.score, int | float)
                                       or not math.isfinite(self.score)):
            raise ValidationError("score", self.score, "a number or none")
        object.__setattr__(self, "notes", text("outcome notes", self.notes, max_length=MAX_LONG_TEXT))


@dataclass(frozen=True)
class PracticeEntry:
    """A day of home practice: the quota for the activity, what was done, and whether the quota was met."""

    on: date
    activity: str
    quota: float | None
    done: float | None
    completed: bool

    def __post_init__(self) -> None:
        a_date("practice date", self.on, required=True)
        object.__setattr__(self, "activity", text("practice activity", self.activity, required=True))
        for field in ("quota", "done"):
            value = getattr(self, field)
            if value is not None:
                object.__setattr__(self, field, number_in_range(f"practice {field}", value, 0, MAX_AMOUNT, ""))
        if not isinstance(self.completed, bool):
            raise ValidationError("practice completed", self.completed, "true or false")


def outcome_to_dict(record: OutcomeRecord) -> dict[str, Any]:
    """Plain data."""
    return {"instrument": record.instrument_id, "on": record.on.isoformat(), "answers": list(record.answers),
            "score": record.score, "band": record.band, "notes": record.notes}


def outcome_from_dict(data: Mapping[str, Any]) -> OutcomeRecord:
    """From plain data."""
    return OutcomeRecord(str(data["instrument"]), date.fromisoformat(str(data["on"])),
                         tuple(None if a is None else a for a in data.get("answers", [])), data.get("score"),
                         data.get("band"), str(data.get("notes", "")))


def practice_to_dict(entry: PracticeEntry) -> dict[str, Any]:
    """Plain data."""
    return {"on": entry.on.isoformat(), "activity": entry.activity, "quota": entry.quota, "done": entry.done,
            "completed": entry.completed}


def practice_from_dict(data: Mapping[str, Any]) -> PracticeEntry:
    """From plain data."""
    return PracticeEntry(date.fromisoformat(str(data["on"])), str(data["activity"]), data.get("quota"),
                         data.get("done"), bool(data.get("completed", False)))
