"""Date edits whose lowest value reads 'Not set' and stands for no date."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject
from PySide6.QtWidgets import QAbstractSpinBox, QDateEdit, QWidget

NO_DATE = QDate(1900, 1, 1)


def setup_optional_date(edit: QDateEdit) -> None:
    """A date edit whose lowest value reads 'Not set' and means no date."""
    edit.setMinimumDate(NO_DATE)
    edit.setMaximumDate(QDate(2200, 12, 31))
    edit.setSpecialValueText("Not set")
    edit.setDate(NO_DATE)


class OptionalDateEdit(QDateEdit):
    """An optional date for keyboard users too: Tab leaves the field (Qt's date edit would walk its sections, and
    on 'Not set' it never leaves), the arrow keys and the calendar start from today rather than from 1900."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("d MMM yyyy")
        setup_optional_date(self)
        self.calendarWidget().installEventFilter(self)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt's names
        return QWidget.focusNextPrevChild(self, next)

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:  # noqa: N802
        if self.date() == NO_DATE:
            return QAbstractSpinBox.StepEnabledFlag.StepUpEnabled | QAbstractSpinBox.StepEnabledFlag.StepDownEnabled
        return super().stepEnabled()

    def stepBy(self, steps: int) -> None:  # noqa: N802
        if self.date() == NO_DATE:
            self.setDate(QDate.currentDate())  # the first step from 'Not set' lands on today
            return
        super().stepBy(steps)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        calendar = self.calendarWidget()
        if watched is calendar and event.type() == QEvent.Type.Show and self.date() == NO_DATE:
            today = QDate.currentDate()
            calendar.setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)


def read_optional_date(edit: QDateEdit) -> date | None:
    """The chosen date, or None when 'Not set'."""
    value = edit.date()
    return None if value == NO_DATE else date(value.year(), value.month(), value.day())


def write_optional_date(edit: QDateEdit, value: date | None) -> None:
    """Show a date, or 'Not set'."""
    edit.setDate(NO_DATE if value is None else QDate(value.year, value.month, value.day))
