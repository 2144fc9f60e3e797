"""`history CASE_ID [--json]`: every change made to a case through the commands, with who, when, old and new."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from factories import EMPLOYER, case_text, planned_case

from rtw_planner.cli import main
from rtw_planner.db.database import open_database
from rtw_planner.db.identity import current_user


@pytest.fixture
def db(database_location: Path | str) -> str:
    return str(database_location)


def _import(db: str, path: Path, capsys: pytest.CaptureFixture[str], *more: str) -> str:
    assert main(["--db", db, "import", str(path), *more]) == 0
    return capsys.readouterr().out.strip()


def _history(db: str, case_id: str, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    assert main(["--db", db, "history", case_id, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, list)
    return data


def _edited_export(db: str, case_id: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                   **changes: Any) -> Path:
    exported = tmp_path / f"export-{case_id}.json"
    exported.unlink(missing_ok=True)
    assert main(["--db", db, "export", case_id, "--out", str(exported)]) == 0
    capsys.readouterr()
    data = json.loads(exported.read_text(encoding="utf-8"))
    data.update(changes)
    exported.write_text(json.dumps(data), encoding="utf-8")
    return exported


def test_history_lists_an_import_and_each_replaced_field(db: str, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "case.json"
    source.write_text(case_text(planned_case()), encoding="utf-8")
    before = datetime.now(UTC) - timedelta(minutes=1)
    case_id = _import(db, source, capsys)
    edited = _edited_export(db, case_id, tmp_path, capsys, job_title="Forklift driver", employer="Eastgate Ltd")
    _import(db, edited, capsys, "--replace", case_id)
    after = datetime.now(UTC) + timedelta(minutes=1)

    changes = _history(db, case_id, capsys)
    assert changes[0]["what"] == f"added case {case_id}"
    assert changes[0]["new"]["job_title"] == "Warehouse order picker"
    replaced = [c for c in changes if c["what"] == f"changed case {case_id}"]
    assert {(c["field"], c["old"], c["new"]) for c in replaced} == {
        ("job_title", "Warehouse order picker", "Forklift driver"), ("employer", EMPLOYER, "Eastgate Ltd")}
    who = current_user(open_database(db))
    assert {c["who"] for c in changes} == {who}
    assert all(set(c) == {"when", "who", "what", "field", "old", "new"} for c in changes)
    assert all(before <= datetime.fromisoformat(c["when"]) <= after for c in changes)


def test_the_text_lists_one_change_a_line(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "case.json"
    source.write_text(case_text(planned_case()), encoding="utf-8")
    case_id = _import(db, source, capsys)
    _import(db, _edited_export(db, case_id, tmp_path, capsys, job_title="Forklift driver"), capsys,
            "--replace", case_id)
    assert main(["--db", db, "history", case_id]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(_history(db, case_id, capsys))
    changed = [line for line in lines if f"changed case {case_id}" in line]
    assert len(changed) == 1
    assert changed[0].endswith(f'changed case {case_id}  job_title: "Warehouse order picker" → "Forklift driver"')
    assert lines[0].split("  ")[1] == current_user(open_database(db))


def test_an_unknown_case_is_a_usage_error(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    open_database(db).close()
    assert main(["--db", db, "history", "41"]) == 2
    assert "CASE_ID: case 41 does not exist and has no recorded history" in capsys.readouterr().err


@pytest.mark.parametrize("case_id", ["0", "-3", "x1", "1.5"])
def test_a_case_id_must_be_a_positive_whole_number(db: str, case_id: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db, "history", case_id]) == 2
    assert "expected a positive whole number" in capsys.readouterr().err


@pytest.mark.sqlite_only("a missing database file")
def test_a_missing_database_is_not_created(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "none.sqlite3"
    assert main(["--db", str(missing), "history", "1"]) == 2
    assert "no database at" in capsys.readouterr().err
    assert not missing.exists()


@pytest.mark.sqlite_only("roles recorded in a SQLite file")
def test_reception_may_not_read_a_cases_history(db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    import getpass

    source = tmp_path / "case.json"
    source.write_text(case_text(planned_case()), encoding="utf-8")
    case_id = _import(db, source, capsys)
    assert main(["--db", db, "users", "set", "frontdesk", "reception"]) == 0
    monkeypatch.setattr(getpass, "getuser", lambda: "frontdesk")
    assert main(["--db", db, "history", case_id, "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "frontdesk (reception) may not read diagnoses, notes, scores, documents or a case's history" in captured.err
