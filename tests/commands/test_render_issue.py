"""`render --issue`: a draft logs nothing; an issued document follows the consent rules and is logged exactly."""

from __future__ import annotations

import hashlib
import io
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import peewee as pw
import pypdf
import pytest
from factories import as_of, case_text, followed_up_case

from rtw_planner.cli import main
from rtw_planner.db.database import open_database
from rtw_planner.db.document_log import DocumentLog, IssuedDocument
from rtw_planner.db.repository import CaseRepository, ClinicRepository
from rtw_planner.domain.case.jurisdiction import Jurisdiction
from rtw_planner.domain.case.model import Clinic

EMPLOYER = "Northgate Distribution Ltd"
FUNCTIONAL = {"category": "functional", "recipient": EMPLOYER, "purpose": "return to work",
              "date_given": "2020-01-01", "expiry": None, "withdrawn_on": None}


@pytest.fixture(autouse=True)
def clinic(paths: dict[str, Path]) -> None:
    """A clinic with a name and a phone: an issued document never shows a placeholder letterhead."""
    from rtw_planner.db.database import open_database
    from rtw_planner.db.repository import ClinicRepository
    from rtw_planner.domain.case.model import Clinic

    ClinicRepository(open_database(paths["db"])).save(Clinic("Riverside", phone="0113 496 0000"))


@pytest.fixture
def picker_text() -> str:
    """The case file of a followed-up case: demands, two evaluations, a plan, outcome scores and practice."""
    return case_text(followed_up_case())


@pytest.fixture
def current_picker_text() -> str:
    """The same case moved to stand to today as it stands to 6 December 2026: the return to work still ahead."""
    return case_text(as_of(followed_up_case(), date.today()))


@pytest.fixture
def paths(tmp_path: Path) -> dict[str, Path]:
    return {"db": tmp_path / "rtw.sqlite3", "out": tmp_path / "letter.pdf", "case": tmp_path / "case.json"}


def write_case(paths: dict[str, Path], picker_text: str, **changes: Any) -> Path:
    data = json.loads(picker_text)
    data.update(changes)
    paths["case"].write_text(json.dumps(data), encoding="utf-8")
    return paths["case"]


def run(paths: dict[str, Path], *extra: str, kind: str = "employer-letter") -> int:
    return main(["--db", str(paths["db"]), "render", kind, "--case", str(paths["case"]), "--out", str(paths["out"]),
                 *extra])


def database(paths: dict[str, Path]) -> pw.SqliteDatabase:
    return open_database(paths["db"])


def logged(paths: dict[str, Path]) -> list[IssuedDocument]:
    """Documents issued from the case file now in paths['case'] (logged against its SHA-256)."""
    db = database(paths)
    if not paths["case"].exists():
        return []
    return DocumentLog(db).entries_for_file(hashlib.sha256(paths["case"].read_bytes()).hexdigest())


def only_entry(paths: dict[str, Path]) -> IssuedDocument:
    entries = logged(paths)
    assert len(entries) == 1
    return entries[0]


def test_a_plain_render_is_a_draft_and_logs_nothing(paths: dict[str, Path], current_picker_text: str,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    write_case(paths, current_picker_text)
    database(paths)  # an existing database, so a draft could log if it wanted to
    assert run(paths) == 0
    assert paths["out"].read_bytes().startswith(b"%PDF-")
    assert "Issued" not in capsys.readouterr().err
    assert DocumentLog(database(paths)).count() == 0
    assert CaseRepository(database(paths)).count() == 0  # nor is the case imported


def test_issue_logs_the_exact_pdf(paths: dict[str, Path], current_picker_text: str,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    write_case(paths, current_picker_text)
    assert run(paths, "--issue", "--recipient", EMPLOYER) == 0
    written = paths["out"].read_bytes()
    entry = only_entry(paths)
    assert (entry.kind, entry.recipient, entry.delivery) == ("employer-letter", EMPLOYER, "patient_copy")
    assert (entry.case_id, entry.recipient_role) == (None, "employer")
    assert entry.source_sha256 == hashlib.sha256(paths["case"].read_bytes()).hexdigest()
    assert entry.categories == ("functional",)
    assert entry.clinician == "Priya Shah"
    assert (entry.patient_offered_on, entry.diagnosis_by_scheme) == (None, False)
    assert entry.sha256 == hashlib.sha256(written).hexdigest()
    assert DocumentLog(database(paths)).pdf(entry.id) == written
    assert entry.sha256 in capsys.readouterr().err


def test_send_without_consent_is_refused_and_nothing_is_written(paths: dict[str, Path], current_picker_text: str,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    write_case(paths, current_picker_text)
    assert run(paths, "--issue", "--recipient", EMPLOYER, "--send") == 2
    assert "delivery" in capsys.readouterr().err
    assert not paths["out"].exists()
    assert DocumentLog(database(paths)).count() == 0


def test_send_with_functional_consent_is_logged_as_sent(paths: dict[str, Path], current_picker_text: str) -> None:
    write_case(paths, current_picker_text, consents=[FUNCTIONAL])
    assert run(paths, "--issue", "--recipient", EMPLOYER, "--send") == 0
    entry = only_entry(paths)
    assert entry.delivery == "sent"
    assert entry.categories == ("functional",)
    assert entry.sha256 == hashlib.sha256(paths["out"].read_bytes()).hexdigest()


def test_uk_send_needs_the_day_the_patient_was_offered_it(paths: dict[str, Path], current_picker_text: str,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    write_case(paths, current_picker_text, consents=[FUNCTIONAL])
    ClinicRepository(database(paths)).save(Clinic("Riverside", phone="0113 496 0000", jurisdiction=Jurisdiction.UK))
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


def test_scheme_diagnosis_on_a_workers_comp_case_is_logged(paths: dict[str, Path], current_picker_text: str) -> None:
    """In the United States the scheme lets the diagnosis go to the employer (resources/disclosure)."""
    write_case(paths, current_picker_text, workers_comp_claim=True)
    ClinicRepository(database(paths)).save(Clinic("Riverside", phone="0113 496 0000", jurisdiction=Jurisdiction.US))
    assert run(paths, "--issue", "--recipient", EMPLOYER, "--scheme-diagnosis") == 0
    entry = only_entry(paths)
    assert entry.diagnosis_by_scheme is True
    assert set(entry.categories) == {"functional", "diagnosis"}
    assert "Chronic non-specific low back pain" in pdf_text(paths["out"])


@pytest.mark.parametrize(("jurisdiction", "claim", "kind", "reason"), [
    (Jurisdiction.CANADA_ONTARIO, True, "employer-letter", "Ontario"),  # the WSIB FAF carries no diagnosis
    (Jurisdiction.UK, True, "employer-letter", "United Kingdom"),
    (Jurisdiction.US, False, "employer-letter", "compensation claim"),
    (Jurisdiction.US, True, "match-report", "never carries a diagnosis"),
])
def test_scheme_diagnosis_where_it_is_not_allowed_is_refused(paths: dict[str, Path], current_picker_text: str,
                                                             jurisdiction: Jurisdiction, claim: bool, kind: str,
                                                             reason: str, capsys: pytest.CaptureFixture[str]) -> None:
    consents = [FUNCTIONAL, {**FUNCTIONAL, "recipient": "Acme Insurance"}]
    write_case(paths, current_picker_text, workers_comp_claim=claim, consents=consents)
    ClinicRepository(database(paths)).save(Clinic("Riverside", phone="0113 496 0000", jurisdiction=jurisdiction))
    assert run(paths, "--issue", "--recipient", EMPLOYER, "--scheme-diagnosis", "--send",
               "--patient-offered-on", "2020-01-02", kind=kind) == 2
    assert reason in capsys.readouterr().err
    assert not paths["out"].exists()
    assert logged(paths) == []


@pytest.mark.parametrize("flags", [["--recipient", EMPLOYER], ["--send"], ["--patient-offered-on", "2026-01-05"],
                                   ["--scheme-diagnosis"], ["--issue"], ["--issue", "--recipient", "  "]])
def test_issue_flags_out_of_place_are_usage_errors(paths: dict[str, Path], current_picker_text: str,
                                                   flags: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    write_case(paths, current_picker_text)
    assert run(paths, *flags) == 2
    err = capsys.readouterr().err
    assert "--issue" in err or "--recipient" in err
    assert not paths["out"].exists()


def test_issuing_from_a_file_never_changes_a_stored_case(paths: dict[str, Path], current_picker_text: str,
                                                        tmp_path: Path) -> None:
    """Export a stored case, issue from a changed copy of its file, export again: the two exports are identical,
    and no case was added."""
    stored = write_case(paths, current_picker_text)
    assert main(["--db", str(paths["db"]), "import", str(stored)]) == 0
    case_id = str(CaseRepository(database(paths)).summaries()[0].id)
    before, after = tmp_path / "before.json", tmp_path / "after.json"
    assert main(["--db", str(paths["db"]), "export", case_id, "--out", str(before)]) == 0
    write_case(paths, current_picker_text, diagnosis="Changed in the copy", job_title="Team leader")
    assert run(paths, "--issue", "--recipient", EMPLOYER) == 0
    assert main(["--db", str(paths["db"]), "export", case_id, "--out", str(after)]) == 0
    assert after.read_bytes() == before.read_bytes()
    assert CaseRepository(database(paths)).count() == 1
    assert only_entry(paths).case_id is None


def test_issuing_twice_logs_both_against_the_file(paths: dict[str, Path], current_picker_text: str) -> None:
    write_case(paths, current_picker_text)
    assert run(paths, "--issue", "--recipient", EMPLOYER) == 0
    assert run(paths, "--issue", "--recipient", "Occupational Health") == 0
    assert CaseRepository(database(paths)).count() == 0
    entries = logged(paths)
    assert {e.recipient for e in entries} == {EMPLOYER, "Occupational Health"}
    assert {e.source_sha256 for e in entries} == {hashlib.sha256(paths["case"].read_bytes()).hexdigest()}


@pytest.mark.parametrize("kind", ["employer-letter", "match-report"])
def test_an_unassessed_case_is_refused_naming_every_missing_piece(paths: dict[str, Path], kind: str,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """No evaluation, no job demands, no clinician: exit 2, each named on standard error, no file, no log entry."""
    paths["case"].write_text(json.dumps({"format": "rtw-planner-case", "version": 1, "patient_name": "Ana Lima",
                                         "employer": "Acme", "job_title": "Packer"}), encoding="utf-8")
    assert run(paths, "--issue", "--recipient", "Clinical team", kind=kind) == 2
    err = capsys.readouterr().err
    for missing in ("Capacity: evaluations", "Job demands", "Details: clinician"):
        assert missing in err
    assert not paths["out"].exists()
    assert DocumentLog(database(paths)).count() == 0


def test_the_letter_needs_a_fitness_outcome(paths: dict[str, Path], current_picker_text: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(current_picker_text)
    data["plan"]["fitness"] = None
    paths["case"].write_text(json.dumps(data), encoding="utf-8")
    assert run(paths, "--issue", "--recipient", EMPLOYER) == 2
    assert "Plan: fitness for work: no fitness outcome is chosen" in capsys.readouterr().err
    assert logged(paths) == []


def test_a_draft_of_an_unassessed_case_still_renders(paths: dict[str, Path]) -> None:
    paths["case"].write_text(json.dumps({"format": "rtw-planner-case", "version": 1, "patient_name": "Ana Lima"}),
                             encoding="utf-8")
    assert run(paths) == 0
    text = pdf_text(paths["out"])
    assert "DRAFT" in text
    assert "fit for work" not in text.lower()
