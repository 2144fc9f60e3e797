"""The Edit menu's undo: the items name the edit, follow the open case's history, and the panel lists it."""

from __future__ import annotations

from PySide6.QtGui import QAction, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMainWindow

from rtw_planner.gui.widgets.undo_history import UndoHistory, with_edit


def test_an_ampersand_in_an_edit_is_not_a_mnemonic() -> None:
    assert with_edit("&Undo", "remove graded activity Stairs & steps") == \
        "&Undo remove graded activity Stairs && steps"
    assert with_edit("&Redo", "") == "&Redo"


def test_the_items_follow_the_history_of_the_case_opened_last(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = QMainWindow()
    qtbot.addWidget(window)
    history = UndoHistory(window)
    undo, redo = QAction(window), QAction(window)
    history.drive(undo, redo)
    assert not undo.isEnabled()
    first, second = QUndoStack(), QUndoStack()
    history.follow(first)
    first.push(QUndoCommand("change employer"))
    assert undo.isEnabled()
    assert undo.text() == "&Undo change employer"
    history.group.undo()
    assert redo.text() == "&Redo change employer"
    history.follow(second)  # another case opened: its own, empty history
    assert not undo.isEnabled()
    assert not redo.isEnabled()
    history.show_panel()
    assert history.view is not None
    assert history.view.stack() is second
    assert history.view.model().rowCount() == 1  # "As opened"
