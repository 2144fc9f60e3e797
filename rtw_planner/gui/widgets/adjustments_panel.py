"""The Plan tab's adjustments: the ones recommended (ticked, in the clinician's wording) and the suggestions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.edits import plan_edits
from rtw_planner.domain.plan.adjustments import SelectedNote

if TYPE_CHECKING:
    from rtw_planner.gui.models.base import EditSink


def suggestions_for(case: Case) -> tuple[SelectedNote, ...]:
    """What the domain offers for this case and job; the clinician ticks what to recommend."""
    from rtw_planner.domain.match.planning import suggest_for_case

    return tuple(SelectedNote.from_note(s.note) for s in suggest_for_case(case))


class AdjustmentsPanel(QWidget):
    """A list of adjustments: ticking, unticking or rewording one is an edit of the plan's notes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sink: EditSink | None = None
        self._notes: tuple[SelectedNote, ...] = ()
        self._suggestions: tuple[SelectedNote, ...] = ()
        self.notes_list = QListWidget()
        self.notes_list.setAccessibleName("Adjustment notes")
        self.notes_list.setWordWrap(True)
        self.notes_list.itemChanged.connect(self._on_notes_list_item_changed)
        intro = QLabel("Ticked adjustments are recommended in this plan. The others are suggestions for this job, "
                       "never ticked for you: tick the ones to recommend, engineering controls first. Double-click "
                       "a note to edit its wording; the source is kept.")
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.notes_list)

    def set_sink(self, sink: EditSink) -> None:
        """Where edits go."""
        self._sink = sink

    def load(self, case: Case) -> None:
        """Show another case's adjustments and the suggestions for its job."""
        self._suggestions = suggestions_for(case)
        self._show(case.plan.notes)

    def offer(self, case: Case) -> None:
        """Offer the suggestions for the case as edited (its demands and capacity may have changed)."""
        suggestions = suggestions_for(case)
        if suggestions != self._suggestions:
            self._suggestions = suggestions
            self._show(case.plan.notes)

    def refresh(self, case: Case) -> None:
        """Show the adjustments after an edit; the list is rebuilt only when it no longer says what the case says
        (an undo), so the item being worked on stays."""
        if self.notes() != case.plan.notes:
            self._show(case.plan.notes)
        self._notes = case.plan.notes

    def _show(self, notes: tuple[SelectedNote, ...]) -> None:
        """The clinician's chosen notes ticked, then the suggestions not chosen, never ticked here."""
        self._notes = notes
        self.notes_list.blockSignals(True)
        self.notes_list.clear()
        chosen = {n.note_id for n in notes}
        for note in (*notes, *(s for s in self._suggestions if s.note_id not in chosen)):
            item = QListWidgetItem(note.text)
            item.setData(Qt.ItemDataRole.UserRole, note)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable)
            item.setCheckState(Qt.CheckState.Checked if note.note_id in chosen else Qt.CheckState.Unchecked)
            item.setToolTip(f"{note.limitation.label}. Source: {note.source}")
            self.notes_list.addItem(item)
        self.notes_list.blockSignals(False)

    def notes(self) -> tuple[SelectedNote, ...]:
        """The ticked notes in the clinician's wording, as the list shows them."""
        picked = []
        for row in range(self.notes_list.count()):
            item = self.notes_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                picked.append(item.data(Qt.ItemDataRole.UserRole).edit(item.text()))
        return tuple(picked)

    def _on_notes_list_item_changed(self, _item: QListWidgetItem) -> None:
        notes = self.notes()
        if notes == self._notes or self._sink is None:
            return
        what = "tick" if len(notes) > len(self._notes) else "untick" if len(notes) < len(self._notes) else \
            "reword"
        problem = self._sink(plan_edits.set_notes(notes, what))
        if problem is not None:
            self._show(self._notes)
