"""The disclosure log: what was issued, to whom, when, with which categories, and the exact PDF."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime

import peewee as pw

from rtw_planner.db.repository import NotFoundError
from rtw_planner.db.tables import IssuedDocumentRow


@dataclass(frozen=True)
class IssuedDocument:
    """One entry of the disclosure log (the PDF itself is read with `DocumentLog.pdf`)."""

    id: int
    case_id: int
    kind: str
    issued_at: datetime
    recipient: str
    delivery: str
    categories: tuple[str, ...]
    clinician: str
    patient_offered_on: date | None
    diagnosis_by_scheme: bool
    plan_version: int | None
    sha256: str


class DocumentLog:
    """Issued documents: what went to whom, when, with which categories, and the exact PDF."""

    def __init__(self, db: pw.Database) -> None:
        self.db = db

    def record(self, case_id: int, kind: str, recipient: str, delivery: str, categories: list[str], clinician: str,
               pdf: bytes, *, patient_offered_on: date | None = None, diagnosis_by_scheme: bool = False,
               plan_version: int | None = None) -> IssuedDocument:
        """Log an issued document in one transaction; returns the entry."""
        with self.db.atomic():
            row_id = IssuedDocumentRow.insert(
                case=case_id, kind=kind, issued_at=datetime.now(), recipient=recipient, delivery=delivery,
                categories_json=json.dumps(sorted(categories)), clinician=clinician,
                patient_offered_on=patient_offered_on, diagnosis_by_scheme=diagnosis_by_scheme,
                plan_version=plan_version, sha256=hashlib.sha256(pdf).hexdigest(), pdf=pdf,
            ).execute()
        return self.entries(case_id, entry_id=int(row_id))[0]

    def entries(self, case_id: int, entry_id: int | None = None) -> list[IssuedDocument]:
        """A case's issued documents, newest first."""
        query = IssuedDocumentRow.select(
            IssuedDocumentRow.id, IssuedDocumentRow.case, IssuedDocumentRow.kind, IssuedDocumentRow.issued_at,
            IssuedDocumentRow.recipient, IssuedDocumentRow.delivery, IssuedDocumentRow.categories_json,
            IssuedDocumentRow.clinician, IssuedDocumentRow.patient_offered_on, IssuedDocumentRow.diagnosis_by_scheme,
            IssuedDocumentRow.plan_version, IssuedDocumentRow.sha256,
        ).where(IssuedDocumentRow.case == case_id)
        if entry_id is not None:
            query = query.where(IssuedDocumentRow.id == entry_id)
        return [IssuedDocument(r.id, case_id, r.kind, r.issued_at, r.recipient, r.delivery,
                               tuple(json.loads(r.categories_json)), r.clinician, r.patient_offered_on,
                               bool(r.diagnosis_by_scheme), r.plan_version, r.sha256)
                for r in query.order_by(IssuedDocumentRow.issued_at.desc(), IssuedDocumentRow.id.desc())]

    def pdf(self, entry_id: int) -> bytes:
        """The exact PDF that was issued."""
        row = IssuedDocumentRow.get_or_none(IssuedDocumentRow.id == entry_id)
        if row is None:
            raise NotFoundError(f"issued document {entry_id} does not exist")
        return bytes(row.pdf)
