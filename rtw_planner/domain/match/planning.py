"""Generating a plan from the job match, the adjustments that fit the job, and what regenerating would replace."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.demands.profile import MINUTES_PER_DAY, Activity
from rtw_planner.domain.demands.ratings import RatedGroup, Rating
from rtw_planner.domain.match.accommodations import Suggestion, WorkSetting, suggest
from rtw_planner.domain.match.job import job_match
from rtw_planner.domain.match.rated import rated_restrictions
from rtw_planner.domain.match.restrictions import restrictions_from_match
from rtw_planner.domain.match.safety import SafetyCritical, job_texts, safety_critical_work
from rtw_planner.domain.plan.model import Plan
from rtw_planner.domain.plan.phases import DEFAULT_MAX_WEEKS, Contract, Duties, Phase, PhasedReturn, default_phases

DEFAULT_CONTRACT = Contract(37.5, 5)
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
    current = job_match(case)
    restrictions = (*(r.text for r in restrictions_from_match(current.items)), *rated_restrictions(current.rated_items))
    phases = []
    for phase in default_phases():
        restricted = bool(restrictions)
        duties = Duties.MODIFIED if restricted else phase.duties
        criteria = RESTRICTED_FINAL if phase.percent >= 100 and restricted else PROGRESSION
        phases.append(replace(phase, duties=duties, restrictions=restrictions,
                              progression_criteria="" if phase.percent >= 100 and not restricted else criteria))
    return tuple(phases)


# Words in the job title, template name, tasks and lifting tasks that place the job in a setting (case-insensitive,
# whole words). A place named alone is not the work: cleaning offices or kitchens is not desk or kitchen work.
_SETTING_WORDS = {
    WorkSetting.DESK: r"desks?|computers?|screens?|e-?mails?|keyboards?|typing|data entry|admin\w*|reception\w*"
                      r"|call[- ]cent(re|er)s?|calls|cctv|software|code|coding|programm\w*|clerks?|clerical"
                      r"|office (work\w*|admin\w*|manager\w*|jobs?)",
    WorkSetting.WORKSTATION: r"tills?|checkouts?|counters?|benche?s?|workstations?|work stations?|stations?|salons?"
                             r"|hair\w*|cashiers?|assembly|production lines?",
    WorkSetting.GOODS: r"stock\w*|restock\w*|goods|shel(f|ves)|deliver\w*|parcels?|cases|totes?|boxes|bags|sacks?"
                       r"|bales?|pallets?|materials|supplies|linen|laundry|bins|rubbish|waste|cylinders|loads|racks?",
    WorkSetting.WAREHOUSE: r"warehouse\w*|racking|fork[- ]?lift\w*|reach trucks?|roll cages?|goods[- ]in"
                           r"|loading bays?|distribution cent(re|er)s?|order pick\w*",
    WorkSetting.CARE: r"patients?|residents?|personal care|slide sheets?|wheelchairs?|care homes?|nursing|carers?"
                      r"|care workers?|support workers?|wards?|service users?",
    WorkSetting.KITCHEN: r"kitchen (porter|assistant|staff|hand)s?|cook\w*|chefs?|dish\w*|pots|pans|food prep\w*"
                         r"|catering|bakery|bakers?",
    WorkSetting.CONSTRUCTION: r"construction|building sites?|labour(er|ers)?|scaffold\w*|concrete|cement|bricks?"
                              r"|bricklay\w*|blocks|timber|dig|digging|plumb\w*|pipes?|boilers?|radiators?"
                              r"|electricians?|electrical|wiring|cables?|sockets?|circuits?|roof\w*|carpent\w*"
                              r"|joiner\w*|plaster\w*|farm\w*|livestock|tractors?|fences?|fencing",
    WorkSetting.CLASSROOM: r"teach\w*|pupils?|classrooms?|schools?|nursery|nurseries|childcare|lessons?",
    WorkSetting.SITE: r"site|warehouse\w*|hospitals?|wards?|patrol\w*|grounds|yards?|campus"
                      r"|shop floor|porter\w*",
}
_SETTING_PATTERNS = {setting: re.compile(rf"\b({words})\b", re.IGNORECASE) for setting, words in _SETTING_WORDS.items()}
# A setting that brings others with it: a kitchen is worked at stations and takes deliveries.
_IMPLIES = {
    WorkSetting.DESK: (WorkSetting.WORKSTATION,),
    WorkSetting.KITCHEN: (WorkSetting.WORKSTATION, WorkSetting.GOODS),
    WorkSetting.WAREHOUSE: (WorkSetting.GOODS, WorkSetting.SITE),
    WorkSetting.CONSTRUCTION: (WorkSetting.GOODS,),
}


def _present(case: Case, condition: str, at_least: Rating = Rating.SELDOM) -> bool:
    return case.demands.rating(RatedGroup.ENVIRONMENT, condition).rank >= at_least.rank


def job_settings(case: Case) -> tuple[WorkSetting, ...]:
    """The settings the job works in, from its words (title, template name, tasks, lifting tasks), its driving
    (safety.py), its rated conditions (heat and wet both at least frequent: a kitchen; high exposed places: a
    building site or trade), its lifting tasks (goods) and its walking (more than a third of the shift: a large
    site). Empty when nothing is recognised. Never ANY, which belongs to notes."""
    demands = case.demands
    words = " / ".join(text for _, text in job_texts(case))
    found = {setting for setting, pattern in _SETTING_PATTERNS.items() if pattern.search(words)}
    if SafetyCritical.DRIVING in safety_critical_work(case):
        found.add(WorkSetting.VEHICLE)
    if _present(case, "extreme_heat", Rating.FREQUENT) and _present(case, "wet_humid", Rating.FREQUENT):
        found.add(WorkSetting.KITCHEN)
    if _present(case, "high_exposed_places"):
        found.add(WorkSetting.CONSTRUCTION)
    if demands.lifting_tasks:
        found.add(WorkSetting.GOODS)
    walking = demands.profile.postures.get(Activity.WALK)
    if walking is not None and walking.minutes_per_day > min(demands.effective_shift_hours * 60, MINUTES_PER_DAY) / 3:
        found.add(WorkSetting.SITE)
    for setting in tuple(found):
        found.update(_IMPLIES.get(setting, ()))
    return tuple(setting for setting in WorkSetting if setting in found)


def suggest_for_case(case: Case) -> list[Suggestion]:
    """The adjustments to offer for this case, for the clinician to tick (none is chosen for them): the notes for
    its mismatches and lifting tasks that fit the job's settings. When no setting is recognised every note is
    offered, each with an empty `fits`, so the screen can say the list is not filtered."""
    settings = job_settings(case)
    current = job_match(case)
    return suggest(current.items, case.demands.lifting_tasks, settings=settings or None, handling=current.handling,
                   rated_items=current.rated_items)


def generate_plan(case: Case, start: date, current: Plan | None = None) -> Plan:
    """A plan from the current match: default phases with its restrictions from `start`. Everything else the
    clinician entered in the current plan is kept: quotas, goals, the adjustments they chose (no suggestion is
    chosen for them), fitness, flare-up plan and safety review, and the phased return's contract, longest duration
    and fit-note choice."""
    current = current or Plan()
    previous = current.phased_return
    contract = previous.contract if previous else contract_for(case)
    longest = previous.max_weeks if previous else DEFAULT_MAX_WEEKS
    # The clinician's own fit-note choice (None when derived) survives regeneration.
    phased = PhasedReturn(contract, start, generated_phases(case), longest, previous.fit_note if previous else None)
    return replace(current, phased_return=phased)


def regeneration_changes(current: Plan, generated: Plan) -> list[str]:
    """What regenerating would replace, in words; empty when nothing the clinician entered would be lost."""
    changes = []
    if current.phased_return is not None and generated.phased_return is not None \
            and current.phased_return.phases != generated.phased_return.phases:
        changes.append(f"the {len(current.phased_return.phases)} phases (lengths, hours, duties, restrictions and "
                       "progression criteria)")
    return changes
