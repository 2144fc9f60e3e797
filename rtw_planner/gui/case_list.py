"""The case list's filters (search after a pause in typing, archived, clinician) and its count ("200+ cases")."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from rtw_planner.gui.models.case_table import CaseTableModel
from rtw_planner.gui.window_parts import CaseListPanel

SEARCH_PAUSE_MS = 150  # typing faster than this searches once, for the whole text, when it pauses
ALL_CLINICIANS = "All clinicians"


def count_text(loaded: int, more: bool, archived: bool = False, searching: bool = False) -> str:
    """"3 cases", "1 archived case", "200+ cases found": what is loaded, and a + when more match."""
    plural = "s" if more or loaded != 1 else ""
    return (f"{loaded}{'+' if more else ''}{' archived' if archived else ''} case{plural}"
            + (" found" if searching else ""))


class CaseListFilters(QObject):
    """Drives the model from the panel's inputs; `filtered` follows each new list, once the model has it."""

    filtered = Signal()

    def __init__(self, panel: CaseListPanel, model: CaseTableModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.panel, self.model = panel, model
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_PAUSE_MS)
        self.timer.timeout.connect(self.search_now)
        # Each keystroke restarts the pause; the box keeps every keystroke, and the search reads its whole text.
        panel.search_edit.textChanged.connect(lambda _text: self.timer.start())
        panel.archived_box.toggled.connect(self._on_archived_toggled)
        panel.clinician_box.currentIndexChanged.connect(self._on_clinician_chosen)
        model.rowsInserted.connect(lambda *_: self.show_count())  # a page more, as the list scrolls
        self.fill_clinicians([])

    def search_text(self) -> str:
        """The search as typed, without surrounding spaces."""
        return self.panel.search_edit.text().strip()

    def search_now(self) -> None:
        """Search for the text in the box without waiting for the pause to end."""
        self.timer.stop()
        self.model.refresh(self.search_text())
        self._done()

    def fill_clinicians(self, clinicians: list[tuple[int, str]]) -> None:
        """"All clinicians" and each clinician (id, name), keeping the one chosen while it is still there."""
        box = self.panel.clinician_box
        chosen = box.currentData()
        wanted = [(None, ALL_CLINICIANS), *clinicians]
        if [(box.itemData(i), box.itemText(i)) for i in range(box.count())] == wanted:
            return
        box.blockSignals(True)
        try:
            box.clear()
            for clinician_id, name in wanted:
                box.addItem(name, clinician_id)
            box.setCurrentIndex(max(0, box.findData(chosen)) if chosen is not None else 0)
        finally:
            box.blockSignals(False)
        if box.currentData() != self.model.clinician_id:  # the one chosen is gone: everyone's cases
            self.model.clinician_id = box.currentData()
            self.model.refresh()

    def show_count(self) -> None:
        """The count below the list, for what the model has loaded."""
        self.panel.count_label.setText(count_text(self.model.loaded, self.model.more, self.model.archived,
                                                  bool(self.search_text())))

    def _on_archived_toggled(self, archived: bool) -> None:
        self.model.set_archived(archived)
        self._done()

    def _on_clinician_chosen(self, _index: int) -> None:
        self.model.set_clinician(self.panel.clinician_box.currentData())
        self._done()

    def _done(self) -> None:
        self.show_count()
        self.filtered.emit()
