"""Documents as a service for the CLI and the GUI: the pre-flight, a draft, or an issued document in the log."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from rtw_planner.domain.case.model import Case, Clinic
from rtw_planner.domain.issuing.disclosure import (
    DisclosureDecision,
    DisclosureRequest,
    DocumentKind,
    decide,
    default_request,
)
from rtw_planner.domain.issuing.options import RenderOptions
from rtw_planner.domain.issuing.preflight import Preflight, PreflightError, preflight

if TYPE_CHECKING:
    import peewee

    from rtw_planner.db.document_log import IssuedDocument



def decision_for(kind: DocumentKind, case: Case, clinic: Clinic, request: DisclosureRequest | None,
                 today: date) -> DisclosureDecision:
    """The disclosure decision a document is rendered under (the default request when none is given)."""
    return decide(kind, case, request or default_request(kind, case), today, jurisdiction=clinic.jurisdiction)


def check(kind: DocumentKind, case: Case, clinic: Clinic, request: DisclosureRequest | None,
          today: date | None = None) -> Preflight:
    """Every blocking problem and warning for issuing this document today."""
    return preflight(kind, case, request or default_request(kind, case), today or date.today(), clinic=clinic)


def render(kind: DocumentKind, case: Case, clinic: Clinic, *, today: date | None = None,
           request: DisclosureRequest | None = None, options: RenderOptions | None = None,
           invariant: bool = False) -> bytes:
    """The document as PDF bytes, a draft unless the options say otherwise (reportlab loads here, on first use).
    Raises ValidationError when the disclosure rules do not allow the request."""
    today = today or date.today()
    options = options or RenderOptions()
    if kind is DocumentKind.EMPLOYER_LETTER:
        from rtw_planner.reports.employer_letter import render_employer_letter

        return render_employer_letter(case, clinic, today, request=request, options=options, invariant=invariant)
    if kind is DocumentKind.PATIENT_HANDOUT:
        from rtw_planner.reports.handout import render_patient_handout

        if request is not None:  # the handout goes to the patient only: any other request is refused
            decision_for(kind, case, clinic, request, today)
        return render_patient_handout(case, clinic, today, options=options, invariant=invariant)
    from rtw_planner.reports.match_report import render_match_report

    return render_match_report(case, clinic, today, request=request, options=options, invariant=invariant)


def issue(db: peewee.Database, kind: DocumentKind, case: Case, clinic: Clinic, request: DisclosureRequest, *,
          today: date | None = None, options: RenderOptions | None = None,
          source_sha256: str | None = None) -> tuple[IssuedDocument, bytes]:
    """Issue the document: the pre-flight first (PreflightError lists every blocking problem and nothing is
    written), then the PDF without a draft mark, kept in the disclosure log, and the plan version it was made
    from marked as issued. A stored case is logged by its id; a case read from a file (no id) by the file's
    SHA-256, and no stored case is touched."""
    from rtw_planner.db.document_log import DocumentLog
    from rtw_planner.db.repository import CaseRepository

    if (case.id is None) == (source_sha256 is None):
        raise ValueError("issue a stored case, or a case file with its SHA-256")
    today = today or date.today()
    result = check(kind, case, clinic, request, today)
    if not result.can_issue:
        raise PreflightError(result)
    decision = decision_for(kind, case, clinic, request, today)
    final = replace(options or RenderOptions(), draft=False)
    pdf = render(kind, case, clinic, today=today, request=request, options=final)
    with db.atomic():
        version = None
        if case.id is not None and not case.plan.is_empty():
            version = CaseRepository(db).issue_plan(case.id)
        entry = DocumentLog(db).record(
            case.id, kind.value, decision.recipient, decision.delivery.value,
            [c.value for c in decision.categories], case.clinician.name if case.clinician else "", pdf,
            patient_offered_on=request.patient_offered_on, diagnosis_by_scheme=decision.diagnosis_by_scheme,
            plan_version=version, source_sha256=source_sha256, recipient_role=decision.role.value)
    return entry, pdf
