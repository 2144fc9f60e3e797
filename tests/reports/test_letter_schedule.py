"""What HR needs on Monday: for each phase the dates, working days and hours in h:mm, duties, the phase's
restrictions and what moves it on; the job's tasks; each limit with the day it ends; whom to call."""

from __future__ import annotations

from dataclasses import replace

from letter_cases import CLINIC, CLINICIAN, DAY, LIFT_LIMIT, STAND_LIMITS, make_case, pdf_text, phases, without_plan

from rtw_planner.domain.case.model import Case, Clinic, Clinician
from rtw_planner.domain.plan.phases import Phase
from rtw_planner.reports.employer_letter import render_employer_letter
from rtw_planner.reports.letter_blocks import LetterContent, ScheduleTable, Section, build_letter


def letter(case: Case, clinic: Clinic = CLINIC) -> LetterContent:
    return build_letter(case, clinic, DAY)


def schedule_of(case: Case, clinic: Clinic = CLINIC) -> ScheduleTable:
    found = letter(case, clinic).schedule
    assert found is not None
    return found


def section(content: LetterContent, heading: str) -> Section:
    return next(s for s in (*content.sections, *content.after_schedule) if s.heading == heading)


def card_rows(table: ScheduleTable, number: int) -> dict[str, tuple[str, ...]]:
    return dict(table.cards[number - 1].rows)


def test_dates_suggested_days_and_hours_as_h_mm() -> None:
    """40 h over 5 days at 50/60/75/100% = 20/24/30/40 h a week = 4:00, 4:48, 6:00 and 8:00 a day."""
    table = schedule_of(make_case())
    assert table.columns == ("Phase", "Dates", "Working days", "Hours a day (h:mm)", "Hours a week (h:mm)")
    assert table.rows == (("1", "4 to 10 Jan 2027", "Mon to Fri*", "4:00", "20:00"),
                          ("2", "11 to 17 Jan 2027", "Mon to Fri*", "4:48", "24:00"),
                          ("3", "18 to 24 Jan 2027", "Mon to Fri*", "6:00", "30:00"),
                          ("4", "25 to 31 Jan 2027", "Mon to Fri*", "8:00", "40:00"))
    assert table.footnote == "* Suggested days: agree the working days with Li Wei."
    text = pdf_text(render_employer_letter(make_case(), CLINIC, DAY, invariant=True))
    assert "11 to 17 Jan 2027 Mon to Fri* 4:48 24:00" in text
    assert "4.8" not in text


def test_quarter_hours_round_the_day_and_the_week_follows() -> None:
    """4.8 h is 4:45 to the nearest quarter hour; 5 x 4:45 = 23:45 a week."""
    table = schedule_of(make_case(), replace(CLINIC, quarter_hours=True))
    assert table.rows[1][3:] == ("4:45", "23:45")
    assert table.rows[0][3:] == ("4:00", "20:00")


def test_chosen_working_days_print_without_the_suggestion_mark() -> None:
    """Three days at 60% of 40 h = 24 h = 8:00 a day on Mon, Wed and Fri, as the clinician chose them."""
    plan = (Phase(1, 60, 3, weekdays=(0, 2, 4)), Phase(1, 100, weekdays=(0, 1, 2, 3, 4)))
    table = schedule_of(make_case(plan_phases=plan))
    assert [row[2:] for row in table.rows] == [("Mon, Wed, Fri", "8:00", "24:00"), ("Mon to Fri", "8:00", "40:00")]
    assert table.footnote == ""
    suggested = schedule_of(make_case(plan_phases=(Phase(1, 60, 3), Phase(1, 100))))
    assert suggested.rows[0][2] == "Mon, Wed, Fri*"


def test_hours_build_up_unless_a_step_down_was_planned() -> None:
    assert schedule_of(make_case()).intro == "Hours build up phase by phase. Hours are shown as hours:minutes."
    planned = (*phases(50, 75), Phase(1, 60, step_down_intended=True), *phases(100))
    table = schedule_of(make_case(plan_phases=planned))
    assert table.intro.startswith("Hours build up phase by phase, except in phase 3: there they are lower than in "
                                  "the phase before, on purpose, as planned.")
    assert card_rows(table, 3)["Hours"] == ("Fewer hours than phase 2, on purpose, as planned.",)
    assert "Hours" not in card_rows(table, 2)
    assert table.rows[2][3:] == ("4:48", "24:00")


def test_an_unconfirmed_step_down_is_flagged_not_explained() -> None:
    table = schedule_of(make_case(plan_phases=(*phases(50, 75), *phases(60, 100))))
    assert table.intro == ("Hours build up phase by phase. In phase 3 the hours are lower than in the phase before; "
                           "this must be confirmed before the letter is issued. Hours are shown as hours:minutes.")
    assert "Hours" not in card_rows(table, 3)


def test_each_phase_card_has_duties_its_restrictions_and_what_moves_it_on() -> None:
    typed = "No ladders <b>at all</b> & no night shifts"
    plan = (Phase(1, 50, restrictions=(LIFT_LIMIT, typed), progression_criteria="Two good weeks & a review"),
            Phase(1, 75, restrictions=(LIFT_LIMIT, typed), progression_criteria="One good week"),
            Phase(1, 100, restrictions=(LIFT_LIMIT,)))
    table = schedule_of(make_case(plan_phases=plan))
    assert [c.heading for c in table.cards] == ["Phase 1: 4 to 10 January 2027", "Phase 2: 11 to 17 January 2027",
                                                "Phase 3: 18 to 24 January 2027"]
    assert card_rows(table, 1) == {"Duties": ("Modified duties",), "Restrictions": (LIFT_LIMIT, typed),
                                   "Moves to phase 2 when": ("Two good weeks & a review",)}
    assert card_rows(table, 2)["Restrictions"] == ("As in phase 1.",)
    assert card_rows(table, 3) == {"Duties": ("Modified duties",), "Restrictions": (LIFT_LIMIT,),
                                   "At the end of the plan": ("Not set yet: agreed at the review.",)}
    text = pdf_text(render_employer_letter(make_case(plan_phases=plan), CLINIC, DAY, invariant=True))
    assert typed in text  # printed as written, markup and all
    assert "Two good weeks & a review" in text


def test_a_phase_without_restrictions_says_so() -> None:
    table = schedule_of(make_case(plan_phases=(*phases(50), *phases(100, restrictions=()))))
    assert card_rows(table, 2)["Restrictions"] == ("None listed for this phase; the limits above apply until the "
                                                   "dates given there.",)


def limit_lines(case: Case) -> tuple[str, ...]:
    return section(letter(case), "Limits that apply for now").items


def test_each_limit_ends_with_the_last_phase_that_carries_it_or_at_the_review() -> None:
    """Phases 1 and 2 carry the lifting limit and a typed one; phases 1 to 4 the standing limits."""
    plan = (*phases(50, 60, restrictions=(LIFT_LIMIT, *STAND_LIMITS, "No night shifts")),
            *phases(75, 100, restrictions=STAND_LIMITS))
    assert limit_lines(make_case(plan_phases=plan)) == (
        "Lift from floor to waist height: no more than 12 kg occasionally (up to a third of the day); the role asks "
        "for 20 kg. Until 17 January 2027 (the end of phase 2).",
        "Stand: no more than 30 minutes at a time; the role asks for 60 minutes (1 hour). Through the phased return "
        "(to 31 January 2027) and after it, until capacity is measured again; the next review is on 8 January 2027.",
        "Stand: no more than 240 minutes (4 hours) in a working day; the role asks for 420 minutes (7 hours). Through "
        "the phased return (to 31 January 2027) and after it, until capacity is measured again; the next review is "
        "on 8 January 2027.",
        "No night shifts. Until 17 January 2027 (the end of phase 2).",
    )
    assert section(letter(without_plan(make_case())), "Limits that apply for now").intro == (
        "These limits apply until capacity is assessed again, at the review on 8 January 2027 at the earliest.")
    assert section(letter(without_plan(make_case(review=None))), "Limits that apply for now").intro == (
        "These limits apply until the next assessment.")


def test_the_jobs_tasks_to_do_within_limits_and_to_avoid() -> None:
    tasks = section(letter(make_case()), "The job's tasks")
    assert [(g.label, g.items) for g in tasks.groups] == [
        ("Can do now", ("Desk admin", "Push trolleys")),
        ("Can do within these limits", ("Pick orders: no lifting from floor to waist above 12 kg occasionally (up "
                                        "to a third of the day); stand no longer than 30 minutes at a time; no more "
                                        "than 4 hours of standing in a day.",)),
        ("Avoid until assessed", ("Return cages: not yet assessed to carry 10 kg frequently.",)),
        ("No physical demands recorded for these tasks (the limits above apply)", ("Team briefing",)),
    ]
    assert tasks.intro.endswith("in every phase below until the next assessment.")
    assert section(letter(without_plan(make_case())), "The job's tasks").intro == (
        "What the assessment means for each task of the job, until the next assessment.")


def test_not_yet_assessed_says_what_to_do_on_monday() -> None:
    found = section(letter(make_case()), "Not yet assessed")
    assert found.intro.endswith("Until they are assessed (at the review on 8 January 2027), please do not ask Li Wei "
                                "to do them:")
    assert found.items == ("Carry 10 kg frequently (a third to two thirds of the day).",)
    assert found.outro == "For now this means avoiding these tasks: Return cages."
    undated = section(letter(make_case(review=None)), "Not yet assessed")
    assert undated.intro.endswith("Until they are assessed, please do not ask Li Wei to do them:")


def test_a_named_contact_with_a_direct_line() -> None:
    review = section(letter(make_case()), "Review and contact")
    assert review.intro == ("I will review these recommendations on 8 January 2027. If you have questions, or cannot "
                            "make these adjustments, please contact Ana Costa on 0113 496 0999 or ana@leeds.example.")
    no_line = replace(make_case(), clinician=Clinician("Ana Costa", "Physiotherapist"))
    assert section(letter(no_line), "Review and contact").intro.endswith(
        "please contact Ana Costa on 0113 496 0000 or rtw@leeds.example.")  # the clinic's, as a fall-back
    nobody = replace(make_case(), clinician=None)
    assert section(letter(nobody), "Review and contact").intro.endswith(
        "please contact the clinic on 0113 496 0000 or rtw@leeds.example.")


def test_the_signature_block() -> None:
    signature = letter(make_case()).signature
    assert signature.lines == ("Ana Costa", "Physiotherapist", "Registration: HCPC PH000001", "Leeds Rehab")
    assert signature.dated == "Date: 1 December 2026"
    assert CLINICIAN.name == signature.lines[0]
