"""Disclosure rules: who may see which categories, by consent, date, delivery, jurisdiction and scheme."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rtw_planner.domain.case.jurisdiction import Jurisdiction
from rtw_planner.domain.case.model import Case, Consent, ConsentCategory
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.issuing.disclosure import Delivery as Delivery
from rtw_planner.domain.issuing.disclosure import (
    DisclosureDecision,
    DisclosureRequest,
    DocumentKind,
    RecipientRole,
    can_send,
    consented,
)
from rtw_planner.domain.issuing.disclosure import decide as decide_any

EMPLOYER = "Northgate Distribution Ltd"
DAY = date(2026, 12, 1)
F, D, P = ConsentCategory.FUNCTIONAL, ConsentCategory.DIAGNOSIS, ConsentCategory.PROJECTIONS
GENERIC = Jurisdiction.GENERIC
US = Jurisdiction.US  # its scheme lets the diagnosis go to the employer (resources/disclosure)


def decide(subject: Case, recipient: str, delivery: Delivery, on: date, *, jurisdiction: Jurisdiction,
           patient_offered_on: date | None = None, diagnosis_by_scheme: bool = False) -> DisclosureDecision:
    """The employer letter's decision, as the letter asks for it."""
    request = DisclosureRequest(recipient, RecipientRole.EMPLOYER, delivery, patient_offered_on, diagnosis_by_scheme)
    return decide_any(DocumentKind.EMPLOYER_LETTER, subject, request, on, jurisdiction=jurisdiction)


def consent(category: ConsentCategory = F, recipient: str = EMPLOYER, given_on: date = date(2026, 11, 1),
            expiry: date | None = None, withdrawn_on: date | None = None) -> Consent:
    return Consent(category, recipient, "return to work", given_on, expiry, withdrawn_on)


def case(*consents: Consent, workers_comp: bool = False) -> Case:
    return Case("Marek Dąbrowski", employer=EMPLOYER, diagnosis="Low back pain", consents=consents,
                workers_comp_claim=workers_comp)


@pytest.mark.parametrize("recipient", ["northgate distribution ltd", "  NORTHGATE   Distribution  Ltd ",
                                       "Northgate\tDistribution Ltd"])
def test_recipient_matching_ignores_case_and_extra_spaces(recipient: str) -> None:
    subject = case(consent(F), consent(D, recipient="Northgate  Distribution  LTD"))
    assert consented(subject, recipient, DAY) == {F, D}
    assert can_send(subject, recipient, DAY)


def test_consent_for_another_recipient_does_not_count() -> None:
    subject = case(consent(F, recipient="Acme Insurance"), consent(D, recipient="Acme Insurance"))
    assert consented(subject, EMPLOYER, DAY) == frozenset()
    assert not can_send(subject, EMPLOYER, DAY)
    assert decide(subject, EMPLOYER, Delivery.PATIENT_COPY, DAY, jurisdiction=GENERIC).categories == {F}
    assert consented(subject, "Northgate", DAY) == frozenset()  # a prefix is not the same recipient


@pytest.mark.parametrize(("expiry", "withdrawn", "active"), [
    (DAY, None, True),  # the expiry day itself still counts
    (DAY - timedelta(days=1), None, False),  # the day after expiry: none
    (None, DAY + timedelta(days=1), True),  # withdrawn tomorrow: still in force today
    (None, DAY, False),  # withdrawn today: none
    (None, DAY - timedelta(days=3), False),  # withdrawn before: none
])
def test_expired_or_withdrawn_consent_counts_as_none(expiry: date | None, withdrawn: date | None,
                                                     active: bool) -> None:
    subject = case(consent(F, expiry=expiry, withdrawn_on=withdrawn), consent(D, expiry=expiry, withdrawn_on=withdrawn))
    assert can_send(subject, EMPLOYER, DAY) is active
    categories = decide(subject, EMPLOYER, Delivery.PATIENT_COPY, DAY, jurisdiction=GENERIC).categories
    assert (D in categories) is active


def test_consent_given_after_the_letter_date_does_not_count() -> None:
    subject = case(consent(F, given_on=DAY + timedelta(days=1)), consent(D, given_on=DAY + timedelta(days=1)))
    assert consented(subject, EMPLOYER, DAY) == frozenset()
    assert consented(subject, EMPLOYER, DAY + timedelta(days=1)) == {F, D}
    with pytest.raises(ValidationError):
        decide(subject, EMPLOYER, Delivery.SENT, DAY, jurisdiction=GENERIC)


def test_sending_without_functional_consent_names_delivery() -> None:
    subject = case(consent(D))  # a diagnosis consent alone does not allow sending
    with pytest.raises(ValidationError) as caught:
        decide(subject, EMPLOYER, Delivery.SENT, DAY, jurisdiction=GENERIC)
    assert caught.value.field == "delivery"
    assert "delivery" in str(caught.value)
    patient_copy = decide(subject, EMPLOYER, Delivery.PATIENT_COPY, DAY, jurisdiction=GENERIC)
    assert patient_copy.delivery is Delivery.PATIENT_COPY


def test_uk_sending_needs_the_day_the_patient_was_offered_the_letter() -> None:
    subject = case(consent(F))
    with pytest.raises(ValidationError) as caught:
        decide(subject, EMPLOYER, Delivery.SENT, DAY, jurisdiction=Jurisdiction.UK)
    assert "offered" in caught.value.field
    sent = decide(subject, EMPLOYER, Delivery.SENT, DAY, jurisdiction=Jurisdiction.UK, patient_offered_on=DAY)
    assert sent.delivery is Delivery.SENT
    assert decide(subject, EMPLOYER, Delivery.PATIENT_COPY, DAY, jurisdiction=Jurisdiction.UK).categories == {F}


def test_uk_review_date_after_the_sending_day_is_refused() -> None:
    """The patient is offered the letter before it is sent: a later date is no evidence of that."""
    with pytest.raises(ValidationError):
        decide(case(consent(F)), EMPLOYER, Delivery.SENT, DAY, jurisdiction=Jurisdiction.UK,
               patient_offered_on=DAY + timedelta(days=7))


@pytest.mark.parametrize("jurisdiction", [j for j in Jurisdiction if j is not Jurisdiction.UK])
def test_other_jurisdictions_send_without_the_review_date(jurisdiction: Jurisdiction) -> None:
    assert not jurisdiction.patient_review_required
    sent = decide(case(consent(F)), EMPLOYER, Delivery.SENT, DAY, jurisdiction=jurisdiction)
    assert sent.delivery is Delivery.SENT
    assert sent.categories == {F}


@pytest.mark.parametrize(("claim", "switch", "included"), [(False, False, False), (True, False, False),
                                                            (True, True, True)])
def test_scheme_diagnosis_needs_both_the_claim_and_the_switch(claim: bool, switch: bool, included: bool) -> None:
    decision = decide(case(workers_comp=claim), EMPLOYER, Delivery.PATIENT_COPY, DAY, jurisdiction=US,
                      diagnosis_by_scheme=switch)
    assert decision.allows(D) is included
    assert decision.diagnosis_by_scheme is included
    assert decision.categories == ({F, D} if included else {F})


def test_the_scheme_switch_on_a_case_that_is_no_claim_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        decide(case(workers_comp=False), EMPLOYER, Delivery.PATIENT_COPY, DAY, jurisdiction=US,
               diagnosis_by_scheme=True)
    assert "compensation claim" in caught.value.allowed


def test_projections_are_never_disclosed_even_with_consent() -> None:
    everything = tuple(consent(c) for c in ConsentCategory)
    decision = decide(case(*everything, workers_comp=True), EMPLOYER, Delivery.SENT, DAY, jurisdiction=US,
                      diagnosis_by_scheme=True)
    assert P in consented(case(*everything), EMPLOYER, DAY)
    assert not decision.allows(P)
    assert decision.categories == {F, D}  # the only categories this case holds that a letter can carry


def test_blank_recipient_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        decide(case(consent(F)), "   ", Delivery.PATIENT_COPY, DAY, jurisdiction=GENERIC)
    assert caught.value.field == "recipient"


@pytest.mark.parametrize("jurisdiction", [Jurisdiction.CANADA_ONTARIO, Jurisdiction.UK, GENERIC])
def test_where_the_scheme_keeps_the_diagnosis_from_employers_the_switch_is_refused(jurisdiction: Jurisdiction) -> None:
    """Ontario's WSIB Functional Abilities Form carries no diagnosis; the UK and generic clinics have no scheme."""
    with pytest.raises(ValidationError) as caught:
        decide(case(workers_comp=True), EMPLOYER, Delivery.PATIENT_COPY, DAY, jurisdiction=jurisdiction,
               diagnosis_by_scheme=True)
    assert caught.value.field == "scheme diagnosis"


def test_ontario_scheme_lets_the_diagnosis_go_to_the_board() -> None:
    subject = case(consent(F, recipient="WSIB"), workers_comp=True)
    request = DisclosureRequest("WSIB", RecipientRole.INSURER, Delivery.SENT, None, True)
    decision = decide_any(DocumentKind.EMPLOYER_LETTER, subject, request, DAY, jurisdiction=Jurisdiction.CANADA_ONTARIO)
    assert decision.categories == {F, D}
    assert decision.diagnosis_by_scheme


RECIPIENTS = st.sampled_from([EMPLOYER, "northgate distribution  ltd", "Acme Insurance", "GP"])
OFFSETS = st.none() | st.integers(min_value=0, max_value=60)


@st.composite
def consents(draw: st.DrawFn) -> Consent:
    given_on = DAY + timedelta(days=draw(st.integers(min_value=-60, max_value=30)))
    expiry, withdrawn = draw(OFFSETS), draw(OFFSETS)
    return consent(draw(st.sampled_from(list(ConsentCategory))), draw(RECIPIENTS), given_on,
                   None if expiry is None else given_on + timedelta(days=expiry),
                   None if withdrawn is None else given_on + timedelta(days=withdrawn))


def in_force(c: Consent, recipient: str, on: date) -> bool:
    """An independent reading of the rules, to compare with decide."""
    same = c.recipient.lower().split() == recipient.lower().split()
    return same and c.date_given <= on and (c.expiry is None or on <= c.expiry) and (
        c.withdrawn_on is None or on < c.withdrawn_on)


@settings(max_examples=300, deadline=None)
@given(st.lists(consents(), max_size=8), RECIPIENTS, st.integers(min_value=-30, max_value=90), st.booleans(),
       st.booleans())
def test_categories_never_exceed_consent_and_scheme(found: list[Consent], recipient: str, shift: int, claim: bool,
                                                    switch: bool) -> None:
    on = DAY + timedelta(days=shift)
    subject = replace(case(*found), workers_comp_claim=claim)
    decision = decide(subject, recipient, Delivery.PATIENT_COPY, on, jurisdiction=US,
                      diagnosis_by_scheme=switch and claim)
    active = {c.category for c in found if in_force(c, recipient, on)}
    held = {F, D}  # the case has a diagnosis and nothing else beyond the functional picture
    allowed = ({F} | active | ({D} if claim and switch else set())) & held
    assert decision.categories <= allowed
    assert P not in decision.categories
    assert decision.categories >= ({F} | active) & held
    if F in active:
        assert decide(subject, recipient, Delivery.SENT, on, jurisdiction=GENERIC).delivery is Delivery.SENT
    else:
        with pytest.raises(ValidationError):
            decide(subject, recipient, Delivery.SENT, on, jurisdiction=GENERIC)
