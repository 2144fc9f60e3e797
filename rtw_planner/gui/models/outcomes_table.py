"""Read-only tables of the Progress tab: outcome records and the home-practice log, oldest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from rtw_planner.domain.case.outcome_records import OutcomeRecord, PracticeEntry
from rtw_planner.domain.demands.units import format_number
from rtw_planner.gui.kit.dates_text import short_date
from rtw_planner.gui.models.base import Index, RowsTableModel


class OutcomesTableModel(RowsTableModel):
    """Rows are OutcomeRecord values, oldest first."""

    COLUMNS = ("Date", "Instrument", "Answers", "Score", "Band", "Notes")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        record: OutcomeRecord = self._rows[index.row()]
        answers = " ".join("-" if a is None else format_number(a, 2) for a in record.answers)
        score = "no score" if record.score is None else format_number(record.score, 2)
        return (short_date(record.on), record.instrument_id, answers, score, record.band or "",
                record.notes)[index.column()]


class PracticeTableModel(RowsTableModel):
    """Rows are PracticeEntry values, oldest first."""

    COLUMNS = ("Date", "Activity", "Quota", "Done", "Quota met")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        entry: PracticeEntry = self._rows[index.row()]
        quota = "" if entry.quota is None else format_number(entry.quota, 1)
        done = "" if entry.done is None else format_number(entry.done, 1)
        return (short_date(entry.on), entry.activity, quota, done,
                "Yes" if entry.completed else "No")[index.column()]
