"""Open the database: a SQLite file (owner-only, integrity checked, WAL, foreign keys, full sync, writes that wait for
the lock) or a PostgreSQL server (backends.py), with pending migrations applied once however many clients open it."""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from pathlib import Path

import peewee as pw

from rtw_planner.db import search_index
from rtw_planner.db.backends import (
    PasswordPrompt,
    ServerLocation,
    connect_server,
    is_server,
    is_server_location,
    one_line_reason,
    parse_server_url,
)
from rtw_planner.db.errors import BusyError, DatabaseError, is_lock_timeout
from rtw_planner.db.folding import sql_fold
from rtw_planner.db.sqlite_file import backup_before_migration, check_integrity, create_owner_only

__all__ = ["DatabaseError", "PasswordPrompt", "default_database_path", "default_location", "is_server", "migrate",
           "open_database", "pending_migrations"]

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# busy_timeout first: peewee applies these in order, and switching an old file to WAL needs the lock, so with the
# timeout still at SQLite's default of 0 a client opening it while another migrates failed at once as "busy".
PRAGMAS = {"busy_timeout": 5000, "journal_mode": "wal", "foreign_keys": 1, "synchronous": "full"}
DB_FILENAME = "rtw-planner.sqlite3"
MIGRATION_PATIENCE = 12  # times the busy timeout a client waits for another's migration (5 s -> 1 minute)
DB_ENV = "RTW_PLANNER_DB"  # a file path or a postgresql:// URL, as --db takes
# Clients opening a server database at once take turns to migrate it (an advisory lock: any 64-bit key of ours).
MIGRATION_LOCK = 0x7274_7770_6C61_6E  # "rtwplan"


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
                log.info("backed up the database to %s before migrating", backup_before_migration(backup_of).name)
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


def open_database(location: Path | str, password_prompt: PasswordPrompt | None = None) -> pw.Database:
    """Open the database at location, a SQLite path (created if needed) or a postgresql:// URL, and migrate it.
    Nothing is bound to it: the repositories given it bind the tables for each call, so two open databases never
    see each other's writes. password_prompt is asked when a server wants a password the password file lacks.
    Raises DatabaseError with a one-line message."""
    if is_server_location(location):
        return _open_server(parse_server_url(str(location)), password_prompt)
    path = location
    memory = str(path) == ":memory:"
    if not memory:
        path = Path(path)
        try:
            existed = path.exists() and path.stat().st_size > 0
            create_owner_only(path)
        except OSError as exc:
            raise DatabaseError(f"cannot create the database file {path}: {exc.strerror}") from None
        if existed:
            check_integrity(path)
    # Every transaction takes the write lock at its start (waiting on the busy timeout), so a write never fails
    # at once on "database is locked" after reading; the read snapshots in session.py ask for DEFERRED.
    # Opening waits longer than a save does: another client may be upgrading the schema right now (seconds on a
    # large file, and an old file is not yet in WAL mode, so even reads wait); saves then wait the usual time.
    usual = int(str(PRAGMAS["busy_timeout"]))
    db = pw.SqliteDatabase(str(path), pragmas={**PRAGMAS, "busy_timeout": usual * MIGRATION_PATIENCE},
                           lock_type="IMMEDIATE")
    db.register_function(sql_fold, "rtw_fold", 1, deterministic=True)  # the server's is made by migration 0008
    # SQLite answers "busy" at once, without waiting, where waiting could deadlock (an old file switching to WAL
    # while another client migrates it): opening is tried again until the same patience has run out.
    deadline = time.monotonic() + usual * MIGRATION_PATIENCE / 1000
    while True:
        try:
            db.connect(reuse_if_open=True)
            if pending_migrations(db):
                _migrate_once(db, None if memory or not existed else Path(path))
            search_index.follow_sqlite(db)  # the search index this SQLite can keep (search_index.py)
            db.pragma("busy_timeout", usual, permanent=True)  # this connection and any later one
            break
        except (pw.DatabaseError, sqlite3.DatabaseError) as exc:
            db.close()
            if not is_lock_timeout(exc):
                raise DatabaseError(f"cannot open the database {path}: {exc}") from None
            if time.monotonic() >= deadline:
                raise BusyError from None
            time.sleep(0.05)
        except DatabaseError:
            db.close()
            raise
    if not memory and existed:
        from rtw_planner.db.backup import daily_backup

        daily_backup(db)  # the first opening of the day copies the file aside; never raises
    return db


def _open_server(location: ServerLocation, password_prompt: PasswordPrompt | None) -> pw.Database:
    """Connect and migrate, one client at a time. A server database is backed up with pg_dump (docs/server.md),
    not copied aside before a migration as a file is."""
    db = connect_server(location, password_prompt)
    try:
        if pending_migrations(db):
            db.execute_sql("SELECT pg_advisory_lock(%s)", (MIGRATION_LOCK,))
            try:
                migrate(db)  # none left when another client migrated while this one waited
            finally:
                db.execute_sql("SELECT pg_advisory_unlock(%s)", (MIGRATION_LOCK,))
    except pw.DatabaseError as exc:
        db.close()
        if isinstance(exc, pw.ProgrammingError) and ("permission denied" in str(exc) or "must be owner" in str(exc)):
            raise DatabaseError(f"the server database {location.describe()} needs its schema upgraded and this "
                                "user may not change it; ask the administrator to open it once with this version "
                                "first") from None
        raise DatabaseError(f"cannot open the server database {location.describe()}: {one_line_reason(exc)}") from None
    return db


def default_location() -> Path | str:
    """RTW_PLANNER_DB (a file path or a postgresql:// URL) when it is set, else the file in the user's data folder."""
    chosen = os.environ.get(DB_ENV, "").strip()
    if chosen:
        return chosen if is_server_location(chosen) else Path(chosen)
    return default_database_path()


def default_database_path() -> Path:
    """The database in the user's data folder."""
    from rtw_planner.assets import data_dir

    return data_dir() / DB_FILENAME
