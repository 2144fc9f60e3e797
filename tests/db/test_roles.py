"""Roles: administrator, clinician, reception. On SQLite recorded in the file and checked by the repositories; the
file's owner administers it. (The server's own enforcement: test_roles_server.py.)"""

from __future__ import annotations

import getpass
from dataclasses import replace
from pathlib import Path

import peewee as pw
import pytest
from db_factories import full_case

from rtw_planner.db import users
from rtw_planner.db.audit import history
from rtw_planner.db.database import open_database
from rtw_planner.db.errors import PermissionDeniedError
from rtw_planner.db.identity import current_user
from rtw_planner.db.repository import CaseRepository, ClinicRepository
from rtw_planner.db.roles import Action, Role, current_role, may
from rtw_planner.domain.case.model import Clinic

pytestmark = pytest.mark.sqlite_only("roles recorded in the file; a server's are its group roles")

OWNER = getpass.getuser()


@pytest.fixture
def db(tmp_path: Path) -> pw.Database:
    return open_database(tmp_path / "rtw.sqlite3")


def signed_in_as(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """The operating-system user from now on (the file stays its owner's)."""
    monkeypatch.setattr(getpass, "getuser", lambda: name)


def test_what_each_role_may_do() -> None:
    assert all(may(Role.ADMINISTRATOR, action) for action in Action)
    assert may(Role.CLINICIAN, Action.READ_CLINICAL)
    assert may(Role.CLINICIAN, Action.EDIT_CASES)
    assert not may(Role.CLINICIAN, Action.DELETE_CASES)
    assert not may(Role.CLINICIAN, Action.MANAGE_USERS)
    assert may(Role.RECEPTION, Action.READ_CASELOAD)
    assert not any(may(Role.RECEPTION, a) for a in Action if a is not Action.READ_CASELOAD)
    assert not may(None, Action.READ_CASELOAD)


def test_the_files_owner_administers_it(db: pw.Database) -> None:
    assert current_user(db) == OWNER
    assert current_role(db) is Role.ADMINISTRATOR
    assert users.users(db) == [(OWNER, Role.ADMINISTRATOR)]


def test_reception_sees_the_case_list_but_not_the_case(db: pw.Database, monkeypatch: pytest.MonkeyPatch) -> None:
    repository = CaseRepository(db)
    case = repository.save(full_case())
    assert case.id is not None
    users.set_role(db, "frontdesk", Role.RECEPTION)
    signed_in_as(monkeypatch, "frontdesk")

    assert current_role(db) is Role.RECEPTION
    assert [s.patient_name for s in repository.summaries()] == ["Zoë Łódź-Müller"]
    with pytest.raises(PermissionDeniedError) as refused:
        repository.get(case.id)
    message = str(refused.value)
    assert "frontdesk (reception) may not read diagnoses" in message
    assert "Zoë" not in message
    assert "back pain" not in message
    with pytest.raises(PermissionDeniedError, match="may not change cases"):
        repository.save(full_case(patient_name="New Patient"))
    assert repository.count() == 1


def test_a_clinician_edits_cases_but_neither_deletes_them_nor_changes_the_clinic(
        db: pw.Database, monkeypatch: pytest.MonkeyPatch) -> None:
    repository = CaseRepository(db)
    case = repository.save(full_case())
    assert case.id is not None
    users.set_role(db, "priya", Role.CLINICIAN)
    signed_in_as(monkeypatch, "priya")

    saved = repository.save(replace(repository.get(case.id), diagnosis="Lumbar strain"))
    assert saved.diagnosis == "Lumbar strain"
    assert history(db, case.id)[-1].who == "priya"  # the audit trail names the person who saved
    with pytest.raises(PermissionDeniedError, match="priya \\(clinician\\) may not delete cases"):
        repository.delete(case.id)
    with pytest.raises(PermissionDeniedError, match="may not change the clinic's details"):
        ClinicRepository(db).save(Clinic("Riverside"))
    assert repository.count() == 1
    assert ClinicRepository(db).get().name == ""


def test_someone_neither_listed_nor_the_owner_has_no_role(db: pw.Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("rtw_planner.db.roles._owns_file", lambda db: False)
    signed_in_as(monkeypatch, "visitor")
    assert current_role(db) is None
    with pytest.raises(PermissionDeniedError, match="visitor \\(no role\\) may not"):
        CaseRepository(db).save(full_case())


def test_only_an_administrator_manages_users(db: pw.Database, monkeypatch: pytest.MonkeyPatch) -> None:
    users.set_role(db, "priya", Role.CLINICIAN)
    users.set_role(db, "frontdesk", Role.CLINICIAN)
    users.set_role(db, "frontdesk", Role.RECEPTION)  # a second role replaces the first
    assert users.users(db) == sorted([(OWNER, Role.ADMINISTRATOR), ("frontdesk", Role.RECEPTION),
                                      ("priya", Role.CLINICIAN)])
    with pytest.raises(PermissionDeniedError, match="cannot change their own role"):
        users.set_role(db, OWNER, Role.RECEPTION)
    signed_in_as(monkeypatch, "priya")
    with pytest.raises(PermissionDeniedError, match="may not manage users"):
        users.set_role(db, "priya", Role.ADMINISTRATOR)
    with pytest.raises(PermissionDeniedError, match="may not manage users"):
        users.remove(db, "frontdesk")
    assert current_role(db) is Role.CLINICIAN


def test_removing_a_role(db: pw.Database) -> None:
    users.set_role(db, "priya", Role.CLINICIAN)
    assert users.remove(db, "priya") is True
    assert users.remove(db, "priya") is False
    assert users.users(db) == [(OWNER, Role.ADMINISTRATOR)]


@pytest.mark.parametrize("name", ["", "-rf", ".hidden", "a b", 'x"; DROP TABLE "case', "é" * 3, "x" * 64])
def test_a_user_name_must_be_a_plain_login_name(db: pw.Database, name: str) -> None:
    with pytest.raises(users.UserNameError, match="user name: letters, digits"):
        users.set_role(db, name, Role.CLINICIAN)
    assert users.users(db) == [(OWNER, Role.ADMINISTRATOR)]
