"""Capacity projection: a least-squares date stated as an estimate with its method, and proposed phase lengths."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from factories import mismatched_case
from hypothesis import given
from hypothesis import strategies as st

from rtw_planner.domain.capacity.evaluation import Effort, Evaluation
from rtw_planner.domain.case.model import Case
from rtw_planner.domain.demands.profile import Activity, Frequency, PhysicalProfile
from rtw_planner.domain.match.items import PostureMeasure
from rtw_planner.domain.match.projection import (
    CAVEAT,
    MAX_PROPOSED_WEEKS,
    Projection,
    essential_mismatch_projections,
    item_history,
    project,
    propose_phase_weeks,
)
from rtw_planner.domain.plan.phases import Contract, Phase, PhasedReturn, default_phases

F2W, OCC, FREQ = Activity.LIFT_FLOOR_TO_WAIST, Frequency.OCCASIONAL, Frequency.FREQUENT
SEP, NOV = date(2026, 9, 25), date(2026, 11, 20)
START = date(2027, 1, 4)


@pytest.fixture
def case() -> Case:
    return mismatched_case()


def dated(day: date) -> Projection:
    return Projection(day, 1.0, "test")


def test_floor_to_waist_projection(case: Case) -> None:
    history = item_history(case, F2W, OCC)
    assert history == [(SEP, 8), (NOV, 12)]
    projection = project(history, 23)
    assert projection is not None
    assert projection.estimated_date == date(2027, 4, 23)  # 0.5 kg a week: 11 kg more takes 22 weeks after 20 Nov
    assert projection.slope_per_week == pytest.approx(0.5)
    assert projection.method == "Linear trend (least squares) through 2 measurements from 25 Sep 2026 to 20 Nov 2026"
    assert projection.caveat == CAVEAT
    assert "An estimate, not a promise" in projection.caveat
    assert "not for employer-facing documents" in projection.caveat
    assert projection.reason == ""


@pytest.mark.parametrize("later", [4, 8])
def test_flat_or_falling_trend_gives_no_date(later: float) -> None:
    projection = project([(SEP, 8), (NOV, later)], 23)
    assert projection is not None
    assert projection.estimated_date is None
    assert "flat or falling" in projection.reason
    assert projection.method.startswith("Linear trend (least squares) through 2 measurements")
    assert projection.slope_per_week <= 0


@pytest.mark.parametrize("measurements", [[], [(NOV, 12)], [(NOV, 10), (NOV, 12)]])
def test_needs_two_distinct_dates(measurements: list[tuple[date, float]]) -> None:
    assert project(measurements, 23) is None


def test_least_squares_not_just_the_end_points() -> None:
    day = date(2027, 1, 4)
    points = [(day, 10.0), (day + timedelta(days=7), 11.0), (day + timedelta(days=14), 13.0)]
    projection = project(points, 16)
    assert projection is not None
    assert projection.slope_per_week == pytest.approx(1.5)  # the end points alone would give 1.5 too ...
    assert projection.estimated_date == day + timedelta(days=29)  # ... but reach day 28; the fitted line, day 28.8
    assert projection.method == "Linear trend (least squares) through 3 measurements from 4 Jan 2027 to 18 Jan 2027"
    assert project(list(reversed(points)), 16) == projection  # order of input does not matter


def test_never_earlier_than_the_last_measurement() -> None:
    projection = project([(SEP, 20), (NOV, 30)], 23)
    assert projection is not None
    assert projection.estimated_date == NOV


def test_a_very_slow_rise_gives_no_date() -> None:
    projection = project([(SEP, 8), (NOV, 8.01)], 23)
    assert projection is not None
    assert projection.estimated_date is None
    assert "ten years" in projection.reason


def test_history_uses_measured_cells_only(case: Case) -> None:
    assert item_history(case, F2W, FREQ) == [(NOV, 7)]
    assert project(item_history(case, F2W, FREQ), 12) is None
    assert item_history(case, Activity.STAND, PostureMeasure.AT_A_TIME) == [(SEP, 20), (NOV, 30)]
    assert item_history(case, Activity.STAND, PostureMeasure.PER_DAY) == [(SEP, 180), (NOV, 240)]
    assert item_history(case, Activity.PULL_INITIAL, OCC) == []
    estimated = Evaluation(date(2027, 1, 15), profile=PhysicalProfile({(F2W, OCC): 16}), estimation_rule="ns-wcb-lower")
    with_rule = replace(case, evaluations=(*case.evaluations, estimated))
    assert item_history(with_rule, F2W, FREQ) == [(NOV, 7)]  # the rule's 8 kg estimate is not a measurement
    assert item_history(with_rule, F2W, OCC)[-1] == (date(2027, 1, 15), 16)


def test_history_same_date_last_recorded_wins(case: Case) -> None:
    again = Evaluation(NOV, profile=PhysicalProfile({(F2W, OCC): 13}))
    assert item_history(replace(case, evaluations=(*case.evaluations, again)), F2W, OCC) == [(SEP, 8), (NOV, 13)]


def full_effort(case: Case) -> Case:
    """The case with every evaluation rated as full, consistent effort, so projections may use all of them."""
    return replace(case, evaluations=tuple(replace(e, effort=Effort.CONSISTENT) for e in case.evaluations))


def test_minimum_only_evaluations_are_left_out_of_projections(case: Case) -> None:
    """The September evaluation had inconsistent effort: its values are minimums, so a trend through it
    would understate the person, and one full-effort measurement is too few to project."""
    assert any(e.effort is Effort.INCONSISTENT for e in case.evaluations)
    assert all(p is None for _, p in essential_mismatch_projections(case))
    assert item_history(case, F2W, OCC, minimums=False) == [(NOV, 12)]


def test_essential_mismatch_projections(case: Case) -> None:
    found = {item.label: (p.estimated_date if p else None)
             for item, p in essential_mismatch_projections(full_effort(case))}
    assert found == {
        "Lift floor to waist, occasional": date(2027, 4, 23),
        "Lift floor to waist, frequent": None,  # measured once only
        "Standing, at a time": date(2027, 5, 7),
        "Standing, per day": date(2027, 5, 7),
    }  # carrying is a mismatch too, but no essential task involves it


def test_propose_stretches_phases_before_full_hours(case: Case) -> None:
    projections = [p for _, p in essential_mismatch_projections(full_effort(case))]
    assert propose_phase_weeks(projections, START, default_phases(), max_total_weeks=20) == [6, 6, 6, 1]
    weeks = propose_phase_weeks(projections, START, default_phases(), max_total_weeks=20)
    phases = tuple(replace(p, weeks=w) for p, w in zip(default_phases(), weeks, strict=True))
    full = PhasedReturn(Contract(37.5, 5), START, phases, 20).schedule()[-1]
    assert full.first_day >= date(2027, 5, 7)
    assert full.first_day - timedelta(days=7) < date(2027, 5, 7)  # and no later than needed


def test_propose_is_capped(case: Case) -> None:
    projections = [p for _, p in essential_mismatch_projections(full_effort(case))]
    weeks = propose_phase_weeks(projections, START)
    assert weeks == [4, 4, 3, 1]
    assert sum(weeks) == MAX_PROPOSED_WEEKS


def test_propose_leaves_lengths_alone_when_nothing_calls_for_it() -> None:
    custom = (Phase(2, 50), Phase(2, 75), Phase(1, 100))
    assert propose_phase_weeks([], START, custom) == [2, 2, 1]
    assert propose_phase_weeks([None, Projection(None, -1, "m", reason="falling")], START, custom) == [2, 2, 1]
    assert propose_phase_weeks([dated(START + timedelta(days=20))], START, custom) == [2, 2, 1]  # already late enough
    assert propose_phase_weeks([dated(date(2028, 1, 1))], START, (Phase(1, 50), Phase(1, 80))) == [1, 1]
    assert propose_phase_weeks([dated(date(2028, 1, 1))], START, (Phase(1, 100), Phase(1, 100))) == [1, 1]


def test_propose_uses_the_latest_date() -> None:
    early, late = dated(START + timedelta(days=14)), dated(START + timedelta(days=35))
    assert propose_phase_weeks([early, late, None], START) == [2, 2, 1, 1]


@given(st.lists(st.dates(date(2026, 1, 1), date(2030, 12, 31)), max_size=4), st.integers(4, 30))
def test_proposal_never_shortens_and_respects_the_cap(days: list[date], cap: int) -> None:
    weeks = propose_phase_weeks([dated(d) for d in days], START, default_phases(), cap)
    assert all(w >= 1 for w in weeks)
    assert weeks[-1] == 1
    assert sum(weeks) <= max(cap, 4)
    if days and max(days) <= START + timedelta(weeks=cap - 1):
        assert START + timedelta(weeks=sum(weeks[:-1])) >= max(days)
