"""Backups: an online copy of the whole database in a new 0600 file, restored only into an empty database; daily
SQLite copies beside the file, kept for the days the clinic sets."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import peewee as pw
import pytest
from db_factories import full_case

from rtw_planner.db.backup import BackupError, back_up, daily_backup, daily_folder, kind_of, prune, restore
from rtw_planner.db.database import open_database
from rtw_planner.db.repository import CaseRepository, ClinicRepository
from rtw_planner.domain.case.model import Clinic

NewDatabase = Callable[[], "Path | str"]
TODAY = date(2026, 12, 6)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def stored(database_location: Path | str) -> pw.Database:
    """A database holding the full case, its plan issued."""
    db = open_database(database_location)
    case = CaseRepository(db).save(full_case())
    assert case.id is not None
    CaseRepository(db).issue_plan(case.id)
    return db


def test_a_backup_restores_to_the_same_case_history_and_clinic(stored: pw.Database, new_database: NewDatabase,
                                                               tmp_path: Path) -> None:
    ClinicRepository(stored).save(Clinic("Riverside", phone="0113 496 0000", backup_retention_days=30))
    out = tmp_path / "clinic.backup"
    back_up(stored, out)
    assert mode(out) == 0o600
    assert kind_of(out) == ("postgresql" if isinstance(stored, pw.PostgresqlDatabase) else "sqlite")

    target = new_database()
    restore(out, str(target))
    restored = open_database(target)
    assert CaseRepository(restored).get(1) == CaseRepository(stored).get(1)
    assert CaseRepository(restored).plan_versions(1) == CaseRepository(stored).plan_versions(1)
    assert ClinicRepository(restored).get() == ClinicRepository(stored).get()
    trail = "SELECT at, who, action, table_name, row_id, case_id, changes FROM audit_log ORDER BY id"
    assert restored.execute_sql(trail).fetchall() == stored.execute_sql(trail).fetchall()
    # the restored database keeps its guards: the trail is still append-only
    with pytest.raises(pw.DatabaseError, match="append-only"), restored.atomic():
        restored.execute_sql("DELETE FROM audit_log")


def test_a_backup_never_replaces_a_file(stored: pw.Database, tmp_path: Path) -> None:
    out = tmp_path / "clinic.backup"
    out.write_bytes(b"keep me")
    with pytest.raises(BackupError, match="exists; a backup never replaces a file"):
        back_up(stored, out)
    assert out.read_bytes() == b"keep me"


def test_restore_refuses_a_database_that_holds_data(stored: pw.Database, database_location: Path | str,
                                                    tmp_path: Path) -> None:
    out = tmp_path / "clinic.backup"
    back_up(stored, out)
    CaseRepository(stored).save(full_case(patient_name="Second Case"))
    with pytest.raises(BackupError, match="already holds"):
        restore(out, str(database_location))
    assert CaseRepository(stored).count() == 2


def test_restore_refuses_a_file_that_is_no_backup(tmp_path: Path) -> None:
    junk = tmp_path / "notes.txt"
    junk.write_text("not a database", encoding="utf-8")
    with pytest.raises(BackupError, match="is not a backup made by the backup command"):
        restore(junk, str(tmp_path / "new.sqlite3"))
    assert not (tmp_path / "new.sqlite3").exists()


@pytest.mark.sqlite_only("a SQLite backup meeting a server URL")
def test_a_backup_goes_back_to_its_own_kind_of_database(stored: pw.Database, tmp_path: Path) -> None:
    out = tmp_path / "clinic.backup"
    back_up(stored, out)
    with pytest.raises(BackupError, match="is a sqlite backup: restore it into a SQLite file"):
        restore(out, "postgresql://nobody@127.0.0.1:1/none")


@pytest.mark.sqlite_only("restoring over an empty SQLite file")
def test_restore_fills_an_empty_file_owner_only(stored: pw.Database, tmp_path: Path) -> None:
    out = tmp_path / "clinic.backup"
    back_up(stored, out)
    target = tmp_path / "restored.sqlite3"
    target.touch(mode=0o644)
    restore(out, str(target))
    assert mode(target) == 0o600
    with sqlite3.connect(target) as copy:
        assert copy.execute("SELECT patient_name FROM \"case\"").fetchall() == [("Zoë Łódź-Müller",)]


@pytest.mark.sqlite_only("daily copies of a SQLite file")
def test_the_first_open_of_a_day_takes_a_daily_backup(tmp_path: Path) -> None:
    path = tmp_path / "rtw.sqlite3"
    db = open_database(path)
    CaseRepository(db).save(full_case())
    made = daily_backup(db, TODAY)
    assert made == daily_folder(path) / "rtw-2026-12-06.sqlite3"
    assert mode(made) == 0o600
    assert mode(made.parent) == 0o700
    assert daily_backup(db, TODAY) is None  # one a day
    with sqlite3.connect(made) as copy:
        assert copy.execute("SELECT count(*) FROM \"case\"").fetchone() == (1,)


@pytest.mark.sqlite_only("daily copies of a SQLite file")
def test_daily_backups_older_than_the_clinics_retention_are_pruned(tmp_path: Path) -> None:
    path = tmp_path / "rtw.sqlite3"
    db = open_database(path)
    ClinicRepository(db).save(Clinic("Riverside", backup_retention_days=3))
    folder = daily_folder(path)
    folder.mkdir()
    for days_ago in range(1, 6):
        (folder / f"rtw-{TODAY - timedelta(days=days_ago)}.sqlite3").write_bytes(b"")
    other = folder / "notes.sqlite3"
    other.write_bytes(b"")
    daily_backup(db, TODAY)
    kept = sorted(p.name for p in folder.iterdir())
    # three days: today's and the two before it
    assert kept == ["notes.sqlite3", "rtw-2026-12-04.sqlite3", "rtw-2026-12-05.sqlite3", "rtw-2026-12-06.sqlite3"]


@pytest.mark.sqlite_only("daily copies of a SQLite file")
def test_a_retention_of_zero_days_takes_none(tmp_path: Path) -> None:
    path = tmp_path / "rtw.sqlite3"
    db = open_database(path)
    ClinicRepository(db).save(Clinic("Riverside", backup_retention_days=0))
    assert daily_backup(db, TODAY) is None
    assert not daily_folder(path).exists()


@pytest.mark.sqlite_only("daily copies of a SQLite file")
def test_a_failed_daily_backup_never_stops_the_database_opening(tmp_path: Path) -> None:
    path = tmp_path / "rtw.sqlite3"
    db = open_database(path)
    daily_folder(path).write_text("a file where the folder should be", encoding="utf-8")
    assert daily_backup(db, TODAY) is None
    assert CaseRepository(db).count() == 0


def test_prune_keeps_the_days_it_is_told(tmp_path: Path) -> None:
    for day in (TODAY, TODAY - timedelta(days=13), TODAY - timedelta(days=14), TODAY - timedelta(days=40)):
        (tmp_path / f"rtw-{day}.sqlite3").write_bytes(b"")
    gone = prune(tmp_path, "rtw", 14, TODAY)
    assert sorted(p.name for p in gone) == ["rtw-2026-10-27.sqlite3", "rtw-2026-11-22.sqlite3"]
    assert sorted(os.listdir(tmp_path)) == ["rtw-2026-11-23.sqlite3", "rtw-2026-12-06.sqlite3"]
