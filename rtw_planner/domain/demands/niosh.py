"""Revised NIOSH Lifting Equation: RWL and LI at origin and destination, and the composite LI of a job."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.data.validation import number_in_range, text
from rtw_planner.domain.demands.niosh_constants import (
    A_MAX,
    A_SLOPE,
    CM_PER_IN,
    CONSTANTS,
    DURATION_TEXT,
    F_MAX,
    KG_PER_LB,
    LIMITS,
    MAX_FREQUENCY,
    SCOPE,
    CompositePart,
    CompositeResult,
    CompositeStep,
    CompositeTaskResult,
    Constants,
    Coupling,
    Duration,
    Units,
    choice,
    composite_from_parts,
    coupling_multiplier,
    frequency_multiplier,
    length_in_range,
)

__all__ = ["Assessment", "CompositePart", "CompositeResult", "CompositeStep", "CompositeTaskResult", "Coupling",
           "Duration", "LiftingTask", "NioshResult", "Units", "composite_from_parts", "composite_lifting_index",
           "coupling_multiplier", "evaluate", "frequency_multiplier", "lifting_index_warning"]


@dataclass(frozen=True)
class LiftingTask:
    """One lifting task, stored in SI; `units` is the constant system the equation is computed in.

    load_kg is the average load (the STLI of a multi-task job); max_load_kg, when given, is the heaviest
    load (the FILI). The destination is assessed only with control_at_destination; a_dest_deg defaults to
    a_deg. The boolean flags mark conditions outside the equation's scope; each adds a warning.
    """

    load_kg: float
    h_cm: float
    v_cm: float
    d_cm: float
    a_deg: float
    frequency_per_min: float
    duration: Duration
    coupling: Coupling
    h_dest_cm: float | None = None
    v_dest_cm: float | None = None
    a_dest_deg: float | None = None
    control_at_destination: bool = False
    name: str = ""
    units: Units = Units.METRIC
    max_load_kg: float | None = None
    one_handed: bool = False
    seated_or_kneeling: bool = False
    over_8_hours: bool = False
    restricted_space: bool = False
    unstable_load: bool = False
    combined_with_carry_push: bool = False
    wheelbarrow_or_shovel: bool = False
    high_speed: bool = False
    poor_floor_friction: bool = False
    unfavourable_environment: bool = False

    def __post_init__(self) -> None:
        put = object.__setattr__
        put(self, "units", choice("units", self.units, Units))
        put(self, "duration", choice("duration", self.duration, Duration))
        put(self, "coupling", choice("coupling", self.coupling, Coupling))
        put(self, "name", text("name", self.name))
        put(self, "load_kg", number_in_range("load_kg", self.load_kg, 0, LIMITS[Units.METRIC]["load"], "kg"))
        for field, key in (("h_cm", "h"), ("v_cm", "v"), ("d_cm", "d"), ("h_dest_cm", "h"), ("v_dest_cm", "v")):
            value = getattr(self, field)
            if value is not None or field in ("h_cm", "v_cm", "d_cm"):
                put(self, field, length_in_range(field, value, Units.METRIC, key, positive=key == "h"))
        put(self, "a_deg", number_in_range("a_deg", self.a_deg, 0, 360, "degrees"))
        a_dest = self.a_deg if self.a_dest_deg is None else self.a_dest_deg
        put(self, "a_dest_deg", number_in_range("a_dest_deg", a_dest, 0, 360, "degrees"))
        put(self, "frequency_per_min",
            number_in_range("frequency_per_min", self.frequency_per_min, 0, MAX_FREQUENCY, "lifts/min"))
        if self.max_load_kg is not None:
            top = LIMITS[Units.METRIC]["load"]
            put(self, "max_load_kg", number_in_range("max_load_kg", self.max_load_kg, self.load_kg, top, "kg"))
        for flag in ("control_at_destination", *SCOPE):
            if not isinstance(getattr(self, flag), bool):
                raise ValidationError(flag, getattr(self, flag), "true or false")
        if self.control_at_destination:
            for field in ("h_dest_cm", "v_dest_cm"):
                if getattr(self, field) is None:
                    raise ValidationError(field, None, "a number when control_at_destination is set")

    @classmethod
    def metric(cls, *, load_kg: float, h_cm: float, v_cm: float, d_cm: float, a_deg: float,
               frequency_per_min: float, duration: Duration | str, coupling: Coupling | str,
               h_dest_cm: float | None = None, v_dest_cm: float | None = None, a_dest_deg: float | None = None,
               control_at_destination: bool = False, name: str = "", max_load_kg: float | None = None,
               **flags: bool) -> LiftingTask:
        """A task measured in kg and cm, computed with the metric constants (LC 23 kg)."""
        return cls(load_kg, h_cm, v_cm, d_cm, a_deg, frequency_per_min, choice("duration", duration, Duration),
                   choice("coupling", coupling, Coupling), h_dest_cm, v_dest_cm, a_dest_deg,
                   control_at_destination, name, Units.METRIC, max_load_kg, **flags)

    @classmethod
    def us(cls, *, load_lb: float, h_in: float, v_in: float, d_in: float, a_deg: float, frequency_per_min: float,
           duration: Duration | str, coupling: Coupling | str, h_dest_in: float | None = None,
           v_dest_in: float | None = None, a_dest_deg: float | None = None, control_at_destination: bool = False,
           name: str = "", max_load_lb: float | None = None, **flags: bool) -> LiftingTask:
        """A task measured in lb and inches, stored exactly in SI and computed with the US constants (LC 51 lb)."""
        top = LIMITS[Units.US]["load"]
        load = number_in_range("load_lb", load_lb, 0, top, "lb")
        heaviest = None if max_load_lb is None else number_in_range("max_load_lb", max_load_lb, load, top, "lb")
        h, v, d = length_in_range("h_in", h_in, Units.US, "h", True), length_in_range("v_in", v_in, Units.US, "v"), \
            length_in_range("d_in", d_in, Units.US, "d")
        h_dest = None if h_dest_in is None else length_in_range("h_dest_in", h_dest_in, Units.US, "h", True) * CM_PER_IN
        v_dest = None if v_dest_in is None else length_in_range("v_dest_in", v_dest_in, Units.US, "v") * CM_PER_IN
        heaviest_kg = None if heaviest is None else heaviest * KG_PER_LB
        return cls(load * KG_PER_LB, h * CM_PER_IN, v * CM_PER_IN, d * CM_PER_IN, a_deg, frequency_per_min,
                   choice("duration", duration, Duration), choice("coupling", coupling, Coupling), h_dest, v_dest,
                   a_dest_deg, control_at_destination, name, Units.US, heaviest_kg, **flags)


@dataclass(frozen=True)
class Assessment:
    """The equation at one end of a lift; rwl is in the computation unit (kg or lb), at full precision."""

    hm: float
    vm: float
    dm: float
    am: float
    fm: float
    cm: float
    rwl: float
    li: float | None  # None when RWL = 0
    outside_equation: str | None  # why RWL = 0, or None
    units: Units = Units.METRIC
    end: str = "origin"

    @property
    def rwl_kg(self) -> float:
        """The RWL in kilograms."""
        return self.rwl if self.units is Units.METRIC else self.rwl * KG_PER_LB

    @property
    def rwl_lb(self) -> float:
        """The RWL in pounds."""
        return self.rwl if self.units is Units.US else self.rwl / KG_PER_LB


def lifting_index_warning(li: float | None) -> str | None:
    """The warning for an LI band: > 1.0 and > 3.0 (the design target is LI ≤ 1.0, so exactly 1.0 passes)."""
    if li is not None and li > 3:
        return "Lifting index above 3.0: nearly all workers at increased risk (some experts)."
    if li is not None and li > 1:
        return "Lifting index above 1.0: increased risk for some workers."
    return None


@dataclass(frozen=True)
class NioshResult:
    """Origin and (with control at the destination) destination assessments, and the warnings."""

    task: LiftingTask
    origin: Assessment
    destination: Assessment | None
    general_warnings: tuple[str, ...]  # scope and frequency warnings, shared by both ends

    @property
    def governing(self) -> Assessment:
        """The end with the lower RWL (the origin on a tie)."""
        if self.destination is not None and self.destination.rwl < self.origin.rwl:
            return self.destination
        return self.origin

    @property
    def warnings(self) -> tuple[str, ...]:
        """The shared warnings plus the LI band of the governing end."""
        return self.warnings_for(self.governing)

    def warnings_for(self, end: Assessment) -> tuple[str, ...]:
        """The shared warnings plus the LI band of the given end."""
        band = lifting_index_warning(end.li)
        return self.general_warnings + ((band,) if band else ())


@dataclass(frozen=True)
class _Inputs:
    load: float
    max_load: float
    h: float
    v: float
    d: float
    h_dest: float | None
    v_dest: float | None


def _inputs(task: LiftingTask) -> _Inputs:
    """The task's figures in its computation unit; US values are rounded to 1e-9 to undo float noise."""
    def conv(value: float, per: float) -> float:
        return value if task.units is Units.METRIC else round(value / per, 9)

    heaviest = task.load_kg if task.max_load_kg is None else task.max_load_kg
    h_dest = None if task.h_dest_cm is None else conv(task.h_dest_cm, CM_PER_IN)
    v_dest = None if task.v_dest_cm is None else conv(task.v_dest_cm, CM_PER_IN)
    return _Inputs(conv(task.load_kg, KG_PER_LB), conv(heaviest, KG_PER_LB), conv(task.h_cm, CM_PER_IN),
                   conv(task.v_cm, CM_PER_IN), conv(task.d_cm, CM_PER_IN), h_dest, v_dest)


def _assess(task: LiftingTask, end: str, load: float, h: float, v: float, d: float, a: float, fm: float,
            fm_reason: str | None) -> Assessment:
    c: Constants = CONSTANTS[task.units]
    reasons = []
    hm = vm = dm = am = 0.0
    if h > c.h_max:
        reasons.append(f"H {h:g} {c.length} is beyond {c.h_max:g} {c.length}, so HM = 0")
    else:
        hm = c.h_factor / max(h, c.h_min)
    if v > c.v_max:
        reasons.append(f"V {v:g} {c.length} is above {c.v_max:g} {c.length}, so VM = 0")
    else:
        vm = 1 - c.v_slope * abs(v - c.v_best)
    if d > c.d_max:
        reasons.append(f"D {d:g} {c.length} is beyond {c.d_max:g} {c.length}, so DM = 0")
    else:
        dm = 0.82 + c.d_factor / max(d, c.d_min)
    if a > A_MAX:
        reasons.append(f"A {a:g}° is beyond {A_MAX:g}°, so AM = 0")
    else:
        am = 1 - A_SLOPE * a
    if fm_reason:
        reasons.append(fm_reason)
    cm = coupling_multiplier(task.coupling, v, task.units)
    rwl = c.lc * hm * vm * dm * am * fm * cm
    return Assessment(hm, vm, dm, am, fm, cm, rwl, load / rwl if rwl > 0 else None, "; ".join(reasons) or None,
                      task.units, end)


def _fm_reason(task: LiftingTask, v: float) -> str:
    c, f = CONSTANTS[task.units], task.frequency_per_min
    if f > F_MAX:
        return f"F {f:g}/min is above Table 5 (at most {F_MAX:g}/min), so FM = 0"
    side = "<" if v < c.v_best else "≥"
    return (f"F {f:g}/min with {DURATION_TEXT[task.duration]} duration and V {side} {c.v_best:g} {c.length} "
            "reaches the .00 cells of Table 5, so FM = 0")


def _ends(task: LiftingTask, fm: float | None = None) -> tuple[Assessment, Assessment | None]:
    x = _inputs(task)
    if fm is None:
        fm = frequency_multiplier(task.frequency_per_min, task.duration, x.v, task.units)  # origin V, both ends
    reason = _fm_reason(task, x.v) if fm == 0 else None
    origin = _assess(task, "origin", x.load, x.h, x.v, x.d, task.a_deg, fm, reason)
    if not task.control_at_destination or x.h_dest is None or x.v_dest is None:
        return origin, None
    a_dest = task.a_deg if task.a_dest_deg is None else task.a_dest_deg
    return origin, _assess(task, "destination", x.load, x.h_dest, x.v_dest, x.d, a_dest, fm, reason)


def evaluate(task: LiftingTask) -> NioshResult:
    """Compute the RWL and LI at the origin (and the destination when it needs control), with warnings."""
    origin, destination = _ends(task)
    warnings = [f"{what} is outside the scope of the NIOSH lifting equation." for flag, what in SCOPE.items()
                if getattr(task, flag)]
    if task.frequency_per_min > F_MAX:
        warnings.append(f"Frequency {task.frequency_per_min:g} lifts/min is above Table 5 (at most {F_MAX:g}/min), "
                        "so the equation does not apply.")
    return NioshResult(task, origin, destination, tuple(warnings))


def composite_lifting_index(tasks: Sequence[LiftingTask]) -> CompositeResult:
    """The CLI of a multi-task job (steps 1–6): FIRWL is the lower end's RWL with FM = 1.

    All tasks must share one unit system and one duration; load_kg is each task's average load and
    max_load_kg (default load_kg) its heaviest.
    """
    if not tasks:
        raise ValidationError("tasks", list(tasks), "at least one task")
    for field in ("units", "duration"):
        values = sorted({getattr(t, field).value for t in tasks})
        if len(values) > 1:
            raise ValidationError(field, values, f"one {field} for every task of the job")
    parts = []
    for task in tasks:
        origin, destination = _ends(task, fm=1.0)
        firwl = origin.rwl if destination is None else min(origin.rwl, destination.rwl)
        x = _inputs(task)
        low = x.v < CONSTANTS[task.units].v_best
        parts.append(CompositePart(firwl, task.frequency_per_min, x.max_load, x.load, low, task.name))
    return composite_from_parts(parts, tasks[0].duration)
