"""Manual-handling tasks of a job for the Liberty Mutual equations: lift, lower, push, pull or carry, sex not given."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.data.validation import number_in_range, text
from rtw_planner.domain.demands.liberty_mutual import Kind, MmhResult, MmhTask, Sex, evaluate, inputs_of

KINDS = ("lift", "lower", "push", "pull", "carry")
PHASES = ("initial", "sustained")
UNITS = ("metric", "us")
HANDLES = ("yes", "poor", "none")
MAX_LOAD = 1000.0  # kg or kgf: generous for any real task, tight enough to catch a typing error
MAX_LENGTH_M = 100.0
MAX_FREQUENCY = 100.0  # per minute
# The MmhTask input each stored geometry field feeds, and back (for messages naming the stored field).
GEOMETRY = {"h_m": "h", "vrm_m": "vrm", "dv_m": "dv", "v_m": "v", "dh_m": "dh"}
STORED = {**{v: k for k, v in GEOMETRY.items()}, "f": "frequency_per_min", "load": "load"}


def _word(field: str, value: object, allowed: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value.strip().lower() not in allowed:
        raise ValidationError(field, value, "one of " + ", ".join(allowed))
    return value.strip().lower()


@dataclass(frozen=True)
class MmhJobTask:
    """One handling task of the job, in SI: lengths in metres, the load in kg (a force in kgf for push and pull).

    `phase` (initial or sustained) is for push and pull only. The geometry is H, VRM and DV for lift and lower,
    V and DH for push, pull and carry; the others stay None. `units` is how the task was entered and is shown.
    """

    kind: str
    frequency_per_min: float
    load: float
    phase: str | None = None
    h_m: float | None = None
    vrm_m: float | None = None
    dv_m: float | None = None
    v_m: float | None = None
    dh_m: float | None = None
    handles: str = "yes"
    name: str = ""
    units: str = "metric"

    def __post_init__(self) -> None:
        put = object.__setattr__
        put(self, "kind", _word("kind", self.kind, KINDS))
        if self.kind in ("push", "pull"):
            put(self, "phase", _word("phase", self.phase, PHASES))
        elif self.phase is not None:
            raise ValidationError("phase", self.phase, f"nothing: only push and pull have a phase, not {self.kind}")
        put(self, "units", _word("units", self.units, UNITS))
        put(self, "handles", _word("handles", self.handles, HANDLES))
        put(self, "name", text("name", self.name))
        put(self, "frequency_per_min", number_in_range("frequency_per_min", self.frequency_per_min, 0, MAX_FREQUENCY,
                                                       "per minute"))
        put(self, "load", number_in_range("load", self.load, 0, MAX_LOAD, "kg or kgf"))
        if self.load == 0:
            raise ValidationError("load", self.load, f"a number above 0 and at most {MAX_LOAD:g} kg or kgf")
        for name in GEOMETRY:
            value = getattr(self, name)
            if value is not None:
                put(self, name, number_in_range(name, value, 0, MAX_LENGTH_M, "m"))
        try:
            self.for_sex(Sex.FEMALE)  # the equation's own checks: the inputs it takes, each above 0
        except ValidationError as exc:
            raise ValidationError(STORED.get(exc.field, exc.field), exc.value, exc.allowed) from None

    @property
    def equation(self) -> Kind:
        """The equation's kind: lift, lower, push or pull with its phase, or carry."""
        return Kind(f"{self.kind} {self.phase}" if self.phase else self.kind)

    @property
    def is_force(self) -> bool:
        """Push and pull ask for a force (kgf), the others for a load (kg)."""
        return self.equation.is_force

    def for_sex(self, sex: Sex) -> MmhTask:
        """The equation's task for one population, with this task's load."""
        kind = self.equation
        geometry = {GEOMETRY[name]: getattr(self, name) for name in GEOMETRY
                    if getattr(self, name) is not None or GEOMETRY[name] in inputs_of(kind)}
        return MmhTask(kind, sex, self.frequency_per_min, load=self.load, handles=self.handles, units=self.units,
                       **geometry)

    def evaluate(self, sex: Sex) -> MmhResult:
        """The equation's result for one population. Raises ValidationError where the equation has no value."""
        return evaluate(self.for_sex(sex))


def mmh_task_from_dict(row: dict[str, Any]) -> MmhJobTask:
    """A handling task from its plain form (the task validates its own values and choices)."""
    known = {f.name for f in fields(MmhJobTask)}
    unknown = sorted(set(row) - known)
    if unknown:
        raise ValidationError("handling task", unknown[0], "one of " + ", ".join(sorted(known)))
    missing = [name for name in ("kind", "frequency_per_min", "load") if name not in row]
    if missing:
        raise ValidationError("handling task", missing[0], "present (kind, frequency_per_min and load are needed)")
    return MmhJobTask(**row)


def mmh_tasks_to_list(tasks: tuple[MmhJobTask, ...]) -> list[dict[str, Any]]:
    """Handling tasks in their plain form; inputs a kind does not take are left out."""
    return [{f.name: getattr(t, f.name) for f in fields(t) if getattr(t, f.name) is not None} for t in tasks]
