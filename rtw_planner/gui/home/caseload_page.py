"""The caseload page: what is due in the next days (overdue reviews first); a click or Enter on a line opens the
case on the tab where it is dealt with."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QSpinBox, QTableView, QVBoxLayout, QWidget

from rtw_planner.db.caseload_source import caseload_inputs
from rtw_planner.db.repository import CaseRepository
from rtw_planner.domain.caseload.due import DEFAULT_DUE_DAYS, MAX_DUE_DAYS, DueItem, caseload, due_days
from rtw_planner.gui.models.due_table import DueTableModel

SIZED_ROWS = 20  # the rows whose text sizes the columns, about a screenful: Qt's 1,000 read 24,000 cells


class DueTable(QTableView):
    """Enter (and Return) opens the current line, as a click does."""

    open_row = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabKeyNavigation(False)  # Tab leaves the list (arrows move in it)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_row.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


def load_due(repository: CaseRepository, today: date, within: int) -> list[DueItem]:
    """Every open case's due items, read as the signed-in role may (reception: reviews and appointments)."""
    cases, letters = caseload_inputs(repository.db, today + timedelta(days=due_days(within)))
    return caseload(cases, today, within, letters)


class CaseloadPage(QWidget):
    """`open_requested(item)` asks the window to open the case of a line on its tab."""

    open_requested = Signal(object)  # a DueItem

    def __init__(self, repository: Callable[[], CaseRepository], header: QWidget | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._repository = repository
        self.stale = True
        self.today = date.today
        self.model = DueTableModel(self)
        self.table = DueTable()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setResizeContentsPrecision(SIZED_ROWS)
        self.table.setWordWrap(False)
        self.table.setAccessibleName("What is due")
        self.days_spin = QSpinBox()
        self.days_spin.setRange(0, MAX_DUE_DAYS)
        self.days_spin.setValue(DEFAULT_DUE_DAYS)
        self.days_spin.setSuffix(" days")
        self.days_spin.setAccessibleName("Look ahead")
        self.title = QLabel("<h2>What is due</h2>")
        within_label = QLabel("Within")  # no mnemonic: Alt+W is Plan › "What was agreed"
        within_label.setBuddy(self.days_spin)
        self.empty_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(within_label)
        top.addWidget(self.days_spin)
        layout = QVBoxLayout(self)
        if header is not None:
            layout.addWidget(header)
            header.show()  # taken from the window's stack, which had it hidden or shown
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        self.table.clicked.connect(lambda index: self._open(index.row()))
        self.table.open_row.connect(self._open)
        self.days_spin.valueChanged.connect(lambda _v: self.refresh())

    def mark_stale(self) -> None:
        """The cases changed: read them again now if shown, else when next shown."""
        self.stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Read what is due from every case."""
        self.stale = False
        today = self.today()
        items = load_due(self._repository(), today, self.days_spin.value())
        self.model.set_items(items, today)
        self.table.resizeColumnsToContents()  # measured on the first rows (precision set above), not all
        days = self.days_spin.value()
        self.empty_label.setText("" if items else f"Nothing is due in the next {days} day{'s' if days != 1 else ''}.")
        if items and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _open(self, row: int) -> None:
        item = self.model.item(row)
        if item is not None:
            self.open_requested.emit(item)

    def showEvent(self, event: object) -> None:  # noqa: N802
        """Read the caseload when shown, if it changed since."""
        super().showEvent(event)  # type: ignore[arg-type]
        if self.stale:
            self.refresh()

    def focus_list(self) -> None:
        """Put the keyboard on the list."""
        self.table.setFocus()
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0, QModelIndex()))
