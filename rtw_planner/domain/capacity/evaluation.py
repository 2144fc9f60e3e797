"""A dated functional capacity evaluation: who, how, effort, the measurements, grip and any estimation rule."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING

from rtw_planner.assets import resource_path
from rtw_planner.domain.capacity.grip import Handedness
from rtw_planner.domain.capacity.tolerances import Tolerance, ToleranceKey, check_tolerances
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.data.validation import MAX_LONG_TEXT, a_date, text
from rtw_planner.domain.demands.profile import Activity, ActivityKind, Frequency, PhysicalProfile

if TYPE_CHECKING:
    from rtw_planner.domain.capacity.grip import GripTrials


class Effort(StrEnum):
    """The evaluator's judgement of effort and consistency."""

    CONSISTENT = "consistent"
    INCONSISTENT = "inconsistent"
    NOT_RECORDED = "not_recorded"

    @property
    def label(self) -> str:
        """Plain words."""
        return {"consistent": "Consistent, full effort", "inconsistent": "Inconsistent effort",
                "not_recorded": "Not recorded"}[self.value]


@dataclass(frozen=True)
class EstimationRule:
    """A named rule that estimates frequent and constant capacity from the occasional value."""

    id: str
    name: str
    source: str
    frequent_fraction_of_occasional: float
    constant_fraction_of_occasional: float

    def estimate(self, occasional: float, frequency: Frequency) -> float | None:
        """The estimated capacity at a frequency, or None for occasional (which must be measured)."""
        if frequency is Frequency.FREQUENT:
            return occasional * self.frequent_fraction_of_occasional
        if frequency is Frequency.CONSTANT:
            return occasional * self.constant_fraction_of_occasional
        return None


@cache
def estimation_rules() -> dict[str, EstimationRule]:
    """The rules shipped in resources/estimation-rules.json (or the clinic's copy)."""
    data = json.loads(resource_path("estimation-rules.json").read_text(encoding="utf-8"))
    return {r["id"]: EstimationRule(**r) for r in data["rules"]}


@dataclass(frozen=True)
class Evaluation:
    """One evaluation. Grip holds at most one set of three trials per hand; tolerances hold the rated items."""

    assessed_on: date
    evaluator: str = ""
    protocol: str = ""
    effort: Effort = Effort.NOT_RECORDED
    effort_notes: str = ""
    profile: PhysicalProfile = field(default_factory=PhysicalProfile)
    grip: tuple[GripTrials, ...] = ()
    estimation_rule: str | None = None
    dominant_hand: Handedness | None = None
    id: int | None = None
    tolerances: Mapping[ToleranceKey, Tolerance] = field(default_factory=dict)  # DOT factors, conditions, cognitive

    def __post_init__(self) -> None:
        a_date("evaluation date", self.assessed_on, required=True)
        object.__setattr__(self, "evaluator", text("evaluator", self.evaluator))
        object.__setattr__(self, "protocol", text("protocol", self.protocol))
        if not isinstance(self.effort, Effort):
            raise ValidationError("effort", self.effort, ", ".join(e.value for e in Effort))
        object.__setattr__(self, "effort_notes", text("effort notes", self.effort_notes, max_length=MAX_LONG_TEXT))
        if not isinstance(self.profile, PhysicalProfile):
            raise ValidationError("capacity", self.profile, "a physical profile")
        grip = tuple(self.grip)
        hands = [g.hand for g in grip]
        if len(set(hands)) != len(hands):
            raise ValidationError("grip", [h.value for h in hands], "one set of three trials per hand")
        object.__setattr__(self, "grip", grip)
        if self.dominant_hand is not None and not isinstance(self.dominant_hand, Handedness):
            raise ValidationError("dominant hand", self.dominant_hand, "not recorded or one of "
                                  + ", ".join(h.value for h in Handedness))
        object.__setattr__(self, "tolerances", check_tolerances(self.tolerances))
        if self.estimation_rule is not None and self.estimation_rule not in estimation_rules():
            raise ValidationError("estimation rule", self.estimation_rule,
                                  "none or one of " + ", ".join(estimation_rules()))

    @property
    def rule(self) -> EstimationRule | None:
        """The chosen estimation rule, if any."""
        return estimation_rules()[self.estimation_rule] if self.estimation_rule else None

    @property
    def label(self) -> str:
        """'20 Nov 2026, Priya Shah; WorkWell FCE': how outputs name the evaluation."""
        parts = [f"{self.assessed_on.day} {self.assessed_on:%b %Y}", self.evaluator]
        return "; ".join(p for p in (", ".join(p for p in parts if p), self.protocol) if p)

    def estimated(self, activity: Activity, frequency: Frequency) -> float | None:
        """The chosen rule's estimate for an unmeasured cell, from the measured occasional value."""
        rule = self.rule
        if rule is None or activity.kind is ActivityKind.POSTURE or (activity, frequency) in self.profile.strength:
            return None
        occasional = self.profile.strength.get((activity, Frequency.OCCASIONAL))
        return None if occasional is None else rule.estimate(occasional, frequency)


def latest(evaluations: tuple[Evaluation, ...]) -> Evaluation | None:
    """The evaluation that governs: the most recent date; on the same date, the one recorded last."""
    if not evaluations:
        return None
    return max(enumerate(evaluations), key=lambda pair: (pair[1].assessed_on, pair[0]))[1]
