"""Migration 0009 on a database left at 0008: the evaluations earlier documents were made from are locked, the clinic
keeps 14 days of daily backups, and the audit trail starts with the first change after it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from db_factories import raw_database
from playhouse.migrations import Runner

import rtw_planner.db.database
from rtw_planner.db.audit import history
from rtw_planner.db.database import open_database
from rtw_planner.db.locks import IssuedLockedError, locked_evaluation_ids
from rtw_planner.db.repository import CaseRepository, ClinicRepository

EVALUATION = ("INSERT INTO evaluation (case_id, assessed_on, evaluator, protocol, effort, effort_notes, grip_json, "
              "exposure_json) VALUES (1, '{day}', 'Sam Lee', '{protocol}', 'consistent', '', '[]', '[]')")


@pytest.fixture
def at_0008(database_location: Path | str) -> Path | str:
    """A case with an evaluation before a document issued on 2 November 2026 and one after it."""
    db = raw_database(database_location)
    db.connect()
    Runner(db, directory=str(rtw_planner.db.database.MIGRATIONS_DIR)).up("0008_server_search")
    db.execute_sql('INSERT INTO "case" (patient_name, employer, job_title, diagnosis, created_at, updated_at) '
                   "VALUES ('Ann', 'Acme', 'Picker', '', '2026-11-01 10:00:00', '2026-11-01 10:00:00')")
    db.execute_sql("INSERT INTO clinic (name, address, phone, email, paper_size, jurisdiction) "
                   "VALUES ('Riverside', '', '', '', 'a4', 'uk')")
    db.execute_sql(EVALUATION.format(day="2026-10-30", protocol="FCE"))
    db.execute_sql(EVALUATION.format(day="2026-11-20", protocol="FCE (re-test)"))
    db.execute_sql("INSERT INTO issued_document (case_id, kind, issued_at, recipient, delivery, categories_json, "
                   "clinician, diagnosis_by_scheme, sha256, pdf) VALUES (1, 'employer-letter', '2026-11-02 09:00:00', "
                   f"'Acme', 'patient_copy', '[\"functional\"]', 'Sam Lee', FALSE, 'abc', {db.param})", (b"%PDF-",))
    db.close()
    return database_location


def test_the_evaluation_an_earlier_document_used_is_locked(at_0008: Path | str) -> None:
    db = open_database(at_0008)
    assert locked_evaluation_ids(db, 1) == {1}
    repository = CaseRepository(db)
    case = repository.get(1)
    before, after = case.evaluations
    repository.save(replace(case, evaluations=(before, replace(after, effort_notes="Guarded lifting"))))
    with pytest.raises(IssuedLockedError, match="add a new evaluation instead"):
        repository.save(replace(repository.get(1), evaluations=(replace(before, effort_notes="Edited"), after)))


def test_the_clinic_keeps_two_weeks_of_daily_backups(at_0008: Path | str) -> None:
    assert ClinicRepository(open_database(at_0008)).get().backup_retention_days == 14


def test_the_trail_begins_with_the_first_change_after_the_migration(at_0008: Path | str) -> None:
    db = open_database(at_0008)
    assert history(db, 1) == []
    repository = CaseRepository(db)
    repository.save(replace(repository.get(1), diagnosis="Lumbar strain"))
    change = history(db, 1)[0]  # (the save also stores the case's empty job demands, a row of their own)
    assert (change.what, change.field, change.old, change.new) == ("changed case 1", "diagnosis", "", "Lumbar strain")
