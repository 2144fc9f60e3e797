"""The Plan tab's treatment sessions as an editable table: kind, days, start and end, first and last day."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import time
from typing import Any

from PySide6.QtCore import Qt

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.edits import therapy_edits
from rtw_planner.domain.edits.commands import Edit
from rtw_planner.domain.plan.treatment import TreatmentSession, clock, kind_of
from rtw_planner.gui.kit.dates_parse import parse_date
from rtw_planner.gui.kit.dates_text import short_date
from rtw_planner.gui.models.base import Index, RowsTableModel
from rtw_planner.gui.models.plan_tables import parse_weekdays

_CLOCK = re.compile(r"^(\d{1,2})(?:[:.h]?(\d{2}))?$")
EDITABLE = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsEditable


def parse_clock(text: str, field: str) -> time:
    """A time typed as '10:30', '10.30', '1030' or '10'. Raises ValidationError naming the field."""
    found = _CLOCK.match(text.strip())
    hour, minute = (int(found.group(1)), int(found.group(2) or 0)) if found else (99, 99)
    if hour > 23 or minute > 59:
        raise ValidationError(field, text, "a time of day such as 10:30")
    return time(hour, minute)


class TreatmentTableModel(RowsTableModel):
    """Rows are TreatmentSession values; the kind is edited with a drop-down of the clinic's kinds."""

    COLUMNS = ("Kind", "Days", "Start", "End", "From", "Until")
    KIND, DAYS, START, END, FIRST, LAST = range(6)
    COLUMN_WORDS = ("kind", "days", "start", "end", "first day", "last day")

    def flags(self, index: Index) -> Qt.ItemFlag:
        return EDITABLE if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        session: TreatmentSession = self._rows[index.row()]
        column, edit = index.column(), role == Qt.ItemDataRole.EditRole
        if role == Qt.ItemDataRole.ToolTipRole:
            return ("Days such as Tue or Mon, Thu", "A time such as 10:30", "A time such as 11:45",
                    "The first session", "Blank: until further notice")[column - 1] if column else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        if column == self.KIND:
            return session.kind if edit else kind_of(session.kind).label
        if column == self.DAYS:
            return session.weekday_text()
        if column in (self.START, self.END):
            return clock(session.start if column == self.START else session.end)
        day = session.first_day if column == self.FIRST else session.last_day
        if edit:
            return day.isoformat() if day else ""
        return short_date(day) if day else "until further notice"

    def edited(self, row: TreatmentSession, column: int, value: Any) -> TreatmentSession:
        text = str(value or "").strip()
        if column == self.KIND:
            return replace(row, kind=text)
        if column == self.DAYS:
            try:
                days = parse_weekdays(text)
            except ValidationError:
                days = None
            if days is None:
                raise ValidationError("treatment days", text, "days such as 'Tue' or 'Mon, Thu'")
            return replace(row, weekdays=days)
        if column == self.START:
            return replace(row, start=parse_clock(text, "treatment start time"))
        if column == self.END:
            return replace(row, end=parse_clock(text, "treatment end time"))
        if column == self.FIRST:
            first = parse_date(text, "treatment first day")
            if first is None:
                raise ValidationError("treatment first day", text, "the day of the first session")
            return replace(row, first_day=first)
        return replace(row, last_day=parse_date(text, "treatment last day"))

    def insert_edit(self, index: int, row: TreatmentSession) -> Edit:
        return therapy_edits.add_session(row, index)

    def remove_edit(self, index: int, row: TreatmentSession) -> Edit:
        return therapy_edits.remove_session(index)

    def row_edit(self, index: int, row: TreatmentSession, column: int) -> Edit:
        return therapy_edits.edit_session(index, row, self.COLUMN_WORDS[column])
