"""`caseload [--due-within DAYS] [--json]` lists what is due across the database, overdue reviews first."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from factories import as_of, planned_case, unassessed_case

from rtw_planner.cli import main
from rtw_planner.db.database import open_database
from rtw_planner.db.repository import CaseRepository


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """The planned case as of today (appointment in 5 days, return in 4 weeks) and a case whose review passed."""
    today = date.today()
    path = tmp_path / "rtw.sqlite3"
    database = open_database(path)
    repository = CaseRepository(database)
    repository.save(as_of(planned_case(), today))
    repository.save(replace(unassessed_case(), patient_name="Ana Ruiz", review_date=today - timedelta(days=10)))
    database.close()
    return path


def _json(db: Path, capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict[str, object]]:
    assert main(["--db", str(db), "caseload", *argv, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, list)
    return data


def test_the_overdue_review_comes_first_then_the_appointment(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    today = date.today()
    items = _json(db, capsys)
    assert items[0] == {"case_id": 2, "patient_name": "Ana Ruiz", "reason": "review_overdue",
                        "date": (today - timedelta(days=10)).isoformat(), "detail": ""}
    # the planned case's appointment is on 11 December 2026 when it stands at 6 December: five days on, at 10:30
    assert items[1]["reason"] == "appointment"
    assert items[1]["case_id"] == 1
    assert date.fromisoformat(str(items[1]["date"])) - today in (timedelta(days=d) for d in range(2, 9))
    assert items[1]["detail"] == "10:30"
    assert len(items) == 2  # the return to work is four weeks away


def test_looking_further_ahead_finds_the_return_to_work(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reasons = [item["reason"] for item in _json(db, capsys, "--due-within", "40")]
    assert reasons[0] == "review_overdue"
    assert "phase_starts" in reasons
    assert "phase_ends" in reasons


def test_the_table_names_each_reason_in_words(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db), "caseload"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "Review overdue" in lines[0]
    assert "Ana Ruiz" in lines[0]
    assert "Appointment" in lines[1]


@pytest.mark.parametrize("days", ["-1", "367", "1.5", "week"])
def test_a_bad_look_ahead_is_a_usage_error(db: Path, days: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db), "caseload", "--due-within", days]) == 2
    assert "--due-within" in capsys.readouterr().err


def test_no_database_means_nothing_is_due(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _json(tmp_path / "none.sqlite3", capsys) == []
    assert not (tmp_path / "none.sqlite3").exists()


def test_an_archived_case_leaves_the_caseload_until_restored(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(db), "archive", "2"]) == 0
    assert capsys.readouterr().out == "case 2 archived\n"
    assert {item["case_id"] for item in _json(db, capsys)} == {1}
    assert main(["--db", str(db), "archive", "2", "--restore"]) == 0
    assert capsys.readouterr().out == "case 2 restored\n"
    assert _json(db, capsys)[0]["case_id"] == 2
    assert main(["--db", str(db), "archive", "9"]) == 2
    assert capsys.readouterr().err == "rtw-planner archive: CASE_ID: case 9 does not exist\n"
