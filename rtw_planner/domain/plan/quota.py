"""Graded-activity quotas: a baseline from tolerance trials, a first quota below it, weekly rises up to the goal."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from rtw_planner.assets import resource_path
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.data.validation import number_in_range, text
from rtw_planner.domain.demands.units import format_number, round_half_up

DEFAULT_TRIALS = 3  # the baseline is the mean of N tolerance trials, usually 3 (I-Engage; BMC Public Health 7:254)
DEFAULT_START_PERCENT = 80.0  # pacing: 80% of the baseline (I-Engage; burn-rehab quota system)
DUTCH_GA_START_PERCENT = 70  # Dutch graded-activity protocol: 70% of the baseline mean (BMC Public Health 7:254)
DEFAULT_WEEKLY_PERCENT = 10.0  # +10% a week, compounding (I-Engage)
MAX_WEEKS = 104  # a plan must reach its goal within two years
MAX_TRIALS = 20
MAX_AMOUNT = 100_000.0  # the largest trial or goal in any unit (100 km, 100 000 reps)
MAX_WEEKLY_PERCENT = 100.0  # doubling every week is already far beyond any published rule
FLARE_UP_PERCENT = 50.0  # during a flare-up: half the quota ...
FLARE_UP_REDUCED_DAYS = 2  # ... for two days ...
FLARE_UP_BUILD_BACK_DAYS = 3  # ... then equal daily steps back to the pre-flare quota
_REACHED = 1e-9  # relative tolerance, so that 9.999999999999998 counts as reaching a goal of 10


class QuotaUnit(StrEnum):
    """What a quota counts. Values are stored and exported unrounded; only `rounded`/`display` (for the clinician)
    and `for_patient`/`words` (for the patient) round."""

    MINUTES = "min"
    METRES = "m"
    REPETITIONS = "reps"
    KG = "kg"

    def step(self, value: float) -> float:
        """The display step: minutes 0.5 below 10 and 1 from 10; metres 1 below 100 and 10 from 100; reps 1; kg 0.5."""
        if self is QuotaUnit.MINUTES:
            return 0.5 if value < 10 else 1.0
        if self is QuotaUnit.METRES:
            return 1.0 if value < 100 else 10.0
        return 0.5 if self is QuotaUnit.KG else 1.0

    def rounded(self, value: float) -> float:
        """The value as shown: half up to the unit's step (never falling as value rises); above 0 never shows 0."""
        step = self.step(value)
        shown = round_half_up(value / step) * step
        return max(shown, step) if value > 0 else shown

    def display(self, value: float) -> str:
        """Short form for tables: '9 min', '9.5 min', '250 m', '8 reps', '1 rep', '7.5 kg'."""
        shown = self.rounded(value)
        label = "rep" if self is QuotaUnit.REPETITIONS and shown == 1 else self.value
        return f"{format_number(shown, 1)} {label}"

    def for_patient(self, value: float) -> float:
        """The value as a patient reads it: whole minutes and whole times (half up, so it never falls as the value
        rises), metres and kg as `rounded`; a positive quota never reads below 1 minute or 1 time."""
        if self not in (QuotaUnit.MINUTES, QuotaUnit.REPETITIONS):
            return self.rounded(value)
        shown = round_half_up(value)
        return max(shown, 1.0) if value > 0 else shown

    def number(self, value: float) -> str:
        """The number alone, rounded for the patient: '9', '7.5'."""
        return format_number(self.for_patient(value), 1)

    def words(self, value: float) -> str:
        """Plain words for handouts, rounded for the patient: '9 minutes', '250 metres', '8 times', '7.5 kg'."""
        one = self.for_patient(value) == 1
        label = {QuotaUnit.MINUTES: "minute" if one else "minutes", QuotaUnit.METRES: "metre" if one else "metres",
                 QuotaUnit.REPETITIONS: "time" if one else "times", QuotaUnit.KG: "kg"}[self]
        return f"{self.number(value)} {label}"


class Progression(StrEnum):
    """How quotas rise: by a fixed percentage a week (compounding), or in equal steps to the goal by a target week."""

    PERCENT = "percent"
    LINEAR = "linear"


def _positive(field: str, value: object, high: float, unit: str) -> float:
    allowed = f"a number above 0 and up to {high:g} {unit}".rstrip()
    try:
        number = number_in_range(field, value, 0, high, unit)
    except ValidationError:
        raise ValidationError(field, value, allowed) from None
    if number <= 0:
        raise ValidationError(field, value, allowed)
    return number


@dataclass(frozen=True)
class QuotaActivity:
    """One graded activity (walking minutes, sitting tolerance, lifting reps, or any the clinician adds).

    The first quota is `start_percent` of the baseline (the mean of the trials). With `target_weeks` set the
    progression is linear and `weekly_percent` is cleared; otherwise quotas rise by `weekly_percent`, compounding.
    A goal at or below the first quota is allowed: the plan is then the goal alone, in week 1.
    Whether the goal is reachable within 104 weeks is checked by `weeks()`. `goal_ids` link to the person's goals."""

    name: str
    unit: QuotaUnit
    trials: tuple[float, ...]
    goal: float
    start_percent: float = DEFAULT_START_PERCENT
    weekly_percent: float | None = DEFAULT_WEEKLY_PERCENT
    target_weeks: int | None = None
    goal_ids: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        put = object.__setattr__
        put(self, "name", text("activity name", self.name, required=True))
        if not isinstance(self.unit, QuotaUnit):
            raise ValidationError("unit", self.unit, "one of " + ", ".join(u.value for u in QuotaUnit))
        unit = self.unit.value
        if not isinstance(self.trials, tuple | list) or not 1 <= len(self.trials) <= MAX_TRIALS:
            raise ValidationError("trials", self.trials, f"a list of 1 to {MAX_TRIALS} trial results")
        put(self, "trials", tuple(number_in_range("trials", t, 0, MAX_AMOUNT, unit) for t in self.trials))
        put(self, "goal", _positive("goal", self.goal, MAX_AMOUNT, unit))
        put(self, "start_percent", _positive("start percent", self.start_percent, 100, "percent"))
        if self.target_weeks is not None:
            if type(self.target_weeks) is not int or not 1 <= self.target_weeks <= MAX_WEEKS:
                allowed = f"a whole number of weeks from 1 to {MAX_WEEKS}"
                raise ValidationError("target weeks", self.target_weeks, allowed)
            put(self, "weekly_percent", None)
        elif self.weekly_percent is None:
            raise ValidationError("weekly percent", None, "a weekly percentage, or a number of target weeks")
        else:
            weekly = _positive("weekly percent", self.weekly_percent, MAX_WEEKLY_PERCENT, "percent a week")
            put(self, "weekly_percent", weekly)
            if self.baseline == 0:
                raise ValidationError("trials", self.trials, "a trial above 0 (0 cannot rise by a percentage)")
        if not isinstance(self.goal_ids, tuple | list):
            raise ValidationError("goal ids", self.goal_ids, "a list of goal ids")
        put(self, "goal_ids", tuple(text("goal id", g, required=True, max_length=40) for g in self.goal_ids))

    @property
    def progression(self) -> Progression:
        """Linear when a target week is set, else a fixed percentage a week."""
        return Progression.LINEAR if self.target_weeks is not None else Progression.PERCENT

    @property
    def baseline(self) -> float:
        """The mean of the tolerance trials."""
        return math.fsum(self.trials) / len(self.trials)

    @property
    def first_quota(self) -> float:
        """Week 1: start_percent of the baseline (unrounded)."""
        return self.baseline * self.start_percent / 100

    @property
    def weekly_step(self) -> float | None:
        """The linear rise per week, (goal - first quota) / (target weeks - 1); None for a percentage plan."""
        if self.target_weeks is None or self.target_weeks == 1 or self.first_quota >= self.goal * (1 - _REACHED):
            return None
        return (self.goal - self.first_quota) / (self.target_weeks - 1)

    def weeks(self) -> tuple[float, ...]:
        """Unrounded weekly quotas, week 1 first; the last is the goal itself, in the first week that reaches it.

        Raises ValidationError (field 'goal') if a percentage plan would not reach the goal within 104 weeks."""
        start, goal, step = self.first_quota, self.goal, self.weekly_step
        if self.target_weeks is not None and step is not None:
            return (*(start + step * k for k in range(self.target_weeks - 1)), goal)
        if self.target_weeks is not None or start >= goal * (1 - _REACHED):
            return (goal,)
        assert self.weekly_percent is not None  # set whenever target_weeks is not
        factor = 1 + self.weekly_percent / 100
        quotas: list[float] = []
        for k in range(MAX_WEEKS):
            quota = start * factor**k
            if quota >= goal * (1 - _REACHED):
                return (*quotas, goal)
            quotas.append(quota)
        last = format_number(quotas[-1], 1)
        raise ValidationError("goal", self.goal, f"a goal reached within {MAX_WEEKS} weeks (at {self.weekly_percent:g}%"
                              f" a week from {format_number(start, 2)} {self.unit.value}, week {MAX_WEEKS} is only "
                              f"{last} {self.unit.value}); raise the weekly percent or lower the goal")


def week_number(start_date: date, day: date) -> int:
    """1 for the plan's first seven days (and any day before it starts), 2 for the next seven, and so on."""
    return max(1, (day - start_date).days // 7 + 1)


def weeks_to_target(start_date: date, target_date: date) -> int:
    """The plan week that contains target_date, for a linear plan that reaches its goal by that date."""
    last = start_date + timedelta(weeks=MAX_WEEKS) - timedelta(days=1)
    if not start_date <= target_date <= last:
        raise ValidationError("target date", target_date, f"a date from {start_date.isoformat()} to {last.isoformat()}")
    return week_number(start_date, target_date)


def quota_for_week(activity: QuotaActivity, start_date: date, day: date) -> float:
    """The unrounded quota for the week containing `day`: week 1 before the start, the goal after the last week."""
    weeks = activity.weeks()
    return weeks[min(week_number(start_date, day), len(weeks)) - 1]


def flare_up_quota(activity: QuotaActivity, week_quota: float, percent: float = FLARE_UP_PERCENT) -> float:
    """The reduced quota the flare-up plan uses for its first days: by default half the week's quota."""
    quota = number_in_range(f"{activity.name} quota", week_quota, 0, MAX_AMOUNT, activity.unit.value)
    return quota * _positive("flare-up percent", percent, 100, "percent") / 100


def flare_up_days(activity: QuotaActivity, week_quota: float) -> tuple[float, ...]:
    """Day-by-day quotas in a flare-up: the reduced quota for 2 days, then equal steps back to the pre-flare quota."""
    reduced = flare_up_quota(activity, week_quota)
    rise = (week_quota - reduced) / FLARE_UP_BUILD_BACK_DAYS
    building = tuple(reduced + rise * day for day in range(1, FLARE_UP_BUILD_BACK_DAYS))
    return (reduced,) * FLARE_UP_REDUCED_DAYS + building + (float(week_quota),)


@dataclass(frozen=True)
class PlanWording:
    """The plain-language sections printed with a graded-activity plan (resources/wording/graded-activity.json)."""

    title: str
    pacing_heading: str
    pacing: tuple[str, ...]
    red_flags_heading: str
    red_flags_intro: str
    red_flags: tuple[str, ...]
    red_flags_action: str
    flare_up_heading: str
    flare_up: tuple[str, ...]
    flare_up_contact: str
    setback_heading: str
    setback: tuple[str, ...]


def load_plan_wording() -> PlanWording:
    """The wording, from the clinic's wording/graded-activity.json if it has one, else the bundled file."""
    path = resource_path("wording/graded-activity.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    known = {f.name: f.type for f in fields(PlanWording)}
    if not isinstance(data, dict):
        raise ValidationError(str(path), type(data).__name__, "a JSON object")
    unknown = sorted(k for k in data if not k.startswith("_") and k not in known)
    if unknown:
        raise ValidationError(f"{path.name} key", unknown[0], "one of " + ", ".join(known))
    values: dict[str, Any] = {}
    for key, kind in known.items():
        value, listed = data.get(key), kind != "str"
        items = value if listed and isinstance(value, list) and value else [value]
        if not all(isinstance(item, str) and item.strip() for item in items):
            raise ValidationError(f"{path.name} {key}", value, "a non-empty list of texts" if listed else "a text")
        values[key] = tuple(items) if listed else value
    return PlanWording(**values)


_KEYS = ("name", "unit", "trials", "goal", "start_percent", "weekly_percent", "target_weeks", "goal_ids")


def quota_to_dict(activity: QuotaActivity) -> dict[str, Any]:
    """Plain JSON types, unrounded, for case files and the database."""
    return {"name": activity.name, "unit": activity.unit.value, "trials": list(activity.trials), "goal": activity.goal,
            "start_percent": activity.start_percent, "weekly_percent": activity.weekly_percent,
            "target_weeks": activity.target_weeks, "goal_ids": list(activity.goal_ids)}


def quota_from_dict(data: Mapping[str, Any]) -> QuotaActivity:
    """The activity back from `quota_to_dict`; a missing weekly_percent means the default 10."""
    if not isinstance(data, Mapping):
        raise ValidationError("quota activity", data, "an object with " + ", ".join(_KEYS))
    unknown = sorted(set(data) - set(_KEYS))
    if unknown:
        raise ValidationError("quota activity key", unknown[0], "one of " + ", ".join(_KEYS))
    row: dict[str, Any] = {**dict.fromkeys(_KEYS), "start_percent": DEFAULT_START_PERCENT, "trials": (),
                           "weekly_percent": DEFAULT_WEEKLY_PERCENT, "goal_ids": (), **data}
    if row["unit"] not in [u.value for u in QuotaUnit]:
        raise ValidationError("unit", row["unit"], "one of " + ", ".join(u.value for u in QuotaUnit))
    listed = {k: tuple(row[k]) if isinstance(row[k], list) else row[k] for k in ("trials", "goal_ids")}
    return QuotaActivity(row["name"], QuotaUnit(row["unit"]), listed["trials"], row["goal"], row["start_percent"],
                         row["weekly_percent"], row["target_weeks"], listed["goal_ids"])
