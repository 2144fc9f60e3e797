"""Open the SQLite database: owner-only file, WAL, foreign keys, full sync, and pending migrations applied."""

from __future__ import annotations

import logging
import os
import sqlite3
from datetime import datetime
from pathlib import Path

import peewee as pw

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
PRAGMAS = {"journal_mode": "wal", "foreign_keys": 1, "synchronous": "full", "busy_timeout": 5000}
DB_FILENAME = "rtw-planner.sqlite3"


class DatabaseError(RuntimeError):
    """The database could not be opened or migrated; the message names the file."""


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
    """Copy the database aside (owner-only) before its schema changes."""
    target = path.with_name(f"{path.name}.before-migration-{datetime.now():%Y%m%d-%H%M%S}.bak")
    fd = os.open(target, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
    os.close(fd)
    with sqlite3.connect(path) as source, sqlite3.connect(target) as copy:
        source.backup(copy)
    os.chmod(target, 0o600)
    return target


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
    db = pw.SqliteDatabase(str(path), pragmas=PRAGMAS)
    db.register_function(_casefold, "casefold", 1, deterministic=True)
    try:
        db.connect(reuse_if_open=True)
        pending = pending_migrations(db)
        if pending and not memory and existed and applied_migrations(db):
            log.info("backed up the database to %s before migrating", _backup(Path(path)).name)
        if pending:
            migrate(db)
    except (pw.DatabaseError, sqlite3.DatabaseError) as exc:
        db.close()
        raise DatabaseError(f"cannot open the database {path}: {exc}") from None
    return db


def default_database_path() -> Path:
    """The database in the user's data folder."""
    from rtw_planner.assets import data_dir

    return data_dir() / DB_FILENAME
