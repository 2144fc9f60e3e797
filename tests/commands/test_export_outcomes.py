"""`export-outcomes CASE_ID --out FILE.csv` writes the case's outcomes and log owner-only; bad input is status 2."""

from __future__ import annotations

import csv
import io
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from factories import followed_up_case

from rtw_planner.cli import main
from rtw_planner.db.database import open_database
from rtw_planner.db.repository import CaseRepository
from rtw_planner.domain.outcomes.csv_export import COLUMNS, csv_text


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "rtw.sqlite3"
    database = open_database(path)
    assert CaseRepository(database).save(followed_up_case()).id == 1
    database.close()
    return path


@pytest.fixture
def open_umask() -> Iterator[None]:
    """A umask that would leave a new file readable by everyone, so the 0600 is the command's doing."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_writes_the_csv_owner_only(db: Path, tmp_path: Path, open_umask: None,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "outcomes.csv"
    assert main(["--db", str(db), "export-outcomes", "1", "--out", str(out)]) == 0
    assert mode(out) == 0o600
    text = out.read_text(encoding="utf-8")
    assert text == csv_text(CaseRepository(open_database(db)).get(1))
    table = list(csv.reader(io.StringIO(text)))
    assert table[0] == list(COLUMNS)
    assert len(table) == 15
    assert table[-1][:5] == ["practice", "2026-11-26", "Walking", "4.0", "8.0"]
    assert capsys.readouterr().err == ""
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_an_existing_readable_file_is_replaced_owner_only(db: Path, tmp_path: Path, open_umask: None) -> None:
    out = tmp_path / "outcomes.csv"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o644)
    assert main(["--db", str(db), "export-outcomes", "1", "--out", str(out)]) == 0
    assert mode(out) == 0o600
    assert out.read_text(encoding="utf-8").startswith(",".join(COLUMNS))


@pytest.mark.parametrize(("case_id", "message"), [
    ("99", "CASE_ID: case 99 does not exist"),
    ("abc", "CASE_ID: 'abc' is not allowed"),
    ("0", "CASE_ID: '0' is not allowed"),
    ("-1", "CASE_ID: '-1' is not allowed"),
])
def test_a_bad_or_missing_case_is_status_2_and_writes_nothing(db: Path, tmp_path: Path, case_id: str, message: str,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "outcomes.csv"
    assert main(["--db", str(db), "export-outcomes", case_id, "--out", str(out)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"rtw-planner export-outcomes: {message}")
    assert not out.exists()


def test_no_database_is_status_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing, out = tmp_path / "none.sqlite3", tmp_path / "outcomes.csv"
    assert main(["--db", str(missing), "export-outcomes", "1", "--out", str(out)]) == 2
    assert "--db: no database" in capsys.readouterr().err
    assert not missing.exists()
    assert not out.exists()


def test_bad_output_paths_are_status_2(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db), "export-outcomes", "1", "--out", str(tmp_path / "no" / "x.csv")]) == 2
    assert "--out: folder" in capsys.readouterr().err
    assert main(["--db", str(db), "export-outcomes", "1", "--out", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err


def test_out_is_required(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--db", str(db), "export-outcomes", "1"])
    assert info.value.code == 2
    assert "--out" in capsys.readouterr().err
