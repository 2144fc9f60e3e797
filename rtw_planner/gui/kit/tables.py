"""The table views the screens use: a list of rows, and a fixed grid that is exactly as tall as its rows."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

GRID_ROW_HEIGHT = 26


def rows_table_view(model: QAbstractItemModel) -> QTableView:
    """A table over a list of rows: no row numbers, whole-row selection, columns sized to their contents."""
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it), so the keyboard never gets stuck
    return view


def grid_table_view(model: QAbstractItemModel) -> QTableView:
    """A fixed grid (rows are items, columns frequencies): typing edits a cell, and it never scrolls."""
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                         | QAbstractItemView.EditTrigger.AnyKeyPressed)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    rows = view.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(GRID_ROW_HEIGHT)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)  # Tab leaves the grid; while a cell is edited, Tab still moves to the next one
    view.setFixedHeight(view.horizontalHeader().sizeHint().height() + model.rowCount() * GRID_ROW_HEIGHT
                        + 2 * view.frameWidth())
    return view
