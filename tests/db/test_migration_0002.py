"""Migration 0002 on a database left at 0001: backed up (a file), capacity becomes an evaluation, push/pull renamed;
on either backend."""

from __future__ import annotations

import stat
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from db_factories import raw_database
from playhouse.migrations import Runner

import rtw_planner.db.database
from rtw_planner.db.database import open_database, pending_migrations
from rtw_planner.db.repository import CaseRepository
from rtw_planner.domain.demands.job import JobDemands
from rtw_planner.domain.demands.profile import Activity, Frequency, PostureTolerance

OCC, FREQ = Frequency.OCCASIONAL, Frequency.FREQUENT
OldDatabase = Callable[[list[str]], Path | str]


@pytest.fixture
def old_database(database_location: Path | str) -> OldDatabase:
    """A database at migration 0001 only, holding what the SQL statements insert."""

    def build(statements: list[str]) -> Path | str:
        path = database_location
        db = raw_database(path)
        db.connect()
        assert Runner(db, directory=str(rtw_planner.db.database.MIGRATIONS_DIR)).up("0001_initial") == [
            "0001_initial"]
        for sql in statements:
            db.execute_sql(sql)
        db.close()
        return path

    return build


def case_row(name: str, assessed_on: str | None, evaluator: str, created_at: str = "2025-03-05 10:00:00") -> str:
    assessed = "NULL" if assessed_on is None else f"'{assessed_on}'"
    return ('INSERT INTO "case" (patient_name, employer, job_title, diagnosis, capacity_assessed_on, '
            f"capacity_evaluator, created_at, updated_at) VALUES ('{name}', 'Acme', 'Picker', '', {assessed}, "
            f"'{evaluator}', '{created_at}', '{created_at}')")


def strength(case_id: int, side: str, activity: str, frequency: str, value: float) -> str:
    return ("INSERT INTO strength_entry (case_id, side, activity, frequency, value) "
            f"VALUES ({case_id}, '{side}', '{activity}', '{frequency}', {value})")


def test_capacity_becomes_the_first_evaluation(old_database: OldDatabase) -> None:
    path = old_database([
        case_row("Ann", "2025-03-04", "P. Shah"),
        strength(1, "capacity", "push", "occasional", 200),
        strength(1, "capacity", "lift_floor_to_waist", "occasional", 10),
        "INSERT INTO posture_entry (case_id, side, activity, minutes_at_a_time, minutes_per_day) "
        "VALUES (1, 'capacity', 'sit', 10, 60)",
    ])
    db = open_database(path)
    if isinstance(path, Path):  # a server is backed up with pg_dump, not copied aside
        [backup] = path.parent.glob(f"{path.name}.before-migration-*.bak")
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert pending_migrations(db) == []
    rows = db.execute_sql("SELECT id, case_id, assessed_on, evaluator FROM evaluation").fetchall()
    assert [(case_id, str(day), who) for _, case_id, day, who in rows] == [(1, "2025-03-04", "P. Shah")]
    activities = db.execute_sql("SELECT activity, evaluation_id FROM strength_entry ORDER BY id").fetchall()
    assert activities == [("push_initial", rows[0][0]), ("lift_floor_to_waist", rows[0][0])]
    case = CaseRepository(db).get(1)
    [evaluation] = case.evaluations
    assert (evaluation.assessed_on, evaluation.evaluator, evaluation.id) == (date(2025, 3, 4), "P. Shah", rows[0][0])
    assert case.capacity.strength == {(Activity.LIFT_FLOOR_TO_WAIST, OCC): 10, (Activity.PUSH_INITIAL, OCC): 200}
    assert case.capacity.postures == {Activity.SIT: PostureTolerance(10, 60)}


def test_demands_keep_no_evaluation_and_pull_is_renamed(old_database: OldDatabase) -> None:
    path = old_database([case_row("Bob", None, ""), strength(1, "demand", "pull", "frequent", 150),
                         strength(1, "demand", "carry", "occasional", 20)])
    case = CaseRepository(open_database(path)).get(1)
    assert case.evaluations == ()
    assert case.demands == JobDemands(case.demands.profile)
    assert case.demands.profile.strength == {(Activity.CARRY, OCC): 20, (Activity.PULL_INITIAL, FREQ): 150}


def test_undated_capacity_is_dated_when_the_case_was_created(old_database: OldDatabase) -> None:
    path = old_database([case_row("Cy", None, "", created_at="2024-06-30 17:45:00"),
                         strength(1, "capacity", "carry", "occasional", 12)])
    case = CaseRepository(open_database(path)).get(1)
    [evaluation] = case.evaluations
    assert (evaluation.assessed_on, evaluation.evaluator) == (date(2024, 6, 30), "")
    assert case.capacity.strength == {(Activity.CARRY, OCC): 12}


def test_old_columns_are_gone_and_cases_can_be_saved_again(old_database: OldDatabase) -> None:
    path = old_database([case_row("Di", "2025-01-02", "Q. Ng"), strength(1, "capacity", "push", "frequent", 90)])
    db = open_database(path)
    columns = {c.name for c in db.get_columns("case")}
    assert "sex" in columns
    assert not columns & {"capacity_assessed_on", "capacity_evaluator"}
    repo = CaseRepository(db)
    stored = repo.save(repo.get(1))
    assert stored.capacity.strength == {(Activity.PUSH_INITIAL, FREQ): 90}
    assert db.execute_sql("SELECT COUNT(*) FROM evaluation").fetchone() == (1,)
