"""`match --case FILE.json [--table ID] [--json]`: the explained job match of a case file."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rtw_planner.domain.match.handling import HandlingCheck
    from rtw_planner.domain.match.job import JobMatch


def add_parser(subparsers: Any) -> None:
    """Register the command."""
    parser = subparsers.add_parser("match", help="compare a case's job demands with its latest evaluation")
    parser.add_argument("--case", required=True, type=Path, metavar="FILE", help="case file to read")
    parser.add_argument("--table", default="dot", metavar="ID", help="strength table: dot, ors, ns-wcb or nd-wsi")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def to_json(result: JobMatch) -> dict[str, Any]:
    """The match as the documented JSON object."""
    from rtw_planner.domain.match.items import MatchStatus
    from rtw_planner.domain.match.rated import rated_restriction

    capacity = result.capacity_level
    return {
        "items": [{
            "item": item.label, "activity": item.activity.value,
            "frequency": item.frequency.value if item.frequency else None,
            "measure": item.measure.value if item.measure else None,
            "status": item.status.value, "demand": item.demand, "capacity": item.capacity, "unit": item.unit,
            "gap": item.gap, "gap_pct": item.gap_pct, "estimated_by": item.estimated_by,
            "provenance": item.provenance,
        } for item in result.items],
        "rated_items": [{
            "item": item.name, "group": item.group.value, "key": item.key, "demand": item.demand.value,
            "tolerated": item.tolerated.value if item.tolerated else None, "status": item.status.value,
            "gap": item.gap, "restriction": rated_restriction(item), "provenance": item.provenance,
        } for item in result.rated_items],
        "summary": {
            "job_level": result.job_level.level.value,
            "job_level_label": result.job_level.label,
            "capacity_level": capacity.level.value if capacity else None,
            "capacity_between": capacity.between.value if capacity and capacity.between else None,
            "capacity_level_label": capacity.label if capacity else None,
            "capacity_meets_job": result.capacity_meets_job,
            "essential_mismatches": list(result.essential_mismatches),
            "table": result.job_level.table_id,
            "evaluation": result.evaluation.label if result.evaluation else None,
            "notes": list(result.notes),
            "counts": {status.value: result.count(status) for status in
                       (MatchStatus.MATCH, MatchStatus.MISMATCH, MatchStatus.NOT_TESTED)},
        },
        "handling_tasks": [handling_json(check) for check in result.handling],
    }


def handling_json(check: HandlingCheck) -> dict[str, Any]:
    """One handling task's Liberty Mutual result for the person's sex, in kg (kgf for push and pull); the
    figures are null where the equation has no valid value."""
    task = check.task
    return {"name": task.name, "kind": task.kind, "phase": task.phase, "sex": check.sex.value,
            "sex_recorded": check.sex_recorded, "unit": check.unit, "load": task.load, "mal": check.mal,
            "mal_p75": check.mal_for(75), "mal_p90": check.mal_for(90), "percent_capable": check.percent_capable,
            "within_ranges": check.valid, "warnings": list(check.warnings)}


def handling_line(check: HandlingCheck) -> str:
    """One handling task as a line of text."""
    task = check.task
    what = f"{task.name or 'Handling task'} ({task.kind}{' ' + task.phase if task.phase else ''})"
    if check.mal is None or check.percent_capable is None:
        return f"  {what}: no valid Liberty Mutual value ({'; '.join(check.warnings)})"
    return (f"  {what}: {task.load:g} {check.unit} is acceptable to {check.percent_capable:.1f}% of {check.people} "
            f"(50%: {check.mal:.1f} {check.unit}, 90%: {check.mal_for(90) or 0:.1f} {check.unit})")


def run(args: argparse.Namespace) -> int:
    """Print the match of the case file."""
    from rtw_planner.commands._support import UsageError, read_case_file, shown
    from rtw_planner.domain.demands.strength import StrengthTableError, available_tables
    from rtw_planner.domain.match.job import job_match

    case = read_case_file(args.case)
    if args.table not in available_tables():
        raise UsageError(f"--table: {shown(args.table)} is not allowed; expected one of "
                         f"{', '.join(available_tables())}")
    try:
        result = job_match(case, args.table)
    except StrengthTableError as exc:
        raise UsageError(f"--table: {exc}") from None
    if args.json:
        print(json.dumps(to_json(result), indent=2, ensure_ascii=False))
        return 0
    summary = to_json(result)["summary"]
    print(f"Job: {summary['job_level_label']}   Person: {summary['capacity_level_label'] or 'no evaluation'}"
          f"   ({result.job_level.table_name})")
    for item in result.items:
        capacity = "—" if item.capacity is None else f"{item.capacity:g} {item.unit}"
        gap = f"  short by {item.gap:g} {item.unit} ({item.gap_pct:.0f}%)" if item.gap is not None and item.gap_pct \
            is not None else ""
        print(f"  {item.label:<36} {item.demand:>8g} {item.unit:<3} vs {capacity:<12} {item.status.label}{gap}")
    for rated in result.rated_items:
        tolerated = rated.tolerated.value if rated.tolerated else "—"
        gap = f"  {rated.gap}" if rated.gap else ""
        print(f"  {rated.label:<36} {rated.demand.value:>8}     vs {tolerated:<12} {rated.status.label}{gap}")
    if result.handling:
        print("Handling tasks (Liberty Mutual MMH equations):")
    for check in result.handling:
        print(handling_line(check))
    for line in result.essential_mismatches:
        print(f"  Essential task affected: {line}")
    for note in result.notes:
        print(f"  Note: {note}")
    return 0
