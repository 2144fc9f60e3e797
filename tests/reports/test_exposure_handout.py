"""Graded exposure on the handout: the current step in plain words with the TSK-17 change beside it; never in the
employer letter."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from factories import FEARS, followed_up_case, planned_case, with_exposure, with_treatment
from letter_cases import pdf_text

from rtw_planner.domain.case.model import Case, Clinic
from rtw_planner.domain.plan.exposure import FearExposure, FearHierarchy
from rtw_planner.reports.employer_letter import render_employer_letter
from rtw_planner.reports.handout import render_patient_handout
from rtw_planner.reports.handout_blocks import build_handout
from rtw_planner.reports.handout_parts import HandoutSection, Text

CLINIC = Clinic("Riverside Pain & Rehab", "1 High Street\nLeeds", "0113 496 0000", "rtw@clinic.example")
DAY = date(2026, 12, 6)
HEADING = "Facing the things you worry about"


def section(case: Case) -> HandoutSection | None:
    return next((s for s in build_handout(case, CLINIC, DAY).sections if s.heading == HEADING), None)


def texts(case: Case) -> list[str]:
    found = section(case)
    assert found is not None
    return [b.text for b in found.blocks if isinstance(b, Text)]


def test_the_current_step_with_its_last_ratings_and_the_tsk_change() -> None:
    # Walking (30) is climbed; carrying (60) is step 2 of 3, last rated 50 before and 35 after; TSK-17 55 -> 42.
    assert texts(with_exposure(followed_up_case())) == [
        "You made a list of things you worry about doing. You try them one at a time, starting with the easiest.",
        "Your step now (2 of 3): Carrying a full shopping bag.",
        "Last time, your worry was 50 out of 100 before and 35 after.",
        "When your worry goes down, we will move up to the next step together.",
        "Your score for worry about moving went from 55 to 42. A lower number is good here."]


def test_a_step_not_tried_yet_and_no_tsk_score() -> None:
    case = replace(planned_case(), plan=replace(planned_case().plan, exposure=FearHierarchy(FEARS)))
    assert texts(case)[1:] == ["Your step now (1 of 3): Walking for 20 minutes.",
                               "You have not tried this step yet. We will plan it with you.",
                               "When your worry goes down, we will move up to the next step together."]


def test_every_step_climbed() -> None:
    done = tuple(FearExposure(a.id, date(2026, 11, 30), a.fear, 0) for a in FEARS)
    case = replace(planned_case(), plan=replace(planned_case().plan, exposure=FearHierarchy(FEARS, done)))
    assert texts(case)[1:] == ["You have done every step on your list. Well done."]


def test_no_hierarchy_no_section() -> None:
    assert section(followed_up_case()) is None


def test_the_pdf_shows_the_step_and_the_letter_never_does() -> None:
    case = with_treatment(with_exposure(followed_up_case()))
    handout = pdf_text(render_patient_handout(case, CLINIC, DAY, invariant=True))
    assert "Your step now (2 of 3): Carrying a full shopping bag." in handout
    assert "Your treatment appointments" in handout
    letter = pdf_text(render_employer_letter(case, CLINIC, DAY, invariant=True))
    assert "shopping bag" not in letter
    assert "worry" not in letter
