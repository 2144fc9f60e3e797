"""What a reader review of the printed documents found, kept fixed: a not-fit letter that said what the person 'can
do now', limits with three end dates, a safety-critical task left 'within limits', a handout whose week was over,
and capacities printed as two different numbers in the letter and the report."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from letter_cases import CLINIC, DAY, make_case, pdf_text

from rtw_planner.domain.case.casefile import parse
from rtw_planner.domain.demands.job import Task
from rtw_planner.domain.demands.profile import Activity
from rtw_planner.domain.demands.units import MassUnit
from rtw_planner.domain.issuing.options import RenderOptions
from rtw_planner.domain.plan.fitness import FitnessOutcome, FitnessStatement
from rtw_planner.domain.plan.model import SafetyReview
from rtw_planner.reports.employer_letter import render_employer_letter
from rtw_planner.reports.handout_blocks import build_handout, practice_day
from rtw_planner.reports.letter_blocks import build_letter
from rtw_planner.reports.match_report import render_match_report


def letter_text(case: object, **options: object) -> str:
    return pdf_text(render_employer_letter(case, CLINIC, DAY, options=RenderOptions(**options), invariant=True))  # type: ignore[arg-type]


def test_a_not_fit_letter_says_what_was_measured_and_plans_the_return_subject_to_review() -> None:
    """Not fit from 1 to 31 December, the return planned from 4 January, reviewed on 2 January."""
    not_fit = FitnessStatement(FitnessOutcome.NOT_FIT, DAY, date(2026, 12, 31))
    text = letter_text(make_case(fitness=not_fit, review=date(2027, 1, 2)))
    assert "is not fit for work" in text
    assert "can do now" not in text
    assert "could do at the assessment on 20 November 2026" in text
    assert "If Ana" not in text  # the patient's name is the case's, not the clinician's
    assert "A planned return, to be confirmed at the review on 2 January 2027" in text
    assert "returns as planned on 4 January 2027, subject to the review on 2 January 2027" in text


def test_limits_carried_through_every_phase_end_when_capacity_is_measured_again() -> None:
    limits = next(s for s in build_letter(make_case(), CLINIC, DAY).sections if s.heading.startswith("Limits"))
    assert limits.intro == ("These limits apply through the phased return (to 31 January 2027) and after it, until "
                            "capacity is measured again; the next review is on 8 January 2027.")
    assert not any("Until" in line for line in limits.items)  # said once, not on every line


def test_the_basis_says_who_assessed_and_only_claims_only_when_true() -> None:
    content = build_letter(make_case(), CLINIC, DAY)
    assert content.paragraphs[1] == ("These recommendations are based on a functional assessment by Ana Costa on "
                                     "20 November 2026. They describe abilities and limits at work only.")


def test_a_safety_critical_task_with_a_limit_is_avoided_and_the_discussion_is_recorded() -> None:
    """Standing is limited to 30 minutes at a time: a driving task cannot stop to keep that limit."""
    base = make_case()
    driving = Task("Drive the delivery van", True, None, (Activity.STAND,))
    case = replace(base, demands=replace(base.demands, tasks=(*base.demands.tasks, driving)),
                   plan=replace(base.plan, safety_review=SafetyReview(date(2026, 11, 25), "private note")))
    text = letter_text(case)
    assert "Avoid while these limits apply" in text
    assert "Drive the delivery van: stand no longer than 30 minutes at a time" in text
    assert "Safety-critical work (professional driving) and the effect of any medication were discussed with " \
           "Marek" not in text  # the case's own name is used
    assert "and the effect of any medication were discussed with" in text
    assert "25 November 2026" in text
    assert "private note" not in text  # the clinician's note stays in the record


def test_capacities_are_one_number_in_the_letter_and_the_report() -> None:
    """12 kg = 26.455 lb, shown rounded down in both: 26.4 lb; never 26.4 in one and 26.5 in the other."""
    case = make_case()
    options = RenderOptions(mass_unit=MassUnit.LB)
    letter = letter_text(case, mass_unit=MassUnit.LB)
    report = pdf_text(render_match_report(case, CLINIC, DAY, options=options, invariant=True))
    assert "no more than 26.4 lb" in letter
    assert "20 kg" not in letter
    assert " 26.4 lb " in report
    assert "26.5 lb" not in report + letter


def test_the_handouts_week_starts_on_the_next_monday_from_friday_to_sunday(demo_text: str) -> None:
    """The demo's walking quota runs from 23 November; printed on Sunday 6 December, the log is for the week
    starting Monday 7 December, not the one ending that day."""
    assert practice_day(date(2026, 12, 3)) == date(2026, 12, 3)  # Thursday: this week
    assert [practice_day(date(2026, 12, d)) for d in (4, 5, 6)] == [date(2026, 12, 7)] * 3  # Friday to Sunday
    content = build_handout(parse(demo_text), CLINIC, date(2026, 12, 6))
    assert content.log.week.startswith("7 December 2026")
    assert any(section.heading == "Your small step from Monday 7 December 2026" for section in content.sections)


def test_the_handout_keeps_home_quotas_apart_from_work_and_points_to_the_danger_signs() -> None:
    text = " ".join(str(block) for section in build_handout(make_case(), CLINIC, DAY).sections
                    for block in section.blocks)
    assert "Only stop if you have one of the danger signs in the box" in text
    assert "My early warning signs" not in text
