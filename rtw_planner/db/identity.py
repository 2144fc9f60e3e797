"""Who is working: the operating-system user on SQLite, the session's role on PostgreSQL (one role per person)."""

from __future__ import annotations

import getpass
import weakref

import peewee as pw

from rtw_planner.db.backends import is_server

__all__ = ["current_user", "is_server", "os_user", "sign_in"]


def os_user() -> str:
    """The operating-system user running this process ("" when the system cannot name it)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment nor in the password database
        return ""


_SERVER_USER: weakref.WeakKeyDictionary[pw.Database, str] = weakref.WeakKeyDictionary()


def current_user(db: pw.Database) -> str:
    """The person the database knows this session as: on a server the session's role, on SQLite the
    operating-system user (the file is theirs alone, 0600)."""
    if is_server(db):
        known = _SERVER_USER.get(db)
        if known is None:  # a session's role is fixed for the app's pooled connections: asked once per database
            known = _SERVER_USER[db] = str(db.execute_sql("SELECT current_user").fetchone()[0])
        return known
    return os_user()


# The person each open SQLite database was signed in for: once per opening (and person), so a save costs no
# extra statement.
_SIGNED_IN: weakref.WeakKeyDictionary[pw.Database, str] = weakref.WeakKeyDictionary()


def sign_in(db: pw.Database) -> None:
    """SQLite: record the operating-system user as the one the audit triggers name for this file's changes. A
    trigger cannot see which connection wrote, and on a 0600 file only its owner writes, so the file holds it;
    written only when it differs, so an ordinary open writes nothing; checked once per opening, so when two people
    share one file (only ever deliberately: it is 0600) the name is the one who last began writing. A server
    needs nothing: its triggers name the session's role."""
    if is_server(db):
        return
    user = os_user()
    if _SIGNED_IN.get(db) == user:
        return
    recorded = db.execute_sql("SELECT who FROM audit_actor WHERE id = 1").fetchone()
    if recorded is None or recorded[0] != user:
        with db.atomic():
            db.execute_sql("INSERT INTO audit_actor (id, who) VALUES (1, ?) "
                           "ON CONFLICT (id) DO UPDATE SET who = excluded.who", (user,))
    _SIGNED_IN[db] = user
