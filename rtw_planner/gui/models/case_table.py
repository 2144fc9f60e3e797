"""The case list: a table model over repository summaries, fetched a page at a time."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from rtw_planner.db.repository import CaseRepository
from rtw_planner.domain.case.summary import CaseSummary
from rtw_planner.gui.kit.dates_text import short_date
from rtw_planner.gui.models.base import ColumnsTableModel, Index

PAGE_SIZE = 200


class CaseTableModel(ColumnsTableModel):
    """Rows are CaseSummary values; data() only formats them."""

    COLUMNS = ("Patient", "Job title", "Employer", "Review date")

    def __init__(self, repository: CaseRepository, parent: Any = None) -> None:
        super().__init__(parent)
        self._repository = repository
        self._search = ""
        self._rows: list[CaseSummary] = []
        self._total = 0
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
        self._total = self._repository.count(self._search)
        self._rows = self._repository.summaries(self._search, 0, PAGE_SIZE)
        self.endResetModel()

    @property
    def total(self) -> int:
        """How many cases match the search, loaded or not."""
        return self._total

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)


    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if parent.isValid():
            return
        more = self._repository.summaries(self._search, len(self._rows), PAGE_SIZE)
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if column == 3:
            return short_date(row.review_date)
        return (row.patient_name, row.job_title, row.employer)[column]


    def case_id(self, row: int) -> int | None:
        """The case id shown on a row."""
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def row_of(self, case_id: int) -> int | None:
        """The row showing a case, if loaded."""
        for row, summary in enumerate(self._rows):
            if summary.id == case_id:
                return row
        return None
