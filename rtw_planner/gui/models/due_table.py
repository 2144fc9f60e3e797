"""The caseload home's table: what is due, one row per item, overdue reviews first."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont

from rtw_planner.domain.caseload.due import DueItem, DueReason
from rtw_planner.gui.kit.dates_text import short_date
from rtw_planner.gui.models.base import ColumnsTableModel, Index


class DueTableModel(ColumnsTableModel):
    """Rows are DueItem values in the order given (caseload() sorts them)."""

    COLUMNS = ("Date", "What", "Patient", "Case", "Detail")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[DueItem] = []
        self.today = date.today()

    def set_items(self, items: list[DueItem], today: date) -> None:
        """Show the caseload as of today."""
        self.beginResetModel()
        self._rows, self.today = list(items), today
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def item(self, row: int) -> DueItem | None:
        """The item on a row."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self._rows[index.row()]
        overdue = entry.reason is DueReason.REVIEW_OVERDUE
        if role == Qt.ItemDataRole.FontRole and overdue:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Open the case on its {entry.tab.value.capitalize()} tab (click or Enter)"
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        when = short_date(entry.date)
        if overdue:
            days = (self.today - entry.date).days
            when += f" ({days} day{'s' if days != 1 else ''} ago)"
        return (when, entry.reason.label, entry.patient_name, str(entry.case_id), entry.detail)[index.column()]
