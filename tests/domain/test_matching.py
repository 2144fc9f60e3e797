"""Matching demands with capacity: same or next higher frequency, gaps in the item's unit, both postures."""

from __future__ import annotations

import pytest
from factories import mismatched_case
from hypothesis import given
from hypothesis import strategies as st

from rtw_planner.domain.demands.profile import Activity, Frequency, PhysicalProfile, PostureTolerance
from rtw_planner.domain.match.items import MatchItem, MatchStatus, PostureMeasure, capacity_for, match

OCC, FREQ, CONST = Frequency.OCCASIONAL, Frequency.FREQUENT, Frequency.CONSTANT
LIFT = Activity.LIFT_FLOOR_TO_WAIST


def by_label(items: list[MatchItem]) -> dict[str, MatchItem]:
    return {item.label: item for item in items}


@given(st.sampled_from(Frequency), st.sets(st.sampled_from(Frequency)))
def test_capacity_at_own_frequency_else_nearest_higher_never_lower(wanted: Frequency,
                                                                   measured: set[Frequency]) -> None:
    capacity = PhysicalProfile({(LIFT, f): 10.0 + f.rank for f in measured})
    found = capacity_for(capacity, LIFT, wanted)
    higher = sorted((f for f in measured if f.rank >= wanted.rank), key=lambda f: f.rank)
    if not higher:
        assert found is None
    else:
        assert found == (10.0 + higher[0].rank, higher[0])


def test_lower_frequency_capacity_is_never_used() -> None:
    capacity = PhysicalProfile({(LIFT, OCC): 30})
    [item] = match(PhysicalProfile({(LIFT, FREQ): 5}), capacity)
    assert item.status is MatchStatus.NOT_TESTED
    assert (item.capacity, item.capacity_frequency, item.gap) == (None, None, None)


def test_match_mismatch_and_gap_in_the_unit() -> None:
    demands = PhysicalProfile({(LIFT, OCC): 20, (Activity.PULL_INITIAL, FREQ): 300, (Activity.CARRY, OCC): 15})
    capacity = PhysicalProfile({(LIFT, OCC): 20, (Activity.PULL_INITIAL, FREQ): 120.5, (Activity.CARRY, OCC): 14.75})
    items = by_label(match(demands, capacity))
    assert items["Lift floor to waist, occasional"].status is MatchStatus.MATCH
    assert items["Lift floor to waist, occasional"].gap is None
    pull = items["Pull, initial, frequent"]
    assert (pull.status, pull.gap, pull.unit) == (MatchStatus.MISMATCH, 179.5, "N")
    carry = items["Carry, occasional"]
    assert (carry.status, carry.gap, carry.unit) == (MatchStatus.MISMATCH, 0.25, "kg")


def test_zero_demand_is_not_required_even_untested() -> None:
    demands = PhysicalProfile({(Activity.PUSH_INITIAL, CONST): 0}, {Activity.SIT: PostureTolerance(0, 0)})
    items = match(demands, PhysicalProfile())
    assert [i.status for i in items] == [MatchStatus.NOT_REQUIRED] * 3
    assert [i.status.label for i in items] == ["Not required"] * 3


def test_postures_compare_at_a_time_and_per_day_separately() -> None:
    demands = PhysicalProfile(postures={Activity.STAND: PostureTolerance(60, 420),
                                        Activity.WALK: PostureTolerance(10, 100)})
    capacity = PhysicalProfile(postures={Activity.STAND: PostureTolerance(90, 240)})
    items = by_label(match(demands, capacity))
    at_a_time, per_day = items["Standing, at a time"], items["Standing, per day"]
    assert (at_a_time.measure, at_a_time.status, at_a_time.gap) == (
        PostureMeasure.AT_A_TIME, MatchStatus.MATCH, None)
    assert (per_day.measure, per_day.status, per_day.gap, per_day.unit) == (
        PostureMeasure.PER_DAY, MatchStatus.MISMATCH, 180.0, "min")
    assert items["Walking, per day"].status is MatchStatus.NOT_TESTED
    assert at_a_time.frequency is None
    assert at_a_time.capacity_frequency is None


@given(st.floats(0.1, 500), st.floats(0, 500))
def test_status_follows_the_numbers(demand: float, capacity: float) -> None:
    [item] = match(PhysicalProfile({(LIFT, OCC): demand}), PhysicalProfile({(LIFT, OCC): capacity}))
    if capacity >= demand:
        assert item.status is MatchStatus.MATCH
        assert item.gap is None
    else:
        assert item.status is MatchStatus.MISMATCH
        assert item.gap == pytest.approx(demand - capacity)
        assert item.gap is not None
        assert item.gap > 0


def test_every_demand_gets_exactly_one_item_per_measure() -> None:
    case = mismatched_case()
    items = match(case.demands.profile, case.capacity, case.current_evaluation)
    assert len(items) == len(case.demands.profile.strength) + 2 * len(case.demands.profile.postures)


def test_a_case_short_on_lifting_and_standing() -> None:
    case = mismatched_case()
    items = by_label(match(case.demands.profile, case.capacity, case.current_evaluation))
    lift = items["Lift floor to waist, occasional"]
    assert (lift.demand, lift.capacity, lift.status, lift.gap) == (23, 12, MatchStatus.MISMATCH, 11)
    carry = items["Carry, frequent"]
    assert (carry.status, carry.capacity, carry.gap) == (MatchStatus.NOT_TESTED, None, None)
    push = items["Push, sustained, frequent"]
    assert (push.demand, push.capacity, push.capacity_frequency, push.status) == (
        150, 160, CONST, MatchStatus.MATCH)
    assert items["Push, initial, occasional"].capacity_frequency is OCC
    assert items["Pull, initial, occasional"].status is MatchStatus.NOT_TESTED
    assert items["Standing, at a time"].gap == 30
    assert items["Standing, per day"].gap == 180
    assert items["Sitting, per day"].status is MatchStatus.MATCH
