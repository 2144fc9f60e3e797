"""The case view holds one Case value: undo across tabs, the clean state, Revert, refused edits, a debounced match."""

from __future__ import annotations

from dataclasses import replace

from gui_factories import LIFT, assessed_case, history, show_case
from PySide6.QtCore import Qt

from rtw_planner.domain.demands.profile import PhysicalProfile
from rtw_planner.domain.edits import case_edits, demand_edits
from rtw_planner.domain.edits.lenses import DEMANDS_PROFILE


def test_edits_from_different_tabs_undo_in_reverse_order(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = show_case(window, assessed_case(), "plan_view")
    before = view.case
    qtbot.keyClicks(view.form.employer_edit, " plc")
    view.demands_view.profile_editor.strength_model.setData(
        view.demands_view.profile_editor.strength_model.index(0, 0), "12")
    assert history(view) == ["change employer", "change lift floor to waist, occasional"]
    assert view.case.employer == "Acme Stores Ltd plc"
    view.undo_stack.undo()  # the Plan tab is showing: the Job demands tab comes into view, showing the undo
    assert view.case.demands == before.demands
    assert view.tabs.currentWidget() is view.demands_view
    model = view.demands_view.profile_editor.strength_model
    assert model.data(model.index(0, 0)) == "10 kg"
    view.undo_stack.undo()
    assert view.case == before
    assert view.tabs.currentWidget() is view.details
    assert view.form.employer_edit.text() == "Acme Stores Ltd"
    view.tabs.setCurrentWidget(view.match_view)
    view.undo_stack.redo()  # the match shows every part: it stays
    assert view.tabs.currentWidget() is view.match_view
    view.undo_stack.redo()
    view.undo_stack.redo()
    assert view.case.demands.profile.strength[LIFT] == 12


def test_save_marks_the_clean_state_and_undo_moves_away_from_it(window, qtbot, repositories) -> None:  # type: ignore[no-untyped-def]
    cases, _ = repositories
    view = show_case(window, assessed_case())
    assert not view.is_dirty()
    assert view.push(case_edits.set_case_field("job_title", "Cook")) is None
    assert view.is_dirty()
    assert window.isWindowModified()
    assert view.save()
    assert not view.is_dirty()
    assert history(view) == ["change job title"]  # saving keeps the history
    view.undo_stack.undo()
    assert view.is_dirty()
    assert view.case.job_title == "Shelf stacker"
    assert cases.get(view.case_id).job_title == "Cook"
    view.undo_stack.redo()
    assert not view.is_dirty()  # back at the saved state


def test_revert_returns_to_the_saved_state_and_redo_brings_the_edits_back(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = show_case(window, assessed_case())
    qtbot.keyClicks(view.form.job_title_edit, " (nights)")
    view.demands_view.shift_edit.setText("eight")  # not a number: held at the field, not in the case
    assert view.message_label.text() != ""
    view.tabs.setCurrentWidget(view.plan_view)
    view.revert_button.click()
    assert view.tabs.currentWidget() is view.plan_view  # Revert stays where the user is
    assert view.form.job_title_edit.text() == "Shelf stacker"
    assert view.demands_view.shift_edit.text() == ""
    assert view.message_label.text() == ""
    assert not view.is_dirty()
    assert view.save_button.isEnabled() is False
    view.undo_stack.redo()
    assert view.case.job_title == "Shelf stacker (nights)"


def test_a_refused_edit_changes_nothing_and_says_why(window) -> None:  # type: ignore[no-untyped-def]
    view = show_case(window, assessed_case())
    before = view.case
    problem = view.push(demand_edits.set_strength(DEMANDS_PROFILE, *LIFT, 900.0))
    assert problem is not None
    assert problem.field == "Lift floor to waist (occasional)"
    assert view.case == before
    assert history(view) == []
    assert not view.is_dirty()


def test_a_new_case_needs_a_name_before_it_is_saved(window, qtbot, repositories) -> None:  # type: ignore[no-untyped-def]
    cases, _ = repositories
    window.new_case()
    view = window.case_view
    assert view.is_dirty()
    assert view.form.patient_name_edit.text() == ""
    assert not view.save()
    assert "patient name" in view.message_label.text()
    qtbot.keyClicks(view.form.patient_name_edit, "Ann")
    view.undo_stack.undo()
    assert view.form.patient_name_edit.text() == ""  # back to no name: still refused
    assert not view.save()
    view.undo_stack.redo()
    assert view.save()
    assert cases.get(view.case_id).patient_name == "Ann"


def test_opening_another_case_starts_a_new_history(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = show_case(window, assessed_case())
    first_stack = view.undo_stack
    qtbot.keyClicks(view.form.job_title_edit, "x")
    view.save()
    show_case(window, assessed_case(patient_name="Bo Other"))
    assert view.undo_stack is not first_stack
    assert history(view) == []
    assert window.undo_history.group.activeStack() is view.undo_stack


def test_the_match_is_recomputed_once_the_edits_pause(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = show_case(window, assessed_case(demands=replace(assessed_case().demands,
                                                           profile=PhysicalProfile(strength={LIFT: 10.0}))))
    shown = view.match_view.result
    assert shown is not None
    for value in (20.0, 25.0, 30.0):
        view.push(demand_edits.set_strength(DEMANDS_PROFILE, *LIFT, value))
    assert view.match_view.result is shown  # not yet: a burst of edits is matched once
    qtbot.waitUntil(lambda: view.match_view.result is not shown)
    assert view.match_view.result.items[0].demand == 30.0


def test_a_name_typed_and_deleted_again_is_still_missing(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.new_case()
    view = window.case_view
    name = view.form.patient_name_edit
    qtbot.keyClicks(name, "Al")
    qtbot.keyClick(name, Qt.Key.Key_Backspace)
    qtbot.keyClick(name, Qt.Key.Key_Backspace)
    assert "patient name" in view.message_label.text()
    assert not view.save()
