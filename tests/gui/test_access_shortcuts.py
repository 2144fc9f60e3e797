"""Help › Keyboard shortcuts lists every menu shortcut and the keys that work anywhere, opens with F1, and README's
Keyboard shortcuts section lists the same keys."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from rtw_planner.gui.actions import Action
from rtw_planner.gui.dialogs.shortcuts_dialog import GENERAL_KEYS, ShortcutsDialog, menu_shortcuts

README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_menu_shortcuts_are_read_from_the_actions(qapp) -> None:  # type: ignore[no-untyped-def]
    rows = dict((what, keys) for keys, what in menu_shortcuts())
    assert rows["Save"] == "Ctrl+S"
    assert rows["Redo"] == "Ctrl+Y or Ctrl+Shift+Z"
    assert rows["Keyboard shortcuts"] == "F1"
    assert rows["Patient handout"] == "Ctrl+Shift+H"
    assert "Revert" not in rows  # no shortcut, not listed


def test_help_opens_the_list_with_f1(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    action = window.menu_actions[Action.SHORTCUTS]
    assert QKeySequence("F1") in action.shortcuts()
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert action in help_menu.actions()
    action.trigger()
    dialog = window.show_shortcuts()
    assert isinstance(dialog, ShortcutsDialog)
    assert dialog.isVisible()
    table = dialog.table
    assert table.rowCount() == len(menu_shortcuts()) + len(GENERAL_KEYS)
    assert table.item(0, 1).text() == "New case"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_readme_lists_every_shortcut() -> None:
    section = README.read_text(encoding="utf-8").split("## Keyboard shortcuts", 1)[1].split("\n## ", 1)[0]
    missing = [f"{keys}: {what}" for keys, what in [*menu_shortcuts(), *GENERAL_KEYS]
               if f"| {keys} | {what} |" not in section]
    assert missing == [], "README's Keyboard shortcuts section lacks:\n" + "\n".join(missing)
