"""Outcome and practice records can be corrected: edited in the table (answers scored again, an incomplete
questionnaire refused), notes and PSFS activities typed, rows removed; each an undoable edit."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from gui_factories import history, planned_case, show_case
from PySide6.QtCore import Qt

from rtw_planner.domain.case.outcome_records import OutcomeRecord, PracticeEntry

LATER = OutcomeRecord("PEG", date(2026, 11, 20), (5.0, 4.0, 6.0), 5.0)
EARLIER = OutcomeRecord("PEG", date(2026, 10, 23), (6.0, 6.0, 6.0), 6.0)
PSFS = OutcomeRecord("PSFS", date(2026, 10, 23), (3.0, 4.0, 2.0), 3.0)
DAY_1 = PracticeEntry(date(2026, 11, 2), "Walking", 10.0, 12.0, True)
DAY_2 = PracticeEntry(date(2026, 11, 3), "Walking", 10.0, 25.0, True)


def _open(window):  # type: ignore[no-untyped-def]
    case = replace(planned_case(), outcomes=(LATER, EARLIER, PSFS), practice_log=(DAY_2, DAY_1))
    view = show_case(window, case)  # saved and read back: stored by date
    assert (view.case.outcomes, view.case.practice_log) == ((EARLIER, PSFS, LATER), (DAY_1, DAY_2))
    progress = view.progress_view
    view.tabs.setCurrentWidget(progress)
    return view, progress


def test_outcome_rows_are_shown_oldest_first_and_edited(window) -> None:  # type: ignore[no-untyped-def]
    view, progress = _open(window)
    model = progress.outcomes_model
    assert [model.data(model.index(r, 1)) for r in range(3)] == ["PEG", "PSFS", "PEG"]
    assert model.data(model.index(2, 2)) == "5 4 6"
    assert model.setData(model.index(2, 2), "2 3 4")  # the later PEG: scored again, the mean of three
    assert view.case.outcomes[2] == replace(LATER, answers=(2.0, 3.0, 4.0), score=3.0)
    assert model.data(model.index(2, 3)) == "3"
    assert model.setData(model.index(1, 5), "Walk the dog; stand to cook; lift shopping")  # PSFS activities
    assert view.case.outcomes[1].notes == "Walk the dog; stand to cook; lift shopping"
    assert model.setData(model.index(0, 0), "1 Oct 2026")
    assert view.case.outcomes[0].on == date(2026, 10, 1)
    assert history(view) == ["change PEG of 20 Nov 2026 answers", "change PSFS of 23 Oct 2026 notes",
                             "change PEG of 1 Oct 2026 date"]
    for _ in range(3):
        view.undo_stack.undo()
    assert view.case.outcomes == (EARLIER, PSFS, LATER)


def test_an_incomplete_correction_is_refused_naming_what_is_missing(window) -> None:  # type: ignore[no-untyped-def]
    view, progress = _open(window)
    model = progress.outcomes_model
    assert not model.setData(model.index(2, 2), "4 - -")
    assert "PEG answers: 1 of 3 answered, so it cannot be scored. Answer items 2, 3." in progress.message_label.text()
    assert view.case.outcomes[2] == LATER
    assert not view.is_dirty()


def test_rows_are_removed_and_undo_puts_them_back(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view, progress = _open(window)
    progress.outcomes_view.setCurrentIndex(progress.outcomes_model.index(2, 0))  # the later PEG
    qtbot.mouseClick(progress.remove_record_button, Qt.MouseButton.LeftButton)
    assert view.case.outcomes == (EARLIER, PSFS)
    progress.practice_view.setCurrentIndex(progress.practice_model.index(0, 0))  # 2 Nov
    progress.remove_practice_button.click()
    assert view.case.practice_log == (DAY_2,)
    assert history(view) == ["remove PEG of 20 Nov 2026", "remove practice of 2 Nov 2026"]
    view.undo_stack.undo()
    view.undo_stack.undo()
    assert (view.case.outcomes, view.case.practice_log) == ((EARLIER, PSFS, LATER), (DAY_1, DAY_2))


def test_practice_rows_are_corrected(window) -> None:  # type: ignore[no-untyped-def]
    view, progress = _open(window)
    model = progress.practice_model
    assert model.setData(model.index(1, 3), "8")  # 3 Nov: 8 done, not 25
    assert model.setData(model.index(1, 4), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert view.case.practice_log[1] == replace(DAY_2, done=8.0, completed=False)
    assert not model.setData(model.index(1, 0), "31 Nov 2026")
    assert "practice date: '31 Nov 2026' is not allowed" in progress.message_label.text()
    assert not model.flags(model.index(0, 2)) & Qt.ItemFlag.ItemIsEditable  # the quota is the plan's


def test_edits_name_the_case_index_of_a_row_shown_by_date(qtbot) -> None:  # type: ignore[no-untyped-def]
    from rtw_planner.gui.models.outcomes_table import OutcomesTableModel

    model = OutcomesTableModel()
    model.show((LATER, EARLIER))  # a case not in date order: shown earlier first
    assert model.rows() == (EARLIER, LATER)
    assert model.remove_edit(1, LATER).index == 0  # type: ignore[attr-defined]
    assert model.row_edit(0, EARLIER, 5).lens.index == 1  # type: ignore[attr-defined]
