"""Units of work: the tables bound to one given database for the length of a read, a consistent snapshot, or one
write transaction that waits for the lock instead of failing."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import peewee as pw

from rtw_planner.db.errors import BusyError, is_lock_timeout
from rtw_planner.db.tables import ALL_TABLES

# Binding sets the database on the model classes, which every thread shares: one unit of work at a time keeps a
# query from ever running against another thread's database. Re-entrant, so units nest (documents.issue marks the
# plan issued and logs the document inside one transaction of its own).
_BINDING = threading.RLock()


@contextmanager
def reading(db: pw.Database) -> Iterator[None]:
    """The tables bound to db, and to nothing else, until the block ends. Each query sees what was committed when
    it ran: enough for one query, not for several that must agree (use snapshot)."""
    with _BINDING, db.bind_ctx(ALL_TABLES):
        yield


@contextmanager
def snapshot(db: pw.Database) -> Iterator[None]:
    """Reads that see one committed state of db, whatever other connections commit meanwhile: a case and its
    revision read together. Never waits for writers: SQLite's deferred transaction in WAL mode, PostgreSQL's
    repeatable read. Nested in a transaction on db it reads within that one."""
    if isinstance(db, pw.SqliteDatabase):
        transaction = db.atomic("DEFERRED")
    else:
        transaction = db.atomic(isolation_level="REPEATABLE READ")
    with _BINDING, db.bind_ctx(ALL_TABLES), transaction:
        yield


@contextmanager
def writing(db: pw.Database) -> Iterator[None]:
    """One transaction on db with the tables bound to it: committed when the block ends, rolled back if it raises.
    Nested in another transaction on db it becomes a savepoint. On SQLite it starts with `BEGIN IMMEDIATE`, taking
    the write lock before the first read, so it waits on the busy timeout rather than failing half-way when
    another connection writes; when the wait runs out it raises BusyError and nothing was written. On PostgreSQL a
    row lock is waited for up to the connection's lock_timeout (backends.py), then BusyError too."""
    transaction = db.atomic("IMMEDIATE") if isinstance(db, pw.SqliteDatabase) else db.atomic()
    with _BINDING, db.bind_ctx(ALL_TABLES):
        try:
            with transaction:
                yield
        except pw.OperationalError as exc:
            if is_lock_timeout(exc):
                raise BusyError from None
            raise
