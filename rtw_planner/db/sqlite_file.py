"""The SQLite file itself: created owner-only, checked before use, copied aside before its schema changes."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

from rtw_planner.db.errors import CorruptDatabaseError, DatabaseError

SQLITE_CORRUPT = 11  # a primary result code (sqlite3.SQLITE_CORRUPT from Python 3.11 on)


def create_owner_only(path: Path) -> None:
    """Create the file (and its folder) readable and writable by the owner alone, before SQLite touches it."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)  # an existing file made with a looser umask is tightened too


def backup_before_migration(path: Path) -> Path:
    """Copy the database aside (owner-only) before its schema changes. Named to the microsecond, with a counter
    should two copies still meet; an existing file is never overwritten."""
    stamp = f"{datetime.now():%Y%m%d-%H%M%S-%f}"
    attempt = 0
    while True:
        counter = f"-{attempt}" if attempt else ""
        target = path.with_name(f"{path.name}.before-migration-{stamp}{counter}.bak")
        try:
            fd = os.open(target, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
            break
        except FileExistsError:
            attempt += 1
    os.close(fd)
    with sqlite3.connect(path) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    os.chmod(target, 0o600)
    return target


def check_integrity(path: Path) -> None:
    """Refuse a damaged file before anything is written to it: SQLite's quick_check, on a read-only connection so
    that even opening it writes nothing. Raises CorruptDatabaseError naming the file, or DatabaseError when it is
    not a database at all."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True)) as connection:
            problems = [str(row[0]) for row in connection.execute("PRAGMA quick_check(3)")]
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorcode", 0) & 0xFF == SQLITE_CORRUPT:
            raise CorruptDatabaseError(str(path), str(exc)) from None
        raise DatabaseError(f"cannot open the database {path}: {exc}") from None
    if problems != ["ok"]:
        # quick_check names pages, tables and indexes, never the values stored in them.
        raise CorruptDatabaseError(str(path), problems[0].replace("\n", " ")[:200])
