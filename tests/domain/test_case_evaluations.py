"""A case's evaluations: the latest governs its capacity, earlier ones stay as history; age and copies."""

from __future__ import annotations

from datetime import date

from rtw_planner.domain.capacity.evaluation import Evaluation
from rtw_planner.domain.capacity.grip import Sex
from rtw_planner.domain.case.model import Case
from rtw_planner.domain.demands.job import JobDemands
from rtw_planner.domain.demands.profile import Activity, Frequency, PhysicalProfile

LIFT = (Activity.LIFT_FLOOR_TO_WAIST, Frequency.OCCASIONAL)


def evaluation(day: date, kg: float, evaluation_id: int | None = None) -> Evaluation:
    return Evaluation(day, "P. Shah", profile=PhysicalProfile({LIFT: kg}), id=evaluation_id)


def test_without_evaluations_capacity_is_empty() -> None:
    case = Case("Ann")
    assert case.evaluations == ()
    assert case.current_evaluation is None
    assert case.capacity == PhysicalProfile()
    assert case.demands == JobDemands()
    assert case.sex is None


def test_latest_evaluation_governs_and_history_is_kept() -> None:
    first, retest = evaluation(date(2026, 9, 25), 8), evaluation(date(2026, 11, 20), 12)
    case = Case("Ann", evaluations=[retest, first])  # type: ignore[arg-type]
    assert case.evaluations == (retest, first)  # kept as recorded, as a tuple
    assert case.current_evaluation is retest
    assert case.capacity.strength[LIFT] == 12
    assert case.capacity is retest.profile


def test_same_day_evaluations_the_last_recorded_governs() -> None:
    morning, afternoon = evaluation(date(2026, 11, 20), 10), evaluation(date(2026, 11, 20), 11)
    assert Case("Ann", evaluations=(morning, afternoon)).capacity.strength[LIFT] == 11
    assert Case("Ann", evaluations=(afternoon, morning)).capacity.strength[LIFT] == 10


def test_unsaved_copy_drops_case_and_evaluation_ids() -> None:
    stored = Case("Ann", evaluations=(evaluation(date(2026, 9, 25), 8, 3), evaluation(date(2026, 11, 20), 12, 4)),
                  id=9)
    copy = stored.with_id(None)
    assert copy.id is None
    assert [e.id for e in copy.evaluations] == [None, None]
    assert [e.profile for e in copy.evaluations] == [e.profile for e in stored.evaluations]
    moved = stored.with_id(10)
    assert (moved.id, [e.id for e in moved.evaluations]) == (10, [3, 4])


def test_age_on_a_day() -> None:
    case = Case("Ann", date_of_birth=date(1984, 3, 12), sex=Sex.FEMALE)
    assert case.age_on(date(2026, 3, 11)) == 41
    assert case.age_on(date(2026, 3, 12)) == 42
    assert case.age_on(date(2026, 11, 20)) == 42
    assert Case("Ann").age_on(date(2026, 1, 1)) is None
    leap = Case("Bo", date_of_birth=date(2000, 2, 29))
    assert (leap.age_on(date(2026, 2, 28)), leap.age_on(date(2026, 3, 1))) == (25, 26)
