"""The clinician's fitness-for-work outcome, as the UK fit note and AHP report word it, with its period."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.data.validation import a_date, iso_date


class FitnessOutcome(StrEnum):
    """What the clinician decided about work; nothing is assumed when none was chosen."""

    NOT_FIT = "not_fit"
    MAY_BE_FIT = "may_be_fit"
    FIT = "fit"

    @property
    def label(self) -> str:
        """The form's words."""
        return {"not_fit": "Not fit for work", "may_be_fit": "May be fit for work with the advice below",
                "fit": "Fit for usual work"}[self.value]


@dataclass(frozen=True)
class FitnessStatement:
    """The outcome and the period it covers. Not fit: from (the issue date when empty) to a date the clinician
    sets. May be fit: from the phased return's start (or `from_date`) to its end (or `to_date`). Fit: from a date."""

    outcome: FitnessOutcome
    from_date: date | None = None
    to_date: date | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.outcome, FitnessOutcome):
            raise ValidationError("fitness outcome", self.outcome, ", ".join(o.value for o in FitnessOutcome))
        first = a_date("fitness from", self.from_date)
        last = a_date("fitness to", self.to_date)
        if first is not None and last is not None and last < first:
            raise ValidationError("fitness to", last.isoformat(), f"a date on or after {first.isoformat()}")
        if self.outcome is FitnessOutcome.FIT and last is not None:
            raise ValidationError("fitness to", last.isoformat(), "empty: fit for usual work has no end date")


def fitness_to_dict(statement: FitnessStatement) -> dict[str, Any]:
    """Plain JSON types."""
    return {"outcome": statement.outcome.value,
            "from": statement.from_date.isoformat() if statement.from_date else None,
            "to": statement.to_date.isoformat() if statement.to_date else None}


def fitness_from_dict(data: object) -> FitnessStatement:
    """The statement back from `fitness_to_dict`; raises ValidationError naming the field."""
    if not isinstance(data, Mapping):
        raise ValidationError("fitness", "(not an object)", "an object with outcome, from and to")
    unknown = sorted(set(data) - {"outcome", "from", "to"})
    if unknown:
        raise ValidationError("fitness key", unknown[0], "outcome, from or to")
    outcome = data.get("outcome")
    if outcome not in [o.value for o in FitnessOutcome]:
        raise ValidationError("fitness outcome", outcome, ", ".join(o.value for o in FitnessOutcome))
    return FitnessStatement(FitnessOutcome(outcome), iso_date("fitness from", data.get("from"), required=False),
                            iso_date("fitness to", data.get("to"), required=False))
