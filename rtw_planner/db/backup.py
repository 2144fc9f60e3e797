"""Backups a clinic can trust: online copies (SQLite's backup API, pg_dump's custom format on a server), restores
into an empty database only, and daily SQLite copies kept for the days the clinic sets; every file 0600."""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import peewee as pw

from rtw_planner.db.errors import StorageError
from rtw_planner.db.identity import is_server

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"  # pg_dump's custom format
DEFAULT_RETENTION_DAYS = 14


class BackupError(StorageError):
    """A backup or restore that could not be made; the message names the file and what to do. Nothing was
    written to the target."""


@contextlib.contextmanager
def _placed(target: Path) -> Iterator[Path]:
    """A private (0600) scratch file beside target, linked to target's name once the block has filled it: the
    target is never partial and never overwritten (FileExistsError when it appeared meanwhile)."""
    fd, scratch = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    try:
        yield Path(scratch)
        os.chmod(scratch, 0o600)
        os.link(scratch, target)
    finally:
        os.unlink(scratch)


def _copy_sqlite(source: Path, target: Path) -> None:
    """A consistent copy of a live database, one self-contained file (no -wal beside it), checked whole."""
    with _placed(target) as scratch:
        origin = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
        copy = sqlite3.connect(scratch)
        try:
            origin.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
            check = copy.execute("PRAGMA quick_check").fetchone()
        finally:
            copy.close()
            origin.close()
        if check != ("ok",):
            raise BackupError(f"the copy of {source} failed its integrity check; nothing was kept")


def _tool(name: str) -> str:
    """A PostgreSQL client program: on the PATH, or the newest in Debian's versioned folders."""
    found = shutil.which(name) or next(
        (str(p) for p in sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True)), None)
    if found is None:
        raise BackupError(f"{name} was not found: install the PostgreSQL client programs (postgresql-client)")
    return found


def _run(command: list[str], env: dict[str, str] | None = None) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        reason = next((line for line in done.stderr.splitlines() if line.strip()), f"exit status {done.returncode}")
        raise BackupError(f"{Path(command[0]).name} failed: {reason}")


def _server_env(db: pw.Database) -> dict[str, str]:
    """The open connection's server, database, user and (when one was typed) password, for a client program
    to inherit: never on its command line."""
    info = db.connection().info
    env = {**os.environ, "PGHOST": info.host, "PGPORT": str(info.port), "PGUSER": info.user,
           "PGDATABASE": info.dbname}
    if info.password:
        env["PGPASSWORD"] = info.password
    return env


def back_up(db: pw.Database, out: Path) -> None:
    """Copy the whole database to a new file out (never over an existing one). Raises BackupError."""
    if out.exists():
        raise BackupError(f"--out: {out} exists; a backup never replaces a file, choose a new name")
    try:
        if is_server(db):
            with _placed(out) as scratch:
                _run([_tool("pg_dump"), "--format=custom", "--no-password", f"--file={scratch}"], _server_env(db))
        else:
            _copy_sqlite(Path(db.database), out)
    except FileExistsError:
        raise BackupError(f"--out: {out} appeared while the backup ran; nothing was replaced") from None
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(f"cannot write the backup {out}: {getattr(exc, 'strerror', None) or exc}") from None


def kind_of(backup: Path) -> str:
    """'sqlite' or 'postgresql', from the file's first bytes. Raises BackupError for anything else."""
    try:
        with backup.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise BackupError(f"cannot read the backup {backup}: {exc.strerror}") from None
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PG_DUMP_MAGIC):
        return "postgresql"
    raise BackupError(f"{backup} is not a backup made by the backup command (neither SQLite nor pg_dump's "
                      "custom format)")


def _is_url(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://"))


def _sqlite_tables(path: Path) -> int:
    """How many tables the SQLite file at path holds (read-only)."""
    with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as connection:
        return int(connection.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0])


def _restore_sqlite(backup: Path, target: Path) -> None:
    try:
        if _sqlite_tables(backup) == 0:
            raise BackupError(f"{backup} holds no tables: it is not a backup of this app's database")
    except sqlite3.Error as exc:
        raise BackupError(f"{backup} cannot be read as a database: {exc}") from None
    if target.exists() and target.stat().st_size > 0 and _sqlite_tables(target) > 0:
        raise BackupError(f"--db: {target} already holds a database; restore into a new file or an empty one")
    for leftover in (target.with_name(target.name + "-wal"), target.with_name(target.name + "-shm")):
        if leftover.exists() and leftover.stat().st_size > 0:  # SQLite would apply it to the restored file
            raise BackupError(f"--db: {leftover} is left from an earlier database; move it away first")
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    try:
        _copy_sqlite(backup, target)
    except FileExistsError:
        raise BackupError(f"--db: {target} appeared while restoring; nothing was replaced") from None


def _restore_server(backup: Path, url: str) -> None:
    import psycopg

    from rtw_planner.db.roles import group_statements

    try:
        with psycopg.connect(url, autocommit=True) as connection:
            tables = connection.execute("SELECT count(*) FROM pg_tables WHERE schemaname NOT IN "
                                        "('pg_catalog', 'information_schema')").fetchone()
            if tables is None or tables[0] > 0:
                raise BackupError("--db: that database already holds tables; restore into a new, empty database "
                                  "(createdb)")
            for statement in group_statements():  # its grants name them; a new server has none yet
                connection.execute(statement)
    except psycopg.OperationalError as exc:
        reason = str(exc).strip().splitlines()[-1] if str(exc).strip() else "cannot connect"
        raise BackupError(f"--db: cannot reach the server ({reason}); a password goes in the PostgreSQL password "
                          "file (~/.pgpass)") from None
    # Owned by the restoring role, with the grants the migrations give (applied again once it is open).
    _run([_tool("pg_restore"), "--no-owner", "--no-acl", "--single-transaction", "--exit-on-error",
          "--no-password", f"--dbname={url}", str(backup)])


def restore(backup: Path, target: str) -> None:
    """Restore a backup into an empty database: a SQLite file that is missing, empty or without tables, or a
    PostgreSQL database without tables; a backup goes back to the kind of database it came from. The caller
    then opens it (migrating an older backup). Raises BackupError, and then leaves the target as it was."""
    kind = kind_of(backup)
    if kind != ("postgresql" if _is_url(target) else "sqlite"):
        where = "a PostgreSQL database (--db postgresql://…)" if kind == "postgresql" else "a SQLite file"
        raise BackupError(f"{backup} is a {kind} backup: restore it into {where}")
    try:
        if kind == "postgresql":
            _restore_server(backup, target)
        else:
            _restore_sqlite(backup, Path(target))
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(f"cannot restore into {target}: {getattr(exc, 'strerror', None) or exc}") from None


def _retention_days(db: pw.Database) -> int:
    row = db.execute_sql("SELECT backup_retention_days FROM clinic ORDER BY id LIMIT 1").fetchone()
    return DEFAULT_RETENTION_DAYS if row is None else int(row[0])


def daily_folder(path: Path) -> Path:
    """Where a SQLite file's daily backups go: a backups folder beside it (for the usual database, in the data
    folder)."""
    return path.parent / "backups"


def prune(folder: Path, stem: str, keep_days: int, today: date) -> list[Path]:
    """Delete the daily backups of stem dated keep_days or more before today; returns them."""
    pattern = re.compile(re.escape(stem) + r"-(\d{4}-\d{2}-\d{2})\.sqlite3")
    oldest_kept = today - timedelta(days=keep_days - 1)
    gone = []
    for candidate in folder.glob(f"{stem}-*.sqlite3"):
        match = pattern.fullmatch(candidate.name)
        if match and date.fromisoformat(match.group(1)) < oldest_kept:
            candidate.unlink(missing_ok=True)
            gone.append(candidate)
    return gone


def daily_backup(db: pw.Database, today: date | None = None) -> Path | None:
    """On opening a SQLite file: when none was taken today, a backup in daily_folder, and those older than the
    clinic's retention pruned (0 days: no daily backups). Returns the new file. A failure is logged and never
    stops the database opening: the clinic still has yesterday's."""
    path = Path(db.database)
    if is_server(db) or str(db.database) == ":memory:":
        return None
    today = today or date.today()
    try:
        days = _retention_days(db)
        if days <= 0:
            return None
        folder = daily_folder(path)
        target = folder / f"{path.stem}-{today.isoformat()}.sqlite3"
        made = None
        if not target.exists():
            folder.mkdir(mode=0o700, exist_ok=True)
            with contextlib.suppress(FileExistsError):  # another process took it a moment ago
                _copy_sqlite(path, target)
                made = target
        prune(folder, path.stem, days, today)
        return made
    except (OSError, sqlite3.Error, pw.DatabaseError, BackupError) as exc:
        log.warning("daily backup of %s failed: %s", path.name, exc)
        return None
