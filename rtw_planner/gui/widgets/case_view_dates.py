"""Date edits whose lowest value reads 'Not set' and stands for no date."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit

NO_DATE = QDate(1900, 1, 1)


def setup_optional_date(edit: QDateEdit) -> None:
    """A date edit whose lowest value reads 'Not set' and means no date."""
    edit.setMinimumDate(NO_DATE)
    edit.setMaximumDate(QDate(2200, 12, 31))
    edit.setSpecialValueText("Not set")
    edit.setDate(NO_DATE)


def read_optional_date(edit: QDateEdit) -> date | None:
    """The chosen date, or None when 'Not set'."""
    value = edit.date()
    return None if value == NO_DATE else date(value.year(), value.month(), value.day())


def write_optional_date(edit: QDateEdit, value: date | None) -> None:
    """Show a date, or 'Not set'."""
    edit.setDate(NO_DATE if value is None else QDate(value.year, value.month, value.day))
