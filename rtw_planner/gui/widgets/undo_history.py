"""The Edit menu's undo: a QUndoGroup following the open case, items naming the edit, and a history panel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QUndoGroup, QUndoStack

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow, QUndoView


def with_edit(verb: str, text: str) -> str:
    """'&Undo change employer': the menu item names the edit ('&' in a name is not a mnemonic)."""
    return f"{verb} {text.replace('&', '&&')}" if text else verb


class UndoHistory(QObject):
    """Follows the open case's undo stack; Undo and Redo act on it and say what they would undo or redo."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.group = QUndoGroup(self)
        self.view: QUndoView | None = None  # built the first time the panel is shown

    def drive(self, undo: QAction, redo: QAction) -> None:
        """Keep the Undo and Redo items' text and enabled state in step with the open case's history."""
        self.group.undoTextChanged.connect(lambda text: undo.setText(with_edit("&Undo", text)))
        self.group.redoTextChanged.connect(lambda text: redo.setText(with_edit("&Redo", text)))
        self.group.canUndoChanged.connect(undo.setEnabled)
        self.group.canRedoChanged.connect(redo.setEnabled)
        undo.setEnabled(False)
        redo.setEnabled(False)

    def follow(self, stack: QUndoStack) -> None:
        """A case was opened with a new history: Undo, Redo and the panel act on it."""
        self.group.addStack(stack)
        self.group.setActiveStack(stack)

    def show_panel(self) -> None:
        """A panel listing the open case's edits; clicking one goes back (or forward) to it."""
        if self.view is None:
            from PySide6.QtWidgets import QDockWidget, QUndoView

            self.view = QUndoView(self.group)
            self.view.setEmptyLabel("As opened")
            panel = QDockWidget("Undo history", self._window)
            panel.setObjectName("undo_history")
            panel.setWidget(self.view)
            self._window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
        dock = self.view.parentWidget()
        assert dock is not None
        dock.show()
