"""`backup --out FILE` and `restore FILE --db TARGET`: the demo case round-trips exactly, on either backend; backups
are owner-only; nothing is ever written over."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from rtw_planner.cli import main

NewDatabase = Callable[[], "Path | str"]


@pytest.fixture
def demo_db(database_location: Path | str, demo_text: str, tmp_path: Path,
            capsys: pytest.CaptureFixture[str]) -> str:
    """A database holding the demo case (id 1)."""
    source = tmp_path / "demo.json"
    source.write_text(demo_text, encoding="utf-8")
    assert main(["--db", str(database_location), "import", str(source)]) == 0
    assert capsys.readouterr().out.strip() == "1"
    return str(database_location)


def _export(db: str, out: Path) -> bytes:
    assert main(["--db", db, "export", "1", "--out", str(out)]) == 0
    return out.read_bytes()


def test_backup_then_restore_round_trips_the_demo_case_exactly(demo_db: str, new_database: NewDatabase,
                                                                tmp_path: Path) -> None:
    before = _export(demo_db, tmp_path / "before.json")
    backup = tmp_path / "clinic.backup"
    assert main(["--db", demo_db, "backup", "--out", str(backup)]) == 0
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600

    target = str(new_database())
    assert main(["restore", str(backup), "--db", target]) == 0
    if isinstance(target, str) and not target.startswith("postgresql:"):
        assert not Path(target + "-wal").exists()  # one whole file, ready to be moved into place
        assert stat.S_IMODE(Path(target).stat().st_mode) == 0o600
    after = _export(target, tmp_path / "after.json")
    assert after == before
    assert b'"revision": 1' in after


def test_the_restored_database_goes_on_working(demo_db: str, new_database: NewDatabase, tmp_path: Path,
                                               demo_text: str, capsys: pytest.CaptureFixture[str]) -> None:
    backup = tmp_path / "clinic.backup"
    assert main(["--db", demo_db, "backup", "--out", str(backup)]) == 0
    target = str(new_database())
    assert main(["--db", target, "restore", str(backup)]) == 0  # --db before the command works too
    source = tmp_path / "demo.json"
    source.write_text(demo_text, encoding="utf-8")
    capsys.readouterr()
    assert main(["--db", target, "import", str(source)]) == 0
    assert capsys.readouterr().out.strip() == "2"  # the ids carry on after the restored ones
    assert main(["--db", target, "history", "2", "--json"]) == 0


def test_restore_refuses_a_database_that_holds_cases(demo_db: str, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    before = _export(demo_db, tmp_path / "before.json")
    backup = tmp_path / "clinic.backup"
    assert main(["--db", demo_db, "backup", "--out", str(backup)]) == 0
    capsys.readouterr()
    assert main(["restore", str(backup), "--db", demo_db]) == 2
    assert "already holds" in capsys.readouterr().err
    assert _export(demo_db, tmp_path / "again.json") == before


def test_backup_never_writes_over_a_file(demo_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "clinic.backup"
    out.write_bytes(b"last week's")
    assert main(["--db", demo_db, "backup", "--out", str(out)]) == 2
    assert "exists; a backup never replaces a file" in capsys.readouterr().err
    assert out.read_bytes() == b"last week's"


def test_restore_needs_a_target(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    backup = tmp_path / "clinic.backup"
    backup.write_bytes(b"SQLite format 3\x00")
    assert main(["restore", str(backup)]) == 2
    assert "--db TARGET is required" in capsys.readouterr().err


def test_restore_refuses_what_is_not_a_backup(new_database: NewDatabase, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a backup", encoding="utf-8")
    assert main(["restore", str(notes), "--db", str(new_database())]) == 2
    assert "is not a backup made by the backup command" in capsys.readouterr().err


@pytest.mark.sqlite_only("the file's own owner and a stranger")
def test_only_an_administrator_backs_up(demo_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    import getpass

    assert main(["--db", demo_db, "users", "set", "priya", "clinician"]) == 0
    monkeypatch.setattr(getpass, "getuser", lambda: "priya")
    out = tmp_path / "clinic.backup"
    assert main(["--db", demo_db, "backup", "--out", str(out)]) == 2
    assert "priya (clinician) may not back up or restore the database" in capsys.readouterr().err
    assert not out.exists()
