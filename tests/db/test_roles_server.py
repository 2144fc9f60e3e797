"""Roles on a PostgreSQL server: one login role per person, a member of rtw_admin, rtw_clinician or rtw_reception,
and the server itself refuses what the role may not read or change, whichever client connects."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import replace
from urllib.parse import urlsplit, urlunsplit

import peewee as pw
import pytest
from db_factories import full_case

from rtw_planner.db import users
from rtw_planner.db.audit import history
from rtw_planner.db.database import open_database
from rtw_planner.db.document_log import DocumentLog
from rtw_planner.db.errors import PermissionDeniedError
from rtw_planner.db.identity import current_user
from rtw_planner.db.repository import CaseRepository
from rtw_planner.db.roles import Action, Role, current_role, guarded

NewDatabase = Callable[[], str]
Login = Callable[[Role], str]  # makes a person with the role; returns the database's URL as them


@pytest.fixture
def url(server_databases: NewDatabase) -> str:
    """A new server database (the test server's superuser owns it) holding one case with an issued letter."""
    location = str(server_databases())
    db = open_database(location)
    case = CaseRepository(db).save(full_case())
    DocumentLog(db).record(case.id, "employer_letter", "Northgate HR", "email", ["functional"], "Priya Shah",
                           b"%PDF-1.4 letter")
    db.close()
    return location


def _as(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(netloc=f"{name}@{parts.hostname}:{parts.port}"))


@pytest.fixture
def login(url: str) -> Iterator[Login]:
    """People made through users.set_role by the database's owner; their login roles dropped at the end (roles
    are the server's, shared by its databases)."""
    made: list[str] = []
    owner = open_database(url)

    def make(role: Role) -> str:
        name = f"{role.value}_{uuid.uuid4().hex[:8]}"
        users.set_role(owner, name, role)
        made.append(name)
        return _as(url, name)

    yield make
    import psycopg

    owner.close()
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = ANY(%s)", (made,))
        for name in made:
            admin.execute(f'DROP ROLE IF EXISTS "{name}"')


@pytest.mark.parametrize("query", ['SELECT diagnosis FROM "case"', 'SELECT * FROM "case"',
                                   "SELECT pdf FROM issued_document", "SELECT recipient FROM issued_document",
                                   "SELECT effort_notes FROM evaluation", "SELECT notes, score FROM outcome_record",
                                   "SELECT changes FROM audit_log", "SELECT data_json FROM plan_version"])
def test_reception_cannot_read_clinical_data_with_its_own_client(login: Login, query: str) -> None:
    import psycopg

    with psycopg.connect(login(Role.RECEPTION)) as own_client, pytest.raises(psycopg.errors.InsufficientPrivilege):
        own_client.execute(query)


def test_reception_reads_the_caseload_and_appointments(login: Login) -> None:
    import psycopg

    with psycopg.connect(login(Role.RECEPTION)) as own_client:
        rows = own_client.execute('SELECT patient_name, review_date, next_appointment_json FROM "case"').fetchall()
    assert [row[0] for row in rows] == ["Zoë Łódź-Müller"]
    assert rows[0][2] is not None


def test_reception_changes_nothing(login: Login) -> None:
    import psycopg

    with psycopg.connect(login(Role.RECEPTION)) as own_client, pytest.raises(psycopg.errors.InsufficientPrivilege):
        own_client.execute("UPDATE \"case\" SET review_date = NULL")


def test_the_app_names_the_role_and_refuses_before_the_server_must(login: Login) -> None:
    db = open_database(login(Role.RECEPTION))
    try:
        assert current_role(db) is Role.RECEPTION
        repository = CaseRepository(db)
        assert [s.patient_name for s in repository.summaries()] == ["Zoë Łódź-Müller"]
        with pytest.raises(PermissionDeniedError, match=r"\(reception\) may not read diagnoses"):
            repository.get(1)
    finally:
        db.close()


def test_a_clinicians_changes_are_audited_under_their_own_name(login: Login) -> None:
    db = open_database(login(Role.CLINICIAN))
    try:
        assert current_role(db) is Role.CLINICIAN
        repository = CaseRepository(db)
        repository.save(replace(repository.get(1), diagnosis="Lumbar strain"))
        last = history(db, 1)[-1]
        assert (last.who, last.field, last.new) == (current_user(db), "diagnosis", "Lumbar strain")
        assert current_user(db).startswith("clinician_")
        with pytest.raises(PermissionDeniedError, match=r"\(clinician\) may not delete cases"):
            repository.delete(1)
    finally:
        db.close()


@pytest.mark.parametrize("statement", ["UPDATE audit_log SET who = 'x'", "DELETE FROM audit_log",
                                       "INSERT INTO audit_log (at, who, action, table_name, row_id, changes) "
                                       "VALUES (now(), 'x', 'update', 'case', 1, '{}')",
                                       "UPDATE issued_document SET recipient = 'x'", 'DELETE FROM "case"'])
def test_a_clinician_has_no_grant_to_rewrite_the_trail_or_what_was_sent(login: Login, statement: str) -> None:
    import psycopg

    with psycopg.connect(login(Role.CLINICIAN)) as own_client, pytest.raises(psycopg.errors.InsufficientPrivilege):
        own_client.execute(statement)


def test_the_server_refusal_comes_out_as_permission_denied(login: Login) -> None:
    db = open_database(login(Role.CLINICIAN))
    try:
        with pytest.raises(pw.ProgrammingError, match="permission denied"), db.atomic():
            db.execute_sql("DELETE FROM audit_log")
        with (pytest.raises(PermissionDeniedError, match="the server refused: .*permission denied"),
              guarded(db, Action.EDIT_CASES), db.atomic()):
            db.execute_sql("DELETE FROM audit_log")
    finally:
        db.close()


def test_users_lists_the_server_roles(url: str, login: Login) -> None:
    login(Role.RECEPTION)
    login(Role.CLINICIAN)
    db = open_database(url)
    try:
        listed = {role for name, role in users.users(db) if name.startswith(("reception_", "clinician_"))}
        assert listed >= {Role.RECEPTION, Role.CLINICIAN}
        assert current_role(db) is Role.ADMINISTRATOR  # the test server's superuser
    finally:
        db.close()
