"""The niosh command: the Revised NIOSH Lifting Equation for one task, or the composite LI of several (--task)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from rtw_planner.domain.demands.niosh_constants import LIMITS, MAX_FREQUENCY, SCOPE, Units

if TYPE_CHECKING:
    from rtw_planner.domain.demands.niosh import Assessment, NioshResult

# Each system's load and length options: (dest in args = LiftingTask.metric/us keyword, option).
SYSTEM_OPTIONS = {
    "metric": [("load_kg", "--load-kg"), ("h_cm", "--h-cm"), ("v_cm", "--v-cm"), ("d_cm", "--d-cm"),
               ("h_dest_cm", "--h-dest-cm"), ("v_dest_cm", "--v-dest-cm")],
    "us": [("load_lb", "--load-lb"), ("h_in", "--h-in"), ("v_in", "--v-in"), ("d_in", "--d-in"),
           ("h_dest_in", "--h-dest-in"), ("v_dest_in", "--v-dest-in")],
}
NUMBERS = [("a_deg", "--a-deg"), ("a_dest_deg", "--a-dest-deg"), ("frequency_per_min", "--freq")]
CHOICES = {"duration": ("--duration", ("short", "moderate", "long")),
           "coupling": ("--coupling", ("good", "fair", "poor"))}
FLAGS = [("one_handed", "--one-handed", "one-handed lifting"),
         ("seated_or_kneeling", "--seated", "lifting while seated or kneeling"),
         ("over_8_hours", "--over-8-hours", "lifting for more than 8 hours a shift"),
         ("restricted_space", "--restricted-space", "lifting in a restricted space"),
         ("unstable_load", "--unstable-load", "the load is unstable"),
         ("combined_with_carry_push", "--carry-or-push", "lifting combined with carrying, pushing or pulling"),
         ("wheelbarrow_or_shovel", "--wheelbarrow-or-shovel", "lifting with a wheelbarrow or shovel"),
         ("high_speed", "--high-speed", "lifting faster than about 30 in/s"),
         ("poor_floor_friction", "--poor-floor-friction", "floor friction coefficient below 0.4"),
         ("unfavourable_environment", "--unfavourable-environment", "outside 19-26 °C or 35-50%% humidity")]


def add_parser(subparsers: Any) -> None:
    """Add the niosh command to an argparse subparsers object."""
    p = subparsers.add_parser(
        "niosh", help="Revised NIOSH Lifting Equation: RWL, LI and multipliers for one lifting task, or the "
                      "composite lifting index (CLI) of several (--task ... --task ...)",
        description="Compute the recommended weight limit (RWL), the lifting index (LI) and each multiplier of "
                    "the Revised NIOSH Lifting Equation (NIOSH 94-110, revised 2021) for one task given by "
                    "options, or with --task SPEC repeated the composite lifting index of a multi-task job "
                    "(each task's FIRWL, STRWL, FILI and STLI, and the steps). Example: niosh --duration long "
                    "--coupling good --task \"load=15,h=30,v=75,d=50,a=0,freq=2\" "
                    "--task \"load=10,h=40,v=75,d=50,a=30,freq=3\"")
    from rtw_planner.commands._niosh_composite import SPEC_HELP

    p.add_argument("--task", dest="tasks", action="append", metavar="SPEC", help=SPEC_HELP.replace("%", "%%"))
    p.add_argument("--units", metavar="metric|us", help="constants to compute with (default: metric)")
    names = {"load": "load", "h": "horizontal distance H (hands to ankle midpoint)",
             "v": "vertical height V of the hands", "d": "vertical travel distance D"}
    for system, options in SYSTEM_OPTIONS.items():
        for dest, option in options:
            where = " at the destination" if "_dest_" in dest else (" at the origin" if dest[0] in "hv" else "")
            unit = {"kg": "kg", "lb": "lb", "cm": "cm", "in": "inches"}[dest.split("_")[-1]]
            label = "US" if system == "us" else "metric"
            p.add_argument(option, dest=dest, metavar="N",
                           help=f"{names[dest.split('_')[0]]}{where} in {unit} ({label} units)")
    p.add_argument("--a-deg", dest="a_deg", metavar="DEG", help="asymmetry angle in degrees")
    p.add_argument("--a-dest-deg", dest="a_dest_deg", metavar="DEG",
                   help="asymmetry angle at the destination (default: --a-deg)")
    p.add_argument("--freq", dest="frequency_per_min", metavar="LIFTS_PER_MIN", help="lifts per minute")
    for dest, (option, values) in CHOICES.items():
        p.add_argument(option, dest=dest, metavar="|".join(values))
    p.add_argument("--control-at-destination", action="store_true",
                   help="the destination needs significant control: assess it too, and report the lower end")
    p.add_argument("--name", default="", help="a label for the task")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    for dest, option, what in FLAGS:
        p.add_argument(option, dest=dest, action="store_true", help=f"out of scope: {what} (adds a warning)")


def _given(args: argparse.Namespace, dest: str) -> bool:
    return getattr(args, dest, None) is not None


def _expected(dest: str, units: str, missing: bool = False) -> str:
    """What an option should hold."""
    if dest in ("a_deg", "a_dest_deg"):
        return "a number from 0 to 360 degrees"
    if dest == "frequency_per_min":
        return f"a number of lifts per minute from 0 to {MAX_FREQUENCY:g}"
    key, unit = dest.split("_")[0], dest.split("_")[-1]
    lowest = "above 0" if key == "h" else "from 0"
    needed = " (needed with --control-at-destination)" if missing and "_dest_" in dest else ""
    return f"a number {lowest} to {LIMITS[Units(units)][key]:g} {unit}{needed}"


def _parse(args: argparse.Namespace) -> tuple[str, dict[str, Any], dict[str, str]]:
    """Check the options and return the unit system, the keyword arguments and each field's option."""
    from rtw_planner.commands._support import UsageError, number_argument, shown

    units = (args.units or "metric").strip().lower()
    if units not in SYSTEM_OPTIONS:
        raise UsageError(f"--units: {shown(args.units)} is not allowed; expected metric or us")
    other = "us" if units == "metric" else "metric"
    for (dest, option), (_own_dest, own) in zip(SYSTEM_OPTIONS[other], SYSTEM_OPTIONS[units], strict=True):
        if _given(args, dest):
            raise UsageError(f"{option}: {shown(getattr(args, dest))} is not allowed with --units {units}; "
                             f"expected {own} (or --units {other} with only {other} options)")
    kwargs: dict[str, Any] = {"control_at_destination": args.control_at_destination, "name": args.name}
    options: dict[str, str] = {"name": "--name"}
    required = {dest for dest, _ in SYSTEM_OPTIONS[units][:4]} | {"a_deg", "frequency_per_min"}
    if args.control_at_destination:
        required |= {dest for dest, _ in SYSTEM_OPTIONS[units][4:]}
    for dest, option in SYSTEM_OPTIONS[units] + NUMBERS:
        options[dest] = option
        raw = getattr(args, dest, None)
        if raw is None:
            if dest in required:
                raise UsageError(f"{option}: missing; expected {_expected(dest, units, missing=True)}")
            continue
        if "_dest_" in dest and dest != "a_dest_deg" and not args.control_at_destination:
            raise UsageError(f"{option}: {shown(raw)} is not allowed without --control-at-destination; "
                             "the destination is assessed only when it needs significant control")
        kwargs[dest] = number_argument(option, raw, _expected(dest, units))
    for dest, (option, values) in CHOICES.items():
        options[dest] = option
        raw = getattr(args, dest, None)
        if raw is None or raw.strip().lower() not in values:
            what = "missing" if raw is None else f"{shown(raw)} is not allowed"
            raise UsageError(f"{option}: {what}; expected one of {', '.join(values)}")
        kwargs[dest] = raw.strip().lower()
    for dest, _option, _what in FLAGS:
        kwargs[dest] = bool(getattr(args, dest, False))
    return units, kwargs, options


def _figures(end: Assessment, warnings: tuple[str, ...], mass: str) -> dict[str, Any]:
    return {f"rwl_{mass}": end.rwl_kg if mass == "kg" else end.rwl_lb, "li": end.li, "hm": end.hm, "vm": end.vm,
            "dm": end.dm, "am": end.am, "fm": end.fm, "cm": end.cm, "outside_equation": end.outside_equation,
            "warnings": list(warnings)}


def as_json(result: NioshResult) -> dict[str, Any]:
    """The JSON object: the governing end's figures, plus origin and destination objects when both are assessed."""
    mass = "kg" if result.task.units.value == "metric" else "lb"
    data = _figures(result.governing, result.warnings, mass)
    if result.destination is not None:
        data["governing"] = result.governing.end
        data["origin"] = _figures(result.origin, result.warnings_for(result.origin), mass)
        data["destination"] = _figures(result.destination, result.warnings_for(result.destination), mass)
    return data


def _fixed(value: float, decimals: int) -> str:
    from rtw_planner.domain.demands.units import round_half_up

    return f"{round_half_up(value, decimals):.{decimals}f}"


def as_text(result: NioshResult) -> str:
    """Readable lines: RWL and LI to 1 decimal, multipliers to 2 (computed at full precision)."""
    metric = result.task.units.value == "metric"
    lines = [f"NIOSH lifting equation{': ' + result.task.name if result.task.name else ''} "
             f"({'metric constants, LC 23 kg' if metric else 'US constants, LC 51 lb'})"]
    for end in (result.origin, result.destination):
        if end is None:
            continue
        kg, lb = _fixed(end.rwl_kg, 1), _fixed(end.rwl_lb, 1)
        rwl = f"{kg} kg ({lb} lb)" if metric else f"{lb} lb ({kg} kg)"
        if end.li is None:
            lines.append(f"{end.end.capitalize()}: RWL 0, outside the equation; LI undefined")
        else:
            lines.append(f"{end.end.capitalize()}: RWL {rwl}, LI {_fixed(end.li, 2)}")
        lines.append("  " + "  ".join(f"{name.upper()} {_fixed(getattr(end, name), 2)}"
                                      for name in ("hm", "vm", "dm", "am", "fm", "cm")))
        if end.outside_equation:
            lines.append(f"  Why: {end.outside_equation}")
    if result.destination is not None:
        lines.append(f"Governing: the {result.governing.end} (lower RWL)")
    lines += [f"Warning: {warning}" for warning in result.warnings]
    return "\n".join(lines) + "\n"


def _composite(args: argparse.Namespace) -> int:
    """The composite LI of the --task specs; the single-task options are refused beside them."""
    from rtw_planner.commands import _niosh_composite as composite
    from rtw_planner.commands._support import UsageError, shown
    from rtw_planner.domain.demands.niosh import composite_lifting_index, lifting_index_warning

    units = (args.units or "metric").strip().lower()
    if units not in SYSTEM_OPTIONS:
        raise UsageError(f"--units: {shown(args.units)} is not allowed; expected metric or us")
    for dest, option in [*SYSTEM_OPTIONS["metric"], *SYSTEM_OPTIONS["us"], *NUMBERS]:
        if _given(args, dest):
            raise UsageError(f"{option}: {shown(getattr(args, dest))} is not allowed with --task; give each "
                             "task's figures in its SPEC")
    for flag, option in (("control_at_destination", "--control-at-destination"), ("name", "--name")):
        if getattr(args, flag):
            raise UsageError(f"{option}: not allowed with --task; give h_dest, v_dest or name in the task's SPEC")
    option, values = CHOICES["duration"]
    raw = args.duration
    if raw is None or raw.strip().lower() not in values:
        what = "missing" if raw is None else f"{shown(raw)} is not allowed"
        raise UsageError(f"{option}: {what}; expected one of {', '.join(values)} (one duration for the job)")
    duration = raw.strip().lower()
    flags = {dest: bool(getattr(args, dest, False)) for dest, _option, _what in FLAGS}
    tasks = [composite.task_from_spec(i, spec, units, duration, args.coupling, flags)
             for i, spec in enumerate(args.tasks, 1)]
    result = composite_lifting_index(tasks)
    scope = [f"{what} is outside the scope of the NIOSH lifting equation." for flag, what in SCOPE.items()
             if flags[flag]]
    band = lifting_index_warning(result.cli)
    warnings = [*scope, *([band.replace("Lifting index", "Composite lifting index")] if band else [])]
    if args.json:
        sys.stdout.write(json.dumps(composite.as_json(result, units, duration, warnings), allow_nan=False) + "\n")
    else:
        sys.stdout.write(composite.as_text(result, units, duration, warnings))
    return 0


def run(args: argparse.Namespace) -> int:
    """Validate the options, evaluate the task (or the --task specs) and print the result; invalid input raises
    UsageError."""
    from rtw_planner.commands._support import UsageError, shown
    from rtw_planner.domain.data.errors import ValidationError, describe
    from rtw_planner.domain.demands.niosh import LiftingTask, evaluate

    if args.tasks:
        return _composite(args)
    units, kwargs, options = _parse(args)
    try:
        task = LiftingTask.metric(**kwargs) if units == "metric" else LiftingTask.us(**kwargs)
    except ValidationError as exc:
        option = options.get(exc.field, exc.field)
        raw = getattr(args, exc.field, exc.value)
        what = shown(raw) if isinstance(raw, str) and not exc.private else describe(exc.value, private=exc.private)
        raise UsageError(f"{option}: {what} is not allowed; expected {exc.allowed}") from None
    result = evaluate(task)
    if args.json:
        sys.stdout.write(json.dumps(as_json(result), allow_nan=False) + "\n")
    else:
        sys.stdout.write(as_text(result))
    return 0
