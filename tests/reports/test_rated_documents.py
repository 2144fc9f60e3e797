"""A mismatch on a rated demand (a DOT factor, a condition, a cognitive demand) in the letter and the match report."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

import pypdf
import pytest
from factories import followed_up_case

from rtw_planner.domain.capacity.tolerances import Tolerance
from rtw_planner.domain.case.model import Case, Clinic
from rtw_planner.domain.demands.ratings import RatedGroup, Rating
from rtw_planner.reports.employer_letter import render_employer_letter
from rtw_planner.reports.match_report import render_match_report

CLINIC = Clinic("Riverside Rehab", "1 High Street\nLeeds", "0113 496 0000", "rtw@clinic.example")
ON = date(2026, 12, 1)
STOOPING = "Stooping: no more than occasionally (up to a third of the day)"
TOLERANCES = {
    (RatedGroup.PHYSICAL, "stooping"): Tolerance(Rating.OCCASIONAL, "observed in FCE"),  # the job: Frequent
    (RatedGroup.PHYSICAL, "kneeling"): Tolerance(Rating.FREQUENT, "observed in FCE"),  # the job: Occasional
    (RatedGroup.ENVIRONMENT, "extreme_cold"): Tolerance(Rating.NOT_PRESENT, "clinician rating"),  # the job: O
    (RatedGroup.COGNITIVE, "time_pressure"): Tolerance(Rating.OCCASIONAL, "MoCA 24/30"),  # the job: Frequent
}


@pytest.fixture
def case() -> Case:
    case = followed_up_case()
    current = len(case.evaluations) - 1
    evaluations = list(case.evaluations)
    evaluations[current] = replace(evaluations[current], tolerances=TOLERANCES)
    return replace(case, evaluations=tuple(evaluations))


def words(pdf: bytes) -> str:
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    return re.sub(r"\s+", " ", text)


def test_the_letter_lists_the_rated_restrictions_without_their_sources(case: Case) -> None:
    text = words(render_employer_letter(case, CLINIC, ON, invariant=True))
    limits = text[text.index("Limits that apply for now"):]
    for expected in (
        f"{STOOPING}; the role asks for it frequently (a third to two thirds of the day).",
        "Avoid extreme cold; the role involves it occasionally (up to a third of the day).",
        "Time pressure: no more than occasionally (up to a third of the day); the role asks for it frequently",
    ):
        assert expected in limits, expected
    assert "Kneeling: no more" not in text  # tolerated Frequent, asked Occasional: no limit
    assert "MoCA" not in text
    assert "observed in FCE" not in text


def test_without_tolerances_the_letter_has_no_rated_restriction() -> None:
    text = words(render_employer_letter(followed_up_case(), CLINIC, ON, invariant=True))
    assert "Stooping" not in text


def test_the_match_report_compares_each_rated_item(case: Case) -> None:
    text = words(render_match_report(case, CLINIC, ON, invariant=True))
    section = text[text.index("Demands against tolerances"):]
    for expected in (
        "recorded at the evaluation of 20 Nov 2026, Priya Shah, Physiotherapist; WorkWell FCE (re-test);",
        "Stooping Frequent Occasional Mismatch needs Frequent, tolerates Occasional observed in FCE",
        "Kneeling Occasional Frequent Match",
        "Extreme Cold Occasional Not at all Mismatch needs Occasional, tolerates Not at all clinician rating",
        "Time pressure Frequent Occasional Mismatch needs Frequent, tolerates Occasional MoCA 24/30",
        "Climbing Occasional — Not tested",
        "Restrictions these give:", STOOPING, "Avoid extreme cold",
    ):
        assert expected in section, expected
    # measured: 9 match, 5 mismatch, 2 not tested; rated: 25 items, 1 match, 3 mismatches, 21 not tested
    assert "10 match, 8 mismatch, 23 not tested" in text


def test_a_cognitive_source_stays_with_the_clinical_team(case: Case) -> None:
    from disclosure_cases import INSURER, with_consents

    from rtw_planner.domain.issuing.disclosure import Delivery, DisclosureRequest, RecipientRole

    sent = with_consents(case, "functional", INSURER)
    request = DisclosureRequest(INSURER, RecipientRole.INSURER, Delivery.SENT)
    text = words(render_match_report(sent, CLINIC, ON, request=request, invariant=True))
    assert "Time pressure Frequent Occasional Mismatch needs Frequent, tolerates Occasional Assessed by the clinic" \
        in text
    assert "MoCA" not in text
    assert "Stooping Frequent Occasional Mismatch needs Frequent, tolerates Occasional observed in FCE" in text
