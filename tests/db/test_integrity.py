"""A damaged SQLite file is refused on open with a message naming it and saying to restore a backup, and nothing is
ever written to it: not by opening it, not by `import`."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from factories import case_text, followed_up_case, unassessed_case

from rtw_planner.db.database import open_database
from rtw_planner.db.errors import CorruptDatabaseError, DatabaseError
from rtw_planner.db.repository import CaseRepository

pytestmark = pytest.mark.sqlite_only("the bytes of a SQLite file")

ROOT = Path(__file__).resolve().parents[2]
JUNK = bytes(range(7, 256, 13)) * 300


def fingerprint(path: Path) -> tuple[str, int]:
    """The file's bytes (as a hash), and how many bytes wait in its write-ahead log to be written into it. (A
    read-only look at a WAL-mode file may leave an empty log and index beside it: SQLite's lock bookkeeping.)"""
    wal = path.with_name(f"{path.name}-wal")
    return hashlib.sha256(path.read_bytes()).hexdigest(), wal.stat().st_size if wal.exists() else 0


def stored_file(folder: Path) -> Path:
    """A closed database file with three cases in it (closing checkpoints the WAL into the file)."""
    path = folder / "rtw.sqlite3"
    db = open_database(path)
    repo = CaseRepository(db)
    for number in range(3):
        repo.save(followed_up_case(job_title=f"Picker {number}"))
    db.close()
    assert not path.with_name(path.name + "-wal").exists()
    return path


def overwrite_pages(path: Path, first_page: int, pages: int) -> None:
    """Junk over whole pages (numbered from 1, as SQLite does), leaving the header page alone."""
    with closing(sqlite3.connect(path)) as plain:
        (page_size,) = plain.execute("PRAGMA page_size").fetchone()
        (page_count,) = plain.execute("PRAGMA page_count").fetchone()
    assert first_page > 1
    assert first_page + pages - 1 <= page_count
    with path.open("r+b") as file:
        file.seek((first_page - 1) * page_size)
        file.write((JUNK * (page_size * pages // len(JUNK) + 1))[:page_size * pages])


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    path = stored_file(tmp_path)
    overwrite_pages(path, 2, 3)
    assert [p.name for p in tmp_path.iterdir()] == ["rtw.sqlite3"]  # the file alone: no journal, no WAL
    return path


def test_the_file_is_well_before_it_is_damaged(tmp_path: Path) -> None:
    """The check passes a sound file (so what the other tests see is the damage)."""
    path = stored_file(tmp_path)
    assert CaseRepository(open_database(path)).count() == 3


def test_a_damaged_file_is_refused_naming_it_and_saying_to_restore(damaged: Path) -> None:
    with pytest.raises(CorruptDatabaseError) as refused:
        open_database(damaged)
    message = str(refused.value)
    assert str(damaged) in message
    assert "damaged" in message
    assert "Restore it from a backup" in message
    assert "Picker" not in message
    assert "\n" not in message


def test_opening_a_damaged_file_writes_nothing_to_it(damaged: Path) -> None:
    before = fingerprint(damaged)
    for _ in range(2):
        with pytest.raises(CorruptDatabaseError):
            open_database(damaged)
    assert fingerprint(damaged) == before


@pytest.mark.parametrize("first_page", [2, 5, 9])
def test_damage_anywhere_past_the_header_is_found(tmp_path: Path, first_page: int) -> None:
    path = stored_file(tmp_path)
    overwrite_pages(path, first_page, 1)
    with pytest.raises(CorruptDatabaseError):
        open_database(path)


def test_a_file_of_junk_is_refused_and_left_alone(tmp_path: Path) -> None:
    """Not a database at all (the header is junk too): refused with the file named, and not overwritten."""
    path = tmp_path / "rtw.sqlite3"
    path.write_bytes(JUNK)
    before = fingerprint(path)
    with pytest.raises(DatabaseError, match=str(path)):
        open_database(path)
    assert fingerprint(path) == before


def import_into(path: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    case_file = tmp_path / "case.json"
    case_file.write_text(case_text(unassessed_case()), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "rtw_planner", "--db", str(path), "import", str(case_file)],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120, check=False)


def test_import_into_a_damaged_file_exits_2_in_one_line_and_writes_nothing(damaged: Path, tmp_path: Path) -> None:
    before = fingerprint(damaged)
    result = import_into(damaged, tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"rtw-planner import: the database {damaged} is damaged")
    assert "Restore it from a backup" in result.stderr
    assert fingerprint(damaged) == before


def test_import_into_a_file_of_junk_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "rtw.sqlite3"
    path.write_bytes(JUNK)
    result = import_into(path, tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    assert str(path) in result.stderr
    assert path.read_bytes() == JUNK


KILLED_WRITER = ("import os, signal, sys\nfrom pathlib import Path\n"
                 "from rtw_planner.db.database import open_database\n"
                 "from rtw_planner.db.repository import CaseRepository\n"
                 "from rtw_planner.domain.case.model import Case\n"
                 "repo = CaseRepository(open_database(Path(sys.argv[1])))\n"
                 "for number in range(5):\n"
                 "    repo.save(Case('P', employer='E', job_title=f'Picker {number}'))\n"
                 "os.kill(os.getpid(), signal.SIGKILL)\n")


@pytest.mark.parametrize("index_kept", [True, False], ids=["index-kept", "index-lost"])
def test_a_file_left_by_a_killed_writer_passes_the_check_with_every_commit(tmp_path: Path, index_kept: bool) -> None:
    """kill -9 after five saves leaves them in the write-ahead log, not yet in the file: the read-only check on
    open must see them (or recover them) and let the file through, every case there."""
    path = tmp_path / "rtw.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    killed = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(path)], capture_output=True, text=True,
                            env=env, cwd=ROOT, timeout=120, check=False)
    assert killed.returncode == -9
    assert path.with_name("rtw.sqlite3-wal").stat().st_size > 0  # the saves wait in the log
    if not index_kept:
        path.with_name("rtw.sqlite3-shm").unlink()
    repo = CaseRepository(open_database(path))
    assert sorted(summary.job_title for summary in repo.summaries()) == [f"Picker {n}" for n in range(5)]
