"""Help › Keyboard shortcuts: every menu shortcut (read from the actions themselves) and the keys that work anywhere."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rtw_planner.gui.actions import EXTRA_SHORTCUTS, SPECS

# Keys Qt and the app's views give everywhere, in the words README's "Keyboard shortcuts" section uses.
GENERAL_KEYS: tuple[tuple[str, str], ...] = (
    ("Alt+underlined letter", "Go to that menu, field, button or check box"),
    ("Tab / Shift+Tab", "Next / previous field, table or button (a table is left with Tab, not walked cell by cell)"),
    ("Ctrl+Tab / Ctrl+Shift+Tab", "Next / previous tab, in the tab row that holds the focus"),
    ("Arrow keys", "Move in a table or a list; in the case list, open the case moved to"),
    ("F2", "Edit the current table cell; Enter keeps the entry, Escape drops it"),
    ("Space", "Tick or untick a check box; press the focused button"),
    ("Alt+Down", "Open a drop-down list"),
    ("Enter", "In the document window: preview (it never issues or prints)"),
    ("Escape", "Close a dialog without changing anything"),
)


def menu_shortcuts() -> list[tuple[str, str]]:
    """(keys, what they do) for every action with a shortcut, in menu order, as this platform writes the keys."""
    rows = []
    for action, (text, shortcut, _tip) in SPECS.items():
        # A standard key's first binding is the one to learn; the others are dedicated keys (Undo, Find) or legacy.
        keys = QKeySequence.keyBindings(shortcut)[:1] if isinstance(shortcut, QKeySequence.StandardKey) else \
            [QKeySequence(shortcut)] if shortcut else []
        keys += [QKeySequence(extra) for extra in EXTRA_SHORTCUTS.get(action, ()) if QKeySequence(extra) not in keys]
        if keys:
            names = " or ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in keys)
            rows.append((names, text.replace("&", "").rstrip("…")))
    return rows


def shortcut_rows() -> list[tuple[str, str]]:
    """The whole list: the menus' shortcuts, then the keys that work anywhere."""
    return [*menu_shortcuts(), *GENERAL_KEYS]


class ShortcutsDialog(QDialog):
    """A read-only table of keys and what they do; Escape or Close closes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        rows = shortcut_rows()
        self.table = QTableWidget(len(rows), 2)
        self.table.setObjectName("shortcuts_table")
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setHorizontalHeaderLabels(["Keys", "Does"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, (keys, what) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(what))
        note = QLabel("Menus list their shortcuts beside each entry. Every field, table and button can be reached "
                      "with Tab; underlined letters jump with Alt.")
        note.setWordWrap(True)
        note.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(620, 520)
