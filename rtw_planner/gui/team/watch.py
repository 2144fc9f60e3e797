"""Noticing other people's saves: on the server a pushed notice (LISTEN/NOTIFY, db/notify.py) wakes a cheap look at
the case table (how many cases, the latest change), with a slow timer behind it should the notices stop; on a file
the same look when the window gets focus. When it moved, the case list reloads and, if the open case is the one
that changed, the window says who changed it and when."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import peewee as pw
from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from rtw_planner.db.database import is_server
from rtw_planner.db.errors import BusyError, PermissionDeniedError
from rtw_planner.db.notify import listener_for
from rtw_planner.db.session import reading
from rtw_planner.db.tables import CaseRow

SERVER_POLL_MS = 5000  # two indexed lookups every five seconds when the server sends no notices
NOTIFIED_POLL_MS = 60_000  # with notices: a slow look behind them, in case their connection dropped
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Stamp:
    """Which version of a case is stored: its revision (once cases carry one), when and by whom it was saved."""

    revision: int | None
    updated_at: datetime | None
    updated_by: str


def list_fingerprint(db: pw.Database) -> tuple[int, Any]:
    """How many cases there are and when the latest was saved: it moves with any insert, save or delete."""
    with reading(db):
        return int(CaseRow.select().count()), CaseRow.select(pw.fn.MAX(CaseRow.updated_at)).scalar()


def case_stamp(db: pw.Database, case_id: int) -> Stamp | None:
    """The stored version of one case; None when it is gone."""
    columns = [CaseRow.updated_at, *(getattr(CaseRow, name) for name in ("revision", "updated_by")
                                     if hasattr(CaseRow, name))]
    with reading(db):
        row = CaseRow.select(*columns).where(CaseRow.id == case_id).dicts().first()
    if row is None:
        return None
    return Stamp(row.get("revision"), row.get("updated_at"), str(row.get("updated_by") or ""))


def moved_on(before: Stamp, now: Stamp) -> bool:
    """True when the stored case is another version than the one read."""
    if before.revision is not None and now.revision is not None:
        return now.revision != before.revision
    return now.updated_at != before.updated_at


class ChangeWatch(QObject):
    """Looks at db when asked (check) or, on a server, every few seconds."""

    list_changed = Signal()
    case_changed = Signal(int, str, object)  # the tracked case's id, who saved it, when (a datetime or None)

    def __init__(self, db: pw.Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._fingerprint = self._look(list_fingerprint, db)
        self._tracked: tuple[int, Stamp | None] | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.listener = listener_for(db)
        self._notifier: QSocketNotifier | None = None
        if self.listener is not None:
            self._notifier = QSocketNotifier(self.listener.fileno(), QSocketNotifier.Type.Read, self)
            self._notifier.activated.connect(self._on_notice)
            self.destroyed.connect(self.listener.close)
        self.timer.setInterval(NOTIFIED_POLL_MS if self.listener is not None else SERVER_POLL_MS)
        if is_server(db):
            self.timer.start()

    def _on_notice(self, *_args: object) -> None:
        """The server said a case changed: look now (own saves were noted already, so they stay quiet)."""
        assert self.listener is not None
        try:
            changed = self.listener.pending()
        except Exception as exc:  # noqa: BLE001 - a lost listener must never break the window: the timer goes on
            log.info("change notices stopped (%s); looking every few seconds instead", type(exc).__name__)
            if self._notifier is not None:
                self._notifier.setEnabled(False)
            self.timer.setInterval(SERVER_POLL_MS)
            return
        if changed:
            self.check()

    def _look(self, query: Any, *args: Any) -> Any:
        """A query that must never break the window: a busy or unreachable database waits for the next look."""
        try:
            return query(*args)
        except (pw.PeeweeException, BusyError, PermissionDeniedError) as exc:
            log.info("could not look for changes: %s", type(exc).__name__)
            return None

    def track(self, case_id: int | None) -> None:
        """The open case (None: none), as stored now: later saves of it by others are announced."""
        self._tracked = None if case_id is None else (case_id, self._look(case_stamp, self._db, case_id))

    def note_own_change(self) -> None:
        """This window saved, imported or deleted something: that is no news to it."""
        self._fingerprint = self._look(list_fingerprint, self._db) or self._fingerprint

    def check(self) -> None:
        """Reload signals when something changed since the last look."""
        fingerprint = self._look(list_fingerprint, self._db)
        if fingerprint is None or fingerprint == self._fingerprint:
            return
        self._fingerprint = fingerprint
        self.list_changed.emit()
        if self._tracked is None:
            return
        case_id, before = self._tracked
        now = self._look(case_stamp, self._db, case_id)
        if before is not None and now is not None and moved_on(before, now):
            self._tracked = (case_id, now)  # announced once
            self.case_changed.emit(case_id, now.updated_by, _moment(now.updated_at))


def _moment(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
