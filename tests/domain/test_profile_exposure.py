"""Activities after the push/pull split, carry distance and raw exposure on a physical profile."""

from __future__ import annotations

import math

import pytest

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.profile import (
    FORCE_ACTIVITIES,
    MASS_ACTIVITIES,
    Activity,
    Exposure,
    PhysicalProfile,
)


def test_activity_ids_after_the_split() -> None:
    assert [a.value for a in FORCE_ACTIVITIES] == ["push_initial", "push_sustained", "pull_initial", "pull_sustained"]
    assert Activity.LIFT_ABOVE_SHOULDER in MASS_ACTIVITIES
    assert Activity("lift_above_shoulder").label == "Lift above shoulder"
    assert [Activity.PUSH_INITIAL.label, Activity.PULL_SUSTAINED.label] == ["Push, initial", "Pull, sustained"]
    for old in ("push", "pull"):
        with pytest.raises(ValueError, match="is not a valid Activity"):
            Activity(old)


@pytest.mark.parametrize("distance", [0, 15, 1000])
def test_carry_distance_in_range_is_kept_as_a_float(distance: float) -> None:
    profile = PhysicalProfile(carry_distance_m=distance)
    assert profile.carry_distance_m == float(distance)
    assert isinstance(profile.carry_distance_m, float)


@pytest.mark.parametrize("distance", [-0.1, 1000.5, math.nan, True, "15"])
def test_carry_distance_out_of_range(distance: object) -> None:
    with pytest.raises(ValidationError) as caught:
        PhysicalProfile(carry_distance_m=distance)  # type: ignore[arg-type]
    assert caught.value.field == "carry distance"
    assert "a number from 0 to 1000 m" in str(caught.value)


def test_exposure_values_and_ranges() -> None:
    assert Exposure(3.5, 60) == Exposure(hours_per_shift=3.5, reps_per_hour=60.0)
    assert Exposure() == Exposure(None, None)
    with pytest.raises(ValidationError) as caught:
        Exposure(hours_per_shift=24.5)
    assert (caught.value.field, "a number from 0 to 24 h" in str(caught.value)) == ("hours per shift", True)
    with pytest.raises(ValidationError) as caught:
        Exposure(reps_per_hour=3601)
    assert caught.value.field == "repetitions per hour"
    assert "from 0 to 3600 per hour" in str(caught.value)


def test_exposure_only_for_strength_items_and_kept_in_activity_order() -> None:
    profile = PhysicalProfile(exposure={Activity.PULL_INITIAL: Exposure(1), Activity.CARRY: Exposure(reps_per_hour=4)})
    assert list(profile.exposure) == [Activity.CARRY, Activity.PULL_INITIAL]
    with pytest.raises(ValidationError) as caught:
        PhysicalProfile(exposure={Activity.STAND: Exposure(2)})
    assert caught.value.field == "exposure"
    with pytest.raises(ValidationError) as caught:
        PhysicalProfile(exposure={Activity.CARRY: 2.0})  # type: ignore[dict-item]
    assert caught.value.field == "exposure"
