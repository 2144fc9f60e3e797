"""The classify command: the strength level (sedentary to very heavy) of a job's loads or of a measured capacity."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rtw_planner.domain.demands.strength import Classification

LOADS = ("occasional", "frequent", "constant")
JOB_FLAGS = {"standing_walking_most_of_day": "--standing-walking-most-of-day",
             "arm_leg_controls": "--arm-leg-controls", "production_pace": "--production-pace"}


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `classify` with its options to the command line's subparsers."""
    parser = subparsers.add_parser(
        "classify", help="strength level of a job's loads or of a measured capacity",
        description="Grade occasional, frequent and constant loads (lift, carry, push or pull) on a strength table. "
                    "A job's level is the highest level any load reaches; a capacity's level is the highest level "
                    "it fully meets, or 'between' two levels when it reaches only part of the next one.")
    for load in LOADS:
        parser.add_argument(f"--{load}-kg", metavar="KG", help=f"{load} load in kg")
    for load in LOADS:
        parser.add_argument(f"--{load}-lb", metavar="LB", help=f"{load} load in lb (with --units us)")
    parser.add_argument("--units", choices=["metric", "us"],
                        help="metric: loads in kg (default); us: loads in lb (--occasional-lb ...)")
    parser.add_argument("--as", dest="role", choices=["job", "capacity"], default="job",
                        help="grade the loads as a job's demands (default) or as a person's capacity")
    parser.add_argument("--table", default="dot", metavar="TABLE",
                        help="strength table: dot (default), ors, ns-wcb, nd-wsi, or a clinic's own table")
    parser.add_argument("--json", action="store_true", help="print the result as a JSON object")
    parser.add_argument("--standing-walking-most-of-day", action="store_true",
                        help="job only: standing or walking more than 1/3 of the day (not Sedentary)")
    parser.add_argument("--arm-leg-controls", action="store_true",
                        help="job only: seated operation of arm or leg controls (Light in the DOT)")
    parser.add_argument("--production-pace", action="store_true",
                        help="job only: work at a production-rate pace (Light in the DOT)")


def _number(option: str, text: str, high: float, unit: str) -> float:
    from rtw_planner.commands._support import number_argument

    return number_argument(option, text, f"a number from 0 to {high:g} {unit}", low=0, high=high)


def _loads_kg(args: argparse.Namespace) -> tuple[str, list[float | None]]:
    """The unit typed ('kg' or 'lb') and the loads in kg, refusing a mix of units."""
    from rtw_planner.commands._support import UsageError
    from rtw_planner.domain.demands.profile import MAX_LOAD_KG
    from rtw_planner.domain.demands.units import format_number, kg_to_lb, lb_to_kg

    given = {unit: [f"--{load}-{unit}" for load in LOADS if getattr(args, f"{load}_{unit}") is not None]
             for unit in ("kg", "lb")}
    if given["kg"] and given["lb"]:
        raise UsageError(f"{given['lb'][0]} cannot be combined with {given['kg'][0]}; give every load in kg "
                         "or every load in lb")
    unit = "lb" if (args.units or ("us" if given["lb"] else "metric")) == "us" else "kg"
    other = "kg" if unit == "lb" else "lb"
    if given[other]:
        raise UsageError(f"{given[other][0]}: --units {args.units} takes loads in {unit} "
                         f"(--occasional-{unit}, --frequent-{unit}, --constant-{unit})")
    high = float(format_number(kg_to_lb(MAX_LOAD_KG), 1)) if unit == "lb" else MAX_LOAD_KG
    loads: list[float | None] = []
    for load in LOADS:
        text = getattr(args, f"{load}_{unit}")
        value = None if text is None else _number(f"--{load}-{unit}", text, high, unit)
        loads.append(lb_to_kg(value) if value is not None and unit == "lb" else value)
    return unit, loads


def run(args: argparse.Namespace) -> int:
    """Classify the loads and print the level as text or, with --json, as one JSON object."""
    from rtw_planner.commands._support import UsageError, shown
    from rtw_planner.domain.data.errors import ValidationError
    from rtw_planner.domain.demands.strength import (
        StrengthTableError,
        available_tables,
        classify_capacity,
        classify_job,
        load_table,
    )

    unit, loads = _loads_kg(args)
    flags = {name: bool(getattr(args, name, False)) for name in JOB_FLAGS}
    if args.role == "capacity":
        for name, on in flags.items():
            if on:
                raise UsageError(f"{JOB_FLAGS[name]} describes a job; it cannot be used with --as capacity")
        if all(load is None for load in loads):
            raise UsageError("--as capacity needs at least one of --occasional-kg, --frequent-kg, --constant-kg "
                             "(or the -lb options)")
    try:
        table = load_table(args.table)
    except ValidationError:
        raise UsageError(f"--table: {shown(args.table)} is not allowed; expected one of "
                         f"{', '.join(available_tables())}") from None
    except StrengthTableError as exc:
        raise UsageError(f"--table: {exc}") from None
    occasional, frequent, constant = loads
    if args.role == "job":
        result = classify_job(occasional, frequent, constant, table,
                              standing_walking_most_of_day=flags["standing_walking_most_of_day"],
                              arm_leg_controls=flags["arm_leg_controls"], production_pace=flags["production_pace"])
    else:
        result = classify_capacity(occasional, frequent, constant, table)
    if args.json:
        entered = {load: (None if (text := getattr(args, f"{load}_{unit}")) is None else float(text))
                   for load in LOADS}
        document = {"as": args.role, "level": result.level.value,
                    "between": result.between.value if result.between else None, "label": result.label,
                    "certainty": result.certainty.value, "table": result.table_id, "table_name": result.table_name,
                    "table_version": result.table_version, "complete": result.complete, "notes": list(result.notes),
                    "input": {"unit": unit, **entered}, "loads_lb": dict(zip(LOADS, result.loads_lb, strict=True))}
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return 0
    sys.stdout.write(_text(args.role, result, loads))
    return 0


def _text(role: str, result: Classification, loads_kg: list[float | None]) -> str:
    from rtw_planner.domain.demands.units import format_number

    shown = [f"{format_number(lb)} lb ({format_number(kg or 0.0)} kg) {load}"
             for load, lb, kg in zip(LOADS, result.loads_lb, loads_kg, strict=True) if lb is not None]
    lines = [f"{'Job' if role == 'job' else 'Capacity'} strength level: {result.label}",
             f"Table: {result.table_name} ({result.table_id}, version {result.table_version}"
             f"{'' if result.complete else ', incomplete'})",
             f"Loads: {'; '.join(shown) if shown else 'none given'}"]
    lines += [f"Note: {note}" for note in result.notes]
    return "\n".join(lines) + "\n"
