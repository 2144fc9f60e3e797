"""The main window end to end: create a case, edit demands, reject bad input, generate the letter."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from rtw_planner.domain.demands.profile import Activity, Frequency
from rtw_planner.gui.actions import Action
from rtw_planner.gui.kit.choices import UnsavedChoice


def test_first_start_offers_the_demo_case(window) -> None:  # type: ignore[no-untyped-def]
    assert "no cases yet" in window.welcome_label.text()
    assert window.demo_button.isVisible()
    window.demo_button.click()
    assert window.case_view.case_id is not None
    assert window.case_view.form.patient_name_edit.text() == "Marek Dąbrowski"
    assert window.case_model.rowCount() == 1


def test_create_a_case(window, qtbot, repositories) -> None:  # type: ignore[no-untyped-def]
    cases, _ = repositories
    window.menu_actions[Action.NEW_CASE].trigger()
    form = window.case_view.form
    form.patient_name_edit.setFocus()
    form.patient_name_edit.insert("Zoë Łódź-Müller")  # typed text: QTest's key clicks are ASCII-only
    qtbot.keyClicks(form.job_title_edit, "Cook")
    assert window.isWindowModified()
    window.menu_actions[Action.SAVE].trigger()
    assert cases.count() == 1
    saved = cases.get(window.case_view.case_id)
    assert saved.patient_name == "Zoë Łódź-Müller"
    assert saved.job_title == "Cook"
    assert not window.isWindowModified()
    assert window.case_model.data(window.case_model.index(0, 0)) == "Zoë Łódź-Müller"


def test_edit_a_demand_and_the_match_follows(window, qtbot, repositories) -> None:  # type: ignore[no-untyped-def]
    cases, _ = repositories
    window.open_demo_case()
    case_id = window.case_view.case_id
    window.case_view.tabs.setCurrentWidget(window.case_view.demands_view)
    view = window.case_view.demands_view.profile_editor.strength_view
    index = view.model().index(0, 0)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.findChild(QLineEdit)
    assert editor is not None
    assert editor.text() == "23"
    editor.selectAll()
    qtbot.keyClicks(editor, "10")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on Return through a queued call
    qtbot.waitUntil(window.case_view.is_dirty)
    window.case_view.settle()  # the match follows once the edits pause
    match_rows = window.case_view.match_view.model.items
    assert match_rows[0].demand == 10
    assert match_rows[0].status.value == "match"
    assert cases.get(case_id).demands.profile.strength[(Activity.LIFT_FLOOR_TO_WAIST, Frequency.OCCASIONAL)] == 23
    window.case_view.save_button.click()
    assert cases.get(case_id).demands.profile.strength[(Activity.LIFT_FLOOR_TO_WAIST, Frequency.OCCASIONAL)] == 10


def test_invalid_input_shows_a_message_and_saves_nothing(window, qtbot, repositories) -> None:  # type: ignore[no-untyped-def]
    cases, _ = repositories
    window.open_demo_case()
    case_id = window.case_view.case_id
    before = cases.get(case_id)
    form = window.case_view.form
    form.patient_name_edit.selectAll()
    qtbot.keyClick(form.patient_name_edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(form.patient_name_edit, "   ")
    assert "patient name" in window.case_view.message_label.text()
    assert "required" in window.case_view.message_label.text()
    assert form.patient_name_edit.styleSheet() != ""
    assert not window.case_view.save()
    assert cases.get(case_id) == before
    model = window.case_view.capacity_view.profile_editor.strength_model
    assert not model.setData(model.index(0, 0), "-5")
    assert "Lift floor to waist (occasional)" in window.case_view.capacity_view.profile_editor.message_label.text()
    assert cases.get(case_id) == before


def test_revert_restores_the_saved_case(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.open_demo_case()
    qtbot.keyClicks(window.case_view.form.employer_edit, " and Sons")
    window.menu_actions[Action.REVERT].trigger()
    assert window.case_view.form.employer_edit.text() == "Northgate Distribution Ltd"
    assert not window.case_view.is_dirty()


def test_unsaved_edits_are_never_lost_silently(window, qtbot, prompts, repositories) -> None:  # type: ignore[no-untyped-def]
    cases, _ = repositories
    window.open_demo_case()
    qtbot.keyClicks(window.case_view.form.job_title_edit, " (nights)")
    prompts.unsaved_answer = UnsavedChoice.CANCEL
    window.menu_actions[Action.NEW_CASE].trigger()
    assert prompts.asked
    assert window.case_view.case_id is not None
    assert window.case_view.form.job_title_edit.text().endswith("(nights)")
    assert not window.close()
    prompts.unsaved_answer = UnsavedChoice.SAVE
    window.menu_actions[Action.NEW_CASE].trigger()
    assert cases.summaries()[0].job_title == "Warehouse order picker (nights)"


def test_generate_the_employer_letter(window, data_dir) -> None:  # type: ignore[no-untyped-def]
    window.open_demo_case()
    path = window.generate_employer_letter()
    assert path is not None
    assert not path.is_relative_to(data_dir)  # the clinic keeps no drafts: a private temporary folder
    assert (path.stat().st_mode & 0o777) == 0o600
    assert window.preview is not None
    assert window.preview.isVisible()
    assert window.preview.page_count() >= 1
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    assert "Marek Dąbrowski" in text
    assert "no more than 12 kg" in text
    assert "Patient's copy" in text
    assert "DRAFT" in text
    assert "low back pain" not in text
    window.close()  # closing the main window closes the document window, and its drafts go
    assert not path.exists()


def test_display_units_follow_the_view_menu(window, ui_settings) -> None:  # type: ignore[no-untyped-def]
    window.open_demo_case()
    window.menu_actions[Action.UNITS_LB].trigger()
    model = window.case_view.demands_view.profile_editor.strength_model
    assert model.data(model.index(0, 0)) == "50.7 lb"
    assert ui_settings.mass_unit().value == "lb"


def test_edit_menu_undoes_and_redoes_with_the_platform_keys(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from gui_factories import assessed_case, show_case
    from PySide6.QtGui import QKeySequence

    undo, redo = window.menu_actions[Action.UNDO], window.menu_actions[Action.REDO]
    assert not undo.isEnabled()
    assert QKeySequence("Ctrl+Z") in undo.shortcuts()
    assert {QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")} <= set(redo.shortcuts())
    view = show_case(window, assessed_case())
    window.activateWindow()
    qtbot.waitActive(window)
    name = view.form.patient_name_edit
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, "Ann Smith")
    assert undo.text() == "&Undo change patient name"
    qtbot.keyClick(name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # in the field: one word, not the name
    assert name.text() == "Ann"
    assert redo.text() == "&Redo change patient name"
    qtbot.keyClick(name, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert name.text() == "Ann Smith"
    qtbot.keyClick(name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert name.text() == "Ann Smith"
    undo.trigger()
    undo.trigger()
    assert name.text() == "Ada Test"
    assert not undo.isEnabled()
    assert not window.isWindowModified()


def test_the_undo_history_lists_the_edits_of_the_open_case(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from gui_factories import assessed_case, show_case

    view = show_case(window, assessed_case())
    qtbot.keyClicks(view.form.job_title_edit, " (nights)")
    window.menu_actions[Action.UNDO_HISTORY].trigger()
    history = window.undo_history.view
    assert history is not None
    assert history.isVisible()
    rows = [history.model().index(r, 0).data() for r in range(history.model().rowCount())]
    assert rows == ["As opened", "change job title"]
    history.setCurrentIndex(history.model().index(0, 0))  # clicking the first row goes back to the case as opened
    assert view.form.job_title_edit.text() == "Shelf stacker"
    show_case(window, assessed_case(patient_name="Bo Other"))
    assert history.model().rowCount() == 1  # another case: its own, empty history
