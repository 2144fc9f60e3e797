"""The people part of issue 13 (identity, roles, audit trail) as the GUI uses it, by the agreed names: taken from
rtw_planner.db.identity, .roles and .audit when they are there, stood in for until then (so the screens and their
tests work either way). Everything else the GUI needs from the storage side is on main and imported directly."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType
from typing import Any

import peewee as pw

from rtw_planner.db import revisions


def _optional_module(name: str) -> ModuleType | None:
    """A storage module the people part adds (identity, audit, roles); None until it is there."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise  # the module is there but something it imports is not: a real error
        return None


def module_function(module: str, *names: str) -> Callable[..., Any] | None:
    """The first of the named functions an optional storage module has, or None."""
    found = _optional_module(module)
    for name in names:
        function = getattr(found, name, None)
        if callable(function):
            return function
    return None


def current_user(db: pw.Database) -> str:
    """Who is signed in: db.identity.current_user (the PostgreSQL role on a server, the operating-system user on
    a file) once it is there; until then the name saves are recorded under (db.revisions.current_user)."""
    read = module_function("rtw_planner.db.identity", "current_user")
    return str(read(db)) if read is not None else revisions.current_user(db)
