"""Liberty Mutual MMH equations (Potvin, Ciriello, Snook, Maynard and Brogmus, Ergonomics 2021;64(8):955–970)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.liberty_mutual_constants import EQUATIONS, HANDLES, NAMES, Kind, Sex
from rtw_planner.domain.demands.liberty_mutual_ranges import (
    M_PER_IN,
    RANGES,
    check_ranges,
    family,
    length_text,
    value_text,
)
from rtw_planner.domain.demands.units import LB_PER_KG

__all__ = ["M_PER_IN", "Kind", "MmhResult", "MmhTask", "Sex", "evaluate", "from_display", "inputs_of", "to_display"]



def inputs_of(kind: Kind) -> tuple[str, ...]:
    """The geometry inputs (metres) an equation takes, in the paper's order, then the frequency."""
    return ("h", "vrm", "dv", "f") if kind.is_lift_or_lower else ("v", "dh", "f")


@dataclass(frozen=True)
class MmhTask:
    """One task in SI: lengths in metres, frequency per minute, load in kg (a force in kgf for push and pull).

    `units` (metric or us) only chooses how messages show lengths. Inputs the kind does not take stay None;
    `handles` (yes, poor or none) applies the paper's coupling factor to lift and lower.
    """

    kind: Kind
    sex: Sex
    f: float
    h: float | None = None
    vrm: float | None = None
    dv: float | None = None
    v: float | None = None
    dh: float | None = None
    load: float | None = None
    handles: str = "yes"
    units: str = "metric"

    def __post_init__(self) -> None:
        put = object.__setattr__
        for name, kind in (("kind", Kind), ("sex", Sex)):
            value = getattr(self, name)
            if str(value).strip().lower() not in {m.value for m in kind}:
                raise ValidationError(name, value, "one of " + ", ".join(m.value for m in kind))
            put(self, name, kind(str(value).strip().lower()))
        needed = inputs_of(self.kind)
        for name in ("h", "vrm", "dv", "v", "dh", "f"):
            value = getattr(self, name)
            if name not in needed:
                if value is not None:
                    raise ValidationError(name, value, f"nothing: {self.kind.value} does not take {NAMES[name]}")
            elif isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) \
                    or value <= 0:
                raise ValidationError(name, value, f"a number above 0 ({NAMES[name]})")
        if self.load is not None and (isinstance(self.load, bool) or not isinstance(self.load, int | float)
                                      or not math.isfinite(self.load) or self.load <= 0):
            raise ValidationError("load", self.load, "a number above 0")
        if self.handles not in HANDLES or (self.handles != "yes" and not self.kind.is_lift_or_lower):
            allowed = "yes, poor or none" if self.kind.is_lift_or_lower else "yes (handles apply to lift and lower)"
            raise ValidationError("handles", self.handles, allowed)
        if self.kind.is_lift_or_lower and self.vrm is not None and self.dv is not None and self.vrm < self.dv / 2:
            raise ValidationError("vrm", self.vrm, f"at least DV/2 = {length_text(self.dv / 2, self.units)}, "
                                  "or the lower hand height is below the floor")


@dataclass(frozen=True)
class MmhResult:
    """The equation's figures in kg (kgf for push and pull); `mal` is extrapolated unless within_ranges."""

    task: MmhTask
    factors: dict[str, float]  # each scale factor by input name, and "coupling" for lift and lower
    reference_load: float
    cv: float
    mal: float  # the 50th percentile
    within_ranges: bool
    warnings: tuple[str, ...]

    @property
    def sd(self) -> float:
        """The standard deviation, CV × MAL."""
        return self.cv * self.mal

    def mal_for(self, percent: float) -> float:
        """The load acceptable to `percent` of the population: MAL × (1 − CV × z), z the normal quantile."""
        return self.mal * (1 - self.cv * NormalDist().inv_cdf(percent / 100))

    def percent_capable(self, load: float) -> float:
        """The percentage of the population whose maximum acceptable load is at least `load` (upper tail)."""
        return 100 * (1 - NormalDist(self.mal, self.sd).cdf(load))


def evaluate(task: MmhTask) -> MmhResult:
    """Compute every scale factor and the MAL; a factor of 0 or below raises ValidationError (no value there)."""
    equation = EQUATIONS[(task.kind, task.sex)]
    factors: dict[str, float] = {}
    for term in equation.terms:
        x = getattr(task, term.variable)
        value = term.value(x)
        if value <= 0:
            low, high = RANGES[family(task.kind)][task.sex].get(term.variable, (None, None))
            published = "" if low is None or high is None else \
                f"; the published range is {value_text(term.variable, low, task.units)} to " \
                f"{value_text(term.variable, high, task.units)}"
            raise ValidationError(term.variable, x, f"a value where the {NAMES[term.variable]} scale factor is "
                                  f"above 0 (it is {value:.3f} here, so the equation gives no load{published})")
        factors[term.variable] = value
    if task.kind.is_lift_or_lower:
        factors["coupling"] = HANDLES[task.handles]
    outside, cautions = check_ranges(task)
    mal = equation.rl * math.prod(factors.values())
    return MmhResult(task, factors, equation.rl, equation.cv, mal, not outside, tuple(outside + cautions))


def to_display(kg: float, units: str) -> float:
    """A load or force in kg (kgf) as shown: unchanged in metric, in lb (lbf) in US units."""
    return kg * LB_PER_KG if units == "us" else kg


def from_display(value: float, units: str) -> float:
    """A load typed in the display unit back in kg (kgf)."""
    return value / LB_PER_KG if units == "us" else value
