"""Issued means locked: once a document is issued from a case, its evaluations, the issued plan version and the
document itself stay as they were sent; the case goes on with new evaluations and new plan versions (both
backends, whatever client writes)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import peewee as pw
import pytest
from db_factories import FIRST_DAY, full_case

from rtw_planner.db.database import open_database
from rtw_planner.db.document_log import DocumentLog
from rtw_planner.db.locks import IssuedLockedError, locked_evaluation_ids
from rtw_planner.db.repository import CaseRepository
from rtw_planner.domain.capacity.evaluation import Evaluation
from rtw_planner.domain.case.model import Case


@pytest.fixture
def db(database_location: Path | str) -> pw.Database:
    return open_database(database_location)


def _issued(db: pw.Database) -> Case:
    """The full case, stored, with a letter issued from it."""
    repository = CaseRepository(db)
    case = repository.save(full_case())
    assert case.id is not None
    DocumentLog(db).record(case.id, "employer_letter", "Northgate HR", "email", ["functional"], "Priya Shah",
                           b"%PDF-1.4 letter", plan_version=repository.issue_plan(case.id))
    return repository.get(case.id)


def test_issuing_locks_every_evaluation_of_the_case(db: pw.Database) -> None:
    repository = CaseRepository(db)
    unissued = repository.save(full_case(patient_name="Other Case"))
    case = _issued(db)
    assert case.id is not None
    assert unissued.id is not None
    assert locked_evaluation_ids(db, case.id) == {e.id for e in case.evaluations}
    assert locked_evaluation_ids(db, unissued.id) == set()


def test_editing_an_issued_evaluation_is_refused_and_writes_nothing(db: pw.Database) -> None:
    repository = CaseRepository(db)
    case = _issued(db)
    assert case.id is not None
    first, *rest = case.evaluations
    edited = replace(case, diagnosis="Lumbar strain", evaluations=(replace(first, effort_notes="Re-scored"), *rest))
    with pytest.raises(IssuedLockedError, match="add a new evaluation instead"):
        repository.save(edited)
    assert repository.get(case.id) == case  # the diagnosis, saved in the same transaction, was rolled back too


def test_changing_an_issued_evaluations_measurements_is_refused(db: pw.Database) -> None:
    repository = CaseRepository(db)
    case = _issued(db)
    first, *rest = case.evaluations
    profile = replace(first.profile, carry_distance_m=25)
    with pytest.raises(IssuedLockedError, match="add a new evaluation instead"):
        repository.save(replace(case, evaluations=(replace(first, profile=profile), *rest)))


def test_deleting_an_issued_evaluation_is_refused(db: pw.Database) -> None:
    repository = CaseRepository(db)
    case = _issued(db)
    assert case.id is not None
    with pytest.raises(IssuedLockedError, match="cannot be changed or deleted"):
        repository.save(replace(case, evaluations=case.evaluations[1:]))
    assert len(repository.get(case.id).evaluations) == 2


def test_the_case_goes_on_with_a_new_evaluation_and_other_changes(db: pw.Database) -> None:
    repository = CaseRepository(db)
    case = _issued(db)
    assert case.id is not None
    later = Evaluation(FIRST_DAY + timedelta(weeks=10), "P. Shah", "FCE (second re-test)")
    saved = repository.save(replace(case, diagnosis="Lumbar strain", evaluations=(*case.evaluations, later)))
    stored = repository.get(case.id)
    assert stored.diagnosis == "Lumbar strain"
    assert [e.protocol for e in stored.evaluations] == ["FCE", "FCE (re-test)", "FCE (second re-test)"]
    assert stored.evaluations[:2] == case.evaluations
    new_id = saved.evaluations[-1].id
    assert new_id not in locked_evaluation_ids(db, case.id)  # until the next document is issued


@pytest.mark.parametrize("statement", [
    "UPDATE evaluation SET effort_notes = 'x'",
    "DELETE FROM evaluation",
    "UPDATE strength_entry SET value = value + 1 WHERE evaluation_id IS NOT NULL",
    "DELETE FROM posture_entry WHERE evaluation_id IS NOT NULL",
    "UPDATE plan_version SET data_json = '{}' WHERE issued_at IS NOT NULL",
    "DELETE FROM plan_version",
    "UPDATE issued_document SET recipient = 'someone else'",
    "DELETE FROM issued_document",
])
def test_the_database_refuses_raw_changes_to_what_was_issued(db: pw.Database, statement: str) -> None:
    case = _issued(db)
    assert case.id is not None
    with pytest.raises(pw.DatabaseError, match="cannot be changed or deleted"), db.atomic():
        db.execute_sql(statement)
    assert CaseRepository(db).get(case.id) == case
    assert DocumentLog(db).entries(case.id)[0].recipient == "Northgate HR"


def test_deleting_the_whole_case_still_removes_everything_under_it(db: pw.Database) -> None:
    repository = CaseRepository(db)
    case = _issued(db)
    assert case.id is not None
    repository.delete(case.id)
    assert db.execute_sql("SELECT count(*) FROM evaluation").fetchone()[0] == 0
    assert DocumentLog(db).count() == 0
