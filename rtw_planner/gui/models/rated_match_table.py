"""Read-only table of the rated demands in the job match: what the job needs against what the person tolerates."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from rtw_planner.domain.capacity.tolerances import TOLERATED_WORDS
from rtw_planner.domain.demands.ratings import RatedGroup
from rtw_planner.domain.match.rated import RatedMatchItem
from rtw_planner.gui.models.base import ColumnsTableModel, Index
from rtw_planner.gui.models.match_table import STATUS_COLOURS

GROUP_WORDS = {RatedGroup.PHYSICAL: "DOT", RatedGroup.ENVIRONMENT: "condition", RatedGroup.COGNITIVE: "cognitive"}


class RatedMatchTableModel(ColumnsTableModel):
    """Rows are RatedMatchItem values from the domain."""

    COLUMNS = ("Item", "Job needs", "Tolerated", "Result", "Gap", "Source")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[RatedMatchItem] = []

    def set_items(self, items: list[RatedMatchItem]) -> None:
        """Show a new match."""
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    @property
    def items(self) -> list[RatedMatchItem]:
        """The items shown."""
        return list(self._items)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item, column = self._items[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            tolerated = TOLERATED_WORDS[item.tolerated] if item.tolerated else "—"
            return (f"{item.name} ({GROUP_WORDS[item.group]})", item.demand.label, tolerated, item.status.label,
                    item.gap or "", item.source)[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 5:
            return item.provenance
        if role == Qt.ItemDataRole.BackgroundRole and column == 3:
            return QBrush(QColor(STATUS_COLOURS[item.status]))
        if role == Qt.ItemDataRole.ForegroundRole and column == 3:
            return QBrush(QColor("#1a1a1a"))
        return None
