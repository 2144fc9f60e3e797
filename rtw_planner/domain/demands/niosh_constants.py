"""RNLE constants, Tables 5 (FM) and 7 (CM) as data (NIOSH 94-110 rev. 2021), and the CLI arithmetic on them."""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.data.validation import number_in_range

E = TypeVar("E", bound=StrEnum)

KG_PER_LB = 0.45359237
CM_PER_IN = 2.54


class Units(StrEnum):
    """The constant system the equation is computed in (the two are not exact conversions of each other)."""

    METRIC = "metric"
    US = "us"


class Duration(StrEnum):
    """Lifting duration category: short ≤ 1 h, moderate > 1–2 h, long > 2–8 h (with the recovery rules)."""

    SHORT = "short"
    MODERATE = "moderate"
    LONG = "long"


class Coupling(StrEnum):
    """Hand-to-object coupling class (Table 6)."""

    GOOD = "good"
    FAIR = "fair"
    POOR = "poor"


@dataclass(frozen=True)
class Constants:
    """The equation's constants and limits in one unit system (lengths in cm or in, loads in kg or lb)."""

    mass: str
    length: str
    lc: float  # load constant
    h_factor: float  # HM = h_factor / H
    h_min: float  # H below this is set to it (HM = 1)
    h_max: float  # H above this gives HM = 0
    v_best: float  # VM = 1 − v_slope·|V − v_best|; also the V split of Tables 5 and 7
    v_slope: float
    v_max: float  # V above this gives VM = 0
    d_factor: float  # DM = 0.82 + d_factor / D
    d_min: float  # D below this is set to it
    d_max: float  # D above this gives DM = 0


A_SLOPE = 0.0032  # AM = 1 − 0.0032·A in both systems
A_MAX = 135.0  # A above this gives AM = 0
F_MIN = 0.2  # F below this is set to it

CONSTANTS = {
    Units.METRIC: Constants("kg", "cm", 23.0, 25.0, 25.0, 63.0, 75.0, 0.003, 175.0, 4.5, 25.0, 175.0),
    Units.US: Constants("lb", "in", 51.0, 10.0, 10.0, 25.0, 30.0, 0.0075, 70.0, 1.8, 10.0, 70.0),
}

# Table 5. Rows are lifts/min; each duration has the columns (V < 75 cm [30 in], V ≥ 75 cm [30 in]).
FM_FREQUENCIES: tuple[float, ...] = (0.2, 0.5, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
FM_TABLE: dict[Duration, tuple[tuple[float, float], ...]] = {
    Duration.SHORT: (
        (1.00, 1.00), (.97, .97), (.94, .94), (.91, .91), (.88, .88), (.84, .84), (.80, .80), (.75, .75),
        (.70, .70), (.60, .60), (.52, .52), (.45, .45), (.41, .41), (.37, .37), (.00, .34), (.00, .31),
        (.00, .28),
    ),
    Duration.MODERATE: (
        (.95, .95), (.92, .92), (.88, .88), (.84, .84), (.79, .79), (.72, .72), (.60, .60), (.50, .50),
        (.42, .42), (.35, .35), (.30, .30), (.26, .26), (.00, .23), (.00, .21), (.00, .00), (.00, .00),
        (.00, .00),
    ),
    Duration.LONG: (
        (.85, .85), (.81, .81), (.75, .75), (.65, .65), (.55, .55), (.45, .45), (.35, .35), (.27, .27),
        (.22, .22), (.18, .18), (.00, .15), (.00, .13), (.00, .00), (.00, .00), (.00, .00), (.00, .00),
        (.00, .00),
    ),
}
F_MAX = FM_FREQUENCIES[-1]  # above 15 lifts/min the table gives .00 for every column

# Table 7: (V < 75 cm [30 in], V ≥ 75 cm [30 in]).
CM_TABLE: dict[Coupling, tuple[float, float]] = {
    Coupling.GOOD: (1.00, 1.00),
    Coupling.FAIR: (0.95, 1.00),
    Coupling.POOR: (0.90, 0.90),
}

# Input bounds: generous enough for any real task, tight enough to catch typing errors. Each US bound
# converts to less than the metric one, so a valid US task is also a valid stored (SI) task.
LIMITS = {Units.METRIC: {"load": 500.0, "h": 200.0, "v": 300.0, "d": 300.0},
          Units.US: {"load": 1100.0, "h": 78.0, "v": 118.0, "d": 118.0}}
MAX_FREQUENCY = 100.0  # lifts/min
SCOPE = {  # out-of-scope flag -> the warning it adds
    "one_handed": "One-handed lifting",
    "seated_or_kneeling": "Lifting while seated or kneeling",
    "over_8_hours": "Lifting for more than 8 hours in a shift",
    "restricted_space": "Lifting in a restricted space",
    "unstable_load": "Lifting an unstable load",
    "combined_with_carry_push": "Lifting combined with carrying, pushing or pulling",
    "wheelbarrow_or_shovel": "Lifting with a wheelbarrow or shovel",
    "high_speed": "Lifting faster than about 30 in/s (76 cm/s)",
    "poor_floor_friction": "Lifting on a floor with a friction coefficient below 0.4",
    "unfavourable_environment": "Lifting outside 19–26 °C or 35–50% humidity",
}
DURATION_TEXT = {Duration.SHORT: "short (≤ 1 h)", Duration.MODERATE: "moderate (1–2 h)",
                 Duration.LONG: "long (2–8 h)"}



def choice(field: str, value: object, kind: type[E]) -> E:
    """Value as a member of kind (an enum or its value in any case), or ValidationError."""
    if isinstance(value, kind):
        return value
    if isinstance(value, str) and value.strip().lower() in {m.value for m in kind}:
        return kind(value.strip().lower())
    raise ValidationError(field, value, "one of " + ", ".join(m.value for m in kind))


def length_in_range(field: str, value: object, units: Units, key: str, positive: bool = False) -> float:
    """Value as a length within LIMITS[units][key] (above 0 when positive), or ValidationError."""
    high, unit = LIMITS[units][key], CONSTANTS[units].length
    number = number_in_range(field, value, 0, high, unit)
    if positive and number == 0:
        raise ValidationError(field, value, f"a number greater than 0 and at most {high:g} {unit}")
    return number

def table_fm(f_per_min: float, duration: Duration, low_origin: bool) -> float:
    """FM from Table 5 for one column: low_origin means V at the origin is below 75 cm [30 in].

    F below 0.2/min counts as 0.2; F above 15/min gives 0. Between rows FM is interpolated linearly (the
    manual interpolates F = 2.4). Where a column drops to .00 between two printed rows (e.g. long duration,
    V < 75 cm: .18 at 8/min, .00 at 9/min) we interpolate along the straight line between those two printed
    cells (8.5/min -> .09), exactly as between any other rows: the manual gives no separate rule for that gap,
    and this adds no value that is not on the line between two table entries. Past the last row (15/min)
    there is no row to interpolate toward, so FM is 0 there.
    """
    column = 0 if low_origin else 1
    rows = FM_TABLE[duration]
    f = max(f_per_min, F_MIN)
    if f > F_MAX:
        return 0.0
    i = bisect_right(FM_FREQUENCIES, f) - 1
    if FM_FREQUENCIES[i] == f:
        return rows[i][column]
    f0, f1 = FM_FREQUENCIES[i], FM_FREQUENCIES[i + 1]
    fm0, fm1 = rows[i][column], rows[i + 1][column]
    return fm0 + (fm1 - fm0) * (f - f0) / (f1 - f0)


def frequency_multiplier(f_per_min: float, duration: Duration, v_at_origin: float, units: Units) -> float:
    """FM from Table 5 (see table_fm); V is the origin height in the unit system's length (cm or in)."""
    return table_fm(f_per_min, duration, v_at_origin < CONSTANTS[units].v_best)


def coupling_multiplier(coupling: Coupling, v: float, units: Units) -> float:
    """CM from Table 7, using V at the end being evaluated (in the unit system's length)."""
    low, high = CM_TABLE[coupling]
    return low if v < CONSTANTS[units].v_best else high


@dataclass(frozen=True)
class CompositePart:
    """One task of a multi-task job as the CLI needs it; FIRWL and loads in one unit (kg or lb)."""

    firwl: float
    frequency_per_min: float
    max_load: float
    avg_load: float
    low_origin: bool  # V at the origin below 75 cm [30 in]: the left columns of Table 5
    name: str = ""


@dataclass(frozen=True)
class CompositeTaskResult:
    """Steps 1–4 for one task: FIRWL (FM = 1), FM at its own frequency, STRWL, FILI and STLI."""

    name: str
    frequency_per_min: float
    firwl: float
    fm: float
    strwl: float
    fili: float | None  # None when FIRWL = 0
    stli: float | None  # None when STRWL = 0


@dataclass(frozen=True)
class CompositeStep:
    """Step 6 for the k-th task in order: FM at the summed frequency of tasks 1..k and its CLI term."""

    task: int  # index into CompositeResult.tasks
    summed_frequency: float
    fm: float
    term: float


@dataclass(frozen=True)
class CompositeResult:
    """The composite lifting index, with every intermediate figure; cli is None when outside the equation."""

    tasks: tuple[CompositeTaskResult, ...]  # in input order
    order: tuple[int, ...]  # task indices by STLI, highest first (ties: higher frequency first)
    steps: tuple[CompositeStep, ...]
    cli: float | None
    outside_equation: str | None


def composite_from_parts(parts: Sequence[CompositePart], duration: Duration) -> CompositeResult:
    """The CLI (steps 2–6) from each task's FIRWL, frequency and loads, for a job of one duration.

    The reference does not say which V column of Table 5 applies at a summed frequency; we take the
    conservative one: V < 75 cm [30 in] when any task in 1..k has its origin there (the columns differ
    only where that one is lower).
    """
    if not parts:
        raise ValidationError("tasks", list(parts), "at least one task")
    results = []
    for p in parts:
        fm = table_fm(p.frequency_per_min, duration, p.low_origin)
        strwl = p.firwl * fm
        results.append(CompositeTaskResult(p.name, p.frequency_per_min, p.firwl, fm, strwl,
                                           p.max_load / p.firwl if p.firwl > 0 else None,
                                           p.avg_load / strwl if strwl > 0 else None))
    def rank(i: int) -> tuple[float, float, int]:
        stli = results[i].stli
        return (-math.inf if stli is None else -stli, -parts[i].frequency_per_min, i)

    order = tuple(sorted(range(len(parts)), key=rank))
    label = [p.name or f"task {i + 1}" for i, p in enumerate(parts)]
    reasons = [f"{label[i]}: FIRWL = 0 (outside the equation)" for i, r in enumerate(results) if r.fili is None]
    reasons += [f"{label[i]}: FM = 0 at its own frequency" for i, r in enumerate(results)
                if r.fili is not None and r.stli is None]
    steps: list[CompositeStep] = []
    if not reasons:
        first = results[order[0]]
        assert first.stli is not None
        steps.append(CompositeStep(order[0], first.frequency_per_min, first.fm, first.stli))
        for k in range(1, len(order)):
            group = order[: k + 1]
            summed = sum(parts[i].frequency_per_min for i in group)
            fm = table_fm(summed, duration, any(parts[i].low_origin for i in group))
            if fm == 0:
                reasons.append(f"FM = 0 at the summed frequency {summed:g}/min of {', '.join(label[i] for i in group)}")
                break
            fili = results[order[k]].fili
            assert fili is not None
            steps.append(CompositeStep(order[k], summed, fm, fili * (1 / fm - 1 / steps[-1].fm)))
    cli = None if reasons else sum(step.term for step in steps)
    return CompositeResult(tuple(results), order, tuple(steps), cli, "; ".join(reasons) or None)
