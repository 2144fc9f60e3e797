"""The Summary tab a case opens on: the fitness outcome, the current phase and hours, this week's small step, the
next date that matters, what blocks the employer letter, and the plausibility warnings, each with a jump to its tab."""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.caseload.overview import CaseOverview, case_overview
from rtw_planner.domain.checks.plausibility import Tab
from rtw_planner.gui.kit.dates_text import short_date
from rtw_planner.gui.kit.styles import READY_STYLE

NOTHING = "—"
TAB_ROLE = Qt.ItemDataRole.UserRole


def _label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class SummaryView(QWidget):
    """Read-only; `jump_requested` names the tab where a listed item is fixed."""

    jump_requested = Signal(object)  # a Tab

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overview: CaseOverview | None = None
        self.fitness_label, self.phase_label, self.step_label, self.next_label = (_label() for _ in range(4))
        self.letter_label = _label()
        self.blocks_list = QListWidget()
        self.blocks_list.setAccessibleName("What blocks the employer letter")
        self.warnings_list = QListWidget()
        self.warnings_list.setAccessibleName("Plausibility warnings")
        for widget in (self.blocks_list, self.warnings_list):
            widget.setWordWrap(True)
            widget.itemActivated.connect(self._on_item_activated)
            widget.itemClicked.connect(self._on_item_activated)
        form = QFormLayout()
        form.addRow("Fitness for work", self.fitness_label)
        form.addRow("Phased return", self.phase_label)
        form.addRow("This week's small step", self.step_label)
        form.addRow("Next date", self.next_label)
        form.addRow("Employer letter", self.letter_label)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("<b>What blocks the employer letter</b> (click or press Enter to go there)"))
        layout.addWidget(self.blocks_list, 1)
        layout.addWidget(QLabel("<b>Please check</b> (warnings, not errors)"))
        layout.addWidget(self.warnings_list, 1)

    def show_case(self, case: Case, today: date) -> None:
        """Work out the overview of the case as edited, for today."""
        overview = self.overview = case_overview(case, today)
        self.fitness_label.setText(overview.fitness or "Not recorded yet (Plan › Fitness).")
        self.phase_label.setText(overview.phase or "No phased return planned.")
        self.step_label.setText(overview.small_step or NOTHING)
        upcoming = overview.next_date
        self.next_label.setText(f"{short_date(upcoming.date)}: {upcoming.reason.label}"
                                + (f" ({escape(upcoming.detail)})" if upcoming.detail else "")
                                if upcoming else "Nothing in the next year.")
        blocks = len(overview.letter_blocks)
        self.letter_label.setText("Ready to issue: nothing blocks it." if overview.letter_ready else
                                  f"{blocks} thing{'s' if blocks != 1 else ''} to do first (below).")
        self.letter_label.setStyleSheet(READY_STYLE if overview.letter_ready else "")
        self.blocks_list.clear()
        for finding in overview.letter_blocks:
            self.blocks_list.addItem(QListWidgetItem(str(finding)))
        self.warnings_list.clear()
        for warning in overview.warnings:
            item = QListWidgetItem(f"⚠ {warning}")
            item.setData(TAB_ROLE, warning.tab.value)
            self.warnings_list.addItem(item)

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        tab = item.data(TAB_ROLE)
        if tab:
            self.jump_requested.emit(Tab(tab))
