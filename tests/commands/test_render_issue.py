"""`render --issue`: a draft logs nothing; an issued document follows the consent rules and is logged exactly."""

from __future__ import annotations

import hashlib
import io
import json
import re
from pathlib import Path
from typing import Any

import peewee as pw
import pypdf
import pytest

from rtw_planner.cli import main
from rtw_planner.db.database import open_database
from rtw_planner.db.document_log import DocumentLog, IssuedDocument
from rtw_planner.db.repository import CaseRepository, ClinicRepository
from rtw_planner.db.tables import IssuedDocumentRow
from rtw_planner.domain.case import Clinic
from rtw_planner.domain.jurisdiction import Jurisdiction

EMPLOYER = "Northgate Distribution Ltd"
FUNCTIONAL = {"category": "functional", "recipient": EMPLOYER, "purpose": "return to work",
              "date_given": "2020-01-01", "expiry": None, "withdrawn_on": None}


@pytest.fixture
def paths(tmp_path: Path) -> dict[str, Path]:
    return {"db": tmp_path / "rtw.sqlite3", "out": tmp_path / "letter.pdf", "case": tmp_path / "case.json"}


def write_case(paths: dict[str, Path], demo_text: str, **changes: Any) -> Path:
    data = json.loads(demo_text)
    data.update(changes)
    paths["case"].write_text(json.dumps(data), encoding="utf-8")
    return paths["case"]


def run(paths: dict[str, Path], *extra: str, kind: str = "employer-letter") -> int:
    return main(["--db", str(paths["db"]), "render", kind, "--case", str(paths["case"]), "--out", str(paths["out"]),
                 *extra])


def database(paths: dict[str, Path]) -> pw.SqliteDatabase:
    return open_database(paths["db"])


def logged(paths: dict[str, Path]) -> list[IssuedDocument]:
    db = database(paths)
    return [entry for s in CaseRepository(db).summaries() for entry in DocumentLog(db).entries(s.id)]


def only_entry(paths: dict[str, Path]) -> IssuedDocument:
    entries = logged(paths)
    assert len(entries) == 1
    return entries[0]


def test_a_plain_render_is_a_draft_and_logs_nothing(paths: dict[str, Path], demo_text: str,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    write_case(paths, demo_text)
    database(paths)  # an existing database, so a draft could log if it wanted to
    assert run(paths) == 0
    assert paths["out"].read_bytes().startswith(b"%PDF-")
    assert "Issued" not in capsys.readouterr().err
    database(paths)
    assert IssuedDocumentRow.select().count() == 0
    assert CaseRepository(database(paths)).count() == 0  # nor is the case imported


def test_issue_logs_the_exact_pdf(paths: dict[str, Path], demo_text: str,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    write_case(paths, demo_text)
    assert run(paths, "--issue", "--recipient", EMPLOYER) == 0
    written = paths["out"].read_bytes()
    entry = only_entry(paths)
    assert (entry.kind, entry.recipient, entry.delivery) == ("employer-letter", EMPLOYER, "patient_copy")
    assert entry.categories == ("functional",)
    assert entry.clinician == "Priya Shah"
    assert (entry.patient_offered_on, entry.diagnosis_by_scheme) == (None, False)
    assert entry.sha256 == hashlib.sha256(written).hexdigest()
    assert DocumentLog(database(paths)).pdf(entry.id) == written
    assert entry.sha256 in capsys.readouterr().err


def test_send_without_consent_is_refused_and_nothing_is_written(paths: dict[str, Path], demo_text: str,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    write_case(paths, demo_text)
    assert run(paths, "--issue", "--recipient", EMPLOYER, "--send") == 2
    assert "delivery" in capsys.readouterr().err
    assert not paths["out"].exists()
    database(paths)
    assert IssuedDocumentRow.select().count() == 0


def test_send_with_functional_consent_is_logged_as_sent(paths: dict[str, Path], demo_text: str) -> None:
    write_case(paths, demo_text, consents=[FUNCTIONAL])
    assert run(paths, "--issue", "--recipient", EMPLOYER, "--send") == 0
    entry = only_entry(paths)
    assert entry.delivery == "sent"
    assert entry.categories == ("functional",)
    assert entry.sha256 == hashlib.sha256(paths["out"].read_bytes()).hexdigest()


def test_uk_send_needs_the_day_the_patient_was_offered_it(paths: dict[str, Path], demo_text: str,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    write_case(paths, demo_text, consents=[FUNCTIONAL])
    ClinicRepository(database(paths)).save(Clinic("Riverside", jurisdiction=Jurisdiction.UK))
    assert run(paths, "--issue", "--recipient", EMPLOYER, "--send") == 2
    assert "offered" in capsys.readouterr().err
    assert not paths["out"].exists()
    assert logged(paths) == []
    assert run(paths, "--issue", "--recipient", EMPLOYER, "--send", "--patient-offered-on", "2026-01-05") == 0
    entry = only_entry(paths)
    assert entry.delivery == "sent"
    assert entry.patient_offered_on is not None
    assert entry.patient_offered_on.isoformat() == "2026-01-05"


def pdf_text(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(path.read_bytes())).pages))


def test_scheme_diagnosis_on_a_workers_comp_case_is_logged(paths: dict[str, Path], demo_text: str) -> None:
    write_case(paths, demo_text, workers_comp_claim=True)
    assert run(paths, "--issue", "--recipient", EMPLOYER, "--scheme-diagnosis") == 0
    entry = only_entry(paths)
    assert entry.diagnosis_by_scheme is True
    assert set(entry.categories) == {"functional", "diagnosis"}
    assert "Chronic non-specific low back pain" in pdf_text(paths["out"])


def test_scheme_diagnosis_without_a_claim_adds_nothing(paths: dict[str, Path], demo_text: str) -> None:
    write_case(paths, demo_text)
    assert run(paths, "--issue", "--recipient", EMPLOYER, "--scheme-diagnosis") == 0
    entry = only_entry(paths)
    assert entry.diagnosis_by_scheme is False
    assert entry.categories == ("functional",)
    assert "Chronic non-specific" not in pdf_text(paths["out"])


def test_the_log_records_only_what_the_match_report_discloses(paths: dict[str, Path], demo_text: str) -> None:
    """The log's categories are those disclosed: the report never prints the diagnosis, so none may be logged."""
    write_case(paths, demo_text, workers_comp_claim=True)
    assert run(paths, "--issue", "--recipient", "Acme Insurance", "--scheme-diagnosis", kind="match-report") == 0
    entry = only_entry(paths)
    shown = "Chronic non-specific low back pain" in pdf_text(paths["out"])
    assert ("diagnosis" in entry.categories) == shown
    assert entry.diagnosis_by_scheme == shown


@pytest.mark.parametrize("flags", [["--recipient", EMPLOYER], ["--send"], ["--patient-offered-on", "2026-01-05"],
                                   ["--scheme-diagnosis"], ["--issue"], ["--issue", "--recipient", "  "]])
def test_issue_flags_out_of_place_are_usage_errors(paths: dict[str, Path], demo_text: str, flags: list[str],
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    write_case(paths, demo_text)
    assert run(paths, *flags) == 2
    err = capsys.readouterr().err
    assert "--issue" in err or "--recipient" in err
    assert not paths["out"].exists()


def test_issuing_marks_the_plan_version_issued(paths: dict[str, Path], demo_text: str) -> None:
    write_case(paths, demo_text)
    assert run(paths, "--issue", "--recipient", EMPLOYER) == 0
    entry = only_entry(paths)
    versions = CaseRepository(database(paths)).plan_versions(entry.case_id)
    assert versions, "the demo has a plan"
    assert versions[-1].issued_at is not None
    assert entry.plan_version == versions[-1].version


def test_issuing_twice_reuses_the_same_case(paths: dict[str, Path], demo_text: str) -> None:
    write_case(paths, demo_text)
    assert run(paths, "--issue", "--recipient", EMPLOYER) == 0
    assert run(paths, "--issue", "--recipient", "Occupational Health") == 0
    repository = CaseRepository(database(paths))
    assert repository.count() == 1
    entries = logged(paths)
    assert len(entries) == 2
    assert {e.recipient for e in entries} == {EMPLOYER, "Occupational Health"}
    assert len(repository.plan_versions(entries[0].case_id)) == 1
