"""The explained job match of a case: item results, strength levels, essential-task mismatches and caveats."""

from __future__ import annotations

from dataclasses import dataclass

from rtw_planner.domain.capacity.evaluation import Effort, Evaluation
from rtw_planner.domain.case.model import Case
from rtw_planner.domain.demands.frequency_scales import exposure_notes
from rtw_planner.domain.demands.strength import (
    DEFAULT_TABLE,
    Classification,
    capacity_loads,
    classify_capacity,
    classify_job,
    job_loads,
    load_table,
)
from rtw_planner.domain.demands.strength import meets as level_meets
from rtw_planner.domain.demands.units import format_number
from rtw_planner.domain.match.handling import UNRECORDED_SEX, HandlingCheck, handling_checks
from rtw_planner.domain.match.items import MatchItem, MatchStatus, match
from rtw_planner.domain.match.rated import RatedMatchItem, match_rated

INCONSISTENT_EFFORT = ("The evaluator recorded inconsistent effort: these results show the minimum the person "
                       "demonstrated, not their maximum.")
LEVEL_BASIS = ("Strength levels use lifting from floor to shoulder height and carrying; overhead lifting, pushing and "
               "pulling are compared item by item. A capacity level uses the lowest of those measured at each "
               "frequency.")
@dataclass(frozen=True)
class JobMatch:
    """Everything the match view, the report and the CLI show."""

    items: tuple[MatchItem, ...]
    evaluation: Evaluation | None
    job_level: Classification
    capacity_level: Classification | None
    capacity_meets_job: bool | None
    essential_mismatches: tuple[str, ...]
    notes: tuple[str, ...]
    handling: tuple[HandlingCheck, ...] = ()  # the Liberty Mutual result of each handling task
    rated_items: tuple[RatedMatchItem, ...] = ()  # DOT factors, conditions and cognitive demands the job rates

    def count(self, status: MatchStatus) -> int:
        """How many items, measured and rated, have a status."""
        return sum(1 for item in self.items if item.status is status) + sum(
            1 for rated in self.rated_items if rated.status is status)

    @property
    def total(self) -> int:
        """How many demands were compared, measured and rated."""
        return len(self.items) + len(self.rated_items)


def _gap_text(item: MatchItem) -> str:
    gap, pct = item.gap, item.gap_pct
    if gap is None or pct is None:
        return item.label
    return f"{item.label.lower()} {format_number(gap)} {item.unit} short ({pct:.0f}%)"


def job_match(case: Case, table_id: str = DEFAULT_TABLE) -> JobMatch:
    """Match the case's demands with its current (latest) evaluation and explain the result."""
    demands = case.demands
    evaluation = case.current_evaluation
    items = tuple(match(demands.profile, case.capacity, evaluation))
    table = load_table(table_id)
    job_level = classify_job(*job_loads(demands.profile), table,
                             standing_walking_most_of_day=demands.standing_walking_beyond_occasional,
                             arm_leg_controls=demands.arm_leg_controls, production_pace=demands.production_pace)
    capacity_level = classify_capacity(*capacity_loads(case.capacity), table) if evaluation else None
    meets = level_meets(capacity_level, job_level) if capacity_level else None
    by_task: dict[str, list[str]] = {}
    for item in items:
        if item.status is MatchStatus.MISMATCH:
            for task in demands.essential_tasks_involving(item.activity):
                by_task.setdefault(task.name, []).append(_gap_text(item))
    essential = [f"{task}: {'; '.join(gaps)}" for task, gaps in by_task.items()]
    notes: list[str] = []
    if evaluation is None:
        notes.append("No evaluation recorded yet: every demand is Not tested.")
    elif evaluation.effort is Effort.INCONSISTENT:
        notes.append(INCONSISTENT_EFFORT)
    if demands.from_template:
        notes.append(f"The demands come from the generic template '{demands.template or 'unnamed'}', not from a "
                     "job-site analysis: check them with the employer.")
    if any(item.estimated for item in items):
        rule = next(item.estimated_by for item in items if item.estimated)
        notes.append(f"Some capacities are estimated, not measured (rule: {rule}).")
    if not demands.tasks:
        notes.append("No tasks recorded: mark the job's essential tasks to see which mismatches affect them.")
    notes += exposure_notes(demands.profile, demands.effective_shift_hours)
    notes.append(LEVEL_BASIS)
    handling = handling_checks(case)
    if handling and case.sex is None:
        notes.append(UNRECORDED_SEX)
    for note in (*job_level.notes, *(capacity_level.notes if capacity_level else ())):
        if note not in notes:
            notes.append(note)
    return JobMatch(items, evaluation, job_level, capacity_level, meets, tuple(essential),
                    tuple(notes), handling, tuple(match_rated(demands.ratings, evaluation)))


@dataclass(frozen=True)
class ChartBar:
    """One bar of the match chart: capacity as a percentage of the demand (None when not tested)."""

    label: str
    percent_of_demand: float | None
    status: MatchStatus


def chart_bars(items: tuple[MatchItem, ...] | list[MatchItem]) -> list[ChartBar]:
    """Bars for every required item; percentages put kg, N and minutes on one scale where 100% is the demand."""
    return [ChartBar(item.label, None if item.capacity is None else 100 * item.capacity / item.demand, item.status)
            for item in items if item.status is not MatchStatus.NOT_REQUIRED]
