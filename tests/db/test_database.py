"""Opening the database: the migrations build the models' schema on either backend, owner-only files, safe pragmas,
no re-runs."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

import peewee as pw
import pytest
from db_factories import foreign_keys, raw_database

from rtw_planner.db import database
from rtw_planner.db.database import (
    DatabaseError,
    default_database_path,
    default_location,
    is_server,
    migration_names,
    open_database,
    pending_migrations,
)
from rtw_planner.db.tables import ALL_TABLES

TABLES = {"clinic", "clinician", "case", "consent", "strength_entry", "posture_entry", "evaluation", "job_demands",
          "plan_version", "issued_document", "outcome_record", "practice_entry", "app_user", "audit_log", "audit_actor"}


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


SEARCH_INDEXES = {"case_search_key_trgm"}  # the server's search index (migration 0012), not a model's


def schema(db: pw.Database, table: str) -> tuple[object, ...]:
    columns = sorted((c.name, c.data_type.upper(), c.null, c.primary_key) for c in db.get_columns(table))
    indexes = sorted((i.columns, i.unique) for i in db.get_indexes(table) if i.name not in SEARCH_INDEXES)
    return columns, indexes, sorted(foreign_keys(db, table))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "folder" / "rtw.sqlite3"


def test_empty_database_gets_every_migration(database_location: Path | str) -> None:
    db = open_database(database_location)
    history = db.execute_sql("SELECT name FROM schema_migration ORDER BY id").fetchall()
    assert history == [("0001_initial",), ("0002_evaluations_and_job_demands",), ("0003_plans",), ("0004_disclosure",),
                       ("0005_outcomes",), ("0006_documents_and_units",), ("0007_revisions",),
                       ("0008_server_search",), ("0009_people_audit_and_locks",), ("0010_case_notify",),
                       ("0011_case_archive",), ("0012_search_index",), ("0013_mmh_tasks",),
                       ("0015_grip_dominance",), ("0016_evaluation_tolerances",)]
    assert [name for (name,) in history] == migration_names()
    search = set() if is_server(db) else {"case_search", *(f"case_search_{t}" for t in ("data", "idx", "docsize",
                                                                                      "config"))}
    assert set(db.get_tables()) == TABLES | {"schema_migration"} | search  # SQLite's FTS5 table and its own
    assert pending_migrations(db) == []


def test_migrated_schema_equals_the_models(new_database: Callable[[], Path | str]) -> None:
    migrated = open_database(new_database())
    # The models' own schema, made on the same backend: a server's reference is another new database on it.
    reference = raw_database(new_database()) if is_server(migrated) else pw.SqliteDatabase(":memory:")
    with reference.bind_ctx(ALL_TABLES):
        reference.create_tables(ALL_TABLES)
        for model in ALL_TABLES:
            table = model._meta.table_name
            assert schema(migrated, table) == schema(reference, table), table
            model_columns = {f.column_name: f.null for f in model._meta.sorted_fields}
            assert {c.name: c.null for c in migrated.get_columns(table)} == model_columns


def test_cascades_are_declared(database_location: Path | str) -> None:
    db = open_database(database_location)
    for table in ("consent", "strength_entry", "posture_entry", "evaluation", "job_demands"):
        keys = {target: (column, on_delete) for column, target, _, _, on_delete in foreign_keys(db, table)}
        assert keys["case"] == ("case_id", "CASCADE"), table
        if table.endswith("_entry"):
            assert keys == {"case": ("case_id", "CASCADE"), "evaluation": ("evaluation_id", "CASCADE")}
        else:
            assert set(keys) == {"case"}
    [(_, target, _, _, on_delete)] = foreign_keys(db, "case")
    assert (target, on_delete) == ("clinician", "SET NULL")


@pytest.mark.sqlite_only("the file's mode")
def test_files_are_owner_only(db_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        db = open_database(db_path)
        db.execute_sql("CREATE TABLE probe (x)")
    finally:
        os.umask(previous)
    assert mode(db_path) == 0o600
    wal = db_path.with_name(db_path.name + "-wal")
    assert wal.exists()
    assert mode(wal) == 0o600
    assert mode(db_path.parent) & 0o077 == 0


@pytest.mark.sqlite_only("the file's mode")
def test_existing_loose_file_is_tightened(db_path: Path) -> None:
    db_path.parent.mkdir()
    db_path.touch(mode=0o644)
    os.chmod(db_path, 0o644)
    open_database(db_path)
    assert mode(db_path) == 0o600


@pytest.mark.sqlite_only("SQLite's pragmas")
def test_pragmas(db_path: Path) -> None:
    db = open_database(db_path)
    assert db.execute_sql("PRAGMA foreign_keys").fetchone() == (1,)
    assert db.execute_sql("PRAGMA journal_mode").fetchone() == ("wal",)
    assert db.execute_sql("PRAGMA synchronous").fetchone() == (2,)


def test_reopening_does_not_rerun_migrations(database_location: Path | str) -> None:
    first = open_database(database_location)
    before = first.execute_sql("SELECT name, applied FROM schema_migration").fetchall()
    first.execute_sql("INSERT INTO clinic (name, address, phone, email, paper_size) "
                      "VALUES ('Kept', '', '', '', 'a4')")
    first.close()
    second = open_database(database_location)
    assert second.execute_sql("SELECT name, applied FROM schema_migration").fetchall() == before
    assert second.execute_sql("SELECT name FROM clinic").fetchall() == [("Kept",)]
    if isinstance(database_location, Path):
        assert not list(database_location.parent.glob("*.bak"))


@pytest.mark.sqlite_only("files that are no database")
def test_unusable_paths_raise_database_error(tmp_path: Path) -> None:
    not_a_db = tmp_path / "notes.sqlite3"
    not_a_db.write_bytes(b"this is not a database file at all, just some text " * 100)
    with pytest.raises(DatabaseError, match="notes.sqlite3"):
        open_database(not_a_db)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(DatabaseError, match="cannot create the database file"):
        open_database(blocker / "rtw.sqlite3")


def test_default_path_is_in_the_data_folder(data_dir: Path) -> None:
    assert default_database_path() == data_dir / "rtw-planner.sqlite3"
    assert default_location() == data_dir / "rtw-planner.sqlite3"


@pytest.mark.parametrize(("setting", "expected"), [
    ("/srv/clinic/rtw.sqlite3", Path("/srv/clinic/rtw.sqlite3")),
    ("postgresql://sam@db.clinic.example:5432/rtw", "postgresql://sam@db.clinic.example:5432/rtw"),
    ("  ", None),
])
def test_rtw_planner_db_chooses_the_database(setting: str, expected: Path | str | None, data_dir: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RTW_PLANNER_DB", setting)
    assert default_location() == (expected or data_dir / "rtw-planner.sqlite3")


@pytest.mark.sqlite_only("the backup file beside the database")
def test_database_is_backed_up_before_a_new_migration(db_path: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    db = open_database(db_path)
    db.execute_sql("INSERT INTO clinic (name, address, phone, email, paper_size) VALUES ('Kept', '', '', '', 'a4')")
    db.close()
    migrations = tmp_path / "migrations"
    shutil.copytree(database.MIGRATIONS_DIR, migrations)
    (migrations / "0006_add_note.py").write_text(
        "import peewee as pw\nfrom playhouse.migrate import migrate\n\n\n"
        "def up(migrator, db):\n    migrate(migrator.add_column('clinic', 'note', pw.TextField(default='')))\n",
        encoding="utf-8")
    monkeypatch.setattr(database, "MIGRATIONS_DIR", migrations)
    db = open_database(db_path)
    assert database.pending_migrations(db) == []
    assert "note" in {c.name for c in db.get_columns("clinic")}
    db.close()
    backups = list(db_path.parent.glob(f"{db_path.name}.before-migration-*.bak"))
    assert len(backups) == 1
    assert (backups[0].stat().st_mode & 0o777) == 0o600
    with sqlite3.connect(backups[0]) as copy:
        assert copy.execute("SELECT name FROM clinic").fetchall() == [("Kept",)]
        assert "note" not in {row[1] for row in copy.execute("PRAGMA table_info(clinic)")}
