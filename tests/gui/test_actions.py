"""The action registry: every action from one factory, with the platform's shortcuts and the Edit menu's undo."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow

from rtw_planner.gui.actions import MENUS, SPECS, Action, build_menus, make_action


def test_every_action_has_a_spec_and_a_menu() -> None:
    assert set(SPECS) == set(Action)
    placed = {entry for entries in MENUS.values() for entry in entries if entry is not None}
    assert placed == set(Action)
    assert MENUS["&Edit"][:3] == [Action.UNDO, Action.REDO, Action.UNDO_HISTORY]


def test_redo_answers_to_ctrl_y_and_ctrl_shift_z_on_every_platform(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = QMainWindow()
    qtbot.addWidget(window)
    redo = make_action(Action.REDO, window, lambda: None)
    keys = redo.shortcuts()
    assert QKeySequence("Ctrl+Y") in keys
    assert QKeySequence("Ctrl+Shift+Z") in keys
    assert len(keys) == len(set(keys))  # a shortcut the platform already gives is not added twice
    assert redo.objectName() == "redo"


def test_menus_are_built_with_exclusive_unit_choices(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = QMainWindow()
    qtbot.addWidget(window)
    triggered: list[Action] = []
    actions = build_menus(window, {a: (lambda a=a: triggered.append(a)) for a in Action},
                          {(Action.UNITS_KG, Action.UNITS_LB): "lb"})
    assert [a.text() for a in window.menuBar().actions()] == list(MENUS)
    assert actions[Action.UNITS_LB].isChecked()
    assert not actions[Action.UNITS_KG].isChecked()
    actions[Action.UNDO].trigger()
    assert triggered == [Action.UNDO]
