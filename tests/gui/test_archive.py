"""Archive and restore from the window: an archived case leaves the list (and the caseload) with everything kept,
'Show archived cases' lists it, and the same action brings it back."""

from __future__ import annotations

from dataclasses import replace

from gui_factories import unassessed_case

from rtw_planner.gui.actions import Action


def test_archive_then_restore_a_case(window) -> None:  # type: ignore[no-untyped-def]
    kept = window.cases.save(unassessed_case(patient_name="Anna Berg"))
    closing = window.cases.save(unassessed_case())
    window.reload_list()
    assert window.case_model.rowCount() == 2
    window.open_case(closing.id)
    archive = window.menu_actions[Action.ARCHIVE_CASE]
    assert archive.isEnabled()
    archive.trigger()
    assert window.shown_case_id() is None
    assert window.case_model.rowCount() == 1
    assert window.count_label.text() == "1 case"
    assert window.cases.get(closing.id) == replace(closing, revision=2)  # everything kept
    window.archived_box.setChecked(True)
    assert window.count_label.text() == "1 archived case"
    assert window.case_model.rowCount() == 1
    window.open_case(closing.id)
    window.menu_actions[Action.ARCHIVE_CASE].trigger()
    assert window.case_model.rowCount() == 0  # restored: no longer among the archived
    window.archived_box.setChecked(False)
    assert window.case_model.rowCount() == 2
    assert not window.cases.is_archived(kept.id)
    assert not window.cases.is_archived(closing.id)


def test_archiving_waits_for_unsaved_edits(window) -> None:  # type: ignore[no-untyped-def]
    saved = window.cases.save(unassessed_case())
    window.reload_list()
    window.open_case(saved.id)
    window.case_view.form.employer_edit.setText("Acme Stores plc")
    assert not window.menu_actions[Action.ARCHIVE_CASE].isEnabled()
