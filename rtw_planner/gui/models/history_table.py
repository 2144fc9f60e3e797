"""A case's change history as a read-only table: when, who, what, field, old and new value, newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from rtw_planner.gui.kit.dates_text import date_and_time
from rtw_planner.gui.models.base import ColumnsTableModel, Index
from rtw_planner.gui.team.history import HistoryEntry

MAX_SHOWN = 120  # a long text shows its start in the cell; the tooltip holds it whole


class HistoryTableModel(ColumnsTableModel):
    """Rows are HistoryEntry values, filtered by field."""

    COLUMNS = ("When", "Who", "What", "Field", "Old value", "New value")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[HistoryEntry] = []
        self._rows: list[HistoryEntry] = []
        self._field = ""

    def set_entries(self, entries: list[HistoryEntry]) -> None:
        """Show these changes (already newest first)."""
        self.beginResetModel()
        self._entries = list(entries)
        self._rows = self._filtered()
        self.endResetModel()

    def set_field(self, field: str) -> None:
        """Show only changes of one field ('' for all)."""
        self.beginResetModel()
        self._field = field
        self._rows = self._filtered()
        self.endResetModel()

    def _filtered(self) -> list[HistoryEntry]:
        return [e for e in self._entries if not self._field or e.field == self._field]

    @property
    def total(self) -> int:
        """How many changes there are, shown or filtered out."""
        return len(self._entries)

    def fields(self) -> list[str]:
        """Every field changed, in alphabetical order."""
        return sorted({e.field for e in self._entries if e.field})

    def entry(self, row: int) -> HistoryEntry:
        """The change shown on a row."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        entry = self._rows[index.row()]
        if index.column() == 0:
            return date_and_time(entry.when)
        text = (entry.who, entry.what, entry.field, entry.old, entry.new)[index.column() - 1]
        one_line = " ".join(text.split())
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if text else None
        return one_line if len(one_line) <= MAX_SHOWN else one_line[:MAX_SHOWN - 1] + "…"
