"""The mmh command: the Liberty Mutual MMH equations for one task, as text or one JSON object."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from rtw_planner.commands._support import UsageError
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.liberty_mutual import (
    M_PER_IN,
    Kind,
    MmhResult,
    MmhTask,
    Sex,
    evaluate,
    from_display,
    inputs_of,
    to_display,
)

TASKS = ("lift", "lower", "push", "pull", "carry")
GEOMETRY = {"h": ("--h-m", "horizontal reach H, hands to ankles (lift, lower)"),
            "vrm": ("--vrm-m", "vertical range middle VRM, mean of origin and destination heights (lift, lower)"),
            "dv": ("--dv-m", "vertical travel DV (lift, lower)"),
            "v": ("--v-m", "hand height V (push, pull, carry)"),
            "dh": ("--dh-m", "horizontal distance DH per push, pull or carry")}
OPTIONS = {**{name: option for name, (option, _) in GEOMETRY.items()}, "f": "--freq", "load": "--load",
           "handles": "--handles", "kind": "--task", "sex": "--sex"}


def add_parser(subparsers: Any) -> None:
    """Add the mmh command to an argparse subparsers object."""
    p = subparsers.add_parser(
        "mmh", help="Liberty Mutual MMH equations: maximum acceptable load or force for lift, lower, push, pull, carry",
        description="Compute the maximum acceptable load or force (MAL) of the Liberty Mutual manual materials "
                    "handling equations (Potvin et al., Ergonomics 2021;64(8):955-970) for 50%%, 75%% and 90%% of "
                    "female or male workers, and the share of them who accept a given load.")
    p.add_argument("--task", metavar="|".join(TASKS), help="the kind of task")
    p.add_argument("--phase", metavar="initial|sustained", help="push and pull: the force to start or keep moving")
    p.add_argument("--sex", metavar="female|male", help="the population")
    for name, (option, what) in GEOMETRY.items():
        p.add_argument(option, dest=name, metavar="N", help=f"{what}, in metres (inches with --units us)")
    p.add_argument("--freq", dest="f", metavar="PER_MIN", help="how many times a minute (one a day is 0.0021)")
    p.add_argument("--load", metavar="L", help="the load or force the task needs, in kg or kgf (lb or lbf in US units)")
    p.add_argument("--handles", metavar="yes|poor|none", help="lift and lower: the container's handles (default yes)")
    p.add_argument("--units", metavar="metric|us", help="metric (m, kg, kgf; default) or us (inches, lb, lbf)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of text")


def _word(args: argparse.Namespace, dest: str, allowed: tuple[str, ...], default: str | None = None) -> str:
    raw = getattr(args, dest)
    if raw is None and default is not None:
        return default
    if raw is None or raw.strip().lower() not in allowed:
        shown = "missing" if raw is None else f"{raw!r} is not allowed"
        raise UsageError(f"--{dest}: {shown}; expected one of {', '.join(allowed)}")
    return str(raw.strip().lower())


def _number(raw: str, option: str, unit: str) -> float:
    try:
        return float(raw)
    except ValueError:
        raise UsageError(f"{option}: {raw!r} is not allowed; expected a number above 0 {unit}".rstrip()) from None


def _task(args: argparse.Namespace) -> MmhTask:
    """The task from the options, lengths converted to metres and the load to kg (kgf)."""
    task, units = _word(args, "task", TASKS), _word(args, "units", ("metric", "us"), "metric")
    sex = Sex(_word(args, "sex", ("female", "male")))
    if task in ("push", "pull"):
        kind = Kind(f"{task} {_word(args, 'phase', ('initial', 'sustained'))}")
    elif args.phase is not None:
        raise UsageError(f"--phase: {args.phase!r} is not allowed; only push and pull have an initial and a "
                         "sustained force")
    else:
        kind = Kind(task)
    length, scale = ("in inches", M_PER_IN) if units == "us" else ("in metres", 1.0)
    values: dict[str, Any] = {"handles": _word(args, "handles", ("yes", "poor", "none"), "yes")}
    for name, (option, _what) in GEOMETRY.items():
        raw = getattr(args, name)
        if name not in inputs_of(kind) and raw is not None:
            needs = "--h-m, --vrm-m and --dv-m" if kind.is_lift_or_lower else "--v-m and --dh-m"
            raise UsageError(f"{option}: {raw!r} is not allowed with --task {task}; it takes {needs}")
    for name in inputs_of(kind):
        option, unit = (OPTIONS[name], length) if name != "f" else ("--freq", "times per minute")
        if getattr(args, name) is None:
            raise UsageError(f"{option}: missing; expected a number above 0 {unit}")
        values[name] = _number(getattr(args, name), option, unit) * (scale if name != "f" else 1.0)
    if args.load is not None:
        values["load"] = from_display(_number(args.load, "--load", ""), units)
    try:
        return MmhTask(kind, sex, units=units, **values)
    except ValidationError as exc:
        raise _refused(args, exc) from None


def _refused(args: argparse.Namespace, exc: ValidationError) -> UsageError:
    """The usage error naming the option of a field the domain refused, with the value as typed."""
    raw = getattr(args, exc.field, exc.value)
    return UsageError(f"{OPTIONS.get(exc.field, exc.field)}: {raw!r} is not allowed; expected {exc.allowed}")


def _unit(result: MmhResult) -> str:
    mass = "lb" if result.task.units == "us" else "kg"
    return mass + "f" if result.task.kind.is_force else mass


def _figures(result: MmhResult) -> dict[str, float | None]:
    units, load = result.task.units, result.task.load
    return {"mal": to_display(result.mal, units), "sd": to_display(result.sd, units),
            "mal_p75": to_display(result.mal_for(75), units), "mal_p90": to_display(result.mal_for(90), units),
            **({"percent_capable": result.percent_capable(load)} if load is not None else {})}


def as_json(result: MmhResult) -> dict[str, Any]:
    """The JSON object; outside the input ranges the figures are null and sit under `extrapolated` instead."""
    task, figures = result.task, _figures(result)
    kind = task.kind.value.split()
    data: dict[str, Any] = {"task": kind[0], "phase": kind[1] if len(kind) > 1 else None, "sex": task.sex.value,
                            "units": task.units, "unit": _unit(result), "cv": result.cv,
                            "reference_load": to_display(result.reference_load, task.units)}
    data |= figures if result.within_ranges else dict.fromkeys(figures)
    data |= {"load": None if task.load is None else to_display(task.load, task.units), "factors": result.factors,
             "within_ranges": result.within_ranges, "extrapolated": None if result.within_ranges else figures,
             "warnings": list(result.warnings)}
    return data


def as_text(result: MmhResult) -> str:
    """Readable lines: loads to 2 decimals, percentages to 1, factors to 3 (computed at full precision)."""
    task, unit, figures = result.task, _unit(result), _figures(result)
    people = "females" if task.sex.value == "female" else "males"
    what = f"{task.kind.value.split()[-1]} force" if task.kind.is_force else "load"
    lines = [f"Liberty Mutual MMH equations (Potvin et al. 2021): {task.kind.value}, {task.sex.value}"]
    if not result.within_ranges:
        lines.append("Outside the equation's input ranges: no valid result. Extrapolated figures, NOT valid:")
    lines.append(f"Maximum acceptable {what} for 50% of {people}: {figures['mal']:.2f} {unit} "
                 f"(SD {figures['sd']:.2f} {unit}, CV {result.cv:.3f})")
    lines.append(f"Acceptable to 75% of {people}: {figures['mal_p75']:.2f} {unit}; "
                 f"to 90%: {figures['mal_p90']:.2f} {unit}")
    if task.load is not None and figures.get("percent_capable") is not None:
        article = "An" if what[0] in "aeiou" else "A"
        lines.append(f"{article} {what} of {to_display(task.load, task.units):.2f} {unit} is acceptable to "
                     f"{figures['percent_capable']:.1f}% of {people}")
    lines.append("Scale factors: " + "  ".join(f"{name.upper() if name != 'coupling' else 'handles'} {value:.3f}"
                                               for name, value in result.factors.items()))
    lines += [f"Warning: {warning}" for warning in result.warnings]
    lines.append("The equations apply to 8-hour days in favourable temperatures"
                 + ("; lift and lower to smooth, two-handed work without marked twisting." if
                    task.kind.is_lift_or_lower else "."))
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    """Validate the options, evaluate the task and print the result; invalid input raises UsageError."""
    task = _task(args)
    try:
        result = evaluate(task)
    except ValidationError as exc:
        raise _refused(args, exc) from None
    if args.json:
        sys.stdout.write(json.dumps(as_json(result), allow_nan=False) + "\n")
    else:
        sys.stdout.write(as_text(result))
    return 0
