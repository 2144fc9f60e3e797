"""Where the data lives: a SQLite file or a PostgreSQL server URL; connecting to the server, pooled, with a password
from the PostgreSQL password file or a prompt, never from the command line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import peewee as pw

from rtw_planner.db.errors import DatabaseError

SERVER_SCHEMES = ("postgresql", "postgres")
PASSWORD_FILE_HINT = ("put it in the PostgreSQL password file (~/.pgpass, or the file PGPASSFILE names, mode 0600: "
                      "HOST:PORT:DATABASE:USER:PASSWORD)")
# A desktop client uses one connection per thread; a few spare for the background tasks.
POOL_SIZE = 8
STALE_SECONDS = 300  # a connection idle for longer is closed and replaced, so no firewall cuts it silently
CONNECT_TIMEOUT_SECONDS = 10
# A row another client keeps locked is waited for this long, then the save is refused as busy (as SQLite's busy
# timeout does) instead of hanging the window behind someone's open transaction.
LOCK_TIMEOUT_MS = 5000

PasswordPrompt = Callable[[str], str | None]
"""Asked for the password when the server wants one and the password file has none; given a description of the
server ("sam@clinic-db:5432/rtw"); returns None when the user cancels."""


@dataclass(frozen=True)
class ServerLocation:
    """A PostgreSQL database named by a URL without a password."""

    url: str
    user: str
    host: str
    port: int | None
    dbname: str

    def describe(self) -> str:
        """user@host:port/dbname, for messages, titles and the password prompt."""
        port = f":{self.port}" if self.port else ""
        user = f"{self.user}@" if self.user else ""
        return f"{user}{self.host or 'localhost'}{port}/{self.dbname}"


def is_server_location(location: Path | str) -> bool:
    """True for a postgresql:// URL (a Path has lost one of its slashes, so only text counts)."""
    return isinstance(location, str) and location.partition("://")[0].lower() in SERVER_SCHEMES


def is_server(db: pw.Database) -> bool:
    """True when db is a PostgreSQL server, False for a SQLite file."""
    return isinstance(db, pw.PostgresqlDatabase)


def parse_server_url(url: str) -> ServerLocation:
    """The parts of postgresql://USER@HOST:PORT/DBNAME. Raises DatabaseError for a URL that holds a password
    (never echoing it) or cannot be read."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise DatabaseError("the server URL cannot be read; expected postgresql://USER@HOST:PORT/DATABASE") from None
    if parts.password is not None or "password" in parse_qs(parts.query):
        raise DatabaseError(f"the server URL contains a password; remove it and {PASSWORD_FILE_HINT}, or type it "
                            "when asked")
    dbname = unquote(parts.path.lstrip("/"))
    if not dbname:
        raise DatabaseError("the server URL names no database; expected postgresql://USER@HOST:PORT/DATABASE")
    # peewee hands the URL to psycopg whole only under this spelling of the scheme.
    normalized = "postgresql://" + url.partition("://")[2]
    return ServerLocation(normalized, unquote(parts.username or ""), parts.hostname or "", port, dbname)


def one_line_reason(exc: BaseException) -> str:
    """The server's or the network's own words, on one line, without the connection preamble."""
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return first.rpartition(" failed: ")[2].removeprefix("FATAL:").strip()


def connect_server(location: ServerLocation, password_prompt: PasswordPrompt | None) -> pw.PostgresqlDatabase:
    """A pooled connection to the server (psycopg 3), connected. libpq reads the password file itself; when the
    server still wants a password, password_prompt is asked once. Raises DatabaseError with a one-line message."""
    from rtw_planner.db.drivers import load_psycopg

    try:
        load_psycopg()
    except ImportError as exc:
        raise DatabaseError(f"cannot open the server database {location.describe()}: {exc}") from None
    from playhouse.pool import PooledPostgresqlDatabase

    params = {"connect_timeout": CONNECT_TIMEOUT_SECONDS, "application_name": "rtw-planner",
              "options": f"-c lock_timeout={LOCK_TIMEOUT_MS}"}
    db = PooledPostgresqlDatabase(location.url, max_connections=POOL_SIZE, stale_timeout=STALE_SECONDS,
                                  prefer_psycopg3=True, **params)
    try:
        try:
            db.connect(reuse_if_open=True)
        except pw.OperationalError as exc:
            if "no password supplied" not in str(exc):
                raise
            password = password_prompt(location.describe()) if password_prompt else None
            if not password:
                raise DatabaseError(f"the server {location.describe()} wants a password and none was given; "
                                    f"{PASSWORD_FILE_HINT}") from None
            db.connect_params["password"] = password  # kept in memory for the pool's later connections only
            db.connect(reuse_if_open=True)
    except pw.OperationalError as exc:
        raise DatabaseError(f"cannot open the server database {location.describe()}: {one_line_reason(exc)}") from None
    return db
