"""`plan --case FILE.json [--start YYYY-MM-DD] [--json]`: quotas by week, the phased return, the adjustments the
clinician chose, the ones suggested for the job (never chosen for them) and any safety-critical work."""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rtw_planner.domain.case.model import Case
    from rtw_planner.domain.plan.model import Plan


def add_parser(subparsers: Any) -> None:
    """Register the command."""
    parser = subparsers.add_parser("plan", help="the case's plan: quotas, phased return, review dates, adjustments")
    parser.add_argument("--case", required=True, type=Path, metavar="FILE", help="case file to read")
    parser.add_argument("--start", metavar="YYYY-MM-DD", help="return-to-work start (overrides rtw_start_date)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def resolve_plan(case: Case, start: date | None) -> Plan:
    """The case's own plan (moved to `start` if given), or one generated from the match when it has no phases."""
    from rtw_planner.domain.match.planning import generate_plan

    phased = case.plan.phased_return
    if phased is not None:
        return replace(case.plan, phased_return=replace(phased, start=start or phased.start))
    first_day = start or case.rtw_start_date
    if first_day is None:
        raise ValueError("no start date")
    return generate_plan(case, first_day, case.plan)  # keeps the clinician's chosen adjustments, adds none


def _suggestions(case: Case, plan: Plan) -> list[dict[str, Any]]:
    """The adjustments suggested for the job that the clinician has not chosen; `fits` is empty when the job's
    setting was not recognised and the list is not filtered."""
    from rtw_planner.domain.match.planning import suggest_for_case

    chosen = {n.note_id for n in plan.notes}
    return [{"id": s.note.id, "limitation": s.note.limitation.value, "control": s.note.control.value,
             "text": s.note.text, "source": s.note.source, "reasons": list(s.reasons),
             "fits": [f.value for f in s.fits]} for s in suggest_for_case(case) if s.note.id not in chosen]


def _safety_critical(case: Case, plan: Plan) -> list[dict[str, Any]]:
    """Each kind of safety-critical work with what shows it, what to discuss and whether the discussion is recorded."""
    from rtw_planner.domain.match.safety import safety_critical_evidence

    review = plan.safety_review
    return [{"kind": kind.value, "label": kind.label, "evidence": list(evidence), "discuss": kind.discuss,
             "reviewed_on": review.reviewed_on.isoformat() if review else None}
            for kind, evidence in safety_critical_evidence(case).items()]


def _treatment(plan: Plan) -> dict[str, Any]:
    """The sessions with their kinds' labels, and each phase's hours at work after treatment on working days."""
    from rtw_planner.domain.plan.treatment import kind_of, session_to_dict
    from rtw_planner.domain.plan.treatment_schedule import phase_treatment

    assert plan.phased_return is not None
    return {"time": plan.treatment_time.value,
            "sessions": [{**session_to_dict(s), "label": kind_of(s.kind).label} for s in plan.treatment],
            "phases": [{"number": p.phase.number, "hours_on_working_days": p.hours_on_working_days,
                        "hours_at_work": p.hours_at_work}
                       for p in phase_treatment(plan.phased_return, plan.treatment, plan.treatment_time)]}


def _exposure(plan: Plan) -> dict[str, Any]:
    """The ladder from the least feared up, and the current step's id (None when none is left or none recorded)."""
    current = plan.exposure.current_step()
    return {"steps": [{"number": s.number, "id": s.activity.id, "description": s.activity.description,
                       "fear": s.activity.fear, "exposures": len(s.exposures), "fear_dropped": s.dropped,
                       "reason": s.reason} for s in plan.exposure.ladder()],
            "current_step": current.activity.id if current else None}


def to_json(case: Case, plan: Plan) -> dict[str, Any]:
    """The plan as the documented JSON object. Projections are clinical estimates, labelled as such."""
    from rtw_planner.domain.match.planning import job_settings
    from rtw_planner.domain.match.projection import essential_mismatch_projections, propose_phase_weeks
    from rtw_planner.domain.plan.goals import goal_to_dict, this_weeks_small_step
    from rtw_planner.domain.plan.phases import fit_note_from_plan
    from rtw_planner.domain.plan.treatment_schedule import treatment_warnings

    phased = plan.phased_return
    assert phased is not None
    projections = essential_mismatch_projections(case)
    return {
        "start": phased.start.isoformat(),
        "end": phased.end_date.isoformat(),
        "contract": {"hours_per_week": phased.contract.hours_per_week,
                     "days_per_week": phased.contract.days_per_week},
        "quotas": [{"activity": q.name, "unit": q.unit.value, "baseline": q.baseline, "weeks": list(q.weeks()),
                    "shown": [q.unit.display(w) for w in q.weeks()], "goal_ids": list(q.goal_ids)}
                   for q in plan.quotas],
        "phases": [{"number": p.number, "first_day": p.first_day.isoformat(), "last_day": p.last_day.isoformat(),
                    "percent": p.percent, "weekly_hours": p.weekly_hours, "hours_per_day": p.hours_per_day,
                    "days_per_week": p.days_per_week, "duties": p.duties.value,
                    "restrictions": list(p.restrictions), "progression_criteria": p.progression_criteria}
                   for p in phased.schedule()],
        "review_dates": [d.isoformat() for d in phased.review_dates()],
        "warnings": phased.warnings() + treatment_warnings(phased, plan.treatment, plan.treatment_time),
        "treatment": _treatment(plan),
        "exposure": _exposure(plan),
        "fit_note": list(fit_note_from_plan(phased, bool(plan.notes)).selected),
        "notes": [{"id": n.note_id, "limitation": n.limitation.value, "text": n.text, "source": n.source,
                   "edited": n.edited} for n in plan.notes],
        "job_settings": [s.value for s in job_settings(case)],
        "suggestions": _suggestions(case, plan),
        "safety_critical": _safety_critical(case, plan),
        "goals": [goal_to_dict(g) for g in plan.goals],
        "this_weeks_small_step": this_weeks_small_step(plan.goals, plan.quotas, phased.start, phased.start),
        "projections": {
            "note": "Estimates for clinical planning only: not a promise, and never in employer documents.",
            "items": [{"item": item.label, "demand": item.demand, "unit": item.unit,
                       "estimated_date": p.estimated_date.isoformat() if p and p.estimated_date else None,
                       "method": p.method if p else "Fewer than two dated measurements",
                       "reason": p.reason if p else None} for item, p in projections],
            "proposed_phase_weeks": propose_phase_weeks([p for _, p in projections], phased.start, phased.phases),
        },
    }


def run(args: argparse.Namespace) -> int:
    """Print the plan."""
    from rtw_planner.commands._support import UsageError, read_case_file, shown
    from rtw_planner.domain.data.errors import ValidationError
    from rtw_planner.domain.plan.phases import WEEKDAY_NAMES

    case = read_case_file(args.case)
    start = None
    if args.start is not None:
        try:
            start = date.fromisoformat(args.start)
        except ValueError:
            raise UsageError(f"--start: {shown(args.start)} is not allowed; expected a date written "
                             "YYYY-MM-DD") from None
    try:
        plan = resolve_plan(case, start)
        data = to_json(case, plan)
    except ValueError as exc:
        if isinstance(exc, ValidationError):
            raise UsageError(str(exc)) from None
        raise UsageError("--start: no start date; give --start YYYY-MM-DD or set rtw_start_date in the case "
                         "file") from None
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    print(f"Phased return from {data['start']} to {data['end']} "
          f"(contract {data['contract']['hours_per_week']:g} h over {data['contract']['days_per_week']:g} days)")
    for phase in data["phases"]:
        print(f"  Phase {phase['number']}: {phase['first_day']} to {phase['last_day']}, {phase['weekly_hours']:g} h "
              f"a week ({phase['hours_per_day']:g} h a day, {phase['days_per_week']:g} days), {phase['duties']} duties")
        for restriction in phase["restrictions"]:
            print(f"      - {restriction}")
    print("  Reviews: " + ", ".join(data["review_dates"]))
    for warning in data["warnings"]:
        print(f"  Warning: {warning}")
    for quota in data["quotas"]:
        print(f"  {quota['activity']}: " + ", ".join(quota["shown"]))
    for session in data["treatment"]["sessions"]:
        days = ", ".join(WEEKDAY_NAMES[d] for d in session["weekdays"])
        print(f"  Treatment: {session['label']}, {days} {session['start']} to {session['end']}, from "
              f"{session['first_day']} to {session['last_day'] or 'further notice'} ({data['treatment']['time']})")
    _print_adjustments(data)
    return 0


def _print_adjustments(data: dict[str, Any]) -> None:
    """Chosen adjustments, then suggestions marked as such, then safety-critical work."""
    print("  Adjustments chosen by the clinician:" if data["notes"] else "  Adjustments chosen by the clinician: none")
    for note in data["notes"]:
        print(f"    - {note['text']}")
    settings = ", ".join(data["job_settings"]) or "not recognised from the title or tasks, so nothing is filtered"
    if data["suggestions"]:
        print(f"  Suggested adjustments, not chosen (job settings: {settings}):")
    for suggestion in data["suggestions"]:
        print(f"    [ ] {suggestion['text']} ({'; '.join(suggestion['reasons'])})")
    for work in data["safety_critical"]:
        found = f"  Safety-critical work: {work['label']} ({'; '.join(work['evidence'])})"
        print(f"{found}; discussed on {work['reviewed_on']}." if work["reviewed_on"] else
              f"{found}; not yet discussed. Discuss {work['discuss']}, and record it on the Plan tab before anything "
              "goes to an employer.")
