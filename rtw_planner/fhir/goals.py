"""SMART goals as Goal resources: the activity, the target and its date, the status, the measure, the quota
activity that builds towards it and its dated milestones."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rtw_planner.domain.plan.goals import Goal, GoalStatus, Milestone
from rtw_planner.fhir import FhirError
from rtw_planner.fhir.vocabulary import (
    BASE,
    GOAL_ID,
    a_date,
    coding,
    enum_system,
    enum_value,
    extension_value,
    number,
    reference,
    text_extension,
)

ACHIEVEMENT = "http://terminology.hl7.org/CodeSystem/goal-achievement"
LIFECYCLE = {GoalStatus.NOT_STARTED: "accepted", GoalStatus.IN_PROGRESS: "active", GoalStatus.ACHIEVED: "completed",
             GoalStatus.REVISED: "active", GoalStatus.DROPPED: "cancelled"}
ACHIEVED = {GoalStatus.IN_PROGRESS: "in-progress", GoalStatus.ACHIEVED: "achieved"}
MILESTONE = f"{BASE}/StructureDefinition/milestone"


def _milestone(milestone: Milestone) -> dict[str, Any]:
    parts: list[dict[str, Any]] = [{"url": "description", "valueString": milestone.description},
                                   {"url": "due", "valueDate": milestone.due.isoformat()},
                                   {"url": "done", "valueBoolean": milestone.done}]
    parts += [{"url": "amount", "valueDecimal": milestone.amount}] if milestone.amount is not None else []
    return {"url": MILESTONE, "extension": parts}


def goal_resource(goal: Goal, patient_url: str) -> dict[str, Any]:
    """The goal; its status as FHIR's lifecycle and achievement, with the program's own status code beside them."""
    achievement = [coding(ACHIEVEMENT, ACHIEVED[goal.status])] if goal.status in ACHIEVED else []
    target: dict[str, Any] = {"detailString": goal.target, "dueDate": goal.due.isoformat()}
    if goal.measure:
        target["measure"] = {"text": goal.measure}
    ext = text_extension("goal-quota-activity", goal.quota_activity or "")
    ext += [_milestone(m) for m in goal.milestones]
    out: dict[str, Any] = {
        "resourceType": "Goal", "identifier": [{"system": GOAL_ID, "value": goal.id}],
        "lifecycleStatus": LIFECYCLE[goal.status],
        "achievementStatus": {"coding": [*achievement, coding(enum_system(GoalStatus), goal.status.value)]},
        "description": {"text": goal.activity}, "subject": reference(patient_url), "target": [target]}
    if ext:
        out["extension"] = ext
    return out


def _read_milestone(element: Mapping[str, Any], where: str) -> Milestone:
    parts = {e.get("url"): next(v for k, v in e.items() if k.startswith("value")) for e in element.get("extension", [])}
    if "description" not in parts or "due" not in parts:
        raise FhirError(f"{where} milestone: expected a description and a due date")
    amount = parts.get("amount")
    return Milestone(parts["description"], a_date(parts["due"], f"{where} milestone due"), bool(parts.get("done")),
                     None if amount is None else number(amount, f"{where} milestone amount"))


def goal_id(resource: Mapping[str, Any]) -> str | None:
    """The goal's id in the program."""
    return next((i.get("value") for i in resource.get("identifier", []) if i.get("system") == GOAL_ID), None)


def read_goal(resource: Mapping[str, Any], where: str) -> Goal:
    """A goal back."""
    targets = resource.get("target", [])
    if len(targets) != 1 or "detailString" not in targets[0]:
        raise FhirError(f"{where}.target: expected one target with its text and due date")
    target = targets[0]
    milestones = tuple(_read_milestone(e, where) for e in resource.get("extension", []) if e.get("url") == MILESTONE)
    return Goal(goal_id(resource) or "", resource.get("description", {}).get("text", ""), target["detailString"],
                a_date(target.get("dueDate"), f"{where}.target.dueDate"),
                enum_value(GoalStatus, resource.get("achievementStatus"), f"{where}.achievementStatus"), milestones,
                extension_value(resource, "goal-quota-activity"), (target.get("measure") or {}).get("text"))

