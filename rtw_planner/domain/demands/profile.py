"""Physical demands of a job and measured capacity of a person, in one shape so they compare item by item."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.data.validation import number_in_range

MAX_LOAD_KG = 500.0
MAX_FORCE_N = 5000.0
MINUTES_PER_DAY = 1440.0


class ActivityKind(StrEnum):
    """What is measured for an activity, and so its unit."""

    MASS = "mass"  # kg
    FORCE = "force"  # N
    POSTURE = "posture"  # minutes at a time and per day


class Activity(StrEnum):
    """An item of the physical demands analysis; the value is its identifier in files and the database."""

    LIFT_FLOOR_TO_WAIST = "lift_floor_to_waist"
    LIFT_WAIST_TO_SHOULDER = "lift_waist_to_shoulder"
    LIFT_ABOVE_SHOULDER = "lift_above_shoulder"
    CARRY = "carry"
    PUSH_INITIAL = "push_initial"
    PUSH_SUSTAINED = "push_sustained"
    PULL_INITIAL = "pull_initial"
    PULL_SUSTAINED = "pull_sustained"
    SIT = "sit"
    STAND = "stand"
    WALK = "walk"

    @property
    def kind(self) -> ActivityKind:
        """Mass, force or posture."""
        return _KINDS[self]

    @property
    def label(self) -> str:
        """Plain-language name of the activity."""
        return _LABELS[self]


_KINDS = {
    Activity.LIFT_FLOOR_TO_WAIST: ActivityKind.MASS,
    Activity.LIFT_WAIST_TO_SHOULDER: ActivityKind.MASS,
    Activity.LIFT_ABOVE_SHOULDER: ActivityKind.MASS,
    Activity.CARRY: ActivityKind.MASS,
    Activity.PUSH_INITIAL: ActivityKind.FORCE,
    Activity.PUSH_SUSTAINED: ActivityKind.FORCE,
    Activity.PULL_INITIAL: ActivityKind.FORCE,
    Activity.PULL_SUSTAINED: ActivityKind.FORCE,
    Activity.SIT: ActivityKind.POSTURE,
    Activity.STAND: ActivityKind.POSTURE,
    Activity.WALK: ActivityKind.POSTURE,
}
_LABELS = {
    Activity.LIFT_FLOOR_TO_WAIST: "Lift floor to waist",
    Activity.LIFT_WAIST_TO_SHOULDER: "Lift waist to shoulder",
    Activity.LIFT_ABOVE_SHOULDER: "Lift above shoulder",
    Activity.CARRY: "Carry",
    Activity.PUSH_INITIAL: "Push, initial",
    Activity.PUSH_SUSTAINED: "Push, sustained",
    Activity.PULL_INITIAL: "Pull, initial",
    Activity.PULL_SUSTAINED: "Pull, sustained",
    Activity.SIT: "Sitting",
    Activity.STAND: "Standing",
    Activity.WALK: "Walking",
}

MASS_ACTIVITIES = tuple(a for a in Activity if a.kind is ActivityKind.MASS)
FORCE_ACTIVITIES = tuple(a for a in Activity if a.kind is ActivityKind.FORCE)
STRENGTH_ACTIVITIES = MASS_ACTIVITIES + FORCE_ACTIVITIES
POSTURE_ACTIVITIES = tuple(a for a in Activity if a.kind is ActivityKind.POSTURE)


class Frequency(StrEnum):
    """DOT frequency: share of the working day spent on an activity, ordered by rank."""

    OCCASIONAL = "occasional"
    FREQUENT = "frequent"
    CONSTANT = "constant"

    @property
    def rank(self) -> int:
        """0 for occasional, rising with frequency."""
        return list(Frequency).index(self)

    @property
    def label(self) -> str:
        """Capitalised name."""
        return self.value.capitalize()

    @property
    def share(self) -> str:
        """The DOT definition, for display."""
        return {"occasional": "up to 1/3 of the day", "frequent": "1/3 to 2/3 of the day",
                "constant": "2/3 of the day or more"}[self.value]


@dataclass(frozen=True)
class PostureTolerance:
    """How long a position is held: minutes at a time and minutes in a whole day."""

    minutes_at_a_time: float
    minutes_per_day: float

    def __post_init__(self) -> None:
        at_a_time = number_in_range("minutes at a time", self.minutes_at_a_time, 0, MINUTES_PER_DAY, "min")
        per_day = number_in_range("minutes per day", self.minutes_per_day, 0, MINUTES_PER_DAY, "min")
        if at_a_time > per_day:
            raise ValidationError("minutes at a time", self.minutes_at_a_time,
                                  f"no more than the minutes per day ({per_day:g})")
        object.__setattr__(self, "minutes_at_a_time", at_a_time)
        object.__setattr__(self, "minutes_per_day", per_day)


StrengthKey = tuple[Activity, Frequency]
MAX_CARRY_DISTANCE_M = 1000.0


@dataclass(frozen=True)
class Exposure:
    """The raw exposure behind a frequency rating: hours per shift and/or repetitions per hour."""

    hours_per_shift: float | None = None
    reps_per_hour: float | None = None

    def __post_init__(self) -> None:
        if self.hours_per_shift is not None:
            object.__setattr__(self, "hours_per_shift",
                               number_in_range("hours per shift", self.hours_per_shift, 0, 24, "h"))
        if self.reps_per_hour is not None:
            object.__setattr__(self, "reps_per_hour",
                               number_in_range("repetitions per hour", self.reps_per_hour, 0, 3600, "per hour"))


@dataclass(frozen=True)
class PhysicalProfile:
    """Strength by activity and frequency (kg for lifting and carrying, N for pushing and pulling)
    and posture tolerances. A missing entry means not required (demands) or not tested (capacity)."""

    strength: Mapping[StrengthKey, float] = field(default_factory=dict)
    postures: Mapping[Activity, PostureTolerance] = field(default_factory=dict)
    carry_distance_m: float | None = None
    exposure: Mapping[Activity, Exposure] = field(default_factory=dict)

    def __post_init__(self) -> None:
        checked: dict[StrengthKey, float] = {}
        for key, value in self.strength.items():
            activity, frequency = key
            if not isinstance(activity, Activity) or activity.kind is ActivityKind.POSTURE:
                raise ValidationError("strength activity", activity, "a lifting, carrying, pushing or pulling item")
            if not isinstance(frequency, Frequency):
                raise ValidationError(f"{activity.label} frequency", frequency, "occasional, frequent or constant")
            name = f"{activity.label} ({frequency.value})"
            if activity.kind is ActivityKind.MASS:
                checked[key] = number_in_range(name, value, 0, MAX_LOAD_KG, "kg")
            else:
                checked[key] = number_in_range(name, value, 0, MAX_FORCE_N, "N")
        for activity, tolerance in self.postures.items():
            if not isinstance(activity, Activity) or activity.kind is not ActivityKind.POSTURE:
                raise ValidationError("posture activity", activity, "sitting, standing or walking")
            if not isinstance(tolerance, PostureTolerance):
                raise ValidationError(activity.label, tolerance, "minutes at a time and minutes per day")
        if self.carry_distance_m is not None:
            object.__setattr__(self, "carry_distance_m", number_in_range(
                "carry distance", self.carry_distance_m, 0, MAX_CARRY_DISTANCE_M, "m"))
        for activity, exposure in self.exposure.items():
            wrong_item = not isinstance(activity, Activity) or activity.kind is ActivityKind.POSTURE
            if wrong_item or not isinstance(exposure, Exposure):
                raise ValidationError("exposure", activity, "hours per shift or repetitions per hour for a "
                                      "lifting, carrying, pushing or pulling item")
        object.__setattr__(self, "exposure", dict(sorted(self.exposure.items(), key=lambda kv: _order(kv[0]))))
        object.__setattr__(self, "strength", dict(sorted(checked.items(), key=_strength_order)))
        object.__setattr__(self, "postures", dict(sorted(self.postures.items(), key=lambda kv: _order(kv[0]))))

    def with_strength(self, activity: Activity, frequency: Frequency, value: float | None) -> PhysicalProfile:
        """A copy with one strength entry set (value in kg or N) or removed (None)."""
        strength = dict(self.strength)
        if value is None:
            strength.pop((activity, frequency), None)
        else:
            strength[(activity, frequency)] = value
        return replace(self, strength=strength)

    def with_posture(self, activity: Activity, tolerance: PostureTolerance | None) -> PhysicalProfile:
        """A copy with one posture tolerance set or removed (None)."""
        postures = dict(self.postures)
        if tolerance is None:
            postures.pop(activity, None)
        else:
            postures[activity] = tolerance
        return replace(self, postures=postures)

    def is_empty(self) -> bool:
        """True when nothing is recorded."""
        return not self.strength and not self.postures


def _order(activity: Activity) -> int:
    return list(Activity).index(activity)


def _strength_order(item: tuple[StrengthKey, float]) -> tuple[int, int]:
    (activity, frequency), _ = item
    return _order(activity), frequency.rank


def unit_of(activity: Activity) -> str:
    """The SI unit in which an activity's value is stored."""
    return {ActivityKind.MASS: "kg", ActivityKind.FORCE: "N", ActivityKind.POSTURE: "min"}[activity.kind]
