"""The employer letter's content, as plain text blocks built from the case and its match (no layout here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rtw_planner.domain.case import Case, Clinic
from rtw_planner.domain.matching import MatchItem, MatchStatus, PostureMeasure, match
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
class LetterContent:
    """Everything the employer letter says, in reading order; all strings are plain text."""

    clinic: Clinic
    letter_date: str
    recipient: str
    title: str
    subject: str
    salutation: str
    paragraphs: tuple[str, ...]
    sections: tuple[Section, ...]
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


def build_letter(case: Case, clinic: Clinic, letter_date: date) -> LetterContent:
    """Assemble the letter. Only functional information is used: never the diagnosis or clinical notes."""
    words = load_wording("employer-letter")
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
    return LetterContent(
        clinic=clinic,
        letter_date=long_date(letter_date),
        recipient=case.employer,
        title=words["title"],
        subject=fill(words["subject"], patient_name=name, job_title=job),
        salutation=words["salutation"],
        paragraphs=(fill(words["intro"], patient_name=name, job_title=job), basis)
        + ((words["template_demands"],) if case.demands.from_template else ()),
        sections=tuple(_sections(words, name, by_status, review + " " + fill(words["contact"], contact=contact))),
        closing=words["closing"],
        signature=tuple(line for line in signature if line),
        later_page_header=fill(words["later_page_header"], patient_name=name),
        page_footer=words["page_footer"],
    )


def _sections(words: dict[str, str], name: str, by_status: dict[MatchStatus, list[MatchItem]],
              review: str) -> list[Section]:
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
    sections.append(Section(words["review_heading"], intro=review))
    return sections
