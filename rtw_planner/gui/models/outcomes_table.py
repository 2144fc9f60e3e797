"""Tables of the Progress tab: outcome records and the home-practice log, oldest first, corrected in place (date,
answers, notes; date, activity, amount done, quota met) and removed, each an undoable edit of the case."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt

from rtw_planner.domain.case.outcome_records import OutcomeRecord, PracticeEntry
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.units import format_number
from rtw_planner.domain.edits import progress_edits
from rtw_planner.domain.edits.commands import Edit
from rtw_planner.domain.outcomes.instruments import InstrumentError, get_instrument
from rtw_planner.domain.outcomes.recording import record_outcome
from rtw_planner.gui.kit.dates_parse import parse_date
from rtw_planner.gui.kit.dates_text import short_date
from rtw_planner.gui.kit.numbers import parse_number
from rtw_planner.gui.models.base import Index, RowsTableModel

EDITABLE = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsEditable
READ_ONLY = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled


def parse_answers(text: str) -> list[float | None]:
    """'7 6 8' or '7, -, 8' -> [7.0, None, 8.0]. Raises ValidationError."""
    answers: list[float | None] = []
    for n, part in enumerate(text.replace(",", " ").split(), start=1):
        if part == "-":
            answers.append(None)
            continue
        try:
            answers.append(float(part))
        except ValueError:
            raise ValidationError(f"answer {n}", part, "a number, or - for a missing answer") from None
    return answers


def answers_text(answers: tuple[float | None, ...]) -> str:
    """The answers as typed: '7 6 8', '-' for a missing one."""
    return " ".join("-" if a is None else format_number(a, 2) for a in answers)


class DatedRowsModel(RowsTableModel):
    """Rows shown oldest first; `positions[row]` is the row's index in the case, which the edits name."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.positions: list[int] = []

    def show(self, rows: tuple[Any, ...]) -> None:
        """Show the case's rows oldest first (not an edit)."""
        order = sorted(range(len(rows)), key=lambda i: rows[i].on)
        self.positions = order
        self.set_rows([rows[i] for i in order])

    def position(self, row: int) -> int:
        """The index in the case of a shown row (rows set without `show` are in case order)."""
        return self.positions[row] if row < len(self.positions) else row


class OutcomesTableModel(DatedRowsModel):
    """Rows are OutcomeRecord values. Editing the answers scores them again (record_outcome), so an incomplete
    questionnaire is refused; `age` and `sex` are the case's, for instruments with norms."""

    COLUMNS = ("Date", "Instrument", "Answers", "Score", "Band", "Notes")
    EDITABLE_COLUMNS = (0, 2, 5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.age: int | None = None
        self.sex: str | None = None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return EDITABLE if index.column() in self.EDITABLE_COLUMNS else READ_ONLY

    def cell_data(self, index: Index, role: int) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        record: OutcomeRecord = self._rows[index.row()]
        if role == Qt.ItemDataRole.EditRole and index.column() == 0:
            return record.on.isoformat()
        score = "no score" if record.score is None else format_number(record.score, 2)
        return (short_date(record.on), record.instrument_id, answers_text(record.answers), score, record.band or "",
                record.notes)[index.column()]

    def edited(self, row: OutcomeRecord, column: int, value: Any) -> OutcomeRecord:
        text = str(value).strip()
        if column == 0:
            on = parse_date(text, f"{row.instrument_id} date")
            if on is None:
                raise ValidationError(f"{row.instrument_id} date", text, "the day it was done")
            return replace(row, on=on)
        if column == 2:
            try:
                instrument = get_instrument(row.instrument_id)
            except InstrumentError as exc:
                raise ValidationError(f"{row.instrument_id} answers", text, str(exc)) from None
            return record_outcome(instrument, row.on, parse_answers(text), age=self.age, sex=self.sex,
                                  notes=row.notes)
        return replace(row, notes=text)

    def insert_edit(self, index: int, row: OutcomeRecord) -> Edit:
        return progress_edits.add_outcome(row, self.position(index) if index < len(self._rows) else index)

    def remove_edit(self, index: int, row: OutcomeRecord) -> Edit:
        return progress_edits.remove_outcome(self.position(index), row)

    def row_edit(self, index: int, row: OutcomeRecord, column: int) -> Edit:
        return progress_edits.edit_outcome(self.position(index), row, self.COLUMNS[column].lower())


class PracticeTableModel(DatedRowsModel):
    """Rows are PracticeEntry values; the quota is the plan's for that week, so it is not typed."""

    COLUMNS = ("Date", "Activity", "Quota", "Done", "Quota met")

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.column() == 4:
            return READ_ONLY | Qt.ItemFlag.ItemIsUserCheckable
        return READ_ONLY if index.column() == 2 else EDITABLE

    def cell_data(self, index: Index, role: int) -> Any:
        if not index.isValid():
            return None
        entry: PracticeEntry = self._rows[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 4:
            return Qt.CheckState.Checked if entry.completed else Qt.CheckState.Unchecked
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        if role == Qt.ItemDataRole.EditRole and index.column() == 0:
            return entry.on.isoformat()
        quota = "" if entry.quota is None else format_number(entry.quota, 1)
        done = "" if entry.done is None else format_number(entry.done, 1)
        return (short_date(entry.on), entry.activity, quota, done,
                "Yes" if entry.completed else "No")[index.column()]

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if index.isValid() and index.column() == 4 and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            return self.replace_row(index.row(), replace(self._rows[index.row()], completed=checked), 4)
        return super().setData(index, value, role)

    def edited(self, row: PracticeEntry, column: int, value: Any) -> PracticeEntry:
        text = str(value).strip()
        if column == 0:
            on = parse_date(text, "practice date")
            if on is None:
                raise ValidationError("practice date", text, "the day of the practice")
            return replace(row, on=on)
        if column == 1:
            return replace(row, activity=text)
        try:
            done = parse_number(text) if text else None
        except ValueError:
            raise ValidationError("practice done", text, "a number, or blank") from None
        return replace(row, done=done)

    def insert_edit(self, index: int, row: PracticeEntry) -> Edit:
        return progress_edits.add_practice(row, self.position(index) if index < len(self._rows) else index)

    def remove_edit(self, index: int, row: PracticeEntry) -> Edit:
        return progress_edits.remove_practice(self.position(index), row)

    def row_edit(self, index: int, row: PracticeEntry, column: int) -> Edit:
        return progress_edits.edit_practice(self.position(index), row, self.COLUMNS[column].lower())
