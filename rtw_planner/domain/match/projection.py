"""Capacity projection: an estimated date when a re-measured item will meet its demand. Clinical use only."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from rtw_planner.domain.capacity.evaluation import Effort
from rtw_planner.domain.case.model import Case
from rtw_planner.domain.demands.profile import Activity, Frequency
from rtw_planner.domain.demands.units import format_number
from rtw_planner.domain.match.items import MatchItem, MatchStatus, PostureMeasure
from rtw_planner.domain.match.job import job_match
from rtw_planner.domain.plan.phases import Phase, default_phases

# A projection is an estimate for the clinician's planning. It is never a promise, never changes a restriction
# (those follow measured capacity only) and never goes into an employer-facing document.
CAVEAT = ("An estimate, not a promise: it assumes capacity keeps changing in a straight line as it has between "
          "the measurements, and recovery often does not. Restrictions change only when capacity is re-measured. "
          "For clinical planning only; not for employer-facing documents.")
HORIZON_DAYS = 3653  # a date more than ten years after the last measurement is not worth stating
MAX_PROPOSED_WEEKS = 12  # propose_phase_weeks never stretches a plan beyond this


@dataclass(frozen=True)
class Projection:
    """When a straight-line trend reaches the demand. `estimated_date` is None when it does not, and `reason`
    then says why."""

    estimated_date: date | None
    slope_per_week: float
    method: str
    caveat: str = CAVEAT
    reason: str = ""


def _day(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def project(measurements: Sequence[tuple[date, float]], demand: float) -> Projection | None:
    """Fit a least-squares line to dated measurements (days on x, capacity on y) and estimate the day it reaches
    the demand, never earlier than the last measurement. None with fewer than two distinct dates."""
    points = sorted(measurements)
    if len({day for day, _ in points}) < 2:
        return None
    first, last = points[0][0], points[-1][0]
    xs = [(day - first).days for day, _ in points]
    ys = [float(value) for _, value in points]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mean_x) ** 2 for x in xs)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / sxx
    intercept = mean_y - slope * mean_x
    method = f"Linear trend (least squares) through {len(points)} measurements from {_day(first)} to {_day(last)}"
    per_week = slope * 7
    if slope <= 0:
        return Projection(None, per_week, method, reason=f"The trend is flat or falling ({format_number(per_week, 2)} "
                          "a week), so it gives no date for reaching the demand.")
    reach = (demand - intercept) / slope  # days after the first measurement
    last_x = xs[-1]
    if reach - last_x > HORIZON_DAYS:
        return Projection(None, per_week, method, reason="At this rate the demand would not be reached within ten "
                          "years of the last measurement.")
    days = max(math.ceil(reach - 1e-9), last_x)
    return Projection(first + timedelta(days=days), per_week, method)


def item_history(case: Case, activity: Activity, frequency_or_measure: Frequency | PostureMeasure, *,
                 minimums: bool = True) -> list[tuple[date, float]]:
    """Measured values of one item across the case's evaluations, oldest first. Only the exact cell counts (no
    estimate, no value from another frequency); on a date with several evaluations the last recorded wins, as
    it does for the current evaluation. `minimums` False leaves out evaluations with inconsistent effort, whose
    values are only the least the person showed."""
    by_date: dict[date, float] = {}
    for evaluation in sorted(case.evaluations, key=lambda e: e.assessed_on):  # stable: recording order kept
        if not minimums and evaluation.effort is Effort.INCONSISTENT:
            continue
        profile = evaluation.profile
        if isinstance(frequency_or_measure, Frequency):
            value = profile.strength.get((activity, frequency_or_measure))
        else:
            held = profile.postures.get(activity)
            value = None if held is None else (held.minutes_at_a_time if frequency_or_measure is
                                               PostureMeasure.AT_A_TIME else held.minutes_per_day)
        if value is not None:
            by_date[evaluation.assessed_on] = value
    return sorted(by_date.items())


def essential_mismatch_projections(case: Case) -> list[tuple[MatchItem, Projection | None]]:
    """A projection for every mismatched item that an essential task involves (None with too few measurements),
    from evaluations with full effort only: a trend through minimum values would understate the person."""
    out: list[tuple[MatchItem, Projection | None]] = []
    for item in job_match(case).items:
        if item.status is MatchStatus.MISMATCH and case.demands.essential_tasks_involving(item.activity):
            key = item.frequency if item.frequency is not None else item.measure
            history = item_history(case, item.activity, key, minimums=False) if key is not None else []
            out.append((item, project(history, item.demand)))
    return out


def propose_phase_weeks(projections: Iterable[Projection | None], start: date,
                        phases: Sequence[Phase] | None = None, max_total_weeks: int = MAX_PROPOSED_WEEKS) -> list[int]:
    """Phase lengths that let the first 100% phase start no earlier than the latest projected date.

    Only projections with a date count (pass those of the essential mismatched items). The weeks before the first
    100% phase are lengthened, one week at a time round the phases from the first, until that phase starts on or
    after the date; they are never shortened, and the whole plan is not stretched beyond `max_total_weeks`. With
    no dated projection, no 100% phase, or a 100% first phase, the lengths come back unchanged."""
    plan = tuple(phases) if phases is not None else default_phases()
    weeks = [p.weeks for p in plan]
    dates = [p.estimated_date for p in projections if p is not None and p.estimated_date is not None]
    full = next((i for i, p in enumerate(plan) if p.percent >= 100), None)
    if not dates or not full:
        return weeks
    needed = math.ceil((max(dates) - start).days / 7)
    wanted = min(needed, max_total_weeks - sum(weeks[full:]))
    for step in range(max(0, wanted - sum(weeks[:full]))):
        weeks[step % full] += 1
    return weeks
