"""The audit trail: every change of a case, through the repositories or raw SQL, recorded with who, when, the old
and the new value, in a table the database itself keeps from being changed or emptied (both backends)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import peewee as pw
import pytest
from db_factories import full_case

from rtw_planner.db.audit import case_exists, history
from rtw_planner.db.database import open_database
from rtw_planner.db.identity import current_user
from rtw_planner.db.repository import CaseRepository
from rtw_planner.domain.case.outcome_records import OutcomeRecord


@pytest.fixture
def db(database_location: Path | str) -> pw.Database:
    return open_database(database_location)


def test_a_changed_field_is_recorded_with_who_when_old_and_new(db: pw.Database) -> None:
    repository = CaseRepository(db)
    case = repository.save(full_case())
    assert case.id is not None
    before = datetime.now(UTC) - timedelta(minutes=1)
    repository.save(replace(case, diagnosis="Lumbar strain", review_date=date(2027, 1, 4)))
    after = datetime.now(UTC) + timedelta(minutes=1)

    changed = [c for c in history(db, case.id) if c.what == f"changed case {case.id}"]
    assert {(c.field, c.old, c.new) for c in changed} == {
        ("diagnosis", "Chronic low back pain", "Lumbar strain"),
        ("review_date", "2027-01-08", "2027-01-04")}
    assert {c.who for c in changed} == {current_user(db)}
    assert all(before <= c.when <= after for c in changed)
    # the bookkeeping every save touches is not news
    assert not {"revision", "updated_at", "updated_by"} & {c.field for c in changed}


def test_a_new_case_is_recorded_row_by_row(db: pw.Database) -> None:
    case = CaseRepository(db).save(full_case())
    assert case.id is not None
    changes = history(db, case.id)
    added = [c.what.rsplit(" ", 1)[0] for c in changes]
    assert added[0] == "added case"
    assert {"added evaluation", "added consent", "added outcome record", "added practice entry",
            "added plan version", "added strength entry", "added posture entry", "added job demands"} <= set(added)
    case_row = changes[0]
    assert case_row.field is None
    assert case_row.old is None
    assert case_row.new["patient_name"] == "Zoë Łódź-Müller"
    assert case_row.new["workers_comp_claim"] is True  # SQLite's 1, the server's true: the same here
    assert case_row.to_dict()["new"]["diagnosis"] == "Chronic low back pain"


def test_a_removed_child_row_is_recorded_with_its_values(db: pw.Database) -> None:
    repository = CaseRepository(db)
    case = repository.save(full_case())
    assert case.id is not None
    kept, gone = case.outcomes[:-1], case.outcomes[-1]
    added = OutcomeRecord("PSFS", date(2026, 11, 2), (7.0, 7.0, 6.0), 6.7, notes="phone follow-up")
    repository.save(replace(case, outcomes=(*kept, added)))

    changes = history(db, case.id)
    removed = [c for c in changes if c.what.startswith("removed outcome record")]
    assert len(removed) == 1
    assert removed[0].old["on"] == gone.on.isoformat()
    assert removed[0].new is None
    new = [c for c in changes if c.what.startswith("added outcome record")][-1]
    assert new.new["notes"] == "phone follow-up"
    assert new.new["on"] == "2026-11-02"


def test_raw_sql_is_recorded_too(db: pw.Database) -> None:
    case = CaseRepository(db).save(full_case())
    assert case.id is not None
    with db.atomic():
        db.execute_sql('UPDATE "case" SET job_title = %s WHERE id = %s'.replace("%s", db.param),
                       ("Forklift driver", case.id))
    last = history(db, case.id)[-1]
    assert (last.what, last.field, last.old, last.new) == (f"changed case {case.id}", "job_title", "Order picker",
                                                          "Forklift driver")


def test_a_deleted_case_keeps_its_history(db: pw.Database) -> None:
    repository = CaseRepository(db)
    case = repository.save(full_case())
    assert case.id is not None
    repository.delete(case.id)
    assert not case_exists(db, case.id)
    changes = history(db, case.id)
    assert changes[0].what == f"added case {case.id}"
    assert any(c.what == f"removed case {case.id}" and c.old["patient_name"] == "Zoë Łódź-Müller"
               for c in changes)


def test_a_save_that_changes_nothing_records_nothing(db: pw.Database) -> None:
    repository = CaseRepository(db)
    case = repository.save(full_case())
    assert case.id is not None
    count = len(history(db, case.id))
    repository.save(repository.get(case.id))
    assert len(history(db, case.id)) == count


@pytest.mark.parametrize("statement", ["UPDATE audit_log SET who = 'someone else'", "DELETE FROM audit_log",
                                       "UPDATE audit_log SET changes = '{}' WHERE id = 1"])
def test_the_database_refuses_to_change_or_delete_an_audit_row(db: pw.Database, statement: str) -> None:
    case = CaseRepository(db).save(full_case())
    assert case.id is not None
    recorded = history(db, case.id)
    with pytest.raises(pw.DatabaseError, match="append-only"), db.atomic():
        db.execute_sql(statement)
    assert history(db, case.id) == recorded


def test_the_server_refuses_to_empty_the_audit_trail(db: pw.Database) -> None:
    if not isinstance(db, pw.PostgresqlDatabase):
        pytest.skip("about PostgreSQL only: SQLite has no TRUNCATE")
    CaseRepository(db).save(full_case())
    with pytest.raises(pw.DatabaseError, match="append-only"), db.atomic():
        db.execute_sql("TRUNCATE audit_log")
    assert db.execute_sql("SELECT count(*) FROM audit_log").fetchone()[0] > 0
