"""The employer letter's content, as plain text blocks built from the case and its match (no layout here)."""

from __future__ import annotations

from datetime import date

from rtw_planner.domain.case.model import Case, Clinic, ConsentCategory
from rtw_planner.domain.demands.units import MassUnit, format_number
from rtw_planner.domain.issuing.disclosure import (
    PAIN_INSTRUMENTS,
    DisclosureDecision,
    DisclosureRequest,
    DocumentKind,
    decide,
    default_request,
)
from rtw_planner.domain.issuing.options import RenderOptions
from rtw_planner.domain.match.items import MatchItem, MatchStatus, match
from rtw_planner.domain.match.rated import match_rated
from rtw_planner.domain.match.task_advice import Advice, TaskAdvice, advise_tasks, by_advice
from rtw_planner.domain.plan.fitness import FitnessOutcome
from rtw_planner.reports.letter_content import Group, LetterContent, PhaseCard, ScheduleTable, Section, Signature
from rtw_planner.reports.letter_fitness import fitness_sections, notice
from rtw_planner.reports.letter_schedule import limits_section, schedule
from rtw_planner.reports.letter_treatment import treatment_sections
from rtw_planner.reports.letter_wording import ability_line, day, demand_phrase, listing, lower_first, not_tested_line
from rtw_planner.reports.wording import fill, load_wording

__all__ = ["PAIN_INSTRUMENTS", "Group", "LetterContent", "PhaseCard", "ScheduleTable", "Section", "build_letter"]


def build_letter(case: Case, clinic: Clinic, letter_date: date, *, request: DisclosureRequest | None = None,
                 options: RenderOptions | None = None) -> LetterContent:
    """Assemble the letter. The disclosure rules are applied here, from the case's own consents, so no caller can
    widen them: by default it is the patient's copy for the employer, with functional information only.
    Raises ValidationError when the request is not allowed."""
    kind = DocumentKind.EMPLOYER_LETTER
    decision = decide(kind, case, request or default_request(kind, case), letter_date,
                      jurisdiction=clinic.jurisdiction)
    unit = (options or RenderOptions()).units(clinic)
    words = load_wording("employer-letter", clinic.jurisdiction.value)
    evaluation = case.current_evaluation
    items = match(case.demands.profile, case.capacity, evaluation)
    rated = tuple(i for i in match_rated(case.demands.ratings, evaluation)  # functional, like the loads' limits
                  if i.status is MatchStatus.MISMATCH)
    by_status = {s: [i for i in items if i.status is s] for s in MatchStatus}
    name, job = case.patient_name, case.job_title or "a member of staff"
    if evaluation is None:
        basis = words["no_assessment"]
    else:
        by = fill(words["basis_by"], evaluator=evaluation.evaluator) if evaluation.evaluator else ""
        basis = fill(words["basis"], by=by, assessed_on=day(evaluation.assessed_on))
        if decision.listed() == (ConsentCategory.FUNCTIONAL,):  # never "only" when the letter carries more
            basis += " " + words["basis_functional_only"]
    fitness = case.plan.fitness
    not_fit = fitness is not None and fitness.outcome is FitnessOutcome.NOT_FIT
    plan_applies = not (fitness and fitness.outcome is FitnessOutcome.NOT_FIT and case.plan.phased_return
                        and not (fitness.to_date and case.plan.phased_return.start > fitness.to_date))
    advice = advise_tasks(case.demands.tasks, items, unit)
    has_gaps = bool(by_status[MatchStatus.MISMATCH] or by_status[MatchStatus.NOT_TESTED] or rated)
    born = case.date_of_birth if decision.allows(ConsentCategory.DATE_OF_BIRTH) else None
    subject = fill(words["subject_born"], patient_name=name, job_title=job, date_of_birth=day(born)) if born \
        else fill(words["subject"], patient_name=name, job_title=job)
    return LetterContent(
        clinic=clinic,
        letter_date=day(letter_date),
        recipient=decision.recipient,
        title=words["title"],
        subject=subject,
        salutation=words["salutation"],
        notice=notice(words, decision, name),
        paragraphs=(fill(words["intro"], patient_name=name, job_title=job), basis)
        + ((words["template_demands"],) if case.demands.from_template else ())
        + ((words["statutory_note"],) if words.get("statutory_note") else ()),
        sections=(*fitness_sections(words, case, letter_date, has_gaps), *_diagnosis(words, case, decision),
                  *_abilities(words, case, by_status, unit, not_fit), limits_section(words, case, items, unit, rated),
                  *_not_tested(words, case, by_status, advice, unit),
                  *(_tasks(words, case, advice, unit, not_fit) if plan_applies else ()),
                  *_scores(words, case, decision)),
        schedule=schedule(words, case, clinic, items, unit, planned_only=not_fit) if plan_applies else None,
        after_schedule=(*treatment_sections(words, case, decision, letter_date),
                        Section(words["adjustments_heading"], items=tuple(n.text for n in case.plan.notes),
                                when_empty=words["adjustments_none"]), _review(words, case, clinic)),
        signature=_signature(words, case, clinic, letter_date),
        later_page_header=fill(words["later_page_header"], patient_name=name),
        page_footer=words["page_footer"],
    )


def _abilities(words: dict[str, str], case: Case, by_status: dict[MatchStatus, list[MatchItem]],
               unit: MassUnit, not_fit: bool) -> tuple[Section, ...]:
    """What the person can do now; when not fit for work, what they could do at the assessment."""
    evaluation = case.current_evaluation
    heading = fill(words["abilities_heading_not_fit"], patient_name=case.patient_name,
                   assessed_on=day(evaluation.assessed_on)) if not_fit and evaluation \
        else fill(words["abilities_heading"], patient_name=case.patient_name)
    return (Section(heading,
                    items=tuple(ability_line(i, unit) for i in by_status[MatchStatus.MATCH]),
                    when_empty=words["abilities_none"]),)


def _not_tested(words: dict[str, str], case: Case, by_status: dict[MatchStatus, list[MatchItem]],
                advice: tuple[TaskAdvice, ...], unit: MassUnit) -> tuple[Section, ...]:
    """What 'not yet assessed' means on Monday: do not ask for these demands, or the tasks that need them, until
    they are assessed (at the review, when its date is known)."""
    untested = by_status[MatchStatus.NOT_TESTED]
    if not untested:
        return ()
    when = fill(words["not_tested_when"], review_date=day(case.review_date)) if case.review_date else ""
    avoid = [a.task.name for a in advice if a.advice is Advice.AVOID_UNTIL_ASSESSED]
    return (Section(words["not_tested_heading"], fill(words["not_tested_intro"], patient_name=case.patient_name,
                                                      when=when),
                    tuple(not_tested_line(i, unit) for i in untested),
                    outro=fill(words["not_tested_tasks"], tasks=listing(avoid)) if avoid else ""),)


def _tasks(words: dict[str, str], case: Case, advice: tuple[TaskAdvice, ...], unit: MassUnit,
           not_fit: bool = False) -> tuple[Section, ...]:
    """The job's tasks: to do, to do within the named limits, to avoid until assessed or while limits apply; when
    not fit for work, for the planned return, to be confirmed at the review."""
    if not advice:
        return ()
    grouped = by_advice(advice)
    lines = {
        Advice.DO: [a.task.name for a in grouped[Advice.DO]],
        Advice.WITH_LIMITS: [fill(words["task_limits_line"], task=a.task.name,
                                  limits="; ".join(lower_first(r.text) for r in a.limits))
                             for a in grouped[Advice.WITH_LIMITS]],
        Advice.AVOID_WHILE_LIMITED: [fill(words["task_safety_line"], task=a.task.name,
                                          limits="; ".join(lower_first(r.text) for r in a.limits))
                                     for a in grouped[Advice.AVOID_WHILE_LIMITED]],
        Advice.AVOID_UNTIL_ASSESSED: [fill(words["task_avoid_line"], task=a.task.name,
                                           demands=listing([demand_phrase(i, unit) for i in a.not_assessed]))
                                      for a in grouped[Advice.AVOID_UNTIL_ASSESSED]],
        Advice.NO_DEMANDS: [a.task.name for a in grouped[Advice.NO_DEMANDS]],
    }
    groups = tuple(Group(words[f"tasks_{kind.value}"], tuple(lines[kind])) for kind in Advice if lines[kind])
    phased = case.plan.phased_return
    intro = words["tasks_intro"] if phased else words["tasks_intro_no_plan"]
    if not_fit and phased is not None:
        intro = fill(words["tasks_intro_planned"], patient_name=case.patient_name, start=day(phased.start),
                     review_date=day(case.review_date) if case.review_date else "the next assessment")
    return (Section(words["tasks_heading"], intro=intro, groups=groups),)


def _review(words: dict[str, str], case: Case, clinic: Clinic) -> Section:
    """When the advice is reviewed, and whom to call: the clinician's direct line or e-mail, else the clinic's."""
    review = fill(words["review"], review_date=day(case.review_date)) if case.review_date else words["review_none"]
    clinician = case.clinician
    direct = clinician.contact if clinician else ""
    clinic_contact = " or ".join(b for b in (clinic.phone, clinic.email) if b)
    if clinician is not None and (direct or clinic_contact):
        contact = fill(words["contact_named"], name=clinician.name, contact=direct or clinic_contact)
    else:
        contact = fill(words["contact"], contact=f" on {clinic_contact}" if clinic_contact else "")
    parts = (_safety_line(words, case), review, contact)
    return Section(words["review_heading"], intro=" ".join(b for b in parts if b))


def _safety_line(words: dict[str, str], case: Case) -> str:
    """That licensing and medication were discussed, for safety-critical work (the date only, never the note)."""
    from rtw_planner.domain.match.safety import safety_critical_work

    review, kinds = case.plan.safety_review, safety_critical_work(case)
    if review is None or not kinds:
        return ""
    return fill(words["safety_discussed"], work=listing([k.label for k in kinds]), patient_name=case.patient_name,
                reviewed_on=day(review.reviewed_on))


def _signature(words: dict[str, str], case: Case, clinic: Clinic, letter_date: date) -> Signature:
    clinician = case.clinician
    lines = (clinician.name, clinician.profession,
             fill(words["registration"], number=clinician.registration_number)
             if clinician.registration_number else "", clinic.name) if clinician else \
        (words["unnamed_clinician"], clinic.name)
    return Signature(words["closing"], tuple(line for line in lines if line), words["signature_label"],
                     fill(words["signed_date"], date=day(letter_date)))


def _diagnosis(words: dict[str, str], case: Case, decision: DisclosureDecision) -> tuple[Section, ...]:
    """The diagnosis only where consent, or a workers' compensation scheme switched on for this document, allows."""
    if not decision.allows(ConsentCategory.DIAGNOSIS) or not case.diagnosis:
        return ()
    lead = words["diagnosis_scheme"] if decision.diagnosis_by_scheme else words["diagnosis_consent"]
    return (Section(words["diagnosis_heading"], intro=fill(lead, patient_name=case.patient_name),
                    items=(case.diagnosis,)),)


def _scores(words: dict[str, str], case: Case, decision: DisclosureDecision) -> tuple[Section, ...]:
    """Pain and outcome scores, as text (never a chart), each under its own heading, only for the categories the
    patient consented to: the instrument's full name, the latest and the first score, and which way is better."""
    from rtw_planner.domain.outcomes.instruments import get_instrument

    sections = []
    for category, heading in ((ConsentCategory.PAIN_SCORES, "pain_scores_heading"),
                              (ConsentCategory.OUTCOME_SCORES, "scores_heading")):
        if not decision.allows(category):
            continue
        scored = [r for r in sorted(case.outcomes, key=lambda r: r.on) if r.score is not None
                  and (r.instrument_id in PAIN_INSTRUMENTS) == (category is ConsentCategory.PAIN_SCORES)]
        lines = []
        for instrument_id in dict.fromkeys(r.instrument_id for r in scored):
            records = [r for r in scored if r.instrument_id == instrument_id]
            first, last = records[0], records[-1]
            try:
                instrument = get_instrument(instrument_id)
                name, decimals = instrument.name, min(instrument.display_decimals, 1)
                lower = instrument.direction == "higher is worse"
            except (LookupError, ValueError):  # a licensed instrument no longer installed: its id, plainly
                name, decimals, lower = instrument_id, 1, False
            direction = words["scores_lower_better" if lower else "scores_higher_better"]
            assert first.score is not None
            assert last.score is not None
            lines.append(fill(words["scores_line"], instrument=name, score=format_number(last.score, decimals),
                              on=day(last.on), baseline=format_number(first.score, decimals),
                              baseline_on=day(first.on), direction=direction))
        if lines:
            sections.append(Section(words[heading], intro=fill(words["scores_intro"],
                                                                patient_name=case.patient_name),
                                    items=tuple(lines)))
    return tuple(sections)
