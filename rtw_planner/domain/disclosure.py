"""Who may see what: consent rules for documents leaving the clinic, by jurisdiction and delivery."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from rtw_planner.domain.case import Case, ConsentCategory
from rtw_planner.domain.errors import ValidationError
from rtw_planner.domain.jurisdiction import Jurisdiction


class Delivery(StrEnum):
    """How a letter reaches the employer."""

    PATIENT_COPY = "patient_copy"  # handed to the patient, who passes it on
    SENT = "sent"  # sent by the clinic to the recipient


# Categories an employer-facing document may carry with consent; projections never (issue: plans).
EMPLOYER_CONSENTABLE = (ConsentCategory.DIAGNOSIS, ConsentCategory.PAIN_SCORES, ConsentCategory.OUTCOME_SCORES,
                        ConsentCategory.CLINICAL_NOTES)


@dataclass(frozen=True)
class DisclosureDecision:
    """What a document may disclose to whom, and why; the reports layer prints only these categories."""

    recipient: str
    delivery: Delivery
    categories: frozenset[ConsentCategory]
    reasons: tuple[str, ...]
    diagnosis_by_scheme: bool = False

    def allows(self, category: ConsentCategory) -> bool:
        """True when the category may appear."""
        return category in self.categories


def _same(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def consented(case: Case, recipient: str, on: date) -> frozenset[ConsentCategory]:
    """Categories with a consent in force on that day for that recipient (expired or withdrawn count as none)."""
    return frozenset(c.category for c in case.consents if c.is_active(on) and _same(c.recipient, recipient))


def can_send(case: Case, recipient: str, on: date) -> bool:
    """Sending needs a recorded consent to release functional information to that recipient."""
    return ConsentCategory.FUNCTIONAL in consented(case, recipient, on)


def decide(case: Case, recipient: str, delivery: Delivery, on: date, *, jurisdiction: Jurisdiction,
           patient_offered_on: date | None = None, diagnosis_by_scheme: bool = False) -> DisclosureDecision:
    """The categories an employer document may carry. Functional information is the letter itself; everything
    else needs a consent for that category and recipient, except a diagnosis a workers' compensation scheme
    requires, which must be switched on for the case. Raises ValidationError when sending is not allowed."""
    recipient = recipient.strip()
    if not recipient:
        raise ValidationError("recipient", recipient, "the name of the person or organisation receiving it")
    given = consented(case, recipient, on)
    reasons = []
    if delivery is Delivery.SENT:
        if ConsentCategory.FUNCTIONAL not in given:
            raise ValidationError("delivery", "send to " + recipient, "the patient's copy only: no consent in force "
                                  f"to release functional information to {recipient}")
        if jurisdiction.patient_review_required and patient_offered_on is None:
            raise ValidationError("patient offered the letter on", None, "the date the patient was offered the "
                                  "letter to read before it is sent (UK practice)")
        if patient_offered_on is not None and patient_offered_on > on:
            raise ValidationError("patient offered the letter on", patient_offered_on.isoformat(),
                                  f"a date on or before the day it is sent, {on.isoformat()}")
        reasons.append(f"Consent in force to release functional information to {recipient}.")
    else:
        reasons.append("The patient's copy, to pass on: functional information only unless consent says more.")
    categories = {ConsentCategory.FUNCTIONAL}
    for category in EMPLOYER_CONSENTABLE:
        if category in given and (category is not ConsentCategory.DIAGNOSIS or case.diagnosis):
            categories.add(category)
            reasons.append(f"Consent in force to disclose {category.value.replace('_', ' ')} to {recipient}.")
    # The scheme is the reason only where consent did not already allow the diagnosis.
    scheme = bool(diagnosis_by_scheme and case.workers_comp_claim and case.diagnosis
                  and ConsentCategory.DIAGNOSIS not in categories)
    if scheme:
        categories.add(ConsentCategory.DIAGNOSIS)
        reasons.append("Workers' compensation claim: the scheme requires the diagnosis (switched on for this "
                       "document and recorded in the disclosure log).")
    return DisclosureDecision(recipient, delivery, frozenset(categories), tuple(reasons), scheme)
