"""Errors the storage layer raises for callers to handle; each message says what happened and what to do, and
never carries a patient's name or clinical text."""

from __future__ import annotations

from datetime import datetime


class NotFoundError(LookupError):
    """No case (or no stored document, or no plan) has that id."""


class StorageError(Exception):
    """A problem with the database that the user can act on; the message alone is shown (exit status 2 on the
    command line)."""


class DatabaseError(StorageError, RuntimeError):
    """The database could not be opened or migrated; the message names the file."""


class CorruptDatabaseError(DatabaseError):
    """The file fails SQLite's integrity check: it is refused, and nothing is written to it."""

    def __init__(self, location: str, problem: str) -> None:
        # The advice first: a long path or SQLite's page list must never crowd it out of a one-line message.
        shown = problem if len(problem) <= 60 else problem[:59] + "…"
        super().__init__(f"the database {location} is damaged; nothing was written to it. Restore it from a backup "
                         f"(see the README), or ask your administrator ({shown})")
        self.location = location


class BusyError(StorageError):
    """Another program kept the database locked for longer than the busy timeout; nothing was written."""

    def __init__(self) -> None:
        super().__init__("the database is busy, try again (another window or program is saving)")


class ConflictError(StorageError):
    """A save refused because the case was saved by someone else since it was read; nothing was written."""

    def __init__(self, case_id: int, stored_revision: int, your_revision: int | None, changed_by: str,
                 changed_at: datetime) -> None:
        self.case_id = case_id
        self.stored_revision = stored_revision
        self.your_revision = your_revision
        self.changed_by = changed_by
        self.changed_at = changed_at
        who = f" by {changed_by}" if changed_by else ""
        yours = "unknown" if your_revision is None else str(your_revision)
        super().__init__(f"Case {case_id} was changed{who} at {_when(changed_at)} since you opened it "
                         f"(revision {yours}, now {stored_revision}). Reload it to see the changes, then save "
                         "yours again.")


class PermissionDeniedError(StorageError):
    """The signed-in person's role may not do this; the message names the action and the role."""


def _when(moment: datetime) -> str:
    """14:05 today; 2026-12-06 14:05 on another day."""
    if moment.date() == datetime.now().date():
        return f"{moment:%H:%M}"
    return f"{moment:%Y-%m-%d %H:%M}"


SQLITE_BUSY = 5  # primary result codes: the lock was not free within the busy timeout
SQLITE_LOCKED = 6


PG_LOCK_NOT_AVAILABLE = "55P03"  # SQLSTATE of PostgreSQL's lock_timeout running out


def is_lock_timeout(exc: BaseException) -> bool:
    """True for SQLite's "database is locked" (or "table is locked") and PostgreSQL's lock timeout, whether raised
    by the driver or wrapped by peewee (peewee 4 keeps the driver's exception as `orig`, not among its arguments as
    peewee 3 did)."""
    for candidate in (exc, getattr(exc, "orig", None), *exc.args[:1]):
        code = getattr(candidate, "sqlite_errorcode", None)
        if isinstance(code, int) and code & 0xFF in (SQLITE_BUSY, SQLITE_LOCKED):
            return True
        if getattr(candidate, "sqlstate", None) == PG_LOCK_NOT_AVAILABLE:
            return True
    return False
