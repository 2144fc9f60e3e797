"""The caseload home: the first screen lists what is due, an overdue review first; a click or Enter opens the case on
the tab where it is dealt with; Home (Alt+Home) comes back to it."""

from __future__ import annotations

from datetime import date, timedelta

from gui_factories import assessed_case, planned_case
from PySide6.QtCore import Qt

from rtw_planner.domain.caseload.due import DueReason


def test_an_overdue_review_comes_first_and_opens_details(window, repositories, qtbot) -> None:  # type: ignore[no-untyped-def]
    cases, _ = repositories
    today = date.today()
    planned = cases.save(planned_case(patient_name="Bo Planned"))  # review in 28 days: not due this week
    late = cases.save(assessed_case(patient_name="Cy Late", review_date=today - timedelta(days=3)))
    window.reload_list()
    home = window.home
    assert window.stack.currentWidget() is home  # the first screen
    # the planned case's phases start in 7 days (listed), its appointment is in 14 (not this week)
    items = [home.model.item(row) for row in range(home.model.rowCount())]
    assert [(i.case_id, i.reason) for i in items] == [
        (late.id, DueReason.REVIEW_OVERDUE), (planned.id, DueReason.PHASE_STARTS)]
    home.days_spin.setValue(14)
    assert [home.model.item(row).reason for row in range(home.model.rowCount())] == [
        DueReason.REVIEW_OVERDUE, DueReason.PHASE_STARTS, DueReason.PHASE_ENDS,  # phase 1: days 7 to 13
        DueReason.APPOINTMENT, DueReason.PHASE_STARTS]  # day 14: the appointment, phase 2
    assert home.model.data(home.model.index(0, 0)) == f"{today - timedelta(days=3):%-d %b %Y} (3 days ago)"
    assert home.model.data(home.model.index(0, 1)) == "Review overdue"
    qtbot.mouseClick(home.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=home.table.visualRect(home.model.index(0, 2)).center())
    view = window.case_view
    assert window.stack.currentWidget() is window.case_area
    assert view.case_id == late.id
    assert view.tabs.currentWidget() is view.details  # where the review date is changed
    assert window.case_model.case_id(window.case_table.currentIndex().row()) == late.id


def test_enter_opens_the_line_and_home_comes_back(window, repositories, qtbot) -> None:  # type: ignore[no-untyped-def]
    cases, _ = repositories
    planned = cases.save(planned_case())
    window.reload_list()
    home = window.home
    assert home.model.item(0).reason is DueReason.PHASE_STARTS
    home.focus_list()
    qtbot.keyClick(home.table, Qt.Key.Key_Return)
    view = window.case_view
    assert (view.case_id, view.tabs.currentWidget()) == (planned.id, view.plan_view)
    window.home_action.trigger()
    assert window.stack.currentWidget() is home
    assert not window.has_case_view()
    assert home.table.hasFocus() or not window.isActiveWindow()


def test_nothing_due_says_so(window) -> None:  # type: ignore[no-untyped-def]
    assert window.home.empty_label.text() == "Nothing is due in the next 7 days."
    assert window.home_action.shortcut().toString() == "Alt+Home"
