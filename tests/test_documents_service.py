"""The documents service: the handout goes to the patient only, issuing runs the pre-flight first and logs a stored
case by id (marking its plan version) or a case file by its SHA-256, never both."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from rtw_planner.db.database import open_database
from rtw_planner.db.document_log import DocumentLog
from rtw_planner.db.repository import CaseRepository
from rtw_planner.documents import issue, render
from rtw_planner.domain.case.casefile import parse
from rtw_planner.domain.case.model import Case, Clinic
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.issuing.disclosure import Delivery, DisclosureRequest, DocumentKind, RecipientRole
from rtw_planner.domain.issuing.options import RenderOptions
from rtw_planner.domain.issuing.preflight import PreflightError

EMPLOYER = "Northgate Distribution Ltd"
CLINIC = Clinic("Riverside", phone="0113 496 0000")
LETTER = DocumentKind.EMPLOYER_LETTER


@pytest.fixture
def demo(current_demo_text: str) -> Case:
    return parse(current_demo_text)


def test_the_handout_refuses_a_request_for_anyone_but_the_patient(demo: Case) -> None:
    with pytest.raises(ValidationError) as caught:
        render(DocumentKind.PATIENT_HANDOUT, demo, Clinic(), request=DisclosureRequest(EMPLOYER))
    assert caught.value.field == "recipient role"
    own = DisclosureRequest(demo.patient_name, RecipientRole.PATIENT)
    assert render(DocumentKind.PATIENT_HANDOUT, demo, Clinic(), request=own).startswith(b"%PDF-")


def test_issuing_a_stored_case_logs_it_by_id_without_a_draft_mark(demo: Case, tmp_path: Path) -> None:
    db = open_database(tmp_path / "rtw.sqlite3")
    saved = CaseRepository(db).save(demo)
    assert saved.id is not None
    entry, pdf = issue(db, LETTER, saved, CLINIC, DisclosureRequest(EMPLOYER), options=RenderOptions(draft=True))
    assert (entry.case_id, entry.source_sha256, entry.recipient_role) == (saved.id, None, "employer")
    assert b"DRAFT" not in pdf  # issued: the options' draft flag is ignored
    assert DocumentLog(db).pdf(entry.id) == pdf
    assert CaseRepository(db).plan_versions(saved.id)[-1].issued_at is not None


def test_a_blocked_document_writes_nothing(demo: Case, tmp_path: Path) -> None:
    db = open_database(tmp_path / "rtw.sqlite3")
    stale = CaseRepository(db).save(replace(demo, review_date=date.today() - timedelta(days=1)))
    assert stale.id is not None
    with pytest.raises(PreflightError) as caught:
        issue(db, LETTER, stale, CLINIC, DisclosureRequest(EMPLOYER, delivery=Delivery.SENT))
    assert "Details: review date" in str(caught.value)
    assert "Recipient and delivery" in str(caught.value)  # every blocking problem, not just the first
    assert DocumentLog(db).entries(stale.id) == []
    assert CaseRepository(db).plan_versions(stale.id)[-1].issued_at is None


@pytest.mark.parametrize(("stored", "source"), [(True, "abc"), (False, None)])
def test_a_document_is_logged_by_case_or_by_file_not_both(demo: Case, tmp_path: Path, stored: bool,
                                                          source: str | None) -> None:
    db = open_database(tmp_path / "rtw.sqlite3")
    case = CaseRepository(db).save(demo) if stored else demo
    with pytest.raises(ValueError, match="stored case, or a case file"):
        issue(db, LETTER, case, CLINIC, DisclosureRequest(EMPLOYER), source_sha256=source)
