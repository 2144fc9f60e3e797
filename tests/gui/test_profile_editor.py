"""The profile editor: grid cells, postures and the carry distance are undoable edits of the profile shown."""

from __future__ import annotations

from gui_factories import LIFT, assessed_case, history, show_case
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from rtw_planner.domain.demands.profile import Activity
from rtw_planner.gui.actions import Action


def test_a_strength_cell_typed_in_the_grid_undoes_and_redoes(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = show_case(window, assessed_case(), "demands_view")
    grid = view.demands_view.profile_editor.strength_view
    index = grid.model().index(0, 0)
    grid.setCurrentIndex(index)
    grid.edit(index)
    editor = grid.findChild(QLineEdit)
    assert editor.text() == "10"
    editor.selectAll()
    qtbot.keyClicks(editor, "18")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.case.demands.profile.strength[LIFT] == 18)
    assert window.menu_actions[Action.UNDO].text() == "&Undo change lift floor to waist, occasional"
    view.undo_stack.undo()
    assert view.case.demands.profile.strength[LIFT] == 10
    assert grid.model().data(index) == "10 kg"
    assert grid.currentIndex() == index  # the grid keeps its place
    view.undo_stack.redo()
    assert grid.model().data(index) == "18 kg"


def test_postures_and_carry_distance_of_an_evaluation_undo(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = show_case(window, assessed_case(), "capacity_view")
    editor = view.capacity_view.profile_editor
    postures = editor.posture_model
    assert postures.setData(postures.index(1, 1), "240")  # standing, minutes per day
    qtbot.keyClicks(editor.carry_distance_edit, "12.5")
    assert history(view) == ["change measured standing tolerance", "change measured carry distance"]
    measured = view.case.evaluations[0].profile
    assert measured.postures[Activity.STAND].minutes_per_day == 240
    assert measured.carry_distance_m == 12.5
    assert view.case.demands.profile.carry_distance_m is None  # the job's demands are another profile
    view.undo_stack.undo()
    assert editor.carry_distance_edit.text() == ""
    view.undo_stack.undo()
    assert postures.data(postures.index(1, 1)) == ""


def test_a_carry_distance_that_is_not_a_number_is_refused_at_the_field(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = show_case(window, assessed_case(), "demands_view")
    editor = view.demands_view.profile_editor
    qtbot.keyClicks(editor.carry_distance_edit, "far")
    assert "carry distance" in view.message_label.text()
    assert editor.carry_distance_edit.styleSheet() != ""
    assert history(view) == []
    assert not view.save()
    editor.carry_distance_edit.clear()
    assert view.message_label.text() == ""


def test_ctrl_z_in_the_grid_undoes_the_cell(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = show_case(window, assessed_case(), "demands_view")
    window.activateWindow()
    qtbot.waitActive(window)
    grid = view.demands_view.profile_editor.strength_view
    assert grid.model().setData(grid.model().index(0, 0), "18")
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.case.demands.profile.strength[LIFT] == 10
    qtbot.keyClick(grid, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert view.case.demands.profile.strength[LIFT] == 18
