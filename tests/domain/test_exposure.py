"""Graded exposure: the ladder from the least feared up, the rule for moving up, and reading and writing."""

from __future__ import annotations

from datetime import date

import pytest
from factories import EXPOSURES, FEARS, case_data, planned_case, with_exposure

from rtw_planner.domain.case import casefile
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.plan.exposure import (
    FearedActivity,
    FearExposure,
    FearHierarchy,
    fear_dropped,
    hierarchy_from_dict,
    hierarchy_to_dict,
)
from rtw_planner.domain.plan.model import Plan, plan_to_dict

HIERARCHY = FearHierarchy(FEARS, EXPOSURES)


def test_the_ladder_runs_from_the_least_feared_up() -> None:
    ladder = HIERARCHY.ladder()
    assert [(s.number, s.activity.id, s.activity.fear) for s in ladder] == [(1, "walk", 30), (2, "carry", 60),
                                                                            (3, "bend", 80)]
    assert [len(s.exposures) for s in ladder] == [2, 2, 0]


def test_equal_ratings_keep_the_order_entered() -> None:
    hierarchy = FearHierarchy((FearedActivity("b", "Stairs", 40), FearedActivity("a", "Hoovering", 40)))
    assert [s.activity.id for s in hierarchy.ladder()] == ["b", "a"]


def test_the_current_step_is_the_lowest_not_yet_climbed() -> None:
    step = HIERARCHY.current_step()
    assert step is not None
    assert step.activity.id == "carry"
    assert step.reason == "fear after the latest exposure is 35; the first fear before was 60"


def test_fear_at_half_the_first_rating_proposes_the_next_step() -> None:
    # Walking: first before 30, latest after 15 = half of 30.
    assert fear_dropped(EXPOSURES[:2]) == (
        True, "fear after the latest exposure (15) is at most half the first fear before (30)")
    # 16 is more than half of 30, and one exposure is not two at 30 or less.
    assert fear_dropped((FearExposure("walk", date(2026, 11, 2), 30, 16),))[0] is False


def test_two_exposures_at_30_or_less_propose_the_next_step() -> None:
    # First before 50: half is 25, so afters of 30 and 30 pass by the low-fear rule alone.
    twice = (FearExposure("a", date(2027, 1, 4), 50, 30), FearExposure("a", date(2027, 1, 11), 40, 30))
    assert fear_dropped(twice) == (True, "fear after the last 2 exposures was 30 or less")
    once_low = (FearExposure("a", date(2027, 1, 4), 50, 40), FearExposure("a", date(2027, 1, 11), 40, 30))
    assert fear_dropped(once_low)[0] is False


def test_no_exposure_no_move() -> None:
    assert fear_dropped(()) == (False, "no exposure recorded yet")


def test_all_climbed_means_no_current_step() -> None:
    climbed = FearHierarchy((FearedActivity("walk", "Walking", 30),),
                            (FearExposure("walk", date(2026, 11, 2), 30, 10),))
    assert climbed.current_step() is None


@pytest.mark.parametrize(("make", "field"), [
    (lambda: FearedActivity("a", "Stairs", 101), "feared activity fear rating"),
    (lambda: FearedActivity("a", "Stairs", True), "feared activity fear rating"),
    (lambda: FearedActivity("a", "", 10), "feared activity description"),
    (lambda: FearExposure("a", date(2027, 1, 4), -1, 0), "exposure fear before"),
    (lambda: FearExposure("a", date(2027, 1, 4), 10, 50.5), "exposure fear after"),
    (lambda: FearHierarchy((FearedActivity("a", "x", 1), FearedActivity("a", "y", 2))), "feared activity id"),
    (lambda: FearHierarchy(FEARS, (FearExposure("run", date(2027, 1, 4), 10, 5),)), "exposure activity id"),
])
def test_bad_values_are_refused_naming_the_field(make, field: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as caught:
        make()
    assert caught.value.field == field


def test_a_description_is_never_quoted_in_a_message() -> None:
    with pytest.raises(ValidationError) as caught:
        FearedActivity("a", "Lifting my grandchild " * 20, 50)
    assert "grandchild" not in str(caught.value)


def test_round_trip_through_the_plan_and_the_case_file() -> None:
    case = with_exposure(planned_case())
    assert hierarchy_from_dict(hierarchy_to_dict(HIERARCHY)) == HIERARCHY
    assert casefile.parse(casefile.dumps(case)).plan == case.plan
    assert "exposure" not in plan_to_dict(Plan())


@pytest.mark.parametrize(("change", "where"), [
    (lambda d: d["exposures"][0].update(on="9 Nov"), "exposure date"),
    (lambda d: d["activities"][0].update(colour="red"), "feared activity key"),
    (lambda d: d.update(exposures={}), "plan/exposure/exposures: an object with 0 keys is not of type"),
])
def test_a_bad_hierarchy_in_a_case_file_is_refused(change, where: str) -> None:  # type: ignore[no-untyped-def]
    data = case_data(with_exposure(planned_case()))
    change(data["plan"]["exposure"])
    with pytest.raises(casefile.CaseFileError, match=where):
        casefile.from_dict(data)
