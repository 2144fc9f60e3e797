"""The clinic's people and their roles: on a server, login roles that are members of one rtw_* group; in a SQLite
file, names recorded with a role. Changing them is the administrator's."""

from __future__ import annotations

import os
import re

import peewee as pw

from rtw_planner.db.errors import PermissionDeniedError
from rtw_planner.db.identity import current_user, is_server
from rtw_planner.db.roles import GROUPS, Action, Role, forget_roles, require
from rtw_planner.db.session import reading, writing
from rtw_planner.db.tables import AppUserRow

# Login names a clinic uses; quoting is then safe, and nothing else can reach the SQL.
NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]{0,62}")


class UserNameError(ValueError):
    """A user name the clinic cannot use; the message names the rule."""


def _checked(db: pw.Database, name: str) -> str:
    if not NAME.fullmatch(name):
        raise UserNameError("user name: letters, digits, '.', '_' and '-' only, 1 to 63 of them, not starting "
                            "with '.' or '-'")
    require(db, Action.MANAGE_USERS)
    if name == current_user(db):
        raise PermissionDeniedError("an administrator cannot change their own role; ask another administrator")
    forget_roles(db)  # the change that follows applies to this session at once
    return name


def users(db: pw.Database) -> list[tuple[str, Role]]:
    """Everyone with a role, by name. SQLite lists the recorded names (its file's owner, unlisted, is its
    administrator)."""
    if is_server(db):
        groups = {group: role for role, group in GROUPS.items()}
        names = ", ".join(f"'{group}'" for group in groups)
        rows = db.execute_sql(
            "SELECT r.rolname, g.rolname FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member "
            f"JOIN pg_roles g ON g.oid = m.roleid WHERE g.rolname IN ({names}) AND r.rolname NOT IN ({names}) "
            "ORDER BY r.rolname, g.rolname").fetchall()
        return [(name, groups[group]) for name, group in rows]
    with reading(db):
        listed = [(row.name, Role(row.role)) for row in AppUserRow.select().order_by(AppUserRow.name)]
    owner = _file_owner(db)
    if owner is not None and all(name != owner for name, _ in listed):
        listed = sorted([*listed, (owner, Role.ADMINISTRATOR)])
    return listed


def _file_owner(db: pw.Database) -> str | None:
    """The operating-system user who owns a SQLite file (None in memory, or where the system has no such names)."""
    try:
        import pwd
    except ImportError:  # not a POSIX system
        return None
    path = str(db.database)
    return None if path == ":memory:" else pwd.getpwuid(os.stat(path).st_uid).pw_name


def set_role(db: pw.Database, name: str, role: Role) -> None:
    """Give a person one role (on a server, making their login role when it is new: they then set a password
    with psql's \\password, never on a command line). Raises PermissionDeniedError or UserNameError."""
    name = _checked(db, name)
    if not is_server(db):
        with writing(db):
            AppUserRow.insert(name=name, role=role.value).on_conflict(
                conflict_target=[AppUserRow.name], update={AppUserRow.role: role.value}).execute()
        return
    with db.atomic():
        if db.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone() is None:
            db.execute_sql(f'CREATE ROLE "{name}" LOGIN')
        for other in GROUPS.values():
            db.execute_sql(f'REVOKE {other} FROM "{name}"')
        db.execute_sql(f'GRANT {GROUPS[role]} TO "{name}"')


def remove(db: pw.Database, name: str) -> bool:
    """Take a person's role away (their login stays, for the audit trail names it); False when they had none."""
    name = _checked(db, name)
    if not is_server(db):
        with writing(db):
            return bool(AppUserRow.delete().where(AppUserRow.name == name).execute())
    had = any(user == name for user, _ in users(db))
    with db.atomic():
        for group in GROUPS.values():
            db.execute_sql(f'REVOKE {group} FROM "{name}"')
    return had
