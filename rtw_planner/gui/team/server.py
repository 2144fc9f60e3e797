"""A clinic server's address (host, port, database, user; never a password) and the URL the storage layer opens."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from rtw_planner.db.backends import SERVER_SCHEMES, is_server_location
from rtw_planner.domain.data.errors import ValidationError

DEFAULT_PORT = 5432
HOST_PATTERN = re.compile(r"^[A-Za-z0-9._:-]{1,253}$")  # a name, an IPv4 or an IPv6 address
MAX_NAME = 63  # PostgreSQL's limit on role and database names


@dataclass(frozen=True)
class ServerAddress:
    """Where the clinic's database runs and who signs in to it."""

    host: str
    port: int
    database: str
    user: str

    def __post_init__(self) -> None:
        host = self.host.strip()
        if not HOST_PATTERN.match(host):
            raise ValidationError("host", self.host, "a server name or address, such as clinic-db or 10.0.0.5")
        object.__setattr__(self, "host", host)
        if isinstance(self.port, bool) or not isinstance(self.port, int) or not 1 <= self.port <= 65535:
            raise ValidationError("port", self.port, "a whole number from 1 to 65535")
        for field in ("database", "user"):
            value = getattr(self, field).strip()
            if not value or len(value) > MAX_NAME or any(c.isspace() or c in "/@?#" for c in value):
                raise ValidationError(field, getattr(self, field),
                                      f"a name of 1 to {MAX_NAME} characters without spaces, /, @, ? or #")
            object.__setattr__(self, field, value)

    @property
    def url(self) -> str:
        """postgresql://USER@HOST:PORT/DBNAME, the form --db and RTW_PLANNER_DB take."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"postgresql://{quote(self.user, safe='')}@{host}:{self.port}/{quote(self.database, safe='')}"

    @property
    def label(self) -> str:
        """'rtw on clinic-db:5432 as sam', as the title and the status bar show it."""
        return f"{self.database} on {self.host}:{self.port} as {self.user}"

    @classmethod
    def from_url(cls, url: str) -> ServerAddress:
        """Read a server URL. Raises ValidationError, also for a URL holding a password (it belongs in the
        PostgreSQL password file, never in a setting or on a command line)."""
        parts = urlsplit(url)
        if parts.scheme.lower() not in SERVER_SCHEMES:
            raise ValidationError("server", parts.scheme, "a postgresql:// address")
        if parts.password is not None:
            raise ValidationError("server", "(hidden)", "an address without a password; put the password in the "
                                                        "PostgreSQL password file (~/.pgpass) or type it when asked")
        try:
            port = parts.port or DEFAULT_PORT
        except ValueError:
            raise ValidationError("port", parts.netloc.rpartition(":")[2], "a whole number from 1 to 65535") from None
        return cls(parts.hostname or "", port, unquote(parts.path.lstrip("/")), unquote(parts.username or ""))


def describe_location(location: str | Path) -> str:
    """The database as the window names it: 'clinic server rtw on clinic-db:5432 as sam' or 'file NAME'."""
    if is_server_location(location):
        try:
            return f"clinic server {ServerAddress.from_url(str(location)).label}"
        except ValidationError:
            return "clinic server"
    return "local file" if str(location) == ":memory:" else f"file {Path(location).name}"
