"""The disclosure log: what was issued, to whom, when, with which categories, and the exact PDF."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import peewee as pw

from rtw_planner.db.errors import NotFoundError
from rtw_planner.db.session import reading, writing
from rtw_planner.db.tables import IssuedDocumentRow, PlanVersionRow
from rtw_planner.domain.caseload.due import IssuedLetter, letter_review_date

EMPLOYER_LETTER = "employer-letter"  # DocumentKind.EMPLOYER_LETTER's value, as the log stores it


@dataclass(frozen=True)
class IssuedDocument:
    """One entry of the disclosure log (the PDF itself is read with `DocumentLog.pdf`)."""

    id: int
    case_id: int | None  # None when issued from a case file that was never stored
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
    source_sha256: str | None = None  # the case file's SHA-256, when issued from a file
    recipient_role: str = ""


class DocumentLog:
    """Issued documents: what went to whom, when, with which categories, and the exact PDF; in db alone."""

    def __init__(self, db: pw.Database) -> None:
        self.db = db

    def record(self, case_id: int | None, kind: str, recipient: str, delivery: str, categories: list[str],
               clinician: str, pdf: bytes, *, patient_offered_on: date | None = None,
               diagnosis_by_scheme: bool = False, plan_version: int | None = None, source_sha256: str | None = None,
               recipient_role: str = "") -> IssuedDocument:
        """Log an issued document in one transaction; returns the entry. A document issued from a case file has
        no case id and carries the file's SHA-256."""
        if (case_id is None) == (source_sha256 is None):
            raise ValueError("a logged document needs a stored case or a case file's SHA-256, not both")
        with writing(self.db):
            row_id = IssuedDocumentRow.insert(
                case=case_id, kind=kind, issued_at=datetime.now(), recipient=recipient, delivery=delivery,
                categories_json=json.dumps(sorted(categories)), clinician=clinician,
                patient_offered_on=patient_offered_on, diagnosis_by_scheme=diagnosis_by_scheme,
                plan_version=plan_version, sha256=hashlib.sha256(pdf).hexdigest(), pdf=pdf,
                source_sha256=source_sha256, recipient_role=recipient_role,
            ).execute()
        return self._select(IssuedDocumentRow.id == int(row_id))[0]

    def entries(self, case_id: int, entry_id: int | None = None) -> list[IssuedDocument]:
        """A case's issued documents, newest first."""
        where = IssuedDocumentRow.case == case_id
        return self._select(where if entry_id is None else where & (IssuedDocumentRow.id == entry_id))

    def entries_for_file(self, source_sha256: str) -> list[IssuedDocument]:
        """Documents issued from the case file with this SHA-256, newest first."""
        return self._select(IssuedDocumentRow.source_sha256 == source_sha256)

    def count(self) -> int:
        """How many documents the log holds, for every case and case file."""
        with reading(self.db):
            return int(IssuedDocumentRow.select().count())

    def _select(self, where: pw.Expression) -> list[IssuedDocument]:
        with reading(self.db):
            query = IssuedDocumentRow.select(
                IssuedDocumentRow.id, IssuedDocumentRow.case, IssuedDocumentRow.kind, IssuedDocumentRow.issued_at,
                IssuedDocumentRow.recipient, IssuedDocumentRow.delivery, IssuedDocumentRow.categories_json,
                IssuedDocumentRow.clinician, IssuedDocumentRow.patient_offered_on,
                IssuedDocumentRow.diagnosis_by_scheme, IssuedDocumentRow.plan_version, IssuedDocumentRow.sha256,
                IssuedDocumentRow.source_sha256, IssuedDocumentRow.recipient_role,
            ).where(where).order_by(IssuedDocumentRow.issued_at.desc(), IssuedDocumentRow.id.desc())
            return [IssuedDocument(r.id, r.__data__.get("case"), r.kind, r.issued_at, r.recipient, r.delivery,
                                   tuple(json.loads(r.categories_json)), r.clinician, r.patient_offered_on,
                                   bool(r.diagnosis_by_scheme), r.plan_version, r.sha256, r.source_sha256,
                                   r.recipient_role)
                    for r in query]

    def letters_to_renew(self) -> list[IssuedLetter]:
        """Every stored case's employer letters with the date each needs renewing (the end of the fitness period
        of the plan version it was issued from), for the caseload."""
        with reading(self.db):
            query = (IssuedDocumentRow
                     .select(IssuedDocumentRow.case, IssuedDocumentRow.issued_at, PlanVersionRow.data_json)
                     .join(PlanVersionRow, on=((PlanVersionRow.case == IssuedDocumentRow.case)
                                               & (PlanVersionRow.version == IssuedDocumentRow.plan_version)))
                     .where(IssuedDocumentRow.kind == EMPLOYER_LETTER).tuples())
            rows: list[tuple[Any, Any, Any]] = list(query)  # type: ignore[arg-type]  # tuples(), not rows
        if not rows:
            return []
        from rtw_planner.domain.plan.model import plan_from_dict  # loads only when there are letters

        letters = []
        for case_id, issued_at, data in rows:
            issued = IssuedDocumentRow.issued_at.python_value(issued_at)
            review = letter_review_date(plan_from_dict(json.loads(data)))
            letters.append(IssuedLetter(int(case_id), issued.date(), review))
        return letters

    def pdf(self, entry_id: int) -> bytes:
        """The exact PDF that was issued."""
        with reading(self.db):
            row = IssuedDocumentRow.get_or_none(IssuedDocumentRow.id == entry_id)
        if row is None:
            raise NotFoundError(f"issued document {entry_id} does not exist")
        return bytes(row.pdf)
