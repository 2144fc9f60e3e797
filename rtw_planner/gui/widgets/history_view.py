"""The History tab: who changed what in this case and when, with old and new values, newest first, by field."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from rtw_planner.gui.kit.tables import rows_table_view
from rtw_planner.gui.models.history_table import HistoryTableModel
from rtw_planner.gui.team.history import HistorySource

ALL_FIELDS = "All fields"
NO_AUDIT_TRAIL = "This database keeps no change history yet: it is recorded once the database is upgraded."
NOT_SAVED_YET = "Changes are recorded from the first save."


class HistoryView(QWidget):
    """Reads the case's history when shown or refreshed, never while hidden."""

    def __init__(self, source: HistorySource | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = source
        self._case_id: int | None = None
        self._stale = True
        self.model = HistoryTableModel(self)
        self.table = rows_table_view(self.model)
        self.table.setAccessibleName("Change history")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((130, 70, 170, 110)):
            self.table.setColumnWidth(column, width)
        for column in (4, 5):  # the old and new values share what is left
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.field_combo = QComboBox()
        self.field_combo.setMinimumContentsLength(18)
        self.field_combo.currentIndexChanged.connect(self._on_field_combo_changed)
        field_label = QLabel("Sh&ow field")
        field_label.setBuddy(self.field_combo)
        self.refresh_button = QPushButton("Re&load")
        self.refresh_button.clicked.connect(self.refresh)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(field_label)
        top.addWidget(self.field_combo)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)

    def show_case(self, case_id: int | None) -> None:
        """The case whose history to show; read now if the tab is visible, else when it is next shown."""
        self._case_id = case_id
        self._stale = True
        if self.isVisible():
            self.refresh()

    def mark_stale(self) -> None:
        """The case was saved: read again when shown."""
        self.show_case(self._case_id)

    def showEvent(self, event: object) -> None:  # noqa: N802
        """Read the history the first time the tab is shown after a change."""
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Read the history again, keeping the chosen field if it is still there."""
        self._stale = False
        entries = None if self._case_id is None or self.source is None else self.source(self._case_id)
        self.model.set_entries(entries or [])
        chosen = self.field_combo.currentText()
        self.field_combo.blockSignals(True)
        self.field_combo.clear()
        self.field_combo.addItem(ALL_FIELDS, "")
        for field in self.model.fields():
            self.field_combo.addItem(field, field)
        self.field_combo.setCurrentIndex(max(0, self.field_combo.findText(chosen)))
        self.field_combo.blockSignals(False)
        self._on_field_combo_changed()
        if self._case_id is None:
            self.status_label.setText(NOT_SAVED_YET)
        elif entries is None:
            self.status_label.setText(NO_AUDIT_TRAIL)

    def _on_field_combo_changed(self, *_args: object) -> None:
        self.model.set_field(str(self.field_combo.currentData() or ""))
        shown, total = self.model.rowCount(), self.model.total
        self.status_label.setText(f"{total} change{'s' if total != 1 else ''}" if shown == total
                                  else f"{shown} of {total} changes")
