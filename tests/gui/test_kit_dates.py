"""Date fields take what people type: the locale's short dates, ISO and month names; Ctrl+A, Tab and Delete work;
leaving keeps what was typed; the calendar opens at today (or where the field says)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from rtw_planner.gui.kit.dates import NO_DATE, OptionalDateEdit, read_optional_date, write_optional_date


@pytest.fixture
def locale_gb() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(before)


def _form(qtbot):  # type: ignore[no-untyped-def]
    window = QWidget()
    layout = QVBoxLayout(window)
    before, edit, after = QLineEdit(), OptionalDateEdit(field="review date"), QLineEdit()
    for widget in (before, edit, after):
        layout.addWidget(widget)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    return window, before, edit, after


def _type(qtbot, edit: OptionalDateEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # select what is there
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)


@pytest.mark.parametrize(("typed", "expected"), [
    ("14 Feb 1979", date(1979, 2, 14)),
    ("14/02/1979", date(1979, 2, 14)),
    ("1979-02-14", date(1979, 2, 14)),
    ("3.4.27", date(2027, 4, 3)),
    ("February 14, 1979", date(1979, 2, 14)),
])
def test_typed_dates_in_the_locale_and_iso(qtbot, locale_gb, typed: str, expected: date) -> None:  # type: ignore[no-untyped-def]
    _window, _, edit, after = _form(qtbot)
    changes: list[object] = []
    edit.dateChanged.connect(changes.append)
    _type(qtbot, edit, typed)
    assert QApplication.focusWidget() is after  # Tab left the field
    assert read_optional_date(edit) == expected
    assert edit.text() == f"{expected.day} {expected:%b %Y}"  # shown in full once left
    assert len(changes) == 1


def test_the_us_order_is_month_first(qtbot) -> None:  # type: ignore[no-untyped-def]
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    try:
        _window, _, edit, _ = _form(qtbot)
        _type(qtbot, edit, "2/14/1979")
        assert read_optional_date(edit) == date(1979, 2, 14)
    finally:
        QLocale.setDefault(before)


def test_delete_clears_the_date(qtbot, locale_gb) -> None:  # type: ignore[no-untyped-def]
    _window, _, edit, _ = _form(qtbot)
    write_optional_date(edit, date(2027, 1, 4))
    changes: list[object] = []
    edit.dateChanged.connect(changes.append)
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert edit.selectedText() == "4 Jan 2027"  # Ctrl+A selects, as in any text field
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    assert read_optional_date(edit) is None
    assert edit.date() == NO_DATE
    assert changes == [NO_DATE]
    assert edit.placeholderText() == "Not set"


def test_leaving_keeps_what_was_typed_and_marks_it(qtbot, locale_gb) -> None:  # type: ignore[no-untyped-def]
    _window, before, edit, _ = _form(qtbot)
    write_optional_date(edit, date(2027, 1, 4))
    _type(qtbot, edit, "31 Feb 2027")
    assert edit.text() == "31 Feb 2027"  # never silently restored
    assert "review date: '31 Feb 2027' is not allowed" in str(edit.property("problem"))
    assert "14/02/1979" in edit.toolTip()
    with pytest.raises(ValueError, match="review date"):
        read_optional_date(edit)
    assert edit.date().toPython() == date(2027, 1, 4)  # the last date taken, until a valid one is typed
    edit.setFocus()
    _type(qtbot, edit, "28 Feb 2027")
    assert edit.property("problem") == ""
    assert read_optional_date(edit) == date(2027, 2, 28)


def test_arrow_keys_start_from_today_and_move_a_day(qtbot) -> None:  # type: ignore[no-untyped-def]
    _window, _, edit, _ = _form(qtbot)
    qtbot.keyClick(edit, Qt.Key.Key_Down)
    assert read_optional_date(edit) == date.today()
    write_optional_date(edit, date(2027, 1, 4))
    qtbot.keyClick(edit, Qt.Key.Key_Up)
    assert read_optional_date(edit) == date(2027, 1, 5)


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")  # the offscreen popup
def test_the_calendar_opens_at_today_or_the_fields_start(qtbot) -> None:  # type: ignore[no-untyped-def]
    _window, _, edit, _ = _form(qtbot)
    calendar = edit.calendarWidget()
    qtbot.keyClick(edit, Qt.Key.Key_F4)
    qtbot.waitUntil(calendar.isVisible)
    today = date.today()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year, today.month)  # not January 1900
    assert read_optional_date(edit) is None  # looking is not choosing
    qtbot.keyClick(calendar, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not calendar.isVisible())
    edit.calendar_start = date(1986, 5, 1)  # a date of birth opens decades back
    edit.calendar_action.trigger()
    assert (calendar.yearShown(), calendar.monthShown()) == (1986, 5)
    calendar.clicked.emit(QDate(1986, 5, 20))
    assert not calendar.isVisible()
    assert read_optional_date(edit) == date(1986, 5, 20)
    edit.calendar_action.trigger()
    assert (calendar.yearShown(), calendar.monthShown()) == (1986, 5)  # a set date opens on its own month
