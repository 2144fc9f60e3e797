"""Roles (administrator, clinician, reception): what each may do, whose role a session has, and on PostgreSQL the
group roles and grants through which the server itself refuses what a role may not read, whatever client asks."""

from __future__ import annotations

import enum
import os
import weakref
from collections.abc import Iterator
from contextlib import contextmanager

import peewee as pw

from rtw_planner.db.errors import PermissionDeniedError
from rtw_planner.db.identity import current_user, is_server, os_user, sign_in
from rtw_planner.db.locks import IssuedLockedError, locked_error


class Role(enum.Enum):
    """A person's role in the clinic."""

    ADMINISTRATOR = "administrator"
    CLINICIAN = "clinician"
    RECEPTION = "reception"


class Action(enum.Enum):
    """Something a role may be allowed to do; the value completes "may not ..."."""

    READ_CASELOAD = "see the caseload and appointments"
    READ_CLINICAL = "read diagnoses, notes, scores, documents or a case's history"
    EDIT_CASES = "change cases"
    ISSUE_DOCUMENTS = "issue documents"
    DELETE_CASES = "delete cases"
    EDIT_CLINIC = "change the clinic's details"
    MANAGE_USERS = "manage users and roles"
    BACK_UP = "back up or restore the database"


_CLINICAL = frozenset({Action.READ_CASELOAD, Action.READ_CLINICAL, Action.EDIT_CASES, Action.ISSUE_DOCUMENTS})
ALLOWED: dict[Role, frozenset[Action]] = {
    Role.ADMINISTRATOR: frozenset(Action),
    Role.CLINICIAN: _CLINICAL,
    Role.RECEPTION: frozenset({Action.READ_CASELOAD}),
}
# The PostgreSQL group role of each role; a person's login role is a member of one.
GROUPS = {Role.ADMINISTRATOR: "rtw_admin", Role.CLINICIAN: "rtw_clinician", Role.RECEPTION: "rtw_reception"}
# What reception may not read of a case row: everything else in it is the caseload and its appointments.
CLINICAL_CASE_COLUMNS = frozenset({"diagnosis"})


def may(role: Role | None, action: Action) -> bool:
    """Whether a role may do something (no role: nothing)."""
    return role is not None and action in ALLOWED[role]


def _owns_file(db: pw.Database) -> bool:
    path = str(db.database)
    if path == ":memory:" or not hasattr(os, "getuid"):
        return True
    return os.stat(path).st_uid == os.getuid()


# Each open database's roles, looked up once per person (a SQLite process can only change person in a test): a
# save then costs no extra statement. A role changed elsewhere applies when the database is next opened; the
# server's grants apply at once whatever this says.
_KNOWN_ROLES: weakref.WeakKeyDictionary[pw.Database, dict[str, Role | None]] = weakref.WeakKeyDictionary()


def current_role(db: pw.Database) -> Role | None:
    """This session's role, None when it has none. A server: the database owner, a superuser or a member of
    rtw_admin administers; otherwise membership of rtw_clinician or rtw_reception. SQLite: the role recorded for
    the operating-system user, else administrator for the file's owner."""
    known = _KNOWN_ROLES.setdefault(db, {})
    person = "" if is_server(db) else os_user()  # a server connection's role is fixed by its URL
    if person not in known:
        known[person] = _look_up_role(db)
    return known[person]


def forget_roles(db: pw.Database) -> None:
    """Look the roles up again next time (after this session changed them)."""
    _KNOWN_ROLES.pop(db, None)


def _look_up_role(db: pw.Database) -> Role | None:
    if is_server(db):
        admin, clinician, reception = db.execute_sql(
            "SELECT r.rolsuper OR pg_has_role(current_user, 'rtw_admin', 'MEMBER') "
            "OR pg_has_role(current_user, t.tableowner, 'MEMBER'), pg_has_role(current_user, 'rtw_clinician', "
            "'MEMBER'), pg_has_role(current_user, 'rtw_reception', 'MEMBER') FROM pg_roles r, pg_tables t "
            "WHERE r.rolname = current_user AND t.schemaname = current_schema() AND t.tablename = 'case'"
        ).fetchone()
        return (Role.ADMINISTRATOR if admin else Role.CLINICIAN if clinician else Role.RECEPTION if reception
                else None)
    row = db.execute_sql("SELECT role FROM app_user WHERE name = ?", (current_user(db),)).fetchone()
    if row is not None:
        return Role(row[0])
    return Role.ADMINISTRATOR if _owns_file(db) else None


def require(db: pw.Database, action: Action) -> Role:
    """This session's role, when it may do the action. Raises PermissionDeniedError naming the user, the role
    and the action."""
    role = current_role(db)
    if not may(role, action):
        who = f"{current_user(db)} ({role.value if role else 'no role'})"
        raise PermissionDeniedError(f"{who} may not {action.value}; ask the clinic's administrator")
    return role  # type: ignore[return-value] # may() is False for None


# Actions that write: on SQLite the writer is recorded for the audit triggers first (identity.sign_in).
WRITES = frozenset({Action.EDIT_CASES, Action.ISSUE_DOCUMENTS, Action.DELETE_CASES, Action.EDIT_CLINIC,
                    Action.MANAGE_USERS})


@contextmanager
def guarded(db: pw.Database, action: Action) -> Iterator[None]:
    """A unit of work the session's role must be allowed (PermissionDeniedError before anything is read or
    written), whose refusals by the database itself (a server's grants, an issued record's lock) come out as
    PermissionDeniedError or IssuedLockedError. Wrap it around the transaction, so that is rolled back first."""
    require(db, action)
    if action in WRITES:
        sign_in(db)
    try:
        yield
    except pw.DatabaseError as exc:
        reason = refusal(exc)
        if reason is None:
            raise
        raise reason from None


def refusal(exc: BaseException) -> PermissionDeniedError | IssuedLockedError | None:
    """The refusal a database error stands for, to raise in its place: the server's "permission denied" (a
    role's grants) or an issued record's lock; None for any other error."""
    # peewee re-raises a driver's error as its own, the driver's in its context (or, for some, its first argument)
    candidates = [exc.__cause__, exc.__context__, *exc.args]
    original = next((e for e in candidates if isinstance(e, BaseException) and getattr(e, "sqlstate", None)), exc)
    if getattr(original, "sqlstate", None) == "42501":
        detail = str(original).splitlines()[0] if str(original) else "permission denied"
        return PermissionDeniedError(f"the server refused: {detail}; ask the clinic's administrator for a role "
                                     "that may do this")
    return locked_error(original)


def _grants(schema: str, case_columns: list[str]) -> list[str]:
    """Clinicians and administrators work on every table, less what no one may do: write the audit trail (its
    triggers do, as their owner), change an issued document, touch the migration history, the SQLite-only user
    tables, or (clinicians) delete a whole case or change the clinic's details. Reception reads the case rows
    without their clinical columns, the clinicians' and the clinic's details, and nothing else."""
    staff = f"{GROUPS[Role.ADMINISTRATOR]}, {GROUPS[Role.CLINICIAN]}"
    clinician, reception = GROUPS[Role.CLINICIAN], GROUPS[Role.RECEPTION]
    everyone = f"{staff}, {reception}"
    columns = ", ".join(f'"{c}"' for c in case_columns if c not in CLINICAL_CASE_COLUMNS)
    return [
        f"GRANT USAGE ON SCHEMA {schema} TO {everyone}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {staff}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {staff}",
        f"REVOKE INSERT, UPDATE, DELETE ON audit_log, schema_migration, app_user, audit_actor FROM {staff}",
        f"REVOKE UPDATE, DELETE ON issued_document FROM {staff}",
        f"REVOKE SELECT ON app_user, audit_actor FROM {clinician}",
        f'REVOKE DELETE ON "case" FROM {clinician}',
        f"REVOKE INSERT, UPDATE, DELETE ON clinic FROM {clinician}",
        f"GRANT SELECT ON schema_migration, clinic, clinician TO {reception}",
        f'GRANT SELECT ({columns}) ON "case" TO {reception}',
        # Tables later migrations create: the staff's by default, reception's only when a migration says so.
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {staff}",
        f"ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT USAGE, SELECT ON SEQUENCES TO {staff}",
    ]


def group_statements() -> list[str]:
    """SQL making each group role that is missing. Each in a block of its own: a database made at the same time
    may create it first; and one that exists needs no CREATEROLE privilege."""
    return [f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{group}') THEN "
            f"CREATE ROLE {group} NOLOGIN; END IF; "
            "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$" for group in GROUPS.values()]


def install(db: pw.Database) -> None:
    """PostgreSQL (migration 0009): the three group roles, made when missing (the role migrating needs
    CREATEROLE the first time on a server: they are the server's, shared by its databases), and their grants on
    this database. Column privileges are enough to keep reception from clinical data, so no row-level security
    is needed: no role is limited to some rows. Nothing to do on SQLite."""
    if not is_server(db):
        return
    for statement in group_statements():
        db.execute_sql(statement)
    schema = db.execute_sql("SELECT current_schema()").fetchone()[0]
    case_columns = [c.name for c in db.get_columns("case")]
    for statement in _grants(f'"{schema}"', case_columns):
        db.execute_sql(statement)
