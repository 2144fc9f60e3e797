"""`users [list | set NAME ROLE | remove NAME]` on a SQLite file: the owner administers it and gives others roles."""

from __future__ import annotations

import getpass
from pathlib import Path

import pytest

from rtw_planner.cli import main

pytestmark = pytest.mark.sqlite_only("roles recorded in a SQLite file (the server's: tests/db/test_roles_server.py)")


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "rtw.sqlite3"
    assert main(["--db", str(path), "users"]) == 2  # no database yet: none is created by listing
    from rtw_planner.db.database import open_database

    open_database(path).close()
    return str(path)


def _listed(db: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    capsys.readouterr()
    assert main(["--db", db, "users", "list"]) == 0
    return capsys.readouterr().out.splitlines()


def test_set_list_and_remove(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    owner = getpass.getuser()
    assert _listed(db, capsys) == [f"{owner}\tadministrator"]
    assert main(["--db", db, "users", "set", "priya", "clinician"]) == 0
    assert main(["--db", db, "users", "set", "frontdesk", "reception"]) == 0
    assert _listed(db, capsys) == sorted([f"{owner}\tadministrator", "frontdesk\treception", "priya\tclinician"])
    assert main(["--db", db, "users", "remove", "priya"]) == 0
    assert main(["--db", db, "users", "remove", "priya"]) == 2
    assert "NAME: priya has no role to remove" in capsys.readouterr().err
    assert _listed(db, capsys) == sorted([f"{owner}\tadministrator", "frontdesk\treception"])


def test_a_clinician_may_not_give_roles(db: str, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db, "users", "set", "priya", "clinician"]) == 0
    monkeypatch.setattr(getpass, "getuser", lambda: "priya")
    assert main(["--db", db, "users", "set", "priya", "administrator"]) == 2
    assert "priya (clinician) may not manage users and roles" in capsys.readouterr().err
    assert "priya\tclinician" in _listed(db, capsys)


def test_a_bad_name_or_role_is_refused(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", db, "users", "set", "a b", "clinician"]) == 2
    assert "user name: letters, digits" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--db", db, "users", "set", "priya", "nurse"])
    assert len(_listed(db, capsys)) == 1
