"""The Match tab: a summary line and the item-by-item table."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from rtw_planner.domain.matching import MatchStatus, match
from rtw_planner.domain.profile import PhysicalProfile
from rtw_planner.domain.units import ForceUnit, MassUnit
from rtw_planner.gui.models.match_table import MatchTableModel


class MatchView(QWidget):
    """Shows how the current demands compare with the current capacity (edits included, before saving)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = MatchTableModel(self)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table)

    def show_match(self, demands: PhysicalProfile, capacity: PhysicalProfile) -> None:
        """Recompute and show the match."""
        items = match(demands, capacity)
        self.model.set_items(items)
        counts = {s: sum(1 for i in items if i.status is s) for s in MatchStatus}
        if not items:
            self.summary_label.setText("Record the job's demands to see the match.")
            return
        self.summary_label.setText(
            f"<b>{counts[MatchStatus.MISMATCH]}</b> of {len(items)} demands are beyond current capacity; "
            f"{counts[MatchStatus.MATCH]} match and {counts[MatchStatus.NOT_TESTED]} were not tested. "
            "Capacity measured at a higher frequency also covers a lower one."
        )

    def set_units(self, mass_unit: MassUnit, force_unit: ForceUnit) -> None:
        """Display units."""
        self.model.set_units(mass_unit, force_unit)
