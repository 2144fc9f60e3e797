"""A case's change history from the audit trail (rtw_planner.db.audit, which the `history` command prints too), as
rows the History tab shows; None while the database has no audit trail."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import peewee as pw

from rtw_planner.gui.team.people import module_function

HistorySource = Callable[[int], "list[HistoryEntry] | None"]


@dataclass(frozen=True)
class HistoryEntry:
    """One recorded change: when, who, what (the part of the case), the field, and its old and new values."""

    when: datetime
    who: str
    what: str
    field: str
    old: str
    new: str

    @classmethod
    def of(cls, row: Mapping[str, Any] | object) -> HistoryEntry:
        """From an audit row as a mapping ({when, who, what, field, old, new}, as `history --json` prints it) or as
        an object with those attributes."""
        def value(name: str) -> Any:
            return row.get(name) if isinstance(row, Mapping) else getattr(row, name, None)

        when = value("when")
        if isinstance(when, str):
            when = datetime.fromisoformat(when)
        if isinstance(when, datetime) and when.tzinfo is not None:
            when = when.astimezone().replace(tzinfo=None)  # the trail keeps UTC; the screen shows local time
        return cls(when if isinstance(when, datetime) else datetime.min, str(value("who") or ""),
                   str(value("what") or ""), str(value("field") or "").replace("_", " "), shown(value("old")),
                   shown(value("new")))


def shown(value: object) -> str:
    """A recorded value as text: '' for none, words for true and false, 'name: value; …' for a row added or
    removed whole (its empty fields left out)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Mapping):
        return "; ".join(f"{name.replace('_', ' ')}: {shown(v)}" for name, v in value.items()
                         if v not in (None, ""))
    return str(value)


def newest_first(entries: list[HistoryEntry]) -> list[HistoryEntry]:
    """The order the History tab lists changes in (stable within one moment)."""
    return sorted(reversed(entries), key=lambda e: e.when, reverse=True)  # the later of two at one moment first


def audit_source(db: pw.Database) -> HistorySource:
    """The case history in db's audit trail."""
    def source(case_id: int) -> list[HistoryEntry] | None:
        read = module_function("rtw_planner.db.audit", "case_history", "history")
        if read is None:
            return None
        return newest_first([HistoryEntry.of(row) for row in read(db, case_id)])

    return source
