"""Issue 13's shared design as the GUI uses it: the storage errors and helpers by their agreed names, taken from
rtw_planner.db when they are there and stood in for until then (so the screens and their tests work either way)."""

from __future__ import annotations

import getpass
import importlib
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import peewee as pw

from rtw_planner.db import database as db_database
from rtw_planner.db import errors as db_errors
from rtw_planner.gui.kit.dates_text import when_text

SERVER_SCHEME = "postgresql://"


class _StandInConflictError(RuntimeError):
    """A save refused because the case moved on since it was read (stand-in for db.errors.ConflictError)."""

    def __init__(self, case_id: int, stored_revision: int, your_revision: int, changed_by: str,
                 changed_at: datetime | None) -> None:
        when = f" at {changed_at:%H:%M}" if changed_at else ""
        super().__init__(f"Case {case_id} was changed by {changed_by}{when} since you opened it "
                         f"(revision {your_revision}, now {stored_revision})")
        self.case_id, self.stored_revision, self.your_revision = case_id, stored_revision, your_revision
        self.changed_by, self.changed_at = changed_by, changed_at


class _StandInBusyError(RuntimeError):
    """SQLite's lock wait ran out (stand-in for db.errors.BusyError)."""


class _StandInPermissionDeniedError(RuntimeError):
    """The role may not do this (stand-in for db.errors.PermissionDeniedError)."""


def _agreed(name: str, stand_in: type[Exception]) -> type[Exception]:
    found = getattr(db_errors, name, None)
    return found if isinstance(found, type) and issubclass(found, Exception) else stand_in


ConflictError = _agreed("ConflictError", _StandInConflictError)
BusyError = _agreed("BusyError", _StandInBusyError)
PermissionDeniedError = _agreed("PermissionDeniedError", _StandInPermissionDeniedError)
NotFoundError = db_errors.NotFoundError


@dataclass(frozen=True)
class Conflict:
    """What a refused save tells the user: which case, who changed it and when (no patient data)."""

    case_id: int | None
    changed_by: str
    changed_at: datetime | None
    stored_revision: int | None = None
    your_revision: int | None = None

    @property
    def message(self) -> str:
        """Who changed the case and when, and that nothing was overwritten (no patient data)."""
        return (f"This case was changed by {self.changed_by}{when_text(self.changed_at)} since you opened it. "
                "Your save was refused, so nothing of theirs was overwritten, and your edits are still here.")

    @classmethod
    def of(cls, error: BaseException) -> Conflict:
        """The details a ConflictError carries (read by name, so any version of the class will do)."""
        return cls(getattr(error, "case_id", None), str(getattr(error, "changed_by", "") or "someone else"),
                   getattr(error, "changed_at", None), getattr(error, "stored_revision", None),
                   getattr(error, "your_revision", None))


def _optional_module(name: str) -> ModuleType | None:
    """A storage module another part of issue 13 adds (identity, audit, roles); None until it is there."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise  # the module is there but something it imports is not: a real error
        return None


def is_server_location(location: str | Path) -> bool:
    """True for a PostgreSQL URL, False for a SQLite file."""
    return str(location).startswith(SERVER_SCHEME)


def is_server(db: pw.Database) -> bool:
    """True when db is the clinic server (db.database.is_server once it is there)."""
    check = getattr(db_database, "is_server", None)
    return bool(check(db)) if callable(check) else not isinstance(db, pw.SqliteDatabase)


def current_user(db: pw.Database) -> str:
    """Who is signed in: the PostgreSQL role on the server, the operating-system user on SQLite."""
    identity = _optional_module("rtw_planner.db.identity")
    if identity is not None:
        return str(identity.current_user(db))
    return getpass.getuser()


PasswordPrompt = Callable[[str], "str | None"]


def open_location(location: str | Path, password_prompt: PasswordPrompt | None = None) -> pw.Database:
    """Open a SQLite file or a server URL. The prompt is asked (with the URL) only when the server needs a password
    that the PostgreSQL password file does not hold. Raises DatabaseError with a message for the user."""
    opener: Any = db_database.open_database
    if is_server_location(location):
        if not callable(getattr(db_database, "is_server", None)):
            raise db_database.DatabaseError("this version of RTW Planner cannot connect to a clinic server yet")
        if password_prompt is not None and "password_prompt" in inspect.signature(opener).parameters:
            return opener(str(location), password_prompt=password_prompt)
        return opener(str(location))
    return opener(Path(location))


def module_function(module: str, *names: str) -> Callable[..., Any] | None:
    """The first of the named functions an optional storage module has, or None."""
    found = _optional_module(module)
    for name in names:
        function = getattr(found, name, None)
        if callable(function):
            return function
    return None
