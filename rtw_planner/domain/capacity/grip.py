"""Grip strength: three Jamar trials per hand, their mean in kg, and comparison with published norms in lb."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from rtw_planner.assets import resource_path
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.data.validation import a_date, number_in_range
from rtw_planner.domain.demands.units import kg_to_lb, round_half_up

GRIP_NORMS_RESOURCE = "norms/grip-mathiowetz-1985.json"
TRIALS_PER_HAND = 3
MAX_TRIAL_KG = 100.0
MAX_AGE_YEARS = 120
MINUS = "\u2212"


class Hand(StrEnum):
    """Which hand was tested."""

    RIGHT = "right"
    LEFT = "left"


class Handedness(StrEnum):
    """The hand the person uses most (recorded with grip, as the two hands' results are read against it)."""

    RIGHT = "right"
    LEFT = "left"
    MIXED = "mixed"

    @property
    def label(self) -> str:
        """Plain words."""
        return {"right": "Right-handed", "left": "Left-handed", "mixed": "Uses both hands (mixed)"}[self.value]

    def is_dominant(self, hand: Hand) -> bool:
        """True when this is the person's dominant hand (neither is, for mixed handedness)."""
        return self.value == hand.value


class Sex(StrEnum):
    """Sex, as the norm tables are split."""

    FEMALE = "female"
    MALE = "male"


_PEOPLE = {Sex.FEMALE: "women", Sex.MALE: "men"}
_E = TypeVar("_E", Hand, Sex)


def _member(kind: type[_E], field: str, value: object) -> _E:
    """Return value as a member of the enum kind, or raise ValidationError naming the allowed values."""
    if isinstance(value, str) and value in {m.value for m in kind}:
        return kind(value)
    raise ValidationError(field, value, "one of " + ", ".join(m.value for m in kind))


def _age(value: object) -> int:
    """Return value if it is a whole number of years from 0 to 120."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_AGE_YEARS:
        raise ValidationError("age", value, f"a whole number from 0 to {MAX_AGE_YEARS} years")
    return value


def _fixed(value: float, decimals: int) -> str:
    """Round half up to a fixed number of decimals, with a true minus sign and no '-0'."""
    rounded = round_half_up(value, decimals)
    text = f"{abs(rounded):.{decimals}f}"
    return MINUS + text if rounded < 0 else text


@dataclass(frozen=True)
class GripTrials:
    """Three trials of one hand in kg (Jamar protocol); the recorded result is their mean."""

    hand: Hand
    trials_kg: tuple[float, float, float]

    def __post_init__(self) -> None:
        hand = _member(Hand, "grip hand", self.hand)
        trials = self.trials_kg
        if not isinstance(trials, tuple | list) or len(trials) != TRIALS_PER_HAND:
            raise ValidationError(f"{hand.value} grip trials", trials, f"exactly {TRIALS_PER_HAND} trials")
        checked = tuple(number_in_range(f"{hand.value} grip trial {i}", t, 0, MAX_TRIAL_KG, "kg")
                        for i, t in enumerate(trials, 1))
        object.__setattr__(self, "hand", hand)
        object.__setattr__(self, "trials_kg", checked)

    @property
    def mean_kg(self) -> float:
        """Mean of the three trials in kg, kept within the lowest and highest trial despite float rounding."""
        return min(max(math.fsum(self.trials_kg) / TRIALS_PER_HAND, min(self.trials_kg)), max(self.trials_kg))


@dataclass(frozen=True)
class GripNorm:
    """One row of a norm table: mean (and SD where published) in lb for an age band, sex and hand."""

    age_min: int
    age_max: int | None  # None: open-ended band, e.g. 75+
    sex: Sex
    hand: Hand
    mean_lb: float
    sd_lb: float | None

    @property
    def age_band(self) -> str:
        """The band as printed: '45–49', or '75+' when open-ended."""
        return f"{self.age_min}+" if self.age_max is None else f"{self.age_min}\u2013{self.age_max}"

    def covers(self, age_years: int) -> bool:
        """Whether a person of this age falls in the band."""
        return self.age_min <= age_years and (self.age_max is None or age_years <= self.age_max)


@dataclass(frozen=True)
class GripNorms:
    """A grip norm table as loaded from its JSON file."""

    id: str
    name: str
    citation: str
    source: str
    unit: str
    protocol: str
    rows: tuple[GripNorm, ...]

    def norm_for(self, age_years: int, sex: Sex, hand: Hand) -> GripNorm | None:
        """The row for this person, or None when the age is outside the table's population (e.g. under 20)."""
        age, sex, hand = _age(age_years), _member(Sex, "sex", sex), _member(Hand, "grip hand", hand)
        return next((r for r in self.rows if r.sex is sex and r.hand is hand and r.covers(age)), None)


def _row(index: int, raw: Any) -> GripNorm:
    """Build and check one norm row of a (possibly clinic-edited) file."""
    field = f"grip norms row {index}"
    if not isinstance(raw, dict):
        raise ValidationError(field, raw, "an object with age_min, age_max, sex, hand, mean and sd")
    low, high = raw.get("age_min"), raw.get("age_max")
    if isinstance(low, bool) or not isinstance(low, int) or not 0 <= low <= MAX_AGE_YEARS:
        raise ValidationError(f"{field} age_min", low, f"a whole number from 0 to {MAX_AGE_YEARS}")
    if high is not None and (isinstance(high, bool) or not isinstance(high, int) or not low <= high):
        raise ValidationError(f"{field} age_max", high, f"a whole number of at least {low}, or null for open-ended")
    sd = raw.get("sd")
    return GripNorm(age_min=low, age_max=high, sex=_member(Sex, f"{field} sex", raw.get("sex")),
                    hand=_member(Hand, f"{field} hand", raw.get("hand")),
                    mean_lb=number_in_range(f"{field} mean", raw.get("mean"), 1e-9, 1000, "lb"),
                    sd_lb=None if sd is None else number_in_range(f"{field} sd", sd, 1e-9, 1000, "lb or null"))


def load_grip_norms(resource: str = GRIP_NORMS_RESOURCE) -> GripNorms:
    """Load the grip norms (a clinic's copy in its data folder wins) and check every row; bands must not overlap."""
    data = json.loads(resource_path(resource).read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("rows"), list):
        raise ValidationError("grip norms", resource, "a JSON object with a list of rows")
    if data.get("unit") != "lb":
        raise ValidationError("grip norms unit", data.get("unit"), "'lb'")
    rows = tuple(_row(i, raw) for i, raw in enumerate(data["rows"], 1))
    for i, row in enumerate(rows):
        for other in rows[:i]:
            overlap = other.covers(row.age_min) or row.covers(other.age_min)
            if overlap and (other.sex, other.hand) == (row.sex, row.hand):
                raise ValidationError(f"grip norms row {i + 1} age band", row.age_band,
                                      f"a band not overlapping {other.age_band} for {row.sex.value} {row.hand.value}")
    texts = [str(data.get(key, "")) for key in ("id", "name", "citation", "source", "protocol")]
    return GripNorms(id=texts[0], name=texts[1], citation=texts[2], source=texts[3], unit="lb", protocol=texts[4],
                     rows=rows)


@dataclass(frozen=True)
class GripComparison:
    """A measured grip mean set against the norm; the norm fields are None when no norm applies."""

    hand: Hand
    sex: Sex
    age_years: int
    mean_kg: float
    mean_lb: float
    norm_mean_lb: float | None
    percent_of_norm: float | None
    z_score: float | None  # only where the norm gives an SD
    age_band: str | None
    source: str
    summary: str


def compare(mean_kg: float, age_years: int, sex: Sex, hand: Hand, norms: GripNorms) -> GripComparison:
    """Compare a grip mean (kg, as stored) with the norm in its own unit (lb): percent of norm and z-score."""
    kg = number_in_range("grip mean", mean_kg, 0, MAX_TRIAL_KG, "kg")
    age, sex, hand = _age(age_years), _member(Sex, "sex", sex), _member(Hand, "grip hand", hand)
    lb = kg_to_lb(kg)
    measured = f"{hand.value.capitalize()} grip {_fixed(kg, 1)} kg ({_fixed(lb, 1)} lb)"
    norm = norms.norm_for(age, sex, hand)
    if norm is None:
        summary = f"{measured}: no {norms.name} norm applies to {_PEOPLE[sex]} aged {age}, so no percentage is given."
        return GripComparison(hand, sex, age, kg, lb, None, None, None, None, norms.name, summary)
    percent = 100.0 * lb / norm.mean_lb
    z = None if norm.sd_lb is None else (lb - norm.mean_lb) / norm.sd_lb
    summary = (f"{measured} is {_fixed(percent, 0)}% of the norm for {_PEOPLE[sex]} aged {norm.age_band} "
               f"({_fixed(norm.mean_lb, 1)} lb); "
               + ("no z-score, as the norm gives no SD." if z is None else f"z = {_fixed(z, 2)}."))
    return GripComparison(hand, sex, age, kg, lb, norm.mean_lb, percent, z, norm.age_band, norms.name, summary)


def age_on(date_of_birth: date, on_date: date) -> int:
    """Age in whole years on a date (a 29 February birthday counts from 1 March in other years)."""
    born = a_date("date of birth", date_of_birth, required=True)
    on = a_date("assessment date", on_date, required=True)
    if born is None or on is None or on < born:  # required dates are never None; the check narrows the type
        raise ValidationError("assessment date", on_date, f"a date on or after {date_of_birth.isoformat()}")
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
