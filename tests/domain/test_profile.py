"""Physical profile and posture tolerance: constructors validate and name the field, value and range."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.profile import (
    MAX_FORCE_N,
    MAX_LOAD_KG,
    Activity,
    ActivityKind,
    Frequency,
    PhysicalProfile,
    PostureTolerance,
    unit_of,
)

LIFT = (Activity.LIFT_FLOOR_TO_WAIST, Frequency.OCCASIONAL)
LIFT_FIELD = "Lift floor to waist (occasional)"

valid_loads = st.floats(min_value=0, max_value=MAX_LOAD_KG) | st.integers(min_value=0, max_value=500)
bad_loads = (
    st.floats(max_value=-5e-324, allow_nan=False)
    | st.floats(min_value=MAX_LOAD_KG, exclude_min=True)
    | st.sampled_from([math.nan, math.inf, -math.inf])
    | st.integers(max_value=-1)
    | st.integers(min_value=501)
)


@given(valid_loads)
def test_any_finite_load_in_range_is_stored_unchanged(load: float) -> None:
    profile = PhysicalProfile({LIFT: load})
    assert profile.strength[LIFT] == load
    assert isinstance(profile.strength[LIFT], float)


@given(bad_loads)
def test_out_of_range_load_is_rejected_naming_the_field(load: float) -> None:
    with pytest.raises(ValidationError) as caught:
        PhysicalProfile({LIFT: load})
    assert caught.value.field == LIFT_FIELD
    message = str(caught.value)
    assert message.startswith(LIFT_FIELD)
    assert repr(load) in message
    assert "from 0 to 500 kg" in message


@pytest.mark.parametrize("load", [10**400, -(10**400)], ids=["1e400", "-1e400"])
def test_huge_integer_load_is_a_validation_error(load: int) -> None:
    # number_in_range calls float() before checking the range: float(10**400) raises OverflowError.
    with pytest.raises(ValidationError) as caught:
        PhysicalProfile({LIFT: load})
    assert caught.value.field == LIFT_FIELD


@pytest.mark.parametrize("value", [True, False, "12", None, [12]])
def test_non_numbers_and_bool_are_not_loads(value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        PhysicalProfile({LIFT: value})  # type: ignore[dict-item]
    assert caught.value.field == LIFT_FIELD
    assert caught.value.value is value


def test_force_range_is_newtons_up_to_5000() -> None:
    key = (Activity.PUSH_INITIAL, Frequency.FREQUENT)
    assert PhysicalProfile({key: MAX_FORCE_N}).strength[key] == 5000.0
    with pytest.raises(ValidationError, match=r"Push, initial \(frequent\): 5000\.5 is not allowed; expected a number "
                                              r"from 0 to 5000 N"):
        PhysicalProfile({key: 5000.5})


def test_posture_activity_cannot_hold_a_strength_value() -> None:
    with pytest.raises(ValidationError) as caught:
        PhysicalProfile({(Activity.SIT, Frequency.OCCASIONAL): 5})
    assert caught.value.field == "strength activity"
    with pytest.raises(ValidationError) as caught:
        PhysicalProfile({(Activity.CARRY, "often"): 5})  # type: ignore[dict-item]
    assert caught.value.field == "Carry frequency"


def test_strength_activity_cannot_hold_a_posture() -> None:
    with pytest.raises(ValidationError) as caught:
        PhysicalProfile(postures={Activity.CARRY: PostureTolerance(1, 2)})
    assert caught.value.field == "posture activity"
    with pytest.raises(ValidationError) as caught:
        PhysicalProfile(postures={Activity.SIT: (10, 20)})  # type: ignore[dict-item]
    assert caught.value.field == "Sitting"


@given(st.floats(0, 1440), st.floats(0, 1440))
def test_posture_accepts_at_a_time_up_to_per_day(a: float, b: float) -> None:
    low, high = sorted((a, b))
    tolerance = PostureTolerance(low, high)
    assert (tolerance.minutes_at_a_time, tolerance.minutes_per_day) == (low, high)


@given(st.floats(0, 1440), st.floats(0, 1440))
def test_posture_rejects_more_at_a_time_than_per_day(a: float, b: float) -> None:
    low, high = sorted((a, b))
    assume(low < high)
    with pytest.raises(ValidationError) as caught:
        PostureTolerance(high, low)
    assert caught.value.field == "minutes at a time"
    assert f"no more than the minutes per day ({low:g})" in str(caught.value)


@pytest.mark.parametrize(("at_a_time", "per_day", "field"), [
    (-1, 10, "minutes at a time"), (10, 1441, "minutes per day"), (True, 10, "minutes at a time"),
    (math.nan, 10, "minutes at a time"), (5, math.inf, "minutes per day"),
])
def test_posture_minutes_range(at_a_time: float, per_day: float, field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        PostureTolerance(at_a_time, per_day)
    assert caught.value.field == field
    assert "a number from 0 to 1440 min" in str(caught.value)


def test_copies_set_and_remove_entries_in_a_stable_order() -> None:
    profile = PhysicalProfile().with_strength(Activity.PULL_INITIAL, Frequency.CONSTANT, 90)
    profile = profile.with_strength(*LIFT, 12).with_posture(Activity.WALK, PostureTolerance(10, 60))
    assert list(profile.strength) == [LIFT, (Activity.PULL_INITIAL, Frequency.CONSTANT)]
    assert not profile.is_empty()
    emptied = profile.with_strength(*LIFT, None).with_strength(Activity.PULL_INITIAL, Frequency.CONSTANT, None)
    assert emptied.with_posture(Activity.WALK, None).is_empty()
    assert profile.strength[LIFT] == 12.0  # the original is untouched


def test_units_and_kinds() -> None:
    assert [unit_of(a) for a in (Activity.CARRY, Activity.PUSH_INITIAL, Activity.STAND)] == ["kg", "N", "min"]
    assert Activity.SIT.kind is ActivityKind.POSTURE
    assert [f.rank for f in Frequency] == [0, 1, 2]
    assert [a.kind for a in (Activity.LIFT_ABOVE_SHOULDER, Activity.PUSH_SUSTAINED, Activity.PULL_SUSTAINED)] == [
        ActivityKind.MASS, ActivityKind.FORCE, ActivityKind.FORCE]
