"""Privacy canaries for every document x recipient x consent state: each sensitive field reaches a PDF exactly when
the issue's rules allow it. The expected tables are written out by hand from the rules, not computed by `decide`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from disclosure_cases import (
    CLINIC,
    DAY,
    DOCTOR,
    EMPLOYER,
    INSURER,
    SENSITIVE,
    STATES,
    C,
    sensitive_case,
    shown,
    with_consents,
    words,
)

from rtw_planner.domain.case.model import ConsentCategory
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.issuing.disclosure import (
    CLINICAL_TEAM,
    Delivery,
    DisclosureRequest,
    DocumentKind,
    RecipientRole,
    decide,
)
from rtw_planner.reports.employer_letter import render_employer_letter
from rtw_planner.reports.handout import render_patient_handout
from rtw_planner.reports.match_report import render_match_report

Allowed = frozenset[ConsentCategory] | None  # None: the request is refused and nothing is rendered
REFUSED: Allowed = None
NOTHING: Allowed = frozenset()
DOB, GRIP, EFFORT, DIAGNOSIS = C.DATE_OF_BIRTH, C.GRIP_NORMS, C.EFFORT, C.DIAGNOSIS
PAIN, OUTCOME, PROJECTIONS = C.PAIN_SCORES, C.OUTCOME_SCORES, C.PROJECTIONS
# What each document prints when it is allowed to.
PRINTS = {"report": frozenset({DOB, GRIP, EFFORT, PAIN, OUTCOME, PROJECTIONS}),
          "letter": frozenset({DOB, DIAGNOSIS, PAIN, OUTCOME}), "handout": frozenset()}
LAPSED = {"all expired": REFUSED, "all withdrawn": REFUSED, "all for another recipient": REFUSED}

# The match report sent outside the clinical team: functional consent first, then one consent per category; the
# diagnosis and clinical notes never.
REPORT_OUTSIDE: dict[str, Allowed] = {
    "none": REFUSED,
    "functional": NOTHING,
    "functional+date_of_birth": frozenset({DOB}),
    "functional+grip_norms": frozenset({GRIP}),
    "functional+effort": frozenset({EFFORT}),
    "functional+diagnosis": NOTHING,
    "functional+pain_scores": frozenset({PAIN}),
    "functional+outcome_scores": frozenset({OUTCOME}),
    "functional+clinical_notes": NOTHING,
    "functional+projections": frozenset({PROJECTIONS}),
    **{f"{c.value} alone": REFUSED for c in SENSITIVE},  # sending needs the consent to functional information
    "all": frozenset({DOB, GRIP, EFFORT, PAIN, OUTCOME, PROJECTIONS}),
    **LAPSED,
}
# To an employer the same, except that projections and effort ratings never go, whatever the consents.
REPORT_EMPLOYER: dict[str, Allowed] = {
    **REPORT_OUTSIDE,
    "functional+effort": NOTHING,
    "functional+projections": NOTHING,
    "all": frozenset({DOB, GRIP, PAIN, OUTCOME}),
}
REPORT_TEAM = frozenset({DOB, GRIP, EFFORT, PAIN, OUTCOME, PROJECTIONS})  # whatever the consents
# The employer letter handed to the patient to pass on: functional information always; a category needs its own
# consent for that employer; it never carries grip norms, effort or projections.
LETTER_COPY: dict[str, Allowed] = {
    "none": NOTHING,
    "functional": NOTHING,
    "functional+date_of_birth": frozenset({DOB}),
    "functional+grip_norms": NOTHING,
    "functional+effort": NOTHING,
    "functional+diagnosis": frozenset({DIAGNOSIS}),
    "functional+pain_scores": frozenset({PAIN}),
    "functional+outcome_scores": frozenset({OUTCOME}),
    "functional+clinical_notes": NOTHING,
    "functional+projections": NOTHING,
    "date_of_birth alone": frozenset({DOB}),
    "grip_norms alone": NOTHING,
    "effort alone": NOTHING,
    "diagnosis alone": frozenset({DIAGNOSIS}),
    "pain_scores alone": frozenset({PAIN}),
    "outcome_scores alone": frozenset({OUTCOME}),
    "clinical_notes alone": NOTHING,
    "projections alone": NOTHING,
    "all": frozenset({DOB, DIAGNOSIS, PAIN, OUTCOME}),
    "all expired": NOTHING,
    "all withdrawn": NOTHING,
    "all for another recipient": NOTHING,
}
# The letter sent by the clinic: as the patient's copy, but only with a consent to functional information in force.
LETTER_SENT: dict[str, Allowed] = {
    **LETTER_COPY,
    "none": REFUSED,
    **{f"{c.value} alone": REFUSED for c in SENSITIVE},
    **LAPSED,
}
HANDOUT = frozenset({PAIN, OUTCOME})  # the patient's own scores, whatever the consents


@dataclass(frozen=True)
class Route:
    """A document going to a recipient in a role, by a delivery."""

    document: str
    recipient: str
    role: RecipientRole
    delivery: Delivery = Delivery.SENT

    def render(self, state: str) -> str:
        case = with_consents(sensitive_case(), state, self.recipient)
        request = DisclosureRequest(self.recipient, self.role, self.delivery)
        renderers: dict[str, Callable[[], bytes]] = {
            "report": lambda: render_match_report(case, CLINIC, DAY, request=request, invariant=True),
            "letter": lambda: render_employer_letter(case, CLINIC, DAY, request=request, invariant=True),
            "handout": lambda: render_patient_handout(case, CLINIC, DAY, invariant=True),
        }
        return words(renderers[self.document]())


TO_TEAM = Route("report", CLINICAL_TEAM, RecipientRole.CLINICAL_TEAM)
CASES = [
    *((Route("report", INSURER, RecipientRole.INSURER), s, REPORT_OUTSIDE[s]) for s in STATES),
    *((Route("report", DOCTOR, RecipientRole.HEALTH_PROFESSIONAL), s, REPORT_OUTSIDE[s]) for s in STATES),
    *((Route("report", EMPLOYER, RecipientRole.EMPLOYER), s, REPORT_EMPLOYER[s]) for s in STATES),
    *((TO_TEAM, s, REPORT_TEAM) for s in ("none", "functional", "all withdrawn", "all for another recipient")),
    *((Route("letter", EMPLOYER, RecipientRole.EMPLOYER, Delivery.PATIENT_COPY), s, LETTER_COPY[s]) for s in STATES),
    *((Route("letter", EMPLOYER, RecipientRole.EMPLOYER), s, LETTER_SENT[s]) for s in STATES),
    *((Route("letter", INSURER, RecipientRole.INSURER), s, LETTER_SENT[s]) for s in STATES),
    *((Route("handout", "Tomasz Wiśniewski", RecipientRole.PATIENT), s, HANDOUT)
      for s in ("none", "functional", "all", "all withdrawn", "all for another recipient")),
]


def route_id(value: object) -> str:
    if isinstance(value, Route):
        return f"{value.document}-{value.role.value}-{value.delivery.value}"
    if value is REFUSED:
        return "refused"
    if isinstance(value, frozenset):
        return "+".join(sorted(c.value for c in value)) or "functional-only"
    return str(value)


@pytest.mark.parametrize(("route", "state", "allowed"), CASES, ids=route_id)
def test_each_sensitive_field_appears_exactly_when_allowed(route: Route, state: str, allowed: Allowed) -> None:
    if allowed is REFUSED:
        with pytest.raises(ValidationError):
            route.render(state)
        return
    text = route.render(state)
    assert "Tomasz Wiśniewski" in text
    found = shown(text)
    assert found - allowed == set(), f"leaked: {sorted(found - allowed)}"
    assert (allowed & PRINTS[route.document]) - found == set(), f"missing: {sorted(allowed - found)}"
    assert DIAGNOSIS not in found or route.document == "letter"
    assert C.CLINICAL_NOTES not in found


@pytest.mark.parametrize(("document", "role"), [
    ("report", RecipientRole.PATIENT),  # the patient's own copy is the handout
    ("letter", RecipientRole.HEALTH_PROFESSIONAL), ("letter", RecipientRole.CLINICAL_TEAM),
    ("letter", RecipientRole.PATIENT),
])
def test_a_document_is_refused_to_a_role_it_does_not_go_to(document: str, role: RecipientRole) -> None:
    with pytest.raises(ValidationError) as refused:
        Route(document, "Someone", role).render("all")
    assert refused.value.field == "recipient role"


@pytest.mark.parametrize("role", [r for r in RecipientRole if r is not RecipientRole.PATIENT])
def test_the_handout_goes_to_the_patient_only(role: RecipientRole) -> None:
    case = with_consents(sensitive_case(), "all", EMPLOYER)
    with pytest.raises(ValidationError) as refused:
        decide(DocumentKind.PATIENT_HANDOUT, case, DisclosureRequest(EMPLOYER, role, Delivery.SENT), DAY,
               jurisdiction=CLINIC.jurisdiction)
    assert refused.value.field == "recipient role"


def test_the_canaries_are_all_in_the_case() -> None:
    """Each canary is found in the clinical team's report (or, for the diagnosis, the letter with consent), so a
    missing canary elsewhere means the field was left out, not that the case lacked it."""
    assert shown(TO_TEAM.render("none")) == REPORT_TEAM
    letter = Route("letter", EMPLOYER, RecipientRole.EMPLOYER, Delivery.PATIENT_COPY).render("all")
    assert shown(letter) == {DOB, DIAGNOSIS, PAIN, OUTCOME}
