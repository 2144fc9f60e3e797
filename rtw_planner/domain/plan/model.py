"""A case's plan: graded-activity quotas, goals, the phased return and the chosen adjustments."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.data.validation import MAX_LONG_TEXT, a_date, text
from rtw_planner.domain.plan.adjustments import SelectedNote, selected_note_from_dict, selected_note_to_dict
from rtw_planner.domain.plan.exposure import FearHierarchy, hierarchy_from_dict, hierarchy_to_dict
from rtw_planner.domain.plan.fitness import FitnessStatement, fitness_from_dict, fitness_to_dict
from rtw_planner.domain.plan.goals import Goal, goal_from_dict, goal_to_dict
from rtw_planner.domain.plan.phases import PhasedReturn, phased_return_from_dict, phased_return_to_dict
from rtw_planner.domain.plan.quota import QuotaActivity, quota_from_dict, quota_to_dict
from rtw_planner.domain.plan.treatment import (
    MAX_SESSIONS,
    TreatmentSession,
    TreatmentTime,
    session_from_dict,
    session_to_dict,
)

MAX_PERSONAL_LINES = 12


def _lines(name: str, values: object) -> tuple[str, ...]:
    if isinstance(values, str) or not isinstance(values, tuple | list):
        raise ValidationError(name, "(not a list)", "a list of short texts")
    if len(values) > MAX_PERSONAL_LINES:
        raise ValidationError(name, f"{len(values)} lines", f"at most {MAX_PERSONAL_LINES} lines")
    return tuple(line for line in (text(name, v) for v in values) if line)


@dataclass(frozen=True)
class PersonalFlarePlan:
    """The patient's own flare-up plan, in their words: what sets a flare off, the early signs, what helps."""

    triggers: tuple[str, ...] = ()
    warning_signs: tuple[str, ...] = ()
    what_helps: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for name in ("triggers", "warning_signs", "what_helps"):
            object.__setattr__(self, name, _lines(f"flare-up plan {name.replace('_', ' ')}", getattr(self, name)))

    def is_empty(self) -> bool:
        """True when nothing personal was written."""
        return not (self.triggers or self.warning_signs or self.what_helps)


@dataclass(frozen=True)
class SafetyReview:
    """For safety-critical work (driving, machinery, heights): the day licensing and medication were discussed
    with the patient, and what was agreed."""

    reviewed_on: date
    note: str = ""

    def __post_init__(self) -> None:
        a_date("safety review date", self.reviewed_on, required=True)
        object.__setattr__(self, "note", text("safety review note", self.note, max_length=MAX_LONG_TEXT))


@dataclass(frozen=True)
class Plan:
    """Everything planned for a case. Quotas, goals and the chosen adjustments are the clinician's; phases start
    generated."""

    quotas: tuple[QuotaActivity, ...] = ()
    goals: tuple[Goal, ...] = ()
    phased_return: PhasedReturn | None = None
    notes: tuple[SelectedNote, ...] = ()
    fitness: FitnessStatement | None = None
    flare_plan: PersonalFlarePlan = field(default_factory=PersonalFlarePlan)
    safety_review: SafetyReview | None = None
    treatment: tuple[TreatmentSession, ...] = ()
    treatment_time: TreatmentTime = TreatmentTime.AVOID
    exposure: FearHierarchy = field(default_factory=FearHierarchy)

    def __post_init__(self) -> None:
        for name, kind in (("quotas", QuotaActivity), ("goals", Goal), ("notes", SelectedNote),
                           ("treatment", TreatmentSession)):
            values = tuple(getattr(self, name))
            if not all(isinstance(v, kind) for v in values):
                raise ValidationError(f"plan {name}", values, f"a list of {kind.__name__} values")
            object.__setattr__(self, name, values)
        names = [q.name for q in self.quotas]
        if len(set(names)) != len(names):
            raise ValidationError("quota activities", names, "each activity once")
        ids = [g.id for g in self.goals]
        if len(set(ids)) != len(ids):
            raise ValidationError("goal ids", ids, "unique ids")
        for optional, expected in (("fitness", FitnessStatement), ("safety_review", SafetyReview)):
            if getattr(self, optional) is not None and not isinstance(getattr(self, optional), expected):
                raise ValidationError(f"plan {optional.replace('_', ' ')}", "(wrong type)",
                                      f"a {expected.__name__} or none")
        if not isinstance(self.flare_plan, PersonalFlarePlan):
            raise ValidationError("plan flare-up plan", "(wrong type)", "a personal flare-up plan")
        if len(self.treatment) > MAX_SESSIONS:
            raise ValidationError("treatment sessions", f"{len(self.treatment)} sessions", f"at most {MAX_SESSIONS}")
        if not isinstance(self.exposure, FearHierarchy):
            raise ValidationError("plan fear hierarchy", "(wrong type)", "a fear hierarchy")
        if not isinstance(self.treatment_time, TreatmentTime):
            raise ValidationError("treatment time", self.treatment_time, ", ".join(t.value for t in TreatmentTime))

    def is_empty(self) -> bool:
        """True when nothing is planned yet."""
        return not (self.quotas or self.goals or self.phased_return or self.notes or self.fitness
                    or not self.flare_plan.is_empty() or self.safety_review or self.treatment
                    or not self.exposure.is_empty())


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The plan as plain data."""
    return {
        "quotas": [quota_to_dict(q) for q in plan.quotas],
        "goals": [goal_to_dict(g) for g in plan.goals],
        "phased_return": phased_return_to_dict(plan.phased_return) if plan.phased_return else None,
        "notes": [selected_note_to_dict(n) for n in plan.notes],
        "fitness": fitness_to_dict(plan.fitness) if plan.fitness else None,
        "flare_plan": {"triggers": list(plan.flare_plan.triggers), "warning_signs": list(plan.flare_plan.warning_signs),
                       "what_helps": list(plan.flare_plan.what_helps)},
        "safety_review": None if plan.safety_review is None else {
            "reviewed_on": plan.safety_review.reviewed_on.isoformat(), "note": plan.safety_review.note},
        # Written only when there is something, so a plan stored before they existed reads back unchanged.
        **({"treatment": {"time": plan.treatment_time.value, "sessions": [session_to_dict(s) for s in plan.treatment]}}
           if plan.treatment or plan.treatment_time is not TreatmentTime.AVOID else {}),
        **({"exposure": hierarchy_to_dict(plan.exposure)} if not plan.exposure.is_empty() else {}),
    }


def _treatment(data: object) -> tuple[tuple[TreatmentSession, ...], TreatmentTime]:
    if data is None:
        return (), TreatmentTime.AVOID
    if not isinstance(data, Mapping):
        raise ValidationError("treatment", "(not an object)", "an object with time and sessions")
    unknown = sorted(set(data) - {"time", "sessions"})
    if unknown:
        raise ValidationError("treatment key", unknown[0], "time or sessions")
    sessions = data.get("sessions", [])
    if not isinstance(sessions, list):
        raise ValidationError("treatment sessions", "(not a list)", "a list of sessions")
    try:
        mode = TreatmentTime(data.get("time", TreatmentTime.AVOID.value))
    except ValueError:
        raise ValidationError("treatment time", data.get("time"), ", ".join(t.value for t in TreatmentTime)) from None
    return tuple(session_from_dict(s) for s in sessions), mode


def _flare_plan(data: object) -> PersonalFlarePlan:
    if data is None:
        return PersonalFlarePlan()
    if not isinstance(data, Mapping):
        raise ValidationError("flare-up plan", "(not an object)", "an object with triggers, warning_signs, what_helps")
    unknown = sorted(set(data) - {"triggers", "warning_signs", "what_helps"})
    if unknown:
        raise ValidationError("flare-up plan key", unknown[0], "triggers, warning_signs or what_helps")
    return PersonalFlarePlan(data.get("triggers", ()), data.get("warning_signs", ()), data.get("what_helps", ()))


def _safety_review(data: object) -> SafetyReview | None:
    if data is None:
        return None
    if not isinstance(data, Mapping) or not isinstance(data.get("reviewed_on"), str):
        raise ValidationError("safety review", "(not an object)", "an object with reviewed_on (YYYY-MM-DD) and note")
    try:
        day = date.fromisoformat(data["reviewed_on"])
    except ValueError:
        raise ValidationError("safety review date", data["reviewed_on"], "a date written YYYY-MM-DD") from None
    return SafetyReview(day, data.get("note", ""))


def plan_from_dict(data: Mapping[str, Any]) -> Plan:
    """A plan from plain data; every part validates itself."""
    phased = data.get("phased_return")
    treatment, treatment_time = _treatment(data.get("treatment"))
    return Plan(
        quotas=tuple(quota_from_dict(q) for q in data.get("quotas", [])),
        goals=tuple(goal_from_dict(g) for g in data.get("goals", [])),
        phased_return=phased_return_from_dict(phased) if phased is not None else None,
        notes=tuple(selected_note_from_dict(dict(n)) for n in data.get("notes", [])),
        fitness=fitness_from_dict(data["fitness"]) if data.get("fitness") is not None else None,
        flare_plan=_flare_plan(data.get("flare_plan")),
        safety_review=_safety_review(data.get("safety_review")),
        treatment=treatment, treatment_time=treatment_time, exposure=hierarchy_from_dict(data.get("exposure")),
    )
