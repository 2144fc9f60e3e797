"""Migration 0006 on a database left at 0005: issued documents kept, clinician contact and clinic units added, and a
document issued from a case file logged without a stored case."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from db_factories import raw_database
from playhouse.migrations import Runner

import rtw_planner.db.database
from rtw_planner.db.database import open_database
from rtw_planner.db.document_log import DocumentLog
from rtw_planner.db.repository import CaseRepository, ClinicRepository
from rtw_planner.domain.case.jurisdiction import Jurisdiction
from rtw_planner.domain.case.model import Case, Clinic, Clinician
from rtw_planner.domain.demands.units import MassUnit


@pytest.fixture
def at_0005(database_location: Path | str) -> Path | str:
    """A database at migration 0005 with a clinician, a case and one issued document."""
    path = database_location
    db = raw_database(path)
    db.connect()
    Runner(db, directory=str(rtw_planner.db.database.MIGRATIONS_DIR)).up("0005_outcomes")
    db.execute_sql("INSERT INTO clinician (name, profession, registration_number) VALUES ('Sam Lee', 'OT', 'OT1')")
    db.execute_sql('INSERT INTO "case" (patient_name, employer, job_title, diagnosis, clinician_id, created_at, '
                   "updated_at) VALUES ('Ann', 'Acme', 'Picker', '', 1, '2026-11-01 10:00:00', '2026-11-01 10:00:00')")
    db.execute_sql("INSERT INTO clinic (name, address, phone, email, paper_size, jurisdiction) "
                   "VALUES ('Riverside', '', '', '', 'letter', 'us')")
    db.execute_sql("INSERT INTO issued_document (case_id, kind, issued_at, recipient, delivery, categories_json, "
                   "clinician, diagnosis_by_scheme, sha256, pdf) VALUES (1, 'employer-letter', '2026-11-02 09:00:00', "
                   f"'Acme', 'patient_copy', '[\"functional\"]', 'Sam Lee', FALSE, 'abc', {db.param})", (b"%PDF-",))
    db.close()
    return path


def test_existing_rows_survive_and_get_the_new_defaults(at_0005: Path | str) -> None:
    db = open_database(at_0005)
    case = CaseRepository(db).get(1)
    assert case.clinician == Clinician("Sam Lee", "OT", "OT1", "", "")
    clinic = ClinicRepository(db).get()
    assert (clinic.mass_unit, clinic.units, clinic.quarter_hours, clinic.draft_retention_days) == (
        None, MassUnit.LB, False, 0)  # a US clinic prints lb until it chooses
    (entry,) = DocumentLog(db).entries(1)
    assert (entry.case_id, entry.source_sha256, entry.recipient_role, entry.sha256) == (1, None, "", "abc")
    assert DocumentLog(db).pdf(entry.id) == b"%PDF-"


def test_a_document_from_a_file_needs_no_case_and_deleting_a_case_keeps_it(at_0005: Path | str) -> None:
    db = open_database(at_0005)
    log = DocumentLog(db)
    source = hashlib.sha256(b"case file").hexdigest()
    entry = log.record(None, "match-report", "Acme Insurance", "sent", ["functional"], "Sam Lee", b"%PDF-1",
                       source_sha256=source, recipient_role="insurer")
    assert (entry.case_id, entry.source_sha256, entry.recipient_role) == (None, source, "insurer")
    assert log.entries_for_file(source) == [entry]
    CaseRepository(db).delete(1)
    assert log.entries_for_file(source) == [entry]
    assert log.entries(1) == []  # the stored case's own log goes with it, as before


@pytest.mark.parametrize(("case_id", "source"), [(None, None), (1, "abc")])
def test_a_logged_document_has_a_case_or_a_file_not_both(at_0005: Path | str, case_id: int | None,
                                                         source: str | None) -> None:
    log = DocumentLog(open_database(at_0005))
    with pytest.raises(ValueError, match="stored case or a case file"):
        log.record(case_id, "employer-letter", "Acme", "sent", ["functional"], "", b"%PDF-", source_sha256=source)


def test_clinic_settings_and_clinician_contact_round_trip(database_location: Path | str) -> None:
    db = open_database(database_location)
    clinic = Clinic("Riverside", jurisdiction=Jurisdiction.UK, mass_unit=MassUnit.LB, quarter_hours=True,
                    draft_retention_days=14)
    ClinicRepository(db).save(clinic)
    assert ClinicRepository(db).get() == clinic
    saved = CaseRepository(db).save(Case("Ann", clinician=Clinician("Sam Lee", "OT", "OT1", "0100 1", "s@x.example")))
    assert saved.id is not None
    assert CaseRepository(db).get(saved.id).clinician == Clinician("Sam Lee", "OT", "OT1", "0100 1", "s@x.example")
    moved = CaseRepository(db).save(Case("Bo", clinician=Clinician("Sam Lee", "OT", "OT1", "0100 2", "")))
    assert moved.id is not None
    assert CaseRepository(db).get(saved.id).clinician.phone == "0100 2"  # one clinician, one direct line


def test_a_bad_retention_is_refused() -> None:
    with pytest.raises(ValueError, match="keep drafts for"):
        Clinic(draft_retention_days=366)
    assert Clinic(jurisdiction=Jurisdiction.US).units is MassUnit.LB
    assert Clinic(jurisdiction=Jurisdiction.US, mass_unit=MassUnit.KG).units is MassUnit.KG
