"""A case's plan: graded-activity quotas, goals, the phased return and the chosen adjustments."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rtw_planner.domain.accommodations import SelectedNote, selected_note_from_dict, selected_note_to_dict
from rtw_planner.domain.errors import ValidationError
from rtw_planner.domain.goals import Goal, goal_from_dict, goal_to_dict
from rtw_planner.domain.phases import PhasedReturn, phased_return_from_dict, phased_return_to_dict
from rtw_planner.domain.quota import QuotaActivity, quota_from_dict, quota_to_dict


@dataclass(frozen=True)
class Plan:
    """Everything planned for a case. Quotas and goals are the clinician's; phases and notes start generated."""

    quotas: tuple[QuotaActivity, ...] = ()
    goals: tuple[Goal, ...] = ()
    phased_return: PhasedReturn | None = None
    notes: tuple[SelectedNote, ...] = ()

    def __post_init__(self) -> None:
        for name, kind in (("quotas", QuotaActivity), ("goals", Goal), ("notes", SelectedNote)):
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

    def is_empty(self) -> bool:
        """True when nothing is planned yet."""
        return not (self.quotas or self.goals or self.phased_return or self.notes)


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The plan as plain data."""
    return {
        "quotas": [quota_to_dict(q) for q in plan.quotas],
        "goals": [goal_to_dict(g) for g in plan.goals],
        "phased_return": phased_return_to_dict(plan.phased_return) if plan.phased_return else None,
        "notes": [selected_note_to_dict(n) for n in plan.notes],
    }


def plan_from_dict(data: Mapping[str, Any]) -> Plan:
    """A plan from plain data; every part validates itself."""
    phased = data.get("phased_return")
    return Plan(
        quotas=tuple(quota_from_dict(q) for q in data.get("quotas", [])),
        goals=tuple(goal_from_dict(g) for g in data.get("goals", [])),
        phased_return=phased_return_from_dict(phased) if phased is not None else None,
        notes=tuple(selected_note_from_dict(dict(n)) for n in data.get("notes", [])),
    )
