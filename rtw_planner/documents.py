"""Documents as a service for the CLI and the GUI: render a draft, or issue it under the consent rules and log it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

from rtw_planner.domain.case import Case, Clinic, ConsentCategory
from rtw_planner.domain.disclosure import Delivery, DisclosureDecision, consented, decide

if TYPE_CHECKING:
    import peewee

    from rtw_planner.db.document_log import IssuedDocument


CLINICAL_TEAM = "Clinical team"  # the report's internal readers: they see what the clinical record holds


def is_clinical_team(recipient: str | None) -> bool:
    """True for the clinic's own team (no recipient, or the name CLINICAL_TEAM)."""
    return recipient is None or " ".join(recipient.casefold().split()) == CLINICAL_TEAM.casefold()


class Kind(StrEnum):
    """The documents RTW Planner prints."""

    EMPLOYER_LETTER = "employer-letter"
    PATIENT_HANDOUT = "patient-handout"
    MATCH_REPORT = "match-report"

    @property
    def label(self) -> str:
        """Plain name."""
        return {"employer-letter": "Employer letter", "patient-handout": "Patient handout",
                "match-report": "Job-match report"}[self.value]


@dataclass(frozen=True)
class IssueRequest:
    """What the clinician chose when issuing: to whom, how, and the UK patient-review date."""

    recipient: str
    delivery: Delivery = Delivery.PATIENT_COPY
    patient_offered_on: date | None = None
    diagnosis_by_scheme: bool = False


def decision_for(kind: Kind, case: Case, clinic: Clinic, request: IssueRequest | None,
                 today: date) -> DisclosureDecision:
    """The disclosure decision a document is rendered under. The handout is the patient's own copy; the report
    and the letter carry functional information unless a consent in force allows more."""
    if kind is Kind.PATIENT_HANDOUT:
        return DisclosureDecision(case.patient_name, Delivery.PATIENT_COPY, frozenset({ConsentCategory.FUNCTIONAL}),
                                  ("The patient's own handout.",))
    if kind is Kind.MATCH_REPORT:
        recipient = request.recipient if request else CLINICAL_TEAM
        internal = is_clinical_team(recipient)
        categories = {ConsentCategory.FUNCTIONAL}
        reasons = ["Functional information: the report never includes the diagnosis or clinical notes."]
        given = consented(case, recipient, today)
        for category, what in ((ConsentCategory.PROJECTIONS, "Capacity projections, as estimates"),
                               (ConsentCategory.OUTCOME_SCORES, "Outcome scores"),
                               (ConsentCategory.PAIN_SCORES, "Pain scores")):
            if internal or category in given:  # the report applies the same rule when it is built
                categories.add(category)
                reasons.append(f"{what} (the clinical team, or consent in force).")
        delivery = request.delivery if request else Delivery.SENT
        return DisclosureDecision(recipient, delivery, frozenset(categories), tuple(reasons))
    recipient = request.recipient if request else (case.employer or "the employer")
    delivery = request.delivery if request else Delivery.PATIENT_COPY
    return decide(case, recipient, delivery, today, jurisdiction=clinic.jurisdiction,
                  patient_offered_on=request.patient_offered_on if request else None,
                  diagnosis_by_scheme=request.diagnosis_by_scheme if request else False)


def render(kind: Kind, case: Case, clinic: Clinic, *, today: date | None = None,
           request: IssueRequest | None = None, large_print: bool = False, invariant: bool = False) -> bytes:
    """The document as PDF bytes (reportlab loads here, on first use)."""
    today = today or date.today()
    if kind is Kind.EMPLOYER_LETTER:
        from rtw_planner.reports.employer_letter import render_employer_letter

        if request is None:
            return render_employer_letter(case, clinic, today, invariant=invariant)
        return render_employer_letter(case, clinic, today, invariant=invariant, recipient=request.recipient,
                                      delivery=request.delivery, patient_offered_on=request.patient_offered_on,
                                      diagnosis_by_scheme=request.diagnosis_by_scheme)
    if kind is Kind.PATIENT_HANDOUT:
        from rtw_planner.reports.handout import render_patient_handout

        return render_patient_handout(case, clinic, today, large_print=large_print, invariant=invariant)
    from rtw_planner.reports.match_report import render_match_report

    recipient = request.recipient if request else None
    return render_match_report(case, clinic, today, invariant=invariant,
                               recipient=None if is_clinical_team(recipient) else recipient)


def issue(db: peewee.Database, kind: Kind, case: Case, clinic: Clinic, request: IssueRequest, *,
          today: date | None = None, large_print: bool = False) -> tuple[IssuedDocument, bytes]:
    """Render under the consent rules, keep the exact PDF in the disclosure log, and mark the plan version as
    issued. The case must be saved. Raises ValidationError when the rules do not allow it (nothing is logged)."""
    from rtw_planner.db.document_log import DocumentLog
    from rtw_planner.db.repository import CaseRepository

    if case.id is None:
        raise ValueError("only a saved case can be issued")
    today = today or date.today()
    decision = decision_for(kind, case, clinic, request, today)
    pdf = render(kind, case, clinic, today=today, request=request, large_print=large_print)
    with db.atomic():
        version = CaseRepository(db).issue_plan(case.id) if not case.plan.is_empty() else None
        entry = DocumentLog(db).record(
            case.id, kind.value, decision.recipient, decision.delivery.value,
            [c.value for c in decision.categories], case.clinician.name if case.clinician else "", pdf,
            patient_offered_on=request.patient_offered_on, diagnosis_by_scheme=decision.diagnosis_by_scheme,
            plan_version=version)
    return entry, pdf
