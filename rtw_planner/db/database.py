"""Open the SQLite database: owner-only file, integrity checked, WAL, foreign keys, full sync, writes that wait for
the lock, and pending migrations applied once however many processes open it at the same moment."""

from __future__ import annotations

import logging
import os
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

import peewee as pw

from rtw_planner.db.errors import BusyError, CorruptDatabaseError, is_lock_timeout
from rtw_planner.db.errors import DatabaseError as DatabaseError  # raised here; re-exported for callers

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
PRAGMAS = {"journal_mode": "wal", "foreign_keys": 1, "synchronous": "full", "busy_timeout": 5000}
DB_FILENAME = "rtw-planner.sqlite3"
SQLITE_CORRUPT = 11  # a primary result code (sqlite3.SQLITE_CORRUPT from Python 3.11 on)


def _casefold(value: str | None) -> str | None:
    """Unicode case folding for searches (SQLite folds ASCII only)."""
    return value.casefold() if isinstance(value, str) else value


def _create_owner_only(path: Path) -> None:
    """Create the file (and its folder) readable and writable by the owner alone, before SQLite touches it."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)  # an existing file made with a looser umask is tightened too


HISTORY_TABLE = "schema_migration"  # playhouse.migrations' default history table


def migration_names() -> list[str]:
    """Every migration shipped, in order."""
    return sorted(p.stem for p in MIGRATIONS_DIR.glob("[0-9]*.py"))


def applied_migrations(db: pw.Database) -> set[str]:
    """Names recorded in the history table (none for a new database)."""
    if not db.table_exists(HISTORY_TABLE):
        return set()
    return {name for (name,) in db.execute_sql(f"SELECT name FROM {HISTORY_TABLE}")}


def pending_migrations(db: pw.Database) -> list[str]:
    """Names of migrations not yet applied. Read directly, so a normal start need not load the runner."""
    applied = applied_migrations(db)
    return [name for name in migration_names() if name not in applied]


def _backup(path: Path) -> Path:
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


def _migrate_once(db: pw.SqliteDatabase, backup_of: Path | None) -> None:
    """Apply what is pending, once, however many processes open the file at the same moment: the first to take
    SQLite's write lock (BEGIN IMMEDIATE, waiting on the busy timeout) checks again what is pending, backs the file
    up (when backup_of is given and it has a schema) and migrates; the others then find nothing to do. Foreign keys
    are off for the length of it, as a table rebuild needs (they can be switched only outside a transaction), and
    the references are checked before the commit."""
    db.pragma("foreign_keys", 0)
    try:
        with db.atomic("IMMEDIATE"):
            if not pending_migrations(db):
                return
            if backup_of is not None and applied_migrations(db):
                log.info("backed up the database to %s before migrating", _backup(backup_of).name)
            migrate(db)
            broken = db.execute_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise DatabaseError(f"a migration left {len(broken)} broken references in table {broken[0][0]}; "
                                    "nothing was changed")
    finally:
        db.pragma("foreign_keys", 1)


def migrate(db: pw.Database) -> list[str]:
    """Apply pending migrations in order; returns their names."""
    from playhouse.migrations import Runner

    return list(Runner(db, directory=str(MIGRATIONS_DIR), table_name=HISTORY_TABLE).up())


def open_database(path: Path | str) -> pw.SqliteDatabase:
    """Open (creating if needed) the database at path and migrate it. Nothing is bound to it: the repositories
    given it bind the tables for each call, so two open databases never see each other's writes."""
    memory = str(path) == ":memory:"
    if not memory:
        path = Path(path)
        try:
            existed = path.exists() and path.stat().st_size > 0
            _create_owner_only(path)
        except OSError as exc:
            raise DatabaseError(f"cannot create the database file {path}: {exc.strerror}") from None
        if existed:
            check_integrity(path)
    # Every transaction takes the write lock at its start (waiting on the busy timeout), so a write never fails
    # at once on "database is locked" after reading; the read snapshots in session.py ask for DEFERRED.
    db = pw.SqliteDatabase(str(path), pragmas=PRAGMAS, lock_type="IMMEDIATE")
    db.register_function(_casefold, "casefold", 1, deterministic=True)
    try:
        db.connect(reuse_if_open=True)
        if pending_migrations(db):
            _migrate_once(db, None if memory or not existed else Path(path))
    except (pw.DatabaseError, sqlite3.DatabaseError) as exc:
        db.close()
        if is_lock_timeout(exc):
            raise BusyError from None
        raise DatabaseError(f"cannot open the database {path}: {exc}") from None
    except DatabaseError:
        db.close()
        raise
    return db


def default_database_path() -> Path:
    """The database in the user's data folder."""
    from rtw_planner.assets import data_dir

    return data_dir() / DB_FILENAME
