"""Treatment times in the documents: the employer letter gives the times off work, naming the therapy only where the
diagnosis may go; the handout lists the appointments in plain words."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from factories import EMPLOYER, consented_case, followed_up_case, with_treatment
from letter_cases import pdf_text

from rtw_planner.domain.case.model import Case, Clinic, ConsentCategory
from rtw_planner.domain.issuing.disclosure import Delivery, DisclosureRequest
from rtw_planner.domain.plan.treatment import TreatmentTime
from rtw_planner.reports.employer_letter import render_employer_letter
from rtw_planner.reports.handout import render_patient_handout
from rtw_planner.reports.handout_blocks import build_handout
from rtw_planner.reports.letter_blocks import LetterContent, Section, build_letter

CLINIC = Clinic("Riverside Pain & Rehab", "1 High Street\nLeeds", "0113 496 0000", "rtw@clinic.example")
DAY = date(2026, 12, 6)
TIMES = ("Tuesdays and Thursdays, 10:00–11:30, from 5 to 21 January 2027",
         "Wednesdays, 14:00–15:00, from 6 January 2027 until further notice")


def treatment(content: LetterContent) -> Section:
    return next(s for s in content.after_schedule if s.heading == "Time away from work for treatment")


def test_the_letter_gives_the_times_without_naming_the_therapy_by_default() -> None:
    content = build_letter(with_treatment(followed_up_case()), CLINIC, DAY)
    section = treatment(content)
    assert section.items == TIMES
    everything = " ".join(content.texts())
    assert "hysiotherapy" not in everything
    assert "sychology" not in everything


def test_the_letter_names_the_therapy_with_consent_to_the_diagnosis() -> None:
    case = with_treatment(consented_case(ConsentCategory.FUNCTIONAL, ConsentCategory.DIAGNOSIS))
    request = DisclosureRequest(EMPLOYER, delivery=Delivery.SENT)
    section = treatment(build_letter(case, CLINIC, DAY, request=request))
    assert section.items == (f"Physiotherapy: {TIMES[0]}", f"Psychology: {TIMES[1]}")


def test_consent_to_outcome_scores_alone_does_not_name_it() -> None:
    case = with_treatment(consented_case(ConsentCategory.FUNCTIONAL, ConsentCategory.OUTCOME_SCORES))
    section = treatment(build_letter(case, CLINIC, DAY, request=DisclosureRequest(EMPLOYER, delivery=Delivery.SENT)))
    assert section.items == TIMES


def test_working_time_gives_the_hours_at_work_after_treatment() -> None:
    # 20, 24, 30, 40 h a week less 4:00 (phases 1-3: 2 x 1:30 + 1:00) and 1:00 (phase 4).
    section = treatment(build_letter(with_treatment(followed_up_case()), CLINIC, DAY))
    assert section.intro.endswith("it is part of that day's hours in the schedule, not extra time off.")
    assert section.outro == ("Hours at work a week, after treatment on working days: 16:00 in phase 1, 20:00 in "
                             "phase 2, 26:00 in phase 3 and 39:00 in phase 4.")


def test_worked_around_the_hours_in_the_schedule_are_all_at_work() -> None:
    section = treatment(build_letter(with_treatment(followed_up_case(), TreatmentTime.AVOID), CLINIC, DAY))
    assert "arrange the working hours in the schedule around them" in section.intro
    assert section.outro == ""


def test_sessions_over_by_the_letter_date_are_left_out() -> None:
    content = build_letter(with_treatment(followed_up_case()), CLINIC, date(2027, 1, 25))
    assert treatment(content).items == (TIMES[1],)


def test_no_sessions_no_section() -> None:
    content = build_letter(followed_up_case(), CLINIC, DAY)
    assert all(s.heading != "Time away from work for treatment" for s in content.after_schedule)


def test_the_letter_pdf_prints_the_times() -> None:
    text = pdf_text(render_employer_letter(with_treatment(followed_up_case()), CLINIC, DAY, invariant=True))
    assert "Time away from work for treatment" in text
    assert "Tuesdays and Thursdays, 10:00–11:30, from 5 to 21 January 2027" in text
    assert "hysiotherapy" not in text


def handout_case() -> Case:
    return with_treatment(followed_up_case())


def test_the_handout_lists_the_appointments_in_plain_words() -> None:
    content = build_handout(handout_case(), CLINIC, DAY)
    section = next(s for s in content.sections if s.heading == "Your treatment appointments")
    texts = [getattr(b, "text", None) or getattr(b, "items", None) for b in section.blocks]
    assert texts == [
        "These are your regular appointments. Please come to each one.",
        ("Physiotherapy: every Tuesday and Thursday, 10:00 to 11:30, from 5 January 2027 until 21 January 2027.",
         "Your session with the psychologist: every Wednesday, 14:00 to 15:00, from 6 January 2027."),
        "On a work day, the time of your appointment counts as part of your working hours."]


def test_the_handout_pdf_prints_them_and_says_so_when_work_goes_around_them() -> None:
    case = with_treatment(followed_up_case(), TreatmentTime.AVOID)
    text = pdf_text(render_patient_handout(case, CLINIC, DAY, invariant=True))
    assert "Your treatment appointments" in text
    assert "Physiotherapy: every Tuesday and Thursday, 10:00 to 11:30" in text
    assert "Your work hours are planned around these times, so you are not at work then." in text


def test_a_handout_without_sessions_has_no_such_section() -> None:
    content = build_handout(replace(handout_case(), plan=followed_up_case().plan), CLINIC, DAY)
    assert all(s.heading != "Your treatment appointments" for s in content.sections)
