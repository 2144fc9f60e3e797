"""The table view every editable list of rows uses: no row numbers, whole-row selection, last column stretched."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from rtw_planner.gui.models.base import RowsTableModel


def rows_table_view(model: RowsTableModel) -> QTableView:
    """A table over a rows model, columns sized to their contents."""
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    return view
