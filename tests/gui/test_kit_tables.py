"""The two table views: a list of rows selected whole, and a grid exactly as tall as its rows that edits on typing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit

from rtw_planner.gui.kit.tables import GRID_ROW_HEIGHT, grid_table_view, rows_table_view


def _model(rows: int, columns: int) -> QStandardItemModel:
    model = QStandardItemModel(rows, columns)
    for row in range(rows):
        for column in range(columns):
            model.setItem(row, column, QStandardItem(f"{row}-{column}"))
    return model


def test_a_rows_view_selects_whole_rows_without_row_numbers(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = _model(3, 4)
    view = rows_table_view(model)
    qtbot.addWidget(view)
    view.show()
    assert view.model() is model
    assert not view.verticalHeader().isVisible()
    assert view.selectionBehavior() is QAbstractItemView.SelectionBehavior.SelectRows
    assert view.horizontalHeader().stretchLastSection()
    assert view.horizontalHeader().sectionResizeMode(0) is QHeaderView.ResizeMode.ResizeToContents
    assert not view.wordWrap()


def test_clicking_a_cell_selects_its_row(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = _model(3, 4)
    view = rows_table_view(model)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    cell = view.visualRect(model.index(2, 1)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert sorted(i.column() for i in view.selectionModel().selectedIndexes()) == [0, 1, 2, 3]
    assert {i.row() for i in view.selectionModel().selectedIndexes()} == {2}


def test_a_grid_is_exactly_as_tall_as_its_rows_and_never_scrolls(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = _model(5, 3)
    view = grid_table_view(model)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    rows_height = 5 * GRID_ROW_HEIGHT
    assert view.height() == view.horizontalHeader().height() + rows_height + 2 * view.frameWidth()
    assert [view.rowHeight(row) for row in range(5)] == [GRID_ROW_HEIGHT] * 5
    assert view.verticalScrollBar().maximum() == 0
    assert view.horizontalHeader().sectionResizeMode(0) is QHeaderView.ResizeMode.Stretch


def test_typing_in_a_grid_edits_the_cell(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = _model(2, 2)
    view = grid_table_view(model)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.setCurrentIndex(model.index(1, 1))
    view.setFocus()
    qtbot.keyClicks(view, "7")  # no double-click, no F2: the first key opens the editor
    assert view.state() is QAbstractItemView.State.EditingState
    editor = view.findChild(QLineEdit)
    assert editor.text() == "7"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() is QAbstractItemView.State.NoState)  # the delegate commits on a later event
    assert model.item(1, 1).text() == "7"

