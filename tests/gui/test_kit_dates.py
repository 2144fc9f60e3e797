"""Optional dates work from the keyboard: Tab leaves the field, and the first arrow key from 'Not set' is today."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from rtw_planner.gui.kit.dates import OptionalDateEdit, read_optional_date, write_optional_date


def _form(qtbot):  # type: ignore[no-untyped-def]
    window = QWidget()
    layout = QVBoxLayout(window)
    before, edit, after = QLineEdit(), OptionalDateEdit(), QLineEdit()
    for widget in (before, edit, after):
        layout.addWidget(widget)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window, before, edit, after


def test_tab_leaves_a_date_that_is_not_set(qtbot) -> None:  # type: ignore[no-untyped-def]
    _window, before, edit, after = _form(qtbot)
    assert edit.text() == "Not set"
    before.setFocus()
    qtbot.waitUntil(before.hasFocus)
    for expected in (edit, after):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is expected
    qtbot.keyClick(after, Qt.Key.Key_Backtab)
    qtbot.keyClick(edit, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is before


def test_arrow_keys_start_from_today(qtbot) -> None:  # type: ignore[no-untyped-def]
    _window, _, edit, _ = _form(qtbot)
    assert read_optional_date(edit) is None
    qtbot.keyClick(edit, Qt.Key.Key_Down)
    assert read_optional_date(edit) == date.today()
    write_optional_date(edit, date(2027, 1, 4))
    assert edit.text() == "4 Jan 2027"
    write_optional_date(edit, None)
    assert edit.text() == "Not set"


def _open_calendar(qtbot, edit: OptionalDateEdit):  # type: ignore[no-untyped-def]
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton, pos=QPoint(edit.width() - 5, edit.height() // 2))  # the arrow
    calendar = edit.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    return calendar


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")  # the offscreen popup
def test_the_calendar_opens_on_this_month_when_not_set(qtbot) -> None:  # type: ignore[no-untyped-def]
    _window, _, edit, _ = _form(qtbot)
    calendar = _open_calendar(qtbot, edit)
    today = date.today()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year, today.month)  # not January 1900
    assert read_optional_date(edit) is None  # looking is not choosing
    qtbot.keyClick(calendar, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not calendar.isVisible())
    write_optional_date(edit, date(2027, 1, 4))
    calendar = _open_calendar(qtbot, edit)
    assert (calendar.yearShown(), calendar.monthShown()) == (2027, 1)  # a set date opens on its own month


def test_stepping_from_a_set_date_moves_the_day(qtbot) -> None:  # type: ignore[no-untyped-def]
    edit = OptionalDateEdit()
    qtbot.addWidget(edit)
    write_optional_date(edit, date(2027, 1, 4))
    edit.setCurrentSection(edit.Section.DaySection)
    edit.stepBy(1)
    assert read_optional_date(edit) == date(2027, 1, 5)
