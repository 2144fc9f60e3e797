"""`export` writes the case's revision; `import FILE --replace CASE_ID` replaces the stored case (same id, the
revision moving on) only while it is still at the file's revision, else exits 3 and writes nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import peewee as pw
import pytest
from factories import case_text, followed_up_case, unassessed_case

from rtw_planner.cli import main
from rtw_planner.db import identity
from rtw_planner.db.database import is_server, open_database
from rtw_planner.db.document_log import DocumentLog
from rtw_planner.db.repository import CaseRepository

ROOT = Path(__file__).resolve().parents[2]
TABLES = ("case", "clinician", "consent", "evaluation", "job_demands", "outcome_record", "practice_entry",
          "plan_version")


@pytest.fixture(autouse=True)
def saver(monkeypatch: pytest.MonkeyPatch) -> None:
    """Who saves: the operating-system user (until identity lands), here 'sam'."""
    monkeypatch.setattr("getpass.getuser", lambda: "sam")


@pytest.fixture
def db(database_location: Path | str) -> pw.Database:
    return open_database(database_location)


@pytest.fixture
def repo(db: pw.Database) -> CaseRepository:
    return CaseRepository(db)


def cli(location: Path | str, *argv: str | Path) -> int:
    return main(["--db", str(location), *map(str, argv)])


def export(location: Path | str, case_id: int, out: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert cli(location, "export", case_id, "--out", out) == 0
    assert capsys.readouterr() == ("", "")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def stamp(db: pw.Database, case_id: int) -> tuple[int, str]:
    row = db.execute_sql(f'SELECT revision, updated_by FROM "case" WHERE id = {db.param}', (case_id,)).fetchone()
    return int(row[0]), str(row[1])


def all_rows(db: pw.Database) -> dict[str, int]:
    return {table: int(db.execute_sql(f'SELECT count(*) FROM "{table}"').fetchone()[0]) for table in TABLES}


def test_export_writes_the_revision_the_case_is_at(database_location: Path | str, repo: CaseRepository,
                                                   tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    saved = repo.save(followed_up_case())
    assert saved.id is not None
    assert export(database_location, saved.id, tmp_path / "first.json", capsys)["revision"] == 1
    repo.save(replace(saved, job_title="Forklift driver"))
    repo.save(replace(repo.get(saved.id), employer="Southgate Ltd"))
    assert export(database_location, saved.id, tmp_path / "third.json", capsys)["revision"] == 3


def test_replace_at_the_exported_revision_keeps_the_id_and_moves_the_revision_on(
        database_location: Path | str, db: pw.Database, repo: CaseRepository, tmp_path: Path,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    first = repo.save(followed_up_case())
    other = repo.save(unassessed_case(job_title="Packer"))
    assert (first.id, other.id) == (1, 2)
    repo.save(replace(first, employer="Southgate Ltd"))  # revision 2, exported at that
    data = export(database_location, 1, tmp_path / "case.json", capsys)
    assert data["revision"] == 2
    data["job_title"] = "Forklift driver"
    data["outcomes"].pop()  # the last outcome record, deleted in the file
    edited = write(tmp_path / "edited.json", data)
    monkeypatch.setattr("getpass.getuser", lambda: "kim")

    assert cli(database_location, "import", edited, "--replace", "1") == 0
    assert capsys.readouterr() == ("1\n", "")
    replaced = repo.get(1)
    assert replaced.revision == 3
    assert stamp(db, 1) == (3, identity.current_user(db))  # who changed it goes on being recorded (a server: the role)
    assert replaced.job_title == "Forklift driver"
    assert replaced.employer == "Southgate Ltd"
    assert len(first.outcomes) == 10
    assert replaced.outcomes == first.outcomes[:9]
    assert repo.count() == 2  # replaced, not added
    assert repo.get(2) == other
    again = export(database_location, 1, tmp_path / "again.json", capsys)
    assert again.pop("revision") == 3
    assert again == {key: value for key, value in data.items() if key != "revision"}


def test_a_stale_revision_exits_3_and_leaves_the_stored_case_as_it_was(
        database_location: Path | str, db: pw.Database, repo: CaseRepository, tmp_path: Path,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    saved = repo.save(followed_up_case())
    assert saved.id == 1
    data = export(database_location, 1, tmp_path / "case.json", capsys)  # at revision 1
    monkeypatch.setattr("getpass.getuser", lambda: "kim")
    repo.save(replace(saved, job_title="Forklift driver"))  # someone else: now revision 2
    monkeypatch.setattr("getpass.getuser", lambda: "sam")
    before, rows = repo.get(1), all_rows(db)
    data["job_title"] = "Packer"
    data["outcomes"] = []

    assert cli(database_location, "import", write(tmp_path / "stale.json", data), "--replace", "1") == 3
    assert capsys.readouterr() == (
        "", "rtw-planner import: case 1 changed since it was exported (revision 1, now 2)\n")
    assert repo.get(1) == before
    assert stamp(db, 1) == (2, identity.current_user(db) if is_server(db) else "kim")  # a server: the login role
    assert all_rows(db) == rows


def test_a_file_from_a_later_revision_than_stored_is_refused_too(
        database_location: Path | str, repo: CaseRepository, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A file that claims a revision the case never reached (edited by hand, or from another database)."""
    repo.save(unassessed_case())
    data = export(database_location, 1, tmp_path / "case.json", capsys)
    data["revision"] = 5
    before = repo.get(1)
    assert cli(database_location, "import", write(tmp_path / "later.json", data), "--replace", "1") == 3
    assert capsys.readouterr().err == "rtw-planner import: case 1 changed since it was exported (revision 5, now 1)\n"
    assert repo.get(1) == before


def test_a_file_without_a_revision_imports_as_a_new_case_but_cannot_replace(
        database_location: Path | str, db: pw.Database, repo: CaseRepository, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    repo.save(followed_up_case())
    plain = tmp_path / "plain.json"
    plain.write_text(case_text(unassessed_case(job_title="Packer")), encoding="utf-8")
    assert "revision" not in json.loads(plain.read_text(encoding="utf-8"))
    before, rows = repo.get(1), all_rows(db)

    assert cli(database_location, "import", plain, "--replace", "1") == 2
    err = capsys.readouterr().err
    assert err.startswith(f"rtw-planner import: --replace: {plain} does not say which revision it was exported")
    assert err.count("\n") == 1
    assert repo.get(1) == before
    assert all_rows(db) == rows

    assert cli(database_location, "import", plain) == 0  # without --replace, as before revisions
    assert capsys.readouterr().out == "2\n"
    added = repo.get(2)
    assert (added.job_title, added.revision) == ("Packer", 1)


def test_replacing_a_case_that_is_not_stored_exits_2_and_adds_nothing(
        database_location: Path | str, db: pw.Database, repo: CaseRepository, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    repo.save(unassessed_case())
    data = export(database_location, 1, tmp_path / "case.json", capsys)
    rows = all_rows(db)
    assert cli(database_location, "import", tmp_path / "case.json", "--replace", "7") == 2
    assert capsys.readouterr() == ("", "rtw-planner import: --replace: case 7 does not exist\n")
    assert all_rows(db) == rows
    assert data["revision"] == 1


@pytest.mark.parametrize("case_id", ["0", "-1", "one", "1.0", ""])
def test_replace_needs_a_positive_whole_number(database_location: Path | str, repo: CaseRepository, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str], case_id: str) -> None:
    repo.save(unassessed_case())
    export(database_location, 1, tmp_path / "case.json", capsys)
    before = repo.get(1)
    assert cli(database_location, "import", tmp_path / "case.json", f"--replace={case_id}") == 2
    assert "expected a positive whole number" in capsys.readouterr().err
    assert repo.get(1) == before
    assert repo.count() == 1


def test_an_invalid_file_replaces_nothing(database_location: Path | str, repo: CaseRepository, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    repo.save(unassessed_case())
    data = export(database_location, 1, tmp_path / "case.json", capsys)
    data["revision"] = 0  # revisions start at 1
    before = repo.get(1)
    assert cli(database_location, "import", write(tmp_path / "bad.json", data), "--replace", "1") == 2
    err = capsys.readouterr().err
    assert err.startswith("rtw-planner import: invalid case file")
    assert "revision" in err
    assert repo.get(1) == before


def test_replaces_started_at_once_from_one_export_let_exactly_one_through(
        database_location: Path | str, repo: CaseRepository, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Six people replace case 1 from copies of the same export at the same moment: the first to write wins, the
    other five are told the case changed (revision 1, now 2); nothing is merged or lost unseen."""
    repo.save(unassessed_case())
    data = export(database_location, 1, tmp_path / "case.json", capsys)
    files = [write(tmp_path / f"edit-{n}.json", {**data, "job_title": f"Edit {n}"}) for n in range(6)]
    start_at = time.time() + 3
    code = ("import sys, time; from rtw_planner.cli import main\n"
            "time.sleep(max(0.0, float(sys.argv[1]) - time.time()))\n"
            "sys.exit(main(sys.argv[2:]))\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    processes = [subprocess.Popen([sys.executable, "-c", code, str(start_at), "--db", str(database_location),
                                   "import", str(path), "--replace", "1"], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT) for path in files]
    outputs = [process.communicate(timeout=180) for process in processes]
    results = [(process.returncode, out, err) for process, (out, err) in zip(processes, outputs, strict=True)]
    winners = [n for n, (status, _, _) in enumerate(results) if status == 0]
    assert len(winners) == 1
    refused = "rtw-planner import: case 1 changed since it was exported (revision 1, now 2)\n"
    assert sorted(results) == sorted([(0, "1\n", "")] + [(3, "", refused)] * 5)
    stored = repo.get(1)
    assert (stored.revision, stored.job_title) == (2, f"Edit {winners[0]}")
    assert repo.count() == 1


def test_replace_keeps_the_evaluations_an_issued_document_locked(
        database_location: Path | str, db: pw.Database, repo: CaseRepository, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    """The file carries no evaluation ids: an evaluation equal to a stored one stays that row, so a letter issued
    from it does not block an edit of the job title; one changed in the file is still refused as locked."""
    saved = repo.save(followed_up_case())
    assert saved.id == 1
    assert saved.evaluations
    DocumentLog(db).record(1, "employer_letter", "Northgate HR", "email", ["functional"], "Priya Shah",
                           b"%PDF-1.4 letter", plan_version=repo.issue_plan(1))
    data = export(database_location, 1, tmp_path / "case.json", capsys)
    data["job_title"] = "Forklift driver"
    assert cli(database_location, "import", write(tmp_path / "edited.json", data), "--replace", "1") == 0
    assert capsys.readouterr() == ("1\n", "")
    replaced = repo.get(1)
    assert replaced.job_title == "Forklift driver"
    assert [e.id for e in replaced.evaluations] == [e.id for e in saved.evaluations]
    data = export(database_location, 1, tmp_path / "again.json", capsys)
    data["evaluations"][0]["evaluator"] = "Someone Else"
    assert cli(database_location, "import", write(tmp_path / "changed.json", data), "--replace", "1") == 2
    assert "new evaluation" in capsys.readouterr().err
    assert repo.get(1) == replaced
