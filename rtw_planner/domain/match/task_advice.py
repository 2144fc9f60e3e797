"""Which of the job's tasks a person can do now, do within limits, or should avoid until assessed, from the match."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from rtw_planner.domain.demands.job import Task
from rtw_planner.domain.demands.units import MassUnit
from rtw_planner.domain.match.items import MatchItem, MatchStatus
from rtw_planner.domain.match.restrictions import Restriction, restriction_for
from rtw_planner.domain.match.safety import critical_task


class Advice(StrEnum):
    """What to do about one task, from the match of the demand items it involves."""

    DO = "do"  # every item it involves is within measured capacity
    WITH_LIMITS = "with_limits"  # some item is beyond capacity: the task stays within the named limits
    AVOID_UNTIL_ASSESSED = "avoid_until_assessed"  # some item has not been assessed: nothing is known about it
    # Safety-critical work (driving, machinery, heights) cannot be paused to keep a limit: avoided while one applies.
    AVOID_WHILE_LIMITED = "avoid_while_limited"
    NO_DEMANDS = "no_demands"  # it involves no recorded demand item, so the match says nothing about it

    @property
    def label(self) -> str:
        """Plain words."""
        return {"do": "Can do", "with_limits": "Can do within limits", "avoid_until_assessed":
                "Avoid until assessed", "avoid_while_limited": "Avoid while the limits apply",
                "no_demands": "No physical demands recorded"}[self.value]


@dataclass(frozen=True)
class TaskAdvice:
    """One task, the advice, the limits that apply to it (in the document's unit) and the items not assessed."""

    task: Task
    advice: Advice
    limits: tuple[Restriction, ...] = ()
    not_assessed: tuple[MatchItem, ...] = ()


def advise(task: Task, items: Iterable[MatchItem], unit: MassUnit = MassUnit.KG) -> TaskAdvice:
    """The advice for one task. Not assessed outranks a mismatch: an unknown demand may be the unsafe one, so the
    task waits for the assessment; otherwise any mismatch makes it a task within limits, naming each limit, except
    safety-critical work (a bus route cannot stop every 30 minutes), which is avoided while a limit applies."""
    involved = [i for i in items if i.activity in task.activities and i.status is not MatchStatus.NOT_REQUIRED]
    untested = tuple(i for i in involved if i.status is MatchStatus.NOT_TESTED)
    if untested:
        return TaskAdvice(task, Advice.AVOID_UNTIL_ASSESSED, not_assessed=untested)
    limits = tuple(r for r in (restriction_for(i, unit) for i in involved) if r is not None)
    if limits:
        kind = Advice.AVOID_WHILE_LIMITED if critical_task(task.name) else Advice.WITH_LIMITS
        return TaskAdvice(task, kind, limits)
    return TaskAdvice(task, Advice.DO if involved else Advice.NO_DEMANDS)


def advise_tasks(tasks: Iterable[Task], items: Iterable[MatchItem],
                 unit: MassUnit = MassUnit.KG) -> tuple[TaskAdvice, ...]:
    """Advice for every task of the job, in the job's order."""
    compared = tuple(items)
    return tuple(advise(task, compared, unit) for task in tasks)


def by_advice(advice: Iterable[TaskAdvice]) -> dict[Advice, tuple[TaskAdvice, ...]]:
    """The tasks grouped by advice, each group in the job's order, every group present."""
    found = tuple(advice)
    return {kind: tuple(a for a in found if a.advice is kind) for kind in Advice}
