"""Read-only table of the job match: demand against capacity, item by item."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from rtw_planner.domain.demands.profile import ActivityKind
from rtw_planner.domain.demands.units import (
    ForceUnit,
    MassUnit,
    force_to_display,
    format_minutes,
    format_number,
    mass_to_display,
)
from rtw_planner.domain.match.items import MatchItem, MatchStatus
from rtw_planner.gui.models.base import ColumnsTableModel, Index

STATUS_COLOURS = {
    MatchStatus.MATCH: "#d8efd9",
    MatchStatus.MISMATCH: "#f8d3cf",
    MatchStatus.NOT_TESTED: "#fbeec2",
    MatchStatus.NOT_REQUIRED: "#eeeeee",
}


class MatchTableModel(ColumnsTableModel):
    """Rows are MatchItem values from the domain."""

    COLUMNS = ("Item", "Job demand", "Capacity", "Result", "Gap", "Provenance")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[MatchItem] = []
        self.mass_unit = MassUnit.KG
        self.force_unit = ForceUnit.N

    def set_items(self, items: list[MatchItem]) -> None:
        """Show a new match."""
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def set_units(self, mass_unit: MassUnit, force_unit: ForceUnit) -> None:
        """Change display units."""
        self.beginResetModel()
        self.mass_unit, self.force_unit = mass_unit, force_unit
        self.endResetModel()

    @property
    def items(self) -> list[MatchItem]:
        """The items shown."""
        return list(self._items)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)


    def _amount(self, item: MatchItem, value: float | None) -> str:
        if value is None:
            return "—"
        kind = item.activity.kind
        if kind is ActivityKind.MASS:
            return f"{format_number(mass_to_display(value, self.mass_unit))} {self.mass_unit.value}"
        if kind is ActivityKind.FORCE:
            return f"{format_number(force_to_display(value, self.force_unit))} {self.force_unit.value}"
        return format_minutes(value)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return item.label
            if column == 2 and item.estimated:
                return f"{self._amount(item, item.capacity)} (estimated)"
            if column == 1:
                return self._amount(item, item.demand)
            if column == 2:
                return self._amount(item, item.capacity)
            if column == 3:
                return item.status.label
            if column == 4:
                if item.gap is None or item.gap_pct is None:
                    return ""
                return f"{self._amount(item, item.gap)} short ({format_number(item.gap_pct, 0)}%)"
            return item.provenance
        if role == Qt.ItemDataRole.ToolTipRole and column == 5:
            return item.provenance
        if role == Qt.ItemDataRole.BackgroundRole and column == 3:
            return QBrush(QColor(STATUS_COLOURS[item.status]))
        if role == Qt.ItemDataRole.ForegroundRole and column == 3:
            return QBrush(QColor("#1a1a1a"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (1, 2, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

