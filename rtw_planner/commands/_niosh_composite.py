"""The niosh command's --task SPEC: lifting tasks of one job read from key=value lists, and the composite LI."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rtw_planner.commands._support import UsageError, number_argument, shown
from rtw_planner.domain.demands.niosh_constants import LIMITS, MAX_FREQUENCY, Units

if TYPE_CHECKING:
    from rtw_planner.domain.demands.niosh import CompositeResult, LiftingTask

SPEC_HELP = ("a lifting task of the job as key=value pairs separated by commas, e.g. "
             "\"load=15,h=30,v=75,d=50,a=0,freq=2\" (repeat --task for each task; two or more give the composite "
             "lifting index). Keys: load, h, v, d (kg and cm, or lb and inches with --units us), a (degrees), "
             "freq (lifts/min) are required; max_load (the heaviest load, for the FILI; default load), "
             "coupling (good|fair|poor, default --coupling), h_dest and v_dest (assess the destination too), "
             "a_dest and name (no commas) are optional. --duration applies to every task.")
LENGTHS = ("h", "v", "d", "h_dest", "v_dest")
REQUIRED = ("load", "h", "v", "d", "a", "freq")
KEYS = (*REQUIRED, "max_load", "h_dest", "v_dest", "a_dest", "coupling", "name")
COUPLINGS = ("good", "fair", "poor")


def _kwarg(key: str, units: str) -> str:
    """The LiftingTask.metric / LiftingTask.us keyword for a spec key."""
    if key in ("load", "max_load"):
        return f"{key}_{'kg' if units == 'metric' else 'lb'}"
    if key in LENGTHS:
        return f"{key}_{'cm' if units == 'metric' else 'in'}"
    return {"a": "a_deg", "a_dest": "a_dest_deg", "freq": "frequency_per_min"}.get(key, key)


def _allowed(key: str, units: str) -> str:
    if key in ("a", "a_dest"):
        return "a number from 0 to 360 degrees"
    if key == "freq":
        return f"a number of lifts per minute from 0 to {MAX_FREQUENCY:g}"
    unit = {"metric": {"load": "kg", "length": "cm"}, "us": {"load": "lb", "length": "inches"}}[units]
    limit_key = "load" if key in ("load", "max_load") else key.split("_")[0]
    lowest = "above 0" if limit_key == "h" else "from 0"
    return (f"a number {lowest} to {LIMITS[Units(units)][limit_key]:g} "
            f"{unit['load' if limit_key == 'load' else 'length']}")


def _pairs(number: int, spec: str, units: str) -> dict[str, str]:
    """The key=value pairs of one --task, each key once and known."""
    where = f"--task {number}"
    pairs: dict[str, str] = {}
    for part in spec.split(","):
        if not part.strip():
            continue
        key, sep, value = part.partition("=")
        key = key.strip().lower()
        if not sep or key not in KEYS:
            raise UsageError(f"{where}: {shown(part.strip())} is not allowed; expected key=value with a key among "
                             f"{', '.join(KEYS)}")
        if key in pairs:
            raise UsageError(f"{where}: {key} is given twice; expected each key once")
        pairs[key] = value.strip()
    for key in REQUIRED:
        if key not in pairs:
            raise UsageError(f"{where}: {key} is missing; expected {key}=N, {_allowed(key, units)}")
    if ("h_dest" in pairs) != ("v_dest" in pairs):
        raise UsageError(f"{where}: {'h_dest' if 'h_dest' in pairs else 'v_dest'} is given alone; expected both "
                         "h_dest and v_dest to assess the destination")
    return pairs


def task_from_spec(number: int, spec: str, units: str, duration: str, coupling: str | None,
                   flags: dict[str, bool]) -> LiftingTask:
    """One LiftingTask from a --task SPEC (numbered from 1 in messages). Raises UsageError."""
    from rtw_planner.domain.data.errors import ValidationError, describe
    from rtw_planner.domain.demands.niosh import LiftingTask

    pairs = _pairs(number, spec, units)
    where = f"--task {number}"
    kwargs: dict[str, Any] = {"duration": duration, "name": pairs.get("name", ""), **flags,
                              "control_at_destination": "h_dest" in pairs}
    chosen = pairs.get("coupling", coupling)
    if chosen is None or chosen.strip().lower() not in COUPLINGS:
        what = "missing (and no --coupling)" if chosen is None else f"{shown(chosen)} is not allowed"
        raise UsageError(f"{where}: coupling {what}; expected one of {', '.join(COUPLINGS)}")
    kwargs["coupling"] = chosen.strip().lower()
    for key, raw in pairs.items():
        if key in ("name", "coupling"):
            continue
        kwargs[_kwarg(key, units)] = number_argument(f"{where}: {key}", raw, _allowed(key, units))
    try:
        return LiftingTask.metric(**kwargs) if units == "metric" else LiftingTask.us(**kwargs)
    except ValidationError as exc:
        key = next((k for k in KEYS if exc.field in (_kwarg(k, "metric"), _kwarg(k, "us"))), exc.field)
        typed = pairs.get(key)
        what = shown(typed) if typed is not None and not exc.private else describe(exc.value, private=exc.private)
        raise UsageError(f"{where}: {key}: {what} is not allowed; expected {exc.allowed}") from None


def _label(result: CompositeResult, index: int) -> str:
    name = result.tasks[index].name
    return f"task {index + 1}" + (f" ({name})" if name else "")


def as_json(result: CompositeResult, units: str, duration: str, warnings: list[str]) -> dict[str, Any]:
    """The composite as one JSON object: cli, each task's figures, the STLI order and the steps (indices from 0)."""
    mass = "kg" if units == "metric" else "lb"
    return {"cli": result.cli, "outside_equation": result.outside_equation, "units": units, "duration": duration,
            "tasks": [{"name": t.name, "frequency_per_min": t.frequency_per_min, f"firwl_{mass}": t.firwl,
                       "fm": t.fm, f"strwl_{mass}": t.strwl, "fili": t.fili, "stli": t.stli} for t in result.tasks],
            "order": list(result.order),
            "steps": [{"task": s.task, "summed_frequency_per_min": s.summed_frequency, "fm": s.fm, "term": s.term}
                      for s in result.steps],
            "warnings": warnings}


def as_text(result: CompositeResult, units: str, duration: str, warnings: list[str]) -> str:
    """Readable lines: each task's FIRWL, FM, STRWL, FILI and STLI, the steps in STLI order, then the CLI."""
    from rtw_planner.domain.demands.units import round_half_up

    def fixed(value: float | None, decimals: int) -> str:
        return "—" if value is None else f"{round_half_up(value, decimals):.{decimals}f}"

    mass = "kg" if units == "metric" else "lb"
    constants = "metric constants, LC 23 kg" if units == "metric" else "US constants, LC 51 lb"
    lines = [f"NIOSH composite lifting index of {len(result.tasks)} tasks ({constants}; {duration} duration)"]
    for i, t in enumerate(result.tasks):
        lines.append(f"T{_label(result, i)[1:]}: F {t.frequency_per_min:g}/min, FIRWL {fixed(t.firwl, 1)} "
                     f"{mass}, FM {fixed(t.fm, 2)}, STRWL {fixed(t.strwl, 1)} {mass}, FILI {fixed(t.fili, 2)}, "
                     f"STLI {fixed(t.stli, 2)}")
    for k, step in enumerate(result.steps):
        if k == 0:
            lines.append(f"  Step 1: {_label(result, step.task)} has the highest STLI: {fixed(step.term, 2)}")
        else:
            fili = result.tasks[step.task].fili
            lines.append(f"  Step {k + 1}: + {_label(result, step.task)}: FM {fixed(step.fm, 2)} at the summed "
                         f"frequency {step.summed_frequency:g}/min; FILI {fixed(fili, 2)} × (1/{fixed(step.fm, 2)} − "
                         f"1/{fixed(result.steps[k - 1].fm, 2)}) = {fixed(step.term, 2)}")
    if result.cli is None:
        lines.append(f"CLI undefined: outside the equation ({result.outside_equation})")
    else:
        lines.append(f"CLI {fixed(result.cli, 2)}")
    lines += [f"Warning: {warning}" for warning in warnings]
    return "\n".join(lines) + "\n"
