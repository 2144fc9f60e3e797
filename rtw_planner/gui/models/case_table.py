"""The case list: a table model over repository summaries, fetched a page at a time as the view scrolls and never
counted past what it shows; sortable by any column, with the date of birth and case number to tell people apart."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from rtw_planner.db.repository import CaseRepository
from rtw_planner.domain.case.summary import CaseSummary
from rtw_planner.gui.kit.dates_text import short_date
from rtw_planner.gui.models.base import ColumnsTableModel, Index

PAGE_SIZE = 200
EVERY_CASE = 10_000_000  # a page size no clinic reaches


class CaseTableModel(ColumnsTableModel):
    """Rows are CaseSummary values; data() only formats them."""

    COLUMNS = ("Patient", "Born", "Case", "Review date", "Next appointment", "Job title", "Employer")
    PATIENT, BORN, NUMBER, REVIEW, APPOINTMENT, JOB, EMPLOYER = range(7)

    def __init__(self, repository: CaseRepository, parent: Any = None) -> None:
        super().__init__(parent)
        self._repository = repository
        self._search = ""
        self._rows: list[CaseSummary] = []
        self._more = False  # whether cases past the loaded ones match (a page is read with one row more)
        self._sort: tuple[int, Qt.SortOrder] | None = None  # None: most recently updated first, as stored
        self.archived = False  # list the archived cases instead of the open ones
        self.clinician_id: int | None = None  # list one clinician's cases (None: everyone's)
        self.refresh()

    def set_archived(self, archived: bool) -> None:
        """List the archived cases (True) or the open ones."""
        self.archived = archived
        self.refresh()

    def set_clinician(self, clinician_id: int | None) -> None:
        """List one clinician's cases, or (None) every clinician's."""
        self.clinician_id = clinician_id
        self.refresh()

    def set_repository(self, repository: CaseRepository) -> None:
        """List the cases of another database."""
        self._repository = repository
        self.refresh()

    def refresh(self, search: str | None = None) -> None:
        """Reload the first page, optionally with a new search text."""
        self.beginResetModel()
        if search is not None:
            self._search = search
        self._rows, self._more = self._page(0, PAGE_SIZE)
        if self._sort is not None:
            self._fetch_all()
            self._sort_rows(*self._sort)
        self.endResetModel()

    def _page(self, offset: int, size: int) -> tuple[list[CaseSummary], bool]:
        """size rows from offset, and whether more follow (read as one row more)."""
        rows = self._repository.summaries(self._search, offset, size + 1, archived=self.archived,
                                          clinician_id=self.clinician_id)
        return rows[:size], len(rows) > size

    @property
    def loaded(self) -> int:
        """How many matching cases are loaded."""
        return len(self._rows)

    @property
    def more(self) -> bool:
        """Whether more cases match than are loaded."""
        return self._more

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid() or not self._more:
            return
        more, self._more = self._page(len(self._rows), PAGE_SIZE)
        if not more:
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def _fetch_all(self) -> None:
        if self._more:  # the rest at once: page after page would pass over the rows before each page again
            more, self._more = self._page(len(self._rows), EVERY_CASE)
            self._rows.extend(more)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort every matching case (all are read); a column out of range goes back to the stored order. Cases
        without the date sorted on come last either way."""
        self.layoutAboutToBeChanged.emit()
        if 0 <= column < len(self.COLUMNS):
            self._sort = (column, order)
            self._fetch_all()
            self._sort_rows(column, order)
        else:
            self._sort = None
            self._rows, self._more = self._page(0, max(PAGE_SIZE, len(self._rows)))
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        descending = order == Qt.SortOrder.DescendingOrder
        known = [r for r in self._rows if _key(r, column) is not None]
        unknown = [r for r in self._rows if _key(r, column) is None]
        self._rows = sorted(known, key=lambda r: _key(r, column), reverse=descending) + unknown

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if column in (self.BORN, self.REVIEW):
            return short_date(_born(row) if column == self.BORN else row.review_date)
        if column == self.APPOINTMENT:
            moment = _appointment(row)
            return "" if moment is None else f"{short_date(moment.date())} {moment:%H:%M}"
        if column == self.NUMBER:
            return str(row.id)
        return {self.PATIENT: row.patient_name, self.JOB: row.job_title, self.EMPLOYER: row.employer}[column]


    def case_id(self, row: int) -> int | None:
        """The case id shown on a row."""
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, case_id: int) -> int | None:
        """The row showing a case, if loaded."""
        for row, summary in enumerate(self._rows):
            if summary.id == case_id:
                return row
        return None


def _born(row: CaseSummary) -> date | None:
    # CaseSummary gains date_of_birth and next_appointment in the repository (issue 14); until then they read as
    # not known.
    return getattr(row, "date_of_birth", None)


def _appointment(row: CaseSummary) -> datetime | None:
    return getattr(row, "next_appointment", None)


def _key(row: CaseSummary, column: int) -> Any:
    """What a column sorts by: dates and numbers as such, text folded; None sorts last."""
    if column == CaseTableModel.BORN:
        return _born(row)
    if column == CaseTableModel.NUMBER:
        return row.id
    if column == CaseTableModel.REVIEW:
        return row.review_date
    if column == CaseTableModel.APPOINTMENT:
        return _appointment(row)
    text = (row.patient_name, row.job_title, row.employer)[(CaseTableModel.PATIENT, CaseTableModel.JOB,
                                                            CaseTableModel.EMPLOYER).index(column)]
    return text.casefold() or None
