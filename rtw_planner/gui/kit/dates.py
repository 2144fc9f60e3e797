"""Optional date fields that take what people type: the locale's short dates, ISO and month names; empty is no date."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QStyle, QWidget

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.gui.kit.dates_parse import example, parse_date
from rtw_planner.gui.kit.dates_text import short_date
from rtw_planner.gui.kit.styles import INVALID_FIELD_STYLE

NO_DATE = QDate(1900, 1, 1)  # what date() gives for no date
POPUP_KEYS = (Qt.Key.Key_F4,)
Day = date  # the class below has a method named date


def _qdate(day: date | None) -> QDate:
    return NO_DATE if day is None else QDate(day.year, day.month, day.day)


class OptionalDateEdit(QLineEdit):
    """A date typed as text ('14 Feb 1979', '14/02/1979' in en_GB, '1979-02-14') or picked from a calendar; empty
    means no date. Ctrl+A, Tab and Delete do what they do in any text field. Leaving the field (Tab, Enter, a click
    elsewhere) keeps what was typed: a date is shown as '14 Feb 1979', anything else stays, marked, with the problem
    in its tooltip. Up and Down move a day (from no date: today). The calendar opens at the date, or at today, or at
    `calendar_start` (a date of birth opens some 40 years back)."""

    dateChanged = Signal(QDate)  # noqa: N815 - the committed date changed (NO_DATE: cleared)
    committed = Signal()  # the user finished typing or picking, valid or not

    def __init__(self, parent: QWidget | None = None, field: str = "date") -> None:
        super().__init__(parent)
        self.field = field
        self.calendar_start: Day | None = None
        self._value: Day | None = None
        self.setPlaceholderText("Not set")
        self.setClearButtonEnabled(True)
        self.hint = f"Type a date such as {example()}, 14 Feb 1979 or 1979-02-14; F4 opens a calendar"
        self.setProperty("plain_tooltip", self.hint)
        self.setToolTip(self.hint)
        self._calendar = QCalendarWidget(self)
        self._calendar.setWindowFlags(Qt.WindowType.Popup)
        self._calendar.setGridVisible(True)
        self._calendar.clicked.connect(self._on_calendar_picked)
        self._calendar.activated.connect(self._on_calendar_picked)
        self._calendar.installEventFilter(self)
        self.calendar_action = QAction(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown), "Calendar", self)
        self.calendar_action.setToolTip("Open a calendar (F4)")
        self.calendar_action.triggered.connect(self.show_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        self.editingFinished.connect(self.commit)
        self.textChanged.connect(self._on_text_changed)

    # -- values --------------------------------------------------------------------------------------------
    def value(self) -> Day | None:
        """The date as typed, None when empty. Raises ValidationError naming the field."""
        return parse_date(self.text(), self.field)

    def set_value(self, day: Day | None, notify: bool = True) -> None:
        """Show a date (or nothing); it becomes the committed value (announced, as QDateEdit.setDate does, unless
        notify is False)."""
        changed = day != self._value
        self._value = day
        self._show(day)
        self._mark(None)
        if notify:
            if changed:
                self.dateChanged.emit(_qdate(day))
            self.committed.emit()

    def date(self) -> QDate:
        """The committed date as a QDate; NO_DATE for none."""
        return _qdate(self._value)

    def setDate(self, value: QDate | Day) -> None:  # noqa: N802 - as QDateEdit
        """Show a date (a QDate or a Python date); NO_DATE or an invalid QDate for none."""
        if not isinstance(value, QDate):
            self.set_value(value)
        elif value.isValid() and value != NO_DATE:
            self.set_value(Day(value.year(), value.month(), value.day()))
        else:
            self.set_value(None)

    def calendarWidget(self) -> QCalendarWidget:  # noqa: N802 - as QDateEdit
        """The calendar popup."""
        return self._calendar

    def commit(self) -> None:
        """Take the text: a date is shown in full and becomes the value; anything else stays, marked."""
        try:
            day = self.value()
        except ValidationError as exc:
            self._mark(exc)
            self.committed.emit()
            return
        self._mark(None)
        if day is not None and self.text() != short_date(day):
            self._show(day)
        if day != self._value:
            self._value = day
            self.dateChanged.emit(_qdate(day))
        self.committed.emit()

    def _show(self, day: Day | None) -> None:
        was_blocked = self.blockSignals(True)
        try:
            self.setText(short_date(day))
        finally:
            self.blockSignals(was_blocked)

    def _mark(self, problem: ValidationError | None) -> None:
        if problem is not None or self.styleSheet() == INVALID_FIELD_STYLE:  # a warning's mark stays
            self.setStyleSheet(INVALID_FIELD_STYLE if problem else "")
        self.setProperty("problem", str(problem) if problem else "")
        self.setToolTip(str(problem) if problem else str(self.property("plausibility") or self.hint))

    # -- calendar and keys ---------------------------------------------------------------------------------
    def show_calendar(self) -> None:
        """Open the calendar under the field at the date shown, or at today (or calendar_start)."""
        try:
            shown = self.value()
        except ValidationError:
            shown = None
        page = shown or self.calendar_start or Day.today()
        if shown is not None:
            self._calendar.setSelectedDate(_qdate(shown))
        self._calendar.setCurrentPage(page.year, page.month)
        self._calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        self._calendar.show()
        self._calendar.setFocus()

    def _on_calendar_picked(self, picked: QDate) -> None:
        self._calendar.hide()
        self.setText(short_date(picked.toPython()))  # type: ignore[arg-type]
        self.setFocus()
        self.commit()

    def _on_text_changed(self, text: str) -> None:
        if not text.strip():
            self.commit()  # Delete, Backspace or the clear button: no date, at once

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Up and Down move a day; F4 or Alt+Down opens the calendar."""
        key = event.key()
        if key in POPUP_KEYS or (key == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier):
            self.show_calendar()
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            try:
                shown = self.value()
            except ValidationError:
                return
            step = 1 if key == Qt.Key.Key_Up else -1
            day = Day.today() if shown is None else Day.fromordinal(shown.toordinal() + step)
            self.setText(short_date(day))
            self.commit()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Escape closes the calendar without choosing."""
        if watched is self._calendar and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() == Qt.Key.Key_Escape:
            self._calendar.hide()
            self.setFocus()
            return True
        return super().eventFilter(watched, event)


def read_optional_date(edit: OptionalDateEdit) -> date | None:
    """The date as typed, or None when empty. Raises ValidationError when the text is not a date."""
    return edit.value()


def write_optional_date(edit: OptionalDateEdit, value: date | None) -> None:
    """Show a date, or nothing ('Not set' as a placeholder)."""
    edit.set_value(value)
