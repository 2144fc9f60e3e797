"""Other clients' saves, pushed by the server: a connection of its own that LISTENs on the case channel (migration
0010), whose socket a window can watch, and whose notices are read without ever blocking."""

from __future__ import annotations

import logging
from typing import Any

import peewee as pw

from rtw_planner.db.backends import is_server

CHANNEL = "rtw_case_changed"
log = logging.getLogger(__name__)


class ChangeListener:
    """LISTENs for case changes on a server database; `fileno` becomes readable when a notice arrives and
    `pending` returns the ids of the cases changed since it was last asked."""

    def __init__(self, db: pw.Database) -> None:
        if not is_server(db):
            raise ValueError("only a PostgreSQL database sends change notices")
        import psycopg

        # The pool's connections come and go; a listener needs one that stays, outside any transaction.
        params: dict[str, Any] = {k: v for k, v in db.connect_params.items() if k != "prefer_psycopg3"}
        self._connection = psycopg.connect(db.database, autocommit=True, **params)
        self._connection.execute(f"LISTEN {CHANNEL}")

    def fileno(self) -> int:
        """The socket to watch for readability."""
        return int(self._connection.fileno())

    def pending(self) -> set[int]:
        """Ids of cases changed since the last call (empty when none); never waits."""
        changed = set()
        for notice in self._connection.notifies(timeout=0):
            if notice.payload.isdigit():
                changed.add(int(notice.payload))
        return changed

    def close(self) -> None:
        """Stop listening."""
        self._connection.close()


def listener_for(db: pw.Database) -> ChangeListener | None:
    """A listener on a server database, or None on SQLite or when the server cannot be reached for one (the caller
    then looks on a timer)."""
    if not is_server(db):
        return None
    try:
        return ChangeListener(db)
    except Exception as exc:  # noqa: BLE001 - any driver failure means: fall back to looking on a timer
        log.info("no change notices from the server (%s); looking every few seconds instead", type(exc).__name__)
        return None
