"""Where an edit lands in a case: a path of fields, tuple items and mapping entries, and the part it is in."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Hashable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.data.errors import ValidationError


class Part(StrEnum):
    """A part of the case that a view shows; an edit names the parts it changed so only their views refresh."""

    DETAILS = "details"  # the person, the job title, the clinician, consents
    DEMANDS = "demands"
    CAPACITY = "capacity"  # the evaluations
    PLAN = "plan"  # the plan, the return-to-work start and the next appointment
    PROGRESS = "progress"  # outcome records and the practice log


PART_OF_FIELD = {
    "patient_name": Part.DETAILS, "date_of_birth": Part.DETAILS, "sex": Part.DETAILS, "employer": Part.DETAILS,
    "job_title": Part.DETAILS, "clinician": Part.DETAILS, "diagnosis": Part.DETAILS, "review_date": Part.DETAILS,
    "consents": Part.DETAILS, "workers_comp_claim": Part.DETAILS, "demands": Part.DEMANDS,
    "evaluations": Part.CAPACITY, "rtw_start_date": Part.PLAN, "next_appointment": Part.PLAN, "plan": Part.PLAN,
    "outcomes": Part.PROGRESS, "practice_log": Part.PROGRESS,
}


class Lens(ABC):
    """Reads one value of a case and builds the case with that value replaced (validated as a whole)."""

    @abstractmethod
    def get(self, case: Case) -> Any:
        """The value in this case."""

    @abstractmethod
    def put(self, case: Case, value: Any) -> Case:
        """The case with the value replaced. Raises ValidationError when the result is not a valid case."""

    @property
    @abstractmethod
    def part(self) -> Part:
        """The part of the case the value belongs to."""


@dataclass(frozen=True)
class CaseField(Lens):
    """A field of the case itself (the id is not editable)."""

    name: str

    def __post_init__(self) -> None:
        if self.name not in PART_OF_FIELD:
            raise ValueError(f"not an editable case field: {self.name}")

    def get(self, case: Case) -> Any:
        return getattr(case, self.name)

    def put(self, case: Case, value: Any) -> Case:
        return replace(case, **{self.name: value})

    @property
    def part(self) -> Part:
        return PART_OF_FIELD[self.name]


@dataclass(frozen=True)
class Attr(Lens):
    """A field of a frozen dataclass value found through `parent`."""

    parent: Lens
    name: str

    def get(self, case: Case) -> Any:
        owner = self.parent.get(case)
        return None if owner is None else getattr(owner, self.name)

    def put(self, case: Case, value: Any) -> Case:
        owner = self.parent.get(case)
        if owner is None:  # e.g. the contract of a phased return that does not exist yet
            raise ValidationError(self.name.replace("_", " "), value, "a value of something already recorded")
        return self.parent.put(case, replace(owner, **{self.name: value}))

    @property
    def part(self) -> Part:
        return self.parent.part


@dataclass(frozen=True)
class Item(Lens):
    """One item of a tuple found through `parent`."""

    parent: Lens
    index: int

    def get(self, case: Case) -> Any:
        return self.parent.get(case)[self.index]

    def put(self, case: Case, value: Any) -> Case:
        items = list(self.parent.get(case))
        items[self.index] = value
        return self.parent.put(case, tuple(items))

    @property
    def part(self) -> Part:
        return self.parent.part


@dataclass(frozen=True)
class Entry(Lens):
    """One entry of a mapping found through `parent`; None stands for no entry (blank, not recorded)."""

    parent: Lens
    key: Hashable

    def get(self, case: Case) -> Any:
        return self.parent.get(case).get(self.key)

    def put(self, case: Case, value: Any) -> Case:
        entries = dict(self.parent.get(case))
        if value is None:
            entries.pop(self.key, None)
        else:
            entries[self.key] = value
        return self.parent.put(case, entries)

    @property
    def part(self) -> Part:
        return self.parent.part


# The paths the screens edit, named once.
DEMANDS = CaseField("demands")
DEMANDS_PROFILE = Attr(DEMANDS, "profile")
EVALUATIONS = CaseField("evaluations")
PLAN = CaseField("plan")
PHASED_RETURN = Attr(PLAN, "phased_return")


def evaluation(index: int) -> Item:
    """The evaluation at a position in the case's list."""
    return Item(EVALUATIONS, index)
