"""The job-match report under the disclosure decision: the notice names the recipient and exactly what the report
carries, a withheld category is one neutral line with no value, and the clinical team sees everything it can hold."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from disclosure_cases import CLINIC, DAY, DOCTOR, EMPLOYER, INSURER, C, sensitive_case, shown, with_consents, words

from rtw_planner.domain.capacity.evaluation import Effort
from rtw_planner.domain.case.model import Case, ConsentCategory
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.issuing.disclosure import Delivery, DisclosureRequest, RecipientRole
from rtw_planner.reports.match_report import render_match_report
from rtw_planner.reports.match_report_blocks import build_match_report
from rtw_planner.reports.match_report_parts import Table, Text

EVERYTHING = ("abilities, limits, schedule and adjustments; date of birth; grip strength against population norms; "
              "effort and consistency ratings; pain scores; outcome scores; capacity projections")
NO_CONSENT = ""
NEVER_EMPLOYER = "which are never sent to an employer."


def report(case: Case, recipient: str | None = None, role: RecipientRole = RecipientRole.INSURER) -> str:
    request = None if recipient is None else DisclosureRequest(recipient, role, Delivery.SENT)
    return words(render_match_report(case, CLINIC, DAY, request=request, invariant=True))


def consented(*categories: ConsentCategory, recipient: str = INSURER) -> Case:
    case = with_consents(sensitive_case(), "functional", recipient)
    extra = with_consents(case, "all", recipient).consents
    return replace(case, consents=(*case.consents, *(c for c in extra if c.category in categories)))


def test_the_clinical_teams_notice_lists_everything_the_case_holds() -> None:
    assert f"For the clinical team. It contains: {EVERYTHING}." in report(sensitive_case())
    without = replace(sensitive_case(), date_of_birth=None, outcomes=())  # no birth date, no scores: not listed
    text = report(without)
    assert ("For the clinical team. It contains: abilities, limits, schedule and adjustments; effort and "
            "consistency ratings; capacity projections.") in text  # grip norms need an age, so they go too
    assert "Date of birth Not recorded" in text
    assert "Not part of this report" not in text


def test_a_sent_report_names_the_recipient_and_exactly_what_it_carries() -> None:
    text = report(consented(C.DATE_OF_BIRTH, C.OUTCOME_SCORES), INSURER)
    assert (f"Sent to {INSURER} (insurer, board or case manager) with Tomasz Wiśniewski's consent. It contains: "
            "abilities, limits, schedule and adjustments; date of birth; outcome scores. Not part of this report: grip "
            "strength "
            "against population norms; effort and consistency ratings; pain scores; capacity projections.") in text
    assert shown(text) == {C.DATE_OF_BIRTH, C.OUTCOME_SCORES}
    assert "Date of birth 23 July 1961" in text
    to_doctor = report(consented(recipient=DOCTOR), DOCTOR, RecipientRole.HEALTH_PROFESSIONAL)
    assert f"Sent to {DOCTOR} (doctor or other health professional) with Tomasz Wiśniewski's consent." in to_doctor


def test_each_withheld_category_is_one_line_without_its_value() -> None:
    text = report(consented(), INSURER)
    for category in ("effort and consistency ratings", "grip strength against population norms", "pain scores",
                     "outcome scores", "capacity projections"):
        assert text.count(f"Not part of this report: the {category}.") == 1
    assert "Date of birth Not part of this report" in text
    assert shown(text) == set()
    # functional information is all there: the match, raw grip and capacity re-measured
    for functional in ("Lift floor to waist, occasional 20 kg 12 kg Mismatch 8 kg (40%)",
                       "Right hand: trials 40, 41, 42 kg; mean 41 kg.",
                       "1 Oct 2026: 8 kg; 12 Nov 2026: 12 kg"):
        assert functional in text
    for left_out in ("MCID", "Grip norms: Mathiowetz", "An estimate, not a promise", "feed the projections",
                     "Effort notes"):
        assert left_out not in text


def test_an_employer_never_gets_effort_or_projections_whatever_the_consents() -> None:
    everything = with_consents(sensitive_case(), "all", EMPLOYER)
    text = report(everything, EMPLOYER, RecipientRole.EMPLOYER)
    assert shown(text) == {C.DATE_OF_BIRTH, C.GRIP_NORMS, C.PAIN_SCORES, C.OUTCOME_SCORES}
    assert f"Not part of this report: the effort and consistency ratings, {NEVER_EMPLOYER}" in text
    assert f"Not part of this report: the capacity projections, {NEVER_EMPLOYER}" in text
    assert "Not part of this report: effort and consistency ratings; capacity projections." in text
    assert "not for employer-facing documents" not in text  # no box about projections above a report that has none
    assert "minimum" not in text  # the inconsistent-effort caveats are effort ratings too


def test_inconsistent_effort_caveats_follow_the_effort_consent() -> None:
    latest_inconsistent = replace(sensitive_case(), evaluations=tuple(
        replace(e, effort=Effort.INCONSISTENT) for e in sensitive_case().evaluations))
    caveats = ("The evaluator recorded inconsistent effort", "Values from an evaluation with inconsistent effort are "
               "minimums")
    with_effort = consented(C.EFFORT, C.PROJECTIONS)
    with_effort = replace(latest_inconsistent, consents=with_effort.consents)
    text = report(with_effort, INSURER)
    assert all(caveat in text for caveat in caveats)
    without = report(replace(latest_inconsistent, consents=consented(C.PROJECTIONS).consents), INSURER)
    assert not any(caveat in without for caveat in caveats)
    assert "inconsistent" not in without.lower()


def test_nothing_to_project_is_explained_to_the_team_and_not_mentioned_outside() -> None:
    capable = replace(sensitive_case(), evaluations=tuple(
        replace(e, profile=replace(e.profile, strength={k: 25.0 for k in e.profile.strength}))
        for e in sensitive_case().evaluations))
    assert "No mismatch affects an essential task, so nothing is projected." in report(capable)
    outside = report(replace(capable, consents=consented().consents), INSURER)
    assert "Capacity projections" not in outside
    assert "Not part of this report: the capacity projections" not in outside  # nothing was held back


@pytest.mark.parametrize("role", [RecipientRole.EMPLOYER, RecipientRole.INSURER, RecipientRole.HEALTH_PROFESSIONAL])
def test_sent_without_consent_is_refused(role: RecipientRole) -> None:
    with pytest.raises(ValidationError) as refused:
        report(sensitive_case(), EMPLOYER, role)
    assert refused.value.field == "delivery"


def test_the_content_defaults_to_the_clinical_team() -> None:
    title = build_match_report(sensitive_case(), CLINIC, DAY).sections[0]
    rows = dict(next(p for p in title.parts if isinstance(p, Table)).rows)
    assert rows["Date of birth"] == "23 July 1961"
    notice = title.parts[1]
    assert isinstance(notice, Text)
    assert notice.style == "notice"
    assert notice.text.startswith("For the clinical team. It contains:")


def test_an_age_outside_the_norm_table_is_said_only_where_norms_are_carried() -> None:
    young = replace(sensitive_case(), date_of_birth=date(2008, 3, 1))  # 18 at the evaluation; the norms start at 20
    line = "Right hand: trials 40, 41, 42 kg; mean 41 kg. No 'Mathiowetz (1985)' norm applies to men aged 18, so no " \
           "percentage is given."
    assert line in report(young)
    outside = report(replace(young, consents=consented().consents), INSURER)
    assert "Right hand: trials 40, 41, 42 kg; mean 41 kg. Not part of this report: the grip strength against " \
           "population norms" in outside
    assert "aged 18" not in outside
