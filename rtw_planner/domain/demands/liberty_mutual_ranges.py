"""The LM-MMH equations' input ranges and velocity cautions, checked with messages in metric or US units."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from rtw_planner.domain.demands.liberty_mutual_constants import NAMES, Kind, Sex

if TYPE_CHECKING:
    from rtw_planner.domain.demands.liberty_mutual import MmhTask

F, M = Sex.FEMALE, Sex.MALE
M_PER_IN = 0.0254
FT_PER_M = 1 / 0.3048
_EPS = 1e-9  # a bound typed in inches and converted to metres still counts as inside
ARM_REACH_M = {F: 1.96, M: 2.14}  # Table 3, 50th-percentile vertical grip reach (ANSUR II)
MIN_FREQUENCY = 1 / 480  # one a day over a 480-minute day
# The printed input ranges (m, per minute, m/min) for each family: lift/lower, push/pull and carry.
RANGES: dict[str, dict[Sex, dict[str, tuple[float, float]]]] = {
    "lift": {F: {"h": (0.20, 0.68), "f": (MIN_FREQUENCY, 20.0)}, M: {"h": (0.25, 0.73), "f": (MIN_FREQUENCY, 20.0)}},
    "push": {F: {"v": (0.58, 1.33), "dh": (2.1, 61.0), "f": (MIN_FREQUENCY, 10.0)},
             M: {"v": (0.63, 1.44), "dh": (2.1, 61.0), "f": (MIN_FREQUENCY, 10.0)}},
    "carry": {F: {"v": (0.71, 1.03), "dh": (2.1, 10.0), "f": (MIN_FREQUENCY, 10.0)},
              M: {"v": (0.78, 1.10), "dh": (2.1, 10.0), "f": (MIN_FREQUENCY, 10.0)}},
}
MAX_VELOCITY = {"lift": 11.0, "push": 37.0, "carry": 29.0}  # DV·F or DH·F, m/min
CAUTION_VELOCITY = {"lift": {F: 3.0, M: 3.0}, "carry": {F: 10.0}}  # section 4.3: "use with caution" above these


def family(kind: Kind) -> str:
    """The range family of a kind: lift (lift and lower), push (push and pull) or carry."""
    return "lift" if kind.is_lift_or_lower else ("carry" if kind is Kind.CARRY else "push")


def length_text(metres: float, units: str) -> str:
    """A length as shown: '0.38 m', or '15.0 in' in US units."""
    return f"{metres / M_PER_IN:.1f} in" if units == "us" else f"{metres:.2f} m"


def value_text(variable: str, value: float, units: str) -> str:
    """An input as shown: a length, or a frequency per minute (one a day named as such)."""
    if variable == "f":
        return "one a day (0.0021/min)" if abs(value - MIN_FREQUENCY) < 1e-12 else f"{value:.4g}/min"
    return length_text(value, units)


def check_ranges(task: MmhTask) -> tuple[list[str], list[str]]:
    """Warnings for inputs outside the printed ranges, and the paper's velocity cautions."""
    group, units, sex = family(task.kind), task.units, task.sex
    outside, cautions = [], []
    bounds = dict(RANGES[group][sex])
    if group == "lift":
        bounds["dv"] = (0.25, ARM_REACH_M[sex])
    for name, (low, high) in bounds.items():
        value = getattr(task, name)
        if value < low * (1 - _EPS) or value > high * (1 + _EPS):
            outside.append(f"{NAMES[name]} {value_text(name, value, units)} is outside the equation's range "
                           f"{value_text(name, low, units)} to {value_text(name, high, units)} ({sex.value})")
    travel = task.dv if group == "lift" else task.dh
    assert travel is not None
    velocity, what = travel * task.f, ("DV × F" if group == "lift" else "DH × F")
    speed = (f"{velocity * FT_PER_M:.1f} ft/min" if units == "us" else f"{velocity:.1f} m/min")
    if velocity > MAX_VELOCITY[group] * (1 + _EPS):
        limit = MAX_VELOCITY[group] * (FT_PER_M if units == "us" else 1)
        outside.append(f"mean velocity {what} = {speed} is above the equation's limit "
                       f"{limit:.1f} {'ft' if units == 'us' else 'm'}/min")
    elif velocity > CAUTION_VELOCITY.get(group, {}).get(sex, math.inf):
        cautions.append(f"mean velocity {what} = {speed}: the paper advises caution at this pace, where the "
                        "load chosen as acceptable may exceed physiological limits")
    if group == "lift":
        assert task.vrm is not None
        assert task.dv is not None
        top = task.vrm + task.dv / 2
        if top > ARM_REACH_M[sex] * (1 + _EPS):
            outside.append(f"highest hand height VRM + DV/2 = {length_text(top, units)} is above the arm reach "
                           f"{length_text(ARM_REACH_M[sex], units)} ({sex.value}, 50th percentile)")
    return outside, cautions


