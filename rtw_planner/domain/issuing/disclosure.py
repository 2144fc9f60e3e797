"""Who may see what: one rule set for every document, by recipient, delivery, consent and jurisdiction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from rtw_planner.domain.capacity.evaluation import Effort
from rtw_planner.domain.capacity.grip import MAX_AGE_YEARS
from rtw_planner.domain.case.jurisdiction import Jurisdiction
from rtw_planner.domain.case.model import Case, ConsentCategory
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.issuing.scheme_rules import scheme_diagnosis_rule

CLINICAL_TEAM = "Clinical team"  # the match report's internal readers: they see what the clinical record holds
PAIN_INSTRUMENTS = frozenset({"PEG", "NRS-PAIN", "NRS-INTERFERENCE"})  # their scores count as pain scores


class DocumentKind(StrEnum):
    """The documents RTW Planner prints."""

    EMPLOYER_LETTER = "employer-letter"
    PATIENT_HANDOUT = "patient-handout"
    MATCH_REPORT = "match-report"

    @property
    def label(self) -> str:
        """Plain name."""
        return {"employer-letter": "Employer letter", "patient-handout": "Patient handout",
                "match-report": "Job-match report"}[self.value]


class RecipientRole(StrEnum):
    """Who receives a document, which decides what it may never carry."""

    EMPLOYER = "employer"
    INSURER = "insurer"  # insurer, workers' compensation board or case manager
    HEALTH_PROFESSIONAL = "health_professional"  # the patient's doctor or another treating clinician
    CLINICAL_TEAM = "clinical_team"  # the clinic's own team
    PATIENT = "patient"

    @property
    def label(self) -> str:
        """Plain words."""
        return {"employer": "Employer", "insurer": "Insurer, board or case manager",
                "health_professional": "Doctor or other health professional", "clinical_team": "The clinical team",
                "patient": "The patient"}[self.value]


class Delivery(StrEnum):
    """How a document reaches its recipient."""

    PATIENT_COPY = "patient_copy"  # handed to the patient, who passes it on
    SENT = "sent"  # sent by the clinic to the recipient


# Everything each document can print at all: a category outside its set never appears in it, whatever the consents.
CARRIES: dict[DocumentKind, frozenset[ConsentCategory]] = {
    DocumentKind.EMPLOYER_LETTER: frozenset({ConsentCategory.FUNCTIONAL, ConsentCategory.DATE_OF_BIRTH,
                                             ConsentCategory.DIAGNOSIS, ConsentCategory.PAIN_SCORES,
                                             ConsentCategory.OUTCOME_SCORES}),
    DocumentKind.MATCH_REPORT: frozenset({ConsentCategory.FUNCTIONAL, ConsentCategory.DATE_OF_BIRTH,
                                          ConsentCategory.GRIP_NORMS, ConsentCategory.EFFORT,
                                          ConsentCategory.PAIN_SCORES, ConsentCategory.OUTCOME_SCORES,
                                          ConsentCategory.PROJECTIONS}),
    DocumentKind.PATIENT_HANDOUT: frozenset({ConsentCategory.FUNCTIONAL, ConsentCategory.PAIN_SCORES,
                                             ConsentCategory.OUTCOME_SCORES}),
}
# Never to an employer, even with consent: estimates read as promises, and effort ratings as a verdict on honesty.
NEVER_TO_EMPLOYER = frozenset({ConsentCategory.PROJECTIONS, ConsentCategory.EFFORT})
# The order categories are listed in, on a notice and in the dialog.
ORDER = tuple(ConsentCategory)


@dataclass(frozen=True)
class DisclosureRequest:
    """What the clinician chose: to whom (and in what role), how, the UK patient-review date, and whether a
    workers' compensation scheme's diagnosis rule is used."""

    recipient: str
    role: RecipientRole = RecipientRole.EMPLOYER
    delivery: Delivery = Delivery.PATIENT_COPY
    patient_offered_on: date | None = None
    diagnosis_by_scheme: bool = False


@dataclass(frozen=True)
class DisclosureDecision:
    """What a document carries, to whom, and why; the reports layer prints only these categories. `withheld` are
    categories the case holds and the document could carry, left out for want of consent or by rule."""

    recipient: str
    delivery: Delivery
    categories: frozenset[ConsentCategory]
    reasons: tuple[str, ...]
    diagnosis_by_scheme: bool = False
    role: RecipientRole = RecipientRole.EMPLOYER
    withheld: tuple[ConsentCategory, ...] = ()

    def allows(self, category: ConsentCategory) -> bool:
        """True when the category may appear."""
        return category in self.categories

    @property
    def internal(self) -> bool:
        """True for the clinic's own team."""
        return self.role is RecipientRole.CLINICAL_TEAM

    def listed(self) -> tuple[ConsentCategory, ...]:
        """The categories carried, in a fixed order (functional first)."""
        return tuple(c for c in ORDER if c in self.categories)

    def never_sent(self, category: ConsentCategory) -> bool:
        """True when the category stays out by rule, whatever the consents (projections and effort ratings never
        go to an employer); False when it stays out for want of a consent, or is carried."""
        return self.role is RecipientRole.EMPLOYER and category in NEVER_TO_EMPLOYER


def same_recipient(a: str, b: str) -> bool:
    """Names compared as people read them: case and runs of spaces do not matter."""
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def consented(case: Case, recipient: str, on: date) -> frozenset[ConsentCategory]:
    """Categories with a consent in force on that day for that recipient (expired or withdrawn count as none)."""
    return frozenset(c.category for c in case.consents if c.is_active(on) and same_recipient(c.recipient, recipient))


def can_send(case: Case, recipient: str, on: date) -> bool:
    """Sending needs a recorded consent to release functional information to that recipient."""
    return ConsentCategory.FUNCTIONAL in consented(case, recipient, on)


def default_request(kind: DocumentKind, case: Case) -> DisclosureRequest:
    """What a draft is rendered for when nothing was chosen: the letter as the patient's copy for the employer,
    the report for the clinical team, the handout for the patient."""
    if kind is DocumentKind.PATIENT_HANDOUT:
        return DisclosureRequest(case.patient_name, RecipientRole.PATIENT, Delivery.PATIENT_COPY)
    if kind is DocumentKind.MATCH_REPORT:
        return DisclosureRequest(CLINICAL_TEAM, RecipientRole.CLINICAL_TEAM, Delivery.SENT)
    return DisclosureRequest(case.employer or "the employer", RecipientRole.EMPLOYER, Delivery.PATIENT_COPY)


def holds(case: Case, category: ConsentCategory) -> bool:
    """True when the case holds information of that category that a document could print."""
    evaluation = case.current_evaluation
    if category is ConsentCategory.FUNCTIONAL:
        return True
    if category is ConsentCategory.DATE_OF_BIRTH:
        return case.date_of_birth is not None
    if category is ConsentCategory.GRIP_NORMS:
        age = case.age_on(evaluation.assessed_on) if evaluation is not None and evaluation.grip else None
        return case.sex is not None and age is not None and 0 <= age <= MAX_AGE_YEARS
    if category is ConsentCategory.EFFORT:
        return any(e.effort is not Effort.NOT_RECORDED for e in case.evaluations)
    if category is ConsentCategory.DIAGNOSIS:
        return bool(case.diagnosis)
    if category in (ConsentCategory.PAIN_SCORES, ConsentCategory.OUTCOME_SCORES):
        pain = category is ConsentCategory.PAIN_SCORES
        return any(r.score is not None and (r.instrument_id in PAIN_INSTRUMENTS) == pain for r in case.outcomes)
    if category is ConsentCategory.PROJECTIONS:
        from rtw_planner.domain.match.projection import essential_mismatch_projections  # the match, only when asked

        return any(p is not None for _, p in essential_mismatch_projections(case))
    return False  # clinical notes: no document prints them


def _check_roles(kind: DocumentKind, request: DisclosureRequest) -> None:
    role = request.role
    if kind is DocumentKind.PATIENT_HANDOUT and role is not RecipientRole.PATIENT:
        raise ValidationError("recipient role", role.value, "patient: the handout is the patient's own copy")
    if kind is DocumentKind.EMPLOYER_LETTER and role not in (RecipientRole.EMPLOYER, RecipientRole.INSURER):
        raise ValidationError("recipient role", role.value, "employer or insurer: the letter is written for the "
                                                            "employer, with a copy to the insurer or board")
    if kind is DocumentKind.MATCH_REPORT and role is RecipientRole.PATIENT:
        raise ValidationError("recipient role", role.value, "clinical team, insurer, health professional or "
                                                            "employer: the patient's own copy is the handout")


def _check_delivery(kind: DocumentKind, request: DisclosureRequest, given: frozenset[ConsentCategory], on: date,
                    jurisdiction: Jurisdiction) -> str:
    """The reason for the delivery, or a ValidationError when it is not allowed."""
    if request.delivery is Delivery.PATIENT_COPY:
        if kind is not DocumentKind.EMPLOYER_LETTER:
            raise ValidationError("delivery", "patient's copy", "sent with consent: only the employer letter can be "
                                                                "the patient's copy to pass on")
        return "The patient's copy, to pass on: abilities and limits only, unless a consent says more."
    if ConsentCategory.FUNCTIONAL not in given:
        if kind is DocumentKind.EMPLOYER_LETTER:
            raise ValidationError("delivery", "send", "the patient's copy only: no consent in force to release "
                                                      "functional information to this recipient; record one on "
                                                      "the Details tab")
        raise ValidationError("delivery", "send", "a consent in force to release functional information to this "
                                                  "recipient; record one on the Details tab")
    if jurisdiction.patient_review_required and request.patient_offered_on is None:
        raise ValidationError("patient offered the document on", None, "the date the patient was offered it to "
                                                                       "read before it is sent (UK practice)")
    if request.patient_offered_on is not None and request.patient_offered_on > on:
        raise ValidationError("patient offered the document on", request.patient_offered_on.isoformat(),
                              f"a date on or before the day it is sent, {on.isoformat()}")
    return "Sent by the clinic with a consent in force to release functional information to this recipient."


def _scheme(kind: DocumentKind, case: Case, request: DisclosureRequest, jurisdiction: Jurisdiction) -> str:
    """Why the scheme allows the diagnosis here, or a ValidationError saying why it does not."""
    if ConsentCategory.DIAGNOSIS not in CARRIES[kind]:
        raise ValidationError("scheme diagnosis", "on", f"off: the {kind.label.lower()} never carries a diagnosis")
    if not case.workers_comp_claim:
        raise ValidationError("scheme diagnosis", "on", "off: the case is not a workers' compensation claim "
                                                        "(Details tab)")
    if not case.diagnosis:
        raise ValidationError("scheme diagnosis", "on", "off: no diagnosis is recorded")
    rule = scheme_diagnosis_rule(jurisdiction)
    allowed = {RecipientRole.EMPLOYER: rule.employer, RecipientRole.INSURER: rule.insurer}.get(request.role, False)
    if not allowed:
        raise ValidationError("scheme diagnosis", "on", f"off: in {jurisdiction.label} the scheme does not let the "
                                                        f"diagnosis go to the {request.role.label.lower()} "
                                                        f"({rule.source})")
    return f"Workers' compensation claim: the scheme allows the diagnosis ({rule.source})"


def decide(kind: DocumentKind, case: Case, request: DisclosureRequest, on: date, *,
           jurisdiction: Jurisdiction) -> DisclosureDecision:
    """The categories a document carries to a recipient. The clinical team sees what the document can print.
    Anyone else gets functional information, plus each category with its own consent in force for that recipient,
    never projections or effort ratings if an employer, and the diagnosis without consent only where the
    jurisdiction's scheme allows it and the clinician switched it on. Only categories the case holds are carried.
    Raises ValidationError when the request is not allowed (sending without consent, a role the document does not
    go to, a scheme switch the scheme does not allow)."""
    recipient = request.recipient.strip()
    if not recipient:
        raise ValidationError("recipient", recipient, "the name of the person or organisation receiving it")
    _check_roles(kind, request)
    possible = frozenset(c for c in CARRIES[kind] if holds(case, c))
    scheme = False
    if kind is DocumentKind.PATIENT_HANDOUT:
        return DisclosureDecision(recipient, Delivery.PATIENT_COPY, possible, ("The patient's own handout.",),
                                  role=RecipientRole.PATIENT)
    if request.role is RecipientRole.CLINICAL_TEAM:
        if request.diagnosis_by_scheme:
            raise ValidationError("scheme diagnosis", "on", "off: the clinical team needs no scheme rule")
        return DisclosureDecision(recipient, Delivery.SENT, possible,
                                  ("For the clinic's own team: everything the document can hold.",),
                                  role=RecipientRole.CLINICAL_TEAM)
    given = consented(case, recipient, on)
    reasons = [_check_delivery(kind, request, given, on, jurisdiction)]
    allowed = {ConsentCategory.FUNCTIONAL} | (given & CARRIES[kind])
    if request.role is RecipientRole.EMPLOYER:
        allowed -= NEVER_TO_EMPLOYER
    reasons += [f"Consent in force to disclose the {c.label} to this recipient." for c in ORDER
                if c in allowed & possible and c is not ConsentCategory.FUNCTIONAL]
    if request.diagnosis_by_scheme:
        reason = _scheme(kind, case, request, jurisdiction)
        if ConsentCategory.DIAGNOSIS not in allowed:  # the scheme is the reason only where consent did not allow it
            allowed.add(ConsentCategory.DIAGNOSIS)
            reasons.append(reason + "; recorded in the disclosure log.")
            scheme = True
    carried = frozenset(allowed & possible)
    withheld = tuple(c for c in ORDER if c in possible - carried)
    return DisclosureDecision(recipient, request.delivery, carried, tuple(reasons), scheme, request.role, withheld)
