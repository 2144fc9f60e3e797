"""Entries that pass validation but are probably wrong: each warning names where to look, the value, and what was
expected, in plain words. Shown at the field, in the tab's title, in the case summary and in the pre-flight."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.demands.profile import STRENGTH_ACTIVITIES, ActivityKind, Frequency, PhysicalProfile
from rtw_planner.domain.demands.strength import StrengthTableError, job_loads
from rtw_planner.domain.demands.units import format_number


class Tab(StrEnum):
    """Where the entry is edited."""

    DETAILS = "details"
    DEMANDS = "demands"
    CAPACITY = "capacity"
    PLAN = "plan"
    PROGRESS = "progress"


class Table(StrEnum):
    """A table whose cells a warning can point at."""

    DEMANDS_STRENGTH = "demands strength"
    CAPACITY_STRENGTH = "capacity strength"
    RATINGS = "ratings"
    QUOTAS = "quotas"
    GOALS = "goals"
    OUTCOMES = "outcomes"
    PRACTICE = "practice"


@dataclass(frozen=True)
class Cell:
    """The table cell a warning is about, so the screen can mark it: the row's key (an activity id, a quota's name,
    a goal's id, a record's position in the case), the column's name, and for an evaluation its date."""

    table: Table
    row: str
    column: str
    scope: str = ""


@dataclass(frozen=True)
class Plausibility:
    """One warning: the tab and the field, what looks wrong (with the value), and what was expected; the table
    cell when the field is one."""

    tab: Tab
    field: str
    problem: str
    expected: str
    cell: Cell | None = None

    def __str__(self) -> str:
        return f"{self.field}: {self.problem} {self.expected}"


ORDER = (Frequency.OCCASIONAL, Frequency.FREQUENT, Frequency.CONSTANT)


def _frequency_order(profile: PhysicalProfile, tab: Tab, where: str, scope: str = "") -> list[Plausibility]:
    """A load or force done more often should not be larger than one done less often."""
    table = Table.DEMANDS_STRENGTH if tab is Tab.DEMANDS else Table.CAPACITY_STRENGTH
    out = []
    for activity in STRENGTH_ACTIVITIES:
        values = [(f, profile.strength.get((activity, f))) for f in ORDER]
        given = [(f, v) for f, v in values if v]
        for (rarer, low), (commoner, high) in zip(given, given[1:], strict=False):
            if high > low:
                unit = " kg" if activity.kind is ActivityKind.MASS else " N"
                out.append(Plausibility(tab, f"{where}: {activity.label}", f"the {commoner.value} value ("
                           f"{format_number(high)}{unit}) is above the {rarer.value} one ({format_number(low)}{unit}).",
                           "A load done more often is usually lighter; check the columns.",
                                       Cell(table, activity.value, commoner.value, scope)))
    return out


def _strength_rating(case: Case) -> list[Plausibility]:
    """The DOT strength level rated by hand should be the level the job's own loads give."""
    rated = case.demands.strength_rating
    if rated is None or not any(job_loads(case.demands.profile)):
        return []
    from rtw_planner.domain.case.job_templates import computed_level  # reads the DOT table only when needed

    try:
        loads_give = computed_level(case.demands)
    except StrengthTableError:
        return []
    if loads_give is rated:
        return []
    return [Plausibility(Tab.DEMANDS, "DOT factors: Strength", f"rated {rated.label}, but the loads entered make "
                         f"the job {loads_give.label} on the DOT table.",
                         "Rate it from the heaviest lift, carry, push or pull, or check the loads.",
                         Cell(Table.RATINGS, "strength", "rating"))]


def _dates(case: Case, today: date) -> list[Plausibility]:
    out = []
    for evaluation in case.evaluations:
        if evaluation.assessed_on > today:
            out.append(Plausibility(Tab.CAPACITY, "Evaluation date", f"{evaluation.assessed_on.isoformat()} is in the "
                                    "future.", "Use the day the assessment took place."))
    for position, record in enumerate(case.outcomes):
        if record.on > today:
            out.append(Plausibility(Tab.PROGRESS, f"{record.instrument_id} date", f"{record.on.isoformat()} is in "
                                    "the future, so it would count as the latest score.", "Use the day it was done.",
                                    Cell(Table.OUTCOMES, str(position), "date")))
    current = case.current_evaluation
    start = case.rtw_start_date or (case.plan.phased_return.start if case.plan.phased_return else None)
    if current is not None and start is not None and start < current.assessed_on:
        out.append(Plausibility(Tab.PLAN, "Return-to-work start", f"{start.isoformat()} is before the evaluation of "
                                f"{current.assessed_on.isoformat()} the plan is based on.",
                                "Start the return after the assessment."))
    for goal in case.plan.goals:
        if goal.status.is_open and goal.due < today:
            out.append(Plausibility(Tab.PLAN, f"Goal '{goal.id}' due date", f"{goal.due.isoformat()} has passed and "
                                    "the goal is still open.", "Mark it achieved, revised or dropped, or set a new "
                                    "date.", Cell(Table.GOALS, goal.id, "by")))
    return out


def _plan(case: Case) -> list[Plausibility]:
    out = []
    for quota in case.plan.quotas:
        if quota.goal <= quota.baseline:
            out.append(Plausibility(Tab.PLAN, f"Quota '{quota.name}' goal", f"{format_number(quota.goal)} "
                                    f"{quota.unit.value} is not above the baseline of "
                                    f"{format_number(quota.baseline)} {quota.unit.value}.",
                                    "A goal above what the trials already show, so the quota can build towards it.",
                                    Cell(Table.QUOTAS, quota.name, "goal")))
    return out


def _practice(case: Case) -> list[Plausibility]:
    """A day marked 'quota met' with less done than the quota."""
    out = []
    for position, entry in enumerate(case.practice_log):
        if entry.completed and entry.quota is not None and entry.done is not None and entry.done < entry.quota:
            out.append(Plausibility(Tab.PROGRESS, f"Practice on {entry.on.isoformat()}", f"marked as quota met, but "
                                    f"{format_number(entry.done)} done against a quota of "
                                    f"{format_number(entry.quota)}.", "Mark it not met, or correct the amount.",
                                    Cell(Table.PRACTICE, str(position), "done")))
    return out


def plausibility(case: Case, today: date) -> tuple[Plausibility, ...]:
    """Every warning for the case, by tab: demands, capacity, plan, progress, then dates."""
    out = _frequency_order(case.demands.profile, Tab.DEMANDS, "Job demands") + _strength_rating(case)
    for evaluation in case.evaluations:
        on = evaluation.assessed_on.isoformat()
        out += _frequency_order(evaluation.profile, Tab.CAPACITY, f"Evaluation of {on}", on)
    out += _plan(case) + _practice(case) + _dates(case, today)
    return tuple(out)
