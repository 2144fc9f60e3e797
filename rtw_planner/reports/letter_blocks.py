"""The employer letter's content, as plain text blocks built from the case and its match (no layout here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rtw_planner.domain.case import Case, Clinic, ConsentCategory
from rtw_planner.domain.disclosure import (
    PAIN_INSTRUMENTS,
    Delivery,
    DisclosureDecision,
    DisclosureRequest,
    DocumentKind,
    decide,
    default_request,
)
from rtw_planner.domain.fitness import FitnessOutcome
from rtw_planner.domain.matching import MatchItem, MatchStatus, PostureMeasure, match
from rtw_planner.domain.phases import PhasedReturn, fit_note_from_plan
from rtw_planner.domain.profile import Activity, Frequency, Kind
from rtw_planner.domain.units import format_number, n_to_kgf
from rtw_planner.reports.wording import fill, load_wording, long_date

VERBS = {
    Activity.LIFT_FLOOR_TO_WAIST: "Lift from floor to waist height",
    Activity.LIFT_WAIST_TO_SHOULDER: "Lift from waist to shoulder height",
    Activity.LIFT_ABOVE_SHOULDER: "Lift above shoulder height",
    Activity.CARRY: "Carry",
    Activity.PUSH_INITIAL: "Push (force to start moving)",
    Activity.PUSH_SUSTAINED: "Push (force to keep moving)",
    Activity.PULL_INITIAL: "Pull (force to start moving)",
    Activity.PULL_SUSTAINED: "Pull (force to keep moving)",
    Activity.SIT: "Sit",
    Activity.STAND: "Stand",
    Activity.WALK: "Walk",
}
HOW_OFTEN = {
    Frequency.OCCASIONAL: "occasionally (up to a third of the day)",
    Frequency.FREQUENT: "frequently (a third to two thirds of the day)",
    Frequency.CONSTANT: "constantly (more than two thirds of the day)",
}


@dataclass(frozen=True)
class Section:
    """A headed part of a document: an optional lead-in, bullet items, and what to say when there are none."""

    heading: str
    intro: str = ""
    items: tuple[str, ...] = ()
    when_empty: str = ""


@dataclass(frozen=True)
class ScheduleTable:
    """The phased schedule as header and rows of plain text."""

    heading: str
    intro: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class LetterContent:
    """Everything the employer letter says, in reading order; all strings are plain text."""

    clinic: Clinic
    letter_date: str
    recipient: str
    title: str
    subject: str
    salutation: str
    notice: str
    paragraphs: tuple[str, ...]
    sections: tuple[Section, ...]
    schedule: ScheduleTable | None
    after_schedule: tuple[Section, ...]
    closing: str
    signature: tuple[str, ...]
    later_page_header: str
    page_footer: str


def amount(item_activity: Activity, value: float) -> str:
    """A value with its unit, as an employer reads it: '12 kg', '250 N (25.5 kgf)', '90 minutes (1.5 hours)'."""
    kind = item_activity.kind
    if kind is Kind.MASS:
        return f"{format_number(value)} kg"
    if kind is Kind.FORCE:
        return f"{format_number(value, 0)} N ({format_number(n_to_kgf(value))} kgf)"
    minutes = f"{format_number(value, 0)} minute{'' if round(value) == 1 else 's'}"
    if value >= 60:
        hours = value / 60
        return f"{minutes} ({format_number(hours, 2)} hour{'' if hours == 1 else 's'})"
    return minutes


def _when(item: MatchItem) -> str:
    if item.frequency is not None:
        return HOW_OFTEN[item.frequency]
    return "at a time" if item.measure is PostureMeasure.AT_A_TIME else "in a working day"


def _estimated(item: MatchItem) -> str:
    return f" This figure is estimated, not measured (rule: {item.estimated_by})." if item.estimated_by else ""


def ability_line(item: MatchItem) -> str:
    """A matched item in plain words."""
    assert item.capacity is not None
    return f"{VERBS[item.activity]}: up to {amount(item.activity, item.capacity)} {_when(item)}.{_estimated(item)}"


def restriction_line(item: MatchItem) -> str:
    """A mismatched item in plain words, with what the role asks for."""
    assert item.capacity is not None
    return (f"{VERBS[item.activity]}: no more than {amount(item.activity, item.capacity)} {_when(item)}"
            f"; the role asks for {amount(item.activity, item.demand)}.{_estimated(item)}")


def not_tested_line(item: MatchItem) -> str:
    """An untested demand in plain words."""
    return f"{VERBS[item.activity]} {amount(item.activity, item.demand)} {_when(item)}."


def build_letter(case: Case, clinic: Clinic, letter_date: date, *,
                 request: DisclosureRequest | None = None) -> LetterContent:
    """Assemble the letter. The disclosure rules are applied here, from the case's own consents, so no caller can
    widen them: by default it is the patient's copy for the employer, with functional information only.
    Raises ValidationError when the request is not allowed."""
    kind = DocumentKind.EMPLOYER_LETTER
    decision = decide(kind, case, request or default_request(kind, case), letter_date,
                      jurisdiction=clinic.jurisdiction)
    words = load_wording("employer-letter", clinic.jurisdiction.value)
    evaluation = case.current_evaluation
    items = match(case.demands.profile, case.capacity, evaluation)
    name = case.patient_name
    job = case.job_title or "a member of staff"
    assessed = evaluation.assessed_on if evaluation else None
    basis = fill(words["basis"], assessed_on=long_date(assessed)) if assessed else words["basis_undated"]
    contact_bits = [b for b in (clinic.phone, clinic.email) if b]
    contact = f" on {' or '.join(contact_bits)}" if contact_bits else ""
    review = words["review_none"]
    if case.review_date:
        review = fill(words["review"], review_date=long_date(case.review_date))
    by_status = {s: [i for i in items if i.status is s] for s in MatchStatus}
    clinician = case.clinician
    signature = (clinician.name, clinician.profession,
                 f"Registration: {clinician.registration_number}" if clinician.registration_number else "",
                 clinic.name) if clinician else ("Treating clinician", clinic.name)
    notice_key = "sent_notice" if decision.delivery is Delivery.SENT else "patient_copy_notice"
    phased = case.plan.phased_return
    review_section = Section(words["review_heading"], intro=review + " " + fill(words["contact"], contact=contact))
    return LetterContent(
        clinic=clinic,
        letter_date=long_date(letter_date),
        recipient=decision.recipient,
        title=words["title"],
        subject=fill(words["subject"], patient_name=name, job_title=job),
        salutation=words["salutation"],
        notice=fill(words[notice_key], patient_name=name, recipient=decision.recipient),
        paragraphs=(fill(words["intro"], patient_name=name, job_title=job), basis)
        + ((words["template_demands"],) if case.demands.from_template else ())
        + ((words["statutory_note"],) if words.get("statutory_note") else ()),
        sections=(*_fitness(words, case, by_status), *_diagnosis(words, case, decision),
                  *_sections(words, name, by_status), *_scores(words, case, decision)),
        schedule=_schedule(words, phased) if phased else None,
        after_schedule=(Section(words["adjustments_heading"], items=tuple(n.text for n in case.plan.notes),
                                when_empty=words["adjustments_none"]), review_section),
        closing=words["closing"],
        signature=tuple(line for line in signature if line),
        later_page_header=fill(words["later_page_header"], patient_name=name),
        page_footer=words["page_footer"],
    )


def _sections(words: dict[str, str], name: str, by_status: dict[MatchStatus, list[MatchItem]]) -> list[Section]:
    sections = [
        Section(fill(words["abilities_heading"], patient_name=name),
                items=tuple(ability_line(i) for i in by_status[MatchStatus.MATCH]),
                when_empty=words["abilities_none"]),
        Section(words["restrictions_heading"],
                items=tuple(restriction_line(i) for i in by_status[MatchStatus.MISMATCH]),
                when_empty=words["restrictions_none"]),
    ]
    if by_status[MatchStatus.NOT_TESTED]:
        sections.append(Section(words["not_tested_heading"], words["not_tested_intro"],
                                tuple(not_tested_line(i) for i in by_status[MatchStatus.NOT_TESTED])))
    return sections


def _period(first: date, last: date) -> str:
    return f"{first.day} {first:%b} to {last.day} {last:%b %Y}"


def _fitness(words: dict[str, str], case: Case, by_status: dict[MatchStatus, list[MatchItem]]) -> tuple[Section, ...]:
    """The clinician's outcome: none at all without an evaluation or a chosen outcome (a draft of an unassessed
    case must not read as fit); not fit with its period; fit; or may be fit with the fit-note options."""
    fitness = case.plan.fitness
    if case.current_evaluation is None or fitness is None:
        return ()
    name = case.patient_name
    if fitness.outcome is FitnessOutcome.NOT_FIT:
        period = _period(fitness.from_date, fitness.to_date) if fitness.from_date and fitness.to_date else ""
        return (Section(words["fitness_heading"], intro=f"{name} is not fit for work" +
                        (f" ({period})." if period else ".")),)
    if fitness.outcome is FitnessOutcome.FIT:
        return (Section(words["fitness_heading"], intro=fill(words["fitness_fit"], patient_name=name)),)
    return (_may_be_fit(words, case, by_status),)


def _may_be_fit(words: dict[str, str], case: Case, by_status: dict[MatchStatus, list[MatchItem]]) -> Section:
    """May be fit with the fit-note options of the plan, each with its period."""
    name = case.patient_name
    phased = case.plan.phased_return
    if phased is None:
        if not by_status[MatchStatus.MISMATCH]:
            return Section(words["fitness_heading"], intro=fill(words["fitness_fit"], patient_name=name))
        advice: tuple[str, ...] = ("Amended duties", "Workplace adaptations") if case.plan.notes \
            else ("Amended duties",)
        return Section(words["fitness_heading"], intro=fill(words["fitness_may_be_fit_undated"], patient_name=name),
                       items=advice)
    schedule = phased.schedule()
    boxes = fit_note_from_plan(phased, bool(case.plan.notes))
    whole = _period(phased.start, phased.end_date)
    part_time = [p for p in schedule if p.percent < 100]
    periods = {"A phased return to work": _period(part_time[0].first_day, part_time[-1].last_day)
               if part_time else whole}
    options = tuple(fill(words["fitness_option_period"], option=o, period=periods.get(o, whole))
                    for o in boxes.selected)
    if not options:
        return Section(words["fitness_heading"], intro=fill(words["fitness_fit"], patient_name=name))
    return Section(words["fitness_heading"], intro=fill(words["fitness_may_be_fit"], patient_name=name,
                                                        start=long_date(phased.start)), items=options)


def _diagnosis(words: dict[str, str], case: Case, decision: DisclosureDecision) -> tuple[Section, ...]:
    """The diagnosis only where consent, or a workers' compensation scheme switched on for this document, allows."""
    if not decision.allows(ConsentCategory.DIAGNOSIS) or not case.diagnosis:
        return ()
    lead = words["diagnosis_scheme"] if decision.diagnosis_by_scheme else words["diagnosis_consent"]
    return (Section(words["diagnosis_heading"], intro=fill(lead, patient_name=case.patient_name),
                    items=(case.diagnosis,)),)


def _scores(words: dict[str, str], case: Case, decision: DisclosureDecision) -> tuple[Section, ...]:
    """Outcome and pain scores, as text (never a chart), only for the categories the patient consented to."""
    latest: dict[str, tuple[date, float]] = {}
    first: dict[str, tuple[date, float]] = {}
    for record in sorted(case.outcomes, key=lambda r: r.on):
        if record.score is None:
            continue
        category = ConsentCategory.PAIN_SCORES if record.instrument_id in PAIN_INSTRUMENTS \
            else ConsentCategory.OUTCOME_SCORES
        if decision.allows(category):
            first.setdefault(record.instrument_id, (record.on, record.score))
            latest[record.instrument_id] = (record.on, record.score)
    if not latest:
        return ()
    lines = tuple(fill(words["scores_line"], instrument=instrument, score=format_number(score, 2),
                       on=long_date(on), baseline=format_number(first[instrument][1], 2),
                       baseline_on=long_date(first[instrument][0]))
                  for instrument, (on, score) in latest.items())
    return (Section(words["scores_heading"], intro=fill(words["scores_intro"], patient_name=case.patient_name),
                    items=lines),)


def _schedule(words: dict[str, str], phased: PhasedReturn) -> ScheduleTable:
    rows = tuple((str(p.number), _period(p.first_day, p.last_day), format_number(p.weekly_hours, 2),
                  format_number(p.hours_per_day, 2), format_number(p.days_per_week, 1), p.duties.label)
                 for p in phased.schedule())
    return ScheduleTable(words["schedule_heading"], words["schedule_intro"],
                         tuple(words["schedule_columns"].split("|")), rows)
