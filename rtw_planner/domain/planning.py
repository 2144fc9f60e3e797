"""Generating a plan from the job match, and saying what regenerating would replace."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from rtw_planner.domain.accommodations import SelectedNote, Suggestion, suggest
from rtw_planner.domain.case import Case
from rtw_planner.domain.job_match import job_match
from rtw_planner.domain.phases import DEFAULT_MAX_WEEKS, Contract, Duties, Phase, PhasedReturn, default_phases
from rtw_planner.domain.plan import Plan
from rtw_planner.domain.restrictions import restrictions_from_match

DEFAULT_CONTRACT = Contract(37.5, 5)
NOTES_PER_LIMITATION = 2
PROGRESSION = ("Worked this phase's hours for a week without a flare-up lasting more than two days; "
               "agreed at review.")
RESTRICTED_FINAL = "Full hours. The restrictions stay until capacity is re-measured and meets the job's demands."


def contract_for(case: Case) -> Contract:
    """The contract from the job's shift and days per week, else 37.5 hours over 5 days."""
    demands = case.demands
    if demands.shift_hours and demands.days_per_week:
        return Contract(round(demands.shift_hours * demands.days_per_week, 2), demands.days_per_week)
    return DEFAULT_CONTRACT


def generated_phases(case: Case) -> tuple[Phase, ...]:
    """The default phases, each carrying the restrictions of the current match (never of a projection)."""
    restrictions = tuple(r.text for r in restrictions_from_match(job_match(case).items))
    phases = []
    for phase in default_phases():
        restricted = bool(restrictions)
        duties = Duties.MODIFIED if restricted else phase.duties
        criteria = RESTRICTED_FINAL if phase.percent >= 100 and restricted else PROGRESSION
        phases.append(replace(phase, duties=duties, restrictions=restrictions,
                              progression_criteria="" if phase.percent >= 100 and not restricted else criteria))
    return tuple(phases)


def suggest_for_case(case: Case) -> list[Suggestion]:
    """The adjustments to offer for this case, for the clinician to tick (none is chosen for them)."""
    return suggest(job_match(case).items, case.demands.lifting_tasks)


def suggested_notes(case: Case) -> tuple[SelectedNote, ...]:
    """The first suggestions for each limitation (engineering controls first), as picked notes to edit."""
    per_limitation: dict[str, int] = {}
    picked = []
    for suggestion in suggest(job_match(case).items, case.demands.lifting_tasks):
        key = suggestion.note.limitation.value
        if per_limitation.get(key, 0) < NOTES_PER_LIMITATION:
            per_limitation[key] = per_limitation.get(key, 0) + 1
            picked.append(SelectedNote.from_note(suggestion.note))
    return tuple(picked)


def generate_plan(case: Case, start: date, current: Plan | None = None) -> Plan:
    """A plan from the current match: default phases with its restrictions from `start`, and suggested notes.
    The clinician's quotas and goals, and the contract and longest duration of a current plan, are kept."""
    current = current or Plan()
    previous = current.phased_return
    contract = previous.contract if previous else contract_for(case)
    longest = previous.max_weeks if previous else DEFAULT_MAX_WEEKS
    # The clinician's own fit-note choice (None when derived) survives regeneration.
    phased = PhasedReturn(contract, start, generated_phases(case), longest, previous.fit_note if previous else None)
    return Plan(current.quotas, current.goals, phased, suggested_notes(case))


def regeneration_changes(current: Plan, generated: Plan) -> list[str]:
    """What regenerating would replace, in words; empty when nothing the clinician entered would be lost."""
    changes = []
    if current.phased_return is not None and generated.phased_return is not None \
            and current.phased_return.phases != generated.phased_return.phases:
        changes.append(f"the {len(current.phased_return.phases)} phases (lengths, hours, duties, restrictions and "
                       "progression criteria)")
    if current.notes and current.notes != generated.notes:
        edited = sum(1 for n in current.notes if n.edited)
        changes.append(f"the {len(current.notes)} chosen adjustments" + (f", {edited} of them edited" if edited
                                                                          else ""))
    return changes
