"""Many processes on one database: they wait for each other instead of crashing, a refused save is always a
conflict (never "database is locked", never a lost update), a lock held past the busy timeout is BusyError and
writes nothing, and clients opening an old schema at once all get it migrated, with one owner-only backup."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from db_factories import raw_database, row_count
from factories import case_text, unassessed_case
from playhouse.migrations import Runner

from rtw_planner.cli import main
from rtw_planner.db import database, sqlite_file
from rtw_planner.db.database import open_database
from rtw_planner.db.errors import BusyError
from rtw_planner.db.repository import CaseRepository

ROOT = Path(__file__).resolve().parents[2]
SAVE_LOOP = Path(__file__).with_name("save_loop.py")
BUSY = "the database is busy, try again"


def start(*args: str | Path) -> subprocess.Popen[str]:
    """A Python process of this tree's code, its output captured."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen([sys.executable, *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env, cwd=ROOT)


def finish(processes: list[subprocess.Popen[str]]) -> list[tuple[int, str, str]]:
    """(exit status, standard output, standard error) of each process, in order."""
    results = []
    for process in processes:
        out, err = process.communicate(timeout=180)
        results.append((process.returncode, out, err))
    return results


def test_twenty_imports_at_once_all_store_their_case(database_location: Path | str, tmp_path: Path) -> None:
    """The issue's 25 pairs of imports gave 18 tracebacks; 20 at once on a new database, which they must also
    create and migrate between them, all succeed."""
    files = []
    for number in range(1, 21):
        path = tmp_path / f"case-{number}.json"
        path.write_text(case_text(unassessed_case(job_title=f"Picker {number}")), encoding="utf-8")
        files.append(path)
    results = finish([start("-m", "rtw_planner", "--db", database_location, "import", path) for path in files])
    assert [err for _, _, err in results if "Traceback" in err] == []
    assert [(status, err) for status, _, err in results if status != 0] == []
    assert all(err == "" for _, _, err in results)
    ids = [int(out) for _, out, _ in results]
    assert sorted(ids) == list(range(1, 21))  # one new case each, numbered from 1 on the new database
    repo = CaseRepository(open_database(database_location))
    assert repo.count() == 20
    for case_id, number in zip(ids, range(1, 21), strict=True):
        assert repo.get(case_id).job_title == f"Picker {number}"


def test_two_processes_saving_one_case_lose_no_update(database_location: Path | str) -> None:
    """Each process reads the case, adds a practice day and saves, for 3 seconds. A save that lost the race is
    refused as a conflict, and every save that succeeded is still there at the end."""
    repo = CaseRepository(open_database(database_location))
    case_id = repo.save(unassessed_case()).id
    start_at = time.time() + 3  # both have started by then; they begin together
    workers = [start(SAVE_LOOP, database_location, case_id, start_at, start_at + 3, name) for name in ("A", "B")]
    results = finish(workers)
    assert [(status, err) for status, _, err in results] == [(0, ""), (0, "")]
    reports = [json.loads(out) for _, out, _ in results]
    assert [report["failures"] for report in reports] == [[], []]  # never "database is locked", nor anything else
    saved = [activity for report in reports for activity in report["saved"]]
    assert saved
    # Both were saving (not how often each won: a process can lose every race to the other, as SQLite's lock
    # makes no promise of fairness).
    assert all(report["saved"] or report["conflicts"] for report in reports)
    assert sum(report["conflicts"] for report in reports) > 0  # they did race: read the same revision
    final = repo.get(case_id)  # type: ignore[arg-type]
    assert final.revision == 1 + len(saved)  # saved at 1, then once more per successful save
    assert sorted(entry.activity for entry in final.practice_log) == sorted(saved)
    assert row_count(repo.db, "practice_entry", case_id) == len(saved)


@pytest.fixture
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    """A busy timeout of a twentieth of a second, so that a held lock outlasts it at once."""
    monkeypatch.setitem(database.PRAGMAS, "busy_timeout", 50)


def hold_write_lock(path: Path) -> sqlite3.Connection:
    """Another program's write transaction on the file, left open."""
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    return holder


@pytest.mark.sqlite_only("SQLite's file lock and its busy timeout")
def test_a_lock_held_past_the_busy_timeout_is_busy_error_and_writes_nothing(tmp_path: Path, short_wait: None,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "rtw.sqlite3"
    repo = CaseRepository(open_database(path))
    stored = repo.save(unassessed_case())
    assert stored.id is not None
    holder = hold_write_lock(path)
    try:
        assert repo.get(stored.id) == stored  # reads never wait for the lock (WAL)
        with pytest.raises(BusyError, match=BUSY):
            repo.save(replace(stored, job_title="Forklift driver"))
        with pytest.raises(BusyError, match=BUSY):
            repo.save(unassessed_case(job_title="Packer"))
        with pytest.raises(BusyError, match=BUSY):
            repo.delete(stored.id)
    finally:
        holder.rollback()
        holder.close()
    assert repo.count() == 1
    assert repo.get(stored.id) == stored  # still at revision 1, with its old job title
    # The same unit of work goes through once the lock is free: the user tries again.
    assert repo.save(replace(stored, job_title="Forklift driver")).revision == 2


@pytest.mark.sqlite_only("SQLite's file lock and its busy timeout")
def test_import_into_a_locked_file_exits_2_with_the_busy_message(tmp_path: Path, short_wait: None,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "rtw.sqlite3"
    open_database(path).close()
    case_file = tmp_path / "case.json"
    case_file.write_text(case_text(unassessed_case()), encoding="utf-8")
    holder = hold_write_lock(path)
    try:
        assert main(["--db", str(path), "import", str(case_file)]) == 2
    finally:
        holder.rollback()
        holder.close()
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"rtw-planner import: {BUSY}")
    assert captured.err.count("\n") == 1
    assert CaseRepository(open_database(path)).count() == 0


def old_schema(location: Path | str) -> None:
    """A database left at migration 0006 by an earlier version, holding one case."""
    db = raw_database(location)
    db.connect()
    Runner(db, directory=str(database.MIGRATIONS_DIR)).up("0006_documents_and_units")
    db.execute_sql('INSERT INTO "case" (patient_name, employer, job_title, diagnosis, created_at, updated_at) '
                   "VALUES ('Ann', 'Acme', 'Picker', '', '2026-11-01 10:00:00', '2026-11-01 10:00:00')")
    db.close()


OPEN_AND_READ = ("import sys, time; from pathlib import Path\n"
                 "from rtw_planner.db.database import open_database\n"
                 "from rtw_planner.db.repository import CaseRepository\n"
                 "location, start_at = sys.argv[1], float(sys.argv[2])\n"
                 "time.sleep(max(0.0, start_at - time.time()))\n"
                 "db = open_database(location if location.startswith('postgresql://') else Path(location))\n"
                 "case = CaseRepository(db).get(1)\n"
                 "print(case.job_title, case.revision)\n")


def test_clients_opening_an_old_schema_at_once_all_succeed(database_location: Path | str) -> None:
    """Eight processes open a database at 0006 at the same moment: each finds it migrated (one of them did it)
    and reads the old case at revision 1; a file gets one owner-only backup, of the old schema."""
    old_schema(database_location)
    start_at = time.time() + 3
    results = finish([start("-c", OPEN_AND_READ, database_location, start_at) for _ in range(8)])
    assert results == [(0, "Picker 1\n", "")] * 8
    db = open_database(database_location)
    assert database.pending_migrations(db) == []
    assert "revision" in {column.name for column in db.get_columns("case")}
    if isinstance(database_location, Path):
        backups = list(database_location.parent.glob(f"{database_location.name}.before-migration-*.bak"))
        assert len(backups) == 1  # the first to take the write lock migrated; the others found nothing to do
        assert backups[0].stat().st_mode & 0o777 == 0o600
        with sqlite3.connect(backups[0]) as copy:
            assert copy.execute('SELECT patient_name FROM "case"').fetchall() == [("Ann",)]
            assert "revision" not in {row[1] for row in copy.execute('PRAGMA table_info("case")')}


@pytest.mark.sqlite_only("the backup file beside the database")
def test_backups_made_in_the_same_microsecond_get_distinct_names(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The clock standing still (a coarse clock, or two processes at once): each backup still gets a file of its
    own, owner-only, and none overwrites another."""

    class StoppedClock(datetime):
        @classmethod
        def now(cls, tz: object = None) -> StoppedClock:  # type: ignore[override]
            return cls(2026, 12, 6, 14, 5, 0, 123456)

    monkeypatch.setattr(sqlite_file, "datetime", StoppedClock)
    path = tmp_path / "rtw.sqlite3"
    repo = CaseRepository(open_database(path))
    backups = []
    for job_title in ("First", "Second", "Third"):
        repo.save(unassessed_case(job_title=job_title))
        backups.append(sqlite_file.backup_before_migration(path))
    assert len(set(backups)) == 3
    assert backups[0].name == "rtw.sqlite3.before-migration-20261206-140500-123456.bak"
    for count, backup in enumerate(backups, start=1):
        assert backup.parent == tmp_path
        assert backup.stat().st_mode & 0o777 == 0o600
        with sqlite3.connect(backup) as copy:  # each holds the file as it was when it was made
            assert copy.execute('SELECT count(*) FROM "case"').fetchone() == (count,)



@pytest.mark.sqlite_only("SQLite's file lock and its busy timeout")
def test_opening_an_old_file_while_another_program_writes_is_busy_and_migrates_nothing(
        tmp_path: Path, short_wait: None) -> None:
    path = tmp_path / "rtw.sqlite3"
    old_schema(path)
    holder = hold_write_lock(path)
    try:
        with pytest.raises(BusyError, match=BUSY):
            open_database(path)
    finally:
        holder.rollback()
        holder.close()
    with sqlite3.connect(path) as plain:
        assert "revision" not in {row[1] for row in plain.execute('PRAGMA table_info("case")')}
    assert list(tmp_path.glob("*.bak")) == []  # the backup is made under the lock, so none was made
    assert CaseRepository(open_database(path)).get(1).revision == 1  # and the next try migrates it


def test_a_row_locked_on_the_server_past_the_lock_timeout_is_busy_error(server_databases: Callable[[], str],
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Another client's open transaction holds the case row; the save waits lock_timeout, then is refused as busy
    and writes nothing, instead of hanging the window."""
    import psycopg

    from rtw_planner.db import backends

    monkeypatch.setattr(backends, "LOCK_TIMEOUT_MS", 200)
    url = server_databases()
    repo = CaseRepository(open_database(url))
    saved = repo.save(unassessed_case())
    assert saved.id is not None
    with psycopg.connect(url) as other:
        other.execute('SELECT id FROM "case" WHERE id = %s FOR UPDATE', (saved.id,))
        with pytest.raises(BusyError, match=BUSY):
            repo.save(replace(saved, job_title="Team leader"))
    assert repo.get(saved.id) == saved
