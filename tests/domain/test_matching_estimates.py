"""Matching with an evaluation: provenance names it, and a chosen rule fills unmeasured frequencies, labelled."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rtw_planner.domain.capacity.evaluation import Evaluation
from rtw_planner.domain.demands.profile import Activity, Frequency, PhysicalProfile, PostureTolerance
from rtw_planner.domain.match.items import MatchItem, MatchStatus, match

OCC, FREQ, CONST = Frequency.OCCASIONAL, Frequency.FREQUENT, Frequency.CONSTANT
LIFT = Activity.LIFT_FLOOR_TO_WAIST
RULE_NAME = "Nova Scotia WCB rule of thumb, lower bound"
DAY = date(2026, 11, 20)


def evaluate(demands: PhysicalProfile, capacity: PhysicalProfile, rule: str | None = "ns-wcb-lower") -> list[MatchItem]:
    evaluation = Evaluation(DAY, "Priya Shah", "WorkWell FCE", profile=capacity, estimation_rule=rule)
    return match(demands, capacity, evaluation)


def test_frequent_is_estimated_as_half_of_occasional_and_labelled() -> None:
    [item] = evaluate(PhysicalProfile({(LIFT, FREQ): 8}), PhysicalProfile({(LIFT, OCC): 20}))
    assert (item.capacity, item.capacity_frequency, item.status, item.gap) == (10, FREQ, MatchStatus.MATCH, None)
    assert item.estimated_by == RULE_NAME
    assert item.estimated
    assert item.provenance.startswith("Estimated from the occasional value 20 kg")
    assert "20 Nov 2026" in item.provenance
    assert f"'{RULE_NAME}'" in item.provenance


def test_constant_estimate_can_fall_short() -> None:
    [item] = evaluate(PhysicalProfile({(Activity.PUSH_SUSTAINED, CONST): 100}),
                      PhysicalProfile({(Activity.PUSH_SUSTAINED, OCC): 300}))
    assert (item.capacity, item.status, item.gap, item.unit) == (75, MatchStatus.MISMATCH, 25, "N")
    assert item.gap_pct == 25
    assert item.estimated_by == RULE_NAME
    assert "Estimated from the occasional value 300 N" in item.provenance


def test_without_a_rule_the_same_item_is_not_tested() -> None:
    [item] = evaluate(PhysicalProfile({(LIFT, FREQ): 8}), PhysicalProfile({(LIFT, OCC): 20}), rule=None)
    assert (item.status, item.capacity, item.capacity_frequency) == (MatchStatus.NOT_TESTED, None, None)
    assert item.estimated_by is None
    assert not item.estimated
    assert "Estimated" not in item.provenance
    assert item.provenance == ("No measurement at this frequency or a higher one "
                               "(20 Nov 2026, Priya Shah; WorkWell FCE)")


def test_a_measurement_always_wins_over_an_estimate() -> None:
    capacity = PhysicalProfile({(LIFT, OCC): 20, (LIFT, FREQ): 7, (Activity.CARRY, OCC): 30,
                                (Activity.CARRY, CONST): 9})
    items = {i.label: i for i in evaluate(PhysicalProfile({(LIFT, FREQ): 8, (Activity.CARRY, FREQ): 9}), capacity)}
    lift, carry = items["Lift floor to waist, frequent"], items["Carry, frequent"]
    assert (lift.capacity, lift.status, lift.estimated_by) == (7, MatchStatus.MISMATCH, None)
    assert lift.provenance == "Measured (20 Nov 2026, Priya Shah; WorkWell FCE)"
    assert (carry.capacity, carry.capacity_frequency, carry.estimated_by) == (9, CONST, None)
    assert carry.provenance.endswith(", measured at constant frequency")


def test_occasional_is_never_estimated() -> None:
    [item] = evaluate(PhysicalProfile({(LIFT, OCC): 5}), PhysicalProfile({(Activity.CARRY, OCC): 20}))
    assert (item.status, item.estimated_by) == (MatchStatus.NOT_TESTED, None)


def test_provenance_names_the_evaluation_date_for_every_item() -> None:
    demands = PhysicalProfile({(LIFT, OCC): 10}, {Activity.SIT: PostureTolerance(30, 120),
                                                  Activity.STAND: PostureTolerance(30, 120)})
    capacity = PhysicalProfile({(LIFT, OCC): 12}, {Activity.SIT: PostureTolerance(60, 300)})
    items = evaluate(demands, capacity, rule=None)
    assert [i.provenance.split(" (")[0] for i in items] == ["Measured"] * 3 + ["Not measured"] * 2
    assert all("(20 Nov 2026, Priya Shah; WorkWell FCE)" in i.provenance for i in items)


def test_without_an_evaluation_provenance_names_none() -> None:
    items = match(PhysicalProfile({(LIFT, OCC): 10, (LIFT, FREQ): 5}), PhysicalProfile({(LIFT, OCC): 12}))
    assert [i.provenance for i in items] == ["Measured", "No measurement at this frequency or a higher one"]
    assert [i.estimated_by for i in items] == [None, None]


def test_gap_pct_is_the_gap_as_a_share_of_the_demand() -> None:
    items = match(PhysicalProfile({(LIFT, OCC): 20, (Activity.CARRY, OCC): 10}),
                  PhysicalProfile({(LIFT, OCC): 15, (Activity.CARRY, OCC): 12}))
    assert [i.gap_pct for i in items] == [25, None]


@given(st.floats(0, 500), st.floats(0.1, 500))
def test_estimates_follow_the_rule_for_any_occasional_value(occasional: float, demand: float) -> None:
    items = evaluate(PhysicalProfile({(LIFT, FREQ): demand, (LIFT, CONST): demand}),
                     PhysicalProfile({(LIFT, OCC): occasional}))
    assert [i.capacity for i in items] == [pytest.approx(occasional * 0.5), pytest.approx(occasional * 0.25)]
    for item in items:
        assert item.estimated_by == RULE_NAME
        assert item.status is (MatchStatus.MATCH if item.capacity >= demand else MatchStatus.MISMATCH)  # type: ignore[operator]
