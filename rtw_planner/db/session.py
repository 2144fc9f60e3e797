"""Units of work: the tables bound to one given database for the length of a read or of one write transaction."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import peewee as pw

from rtw_planner.db.tables import ALL_TABLES

# Binding sets the database on the model classes, which every thread shares: one unit of work at a time keeps a
# query from ever running against another thread's database. Re-entrant, so units nest (documents.issue marks the
# plan issued and logs the document inside one transaction of its own).
_BINDING = threading.RLock()


@contextmanager
def reading(db: pw.Database) -> Iterator[None]:
    """The tables bound to db, and to nothing else, until the block ends."""
    with _BINDING, db.bind_ctx(ALL_TABLES):
        yield


@contextmanager
def writing(db: pw.Database) -> Iterator[None]:
    """One transaction on db with the tables bound to it: committed when the block ends, rolled back if it raises.
    Nested in another transaction on db it becomes a savepoint. The one place where writes begin, so SQLite's
    `BEGIN IMMEDIATE` (wait on the busy timeout instead of failing) can be chosen here for every write."""
    with _BINDING, db.bind_ctx(ALL_TABLES), db.atomic():
        yield
