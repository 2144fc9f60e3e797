"""Open the SQLite database: owner-only file, WAL, foreign keys, full sync, and pending migrations applied."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import peewee as pw
from playhouse.migrations import Runner

from rtw_planner.db.tables import database_proxy

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
PRAGMAS = {"journal_mode": "wal", "foreign_keys": 1, "synchronous": "full", "busy_timeout": 5000}
DB_FILENAME = "rtw-planner.sqlite3"


class DatabaseError(RuntimeError):
    """The database could not be opened or migrated; the message names the file."""


def _create_owner_only(path: Path) -> None:
    """Create the file (and its folder) readable and writable by the owner alone, before SQLite touches it."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)  # an existing file made with a looser umask is tightened too


def _runner(db: pw.Database) -> Runner:
    return Runner(db, directory=str(MIGRATIONS_DIR))


def pending_migrations(db: pw.Database) -> list[str]:
    """Names of migrations not yet applied."""
    return [m.name for m in _runner(db).status() if m.applied is None and m.path is not None]


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
    return list(_runner(db).up())


def open_database(path: Path | str) -> pw.SqliteDatabase:
    """Open (creating if needed) the database at path, migrate it and bind the tables to it."""
    memory = str(path) == ":memory:"
    if not memory:
        path = Path(path)
        try:
            existed = path.exists() and path.stat().st_size > 0
            _create_owner_only(path)
        except OSError as exc:
            raise DatabaseError(f"cannot create the database file {path}: {exc.strerror}") from None
    db = pw.SqliteDatabase(str(path), pragmas=PRAGMAS)
    try:
        db.connect(reuse_if_open=True)
        pending = pending_migrations(db)
        if pending and not memory and existed and _runner(db).applied():
            log.info("backed up the database to %s before migrating", _backup(Path(path)).name)
        if pending:
            migrate(db)
    except (pw.DatabaseError, sqlite3.DatabaseError) as exc:
        db.close()
        raise DatabaseError(f"cannot open the database {path}: {exc}") from None
    database_proxy.initialize(db)
    return db


def default_database_path() -> Path:
    """The database in the user's data folder."""
    from rtw_planner.assets import data_dir

    return data_dir() / DB_FILENAME
