"""The Plan tab's graded exposure: the feared activities rated 0-100, the exposures with fear before and after, the
step proposed by the rule, and the chart of the selected step."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.plan.exposure import FearedActivity, FearExposure, FearHierarchy, Step, step_series
from rtw_planner.gui.kit.dates_delegate import DateDelegate
from rtw_planner.gui.kit.tables import rows_table_view
from rtw_planner.gui.models.exposure_tables import ExposuresTableModel, FearsTableModel
from rtw_planner.gui.widgets.choice_delegate import ChoiceDelegate
from rtw_planner.gui.widgets.exposure_chart import ExposureChart

if TYPE_CHECKING:
    from rtw_planner.gui.models.base import EditSink


def _buttons(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


class ExposurePanel(QWidget):
    """Edits Plan.exposure; kept apart from the quotas, which move by time, not by fear."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hierarchy = FearHierarchy()
        intro = QLabel("Activities the patient fears, rated 0-100; the steps run from the least feared up. The next "
                       "step is proposed when fear after the latest exposure is at most half the first fear before, "
                       "or at most 30 twice running.")
        intro.setWordWrap(True)
        self.fears_model = FearsTableModel(self)
        self.fears_view = rows_table_view(self.fears_model)
        self.fears_view.setAccessibleName("Feared activities")
        self.fears_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.exposures_model = ExposuresTableModel(self)
        self.exposures_view = rows_table_view(self.exposures_model)
        self.exposures_view.setAccessibleName("Exposures")
        self.exposures_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.exposures_view.setItemDelegateForColumn(0, DateDelegate("exposure date", self.exposures_view))
        self.exposures_view.setItemDelegateForColumn(1, ChoiceDelegate(
            lambda: [(a.description, a.id) for a in self._hierarchy.activities], "Exposure activity",
            self.exposures_view))
        self.add_fear_button, self.remove_fear_button = QPushButton("Add feared activity"), QPushButton(
            "Remove feared activity")
        self.add_exposure_button, self.remove_exposure_button = QPushButton("Add e&xposure"), QPushButton(
            "Remove exposure")
        self.add_fear_button.clicked.connect(lambda: self.fears_model.append_row(
            FearedActivity(self.fears_model.new_id(), "New feared activity", 50)))
        self.remove_fear_button.clicked.connect(
            lambda: self.fears_model.remove_row(self.fears_view.currentIndex().row()))
        self.add_exposure_button.clicked.connect(self._on_add_exposure_clicked)
        self.remove_exposure_button.clicked.connect(
            lambda: self.exposures_model.remove_row(self.exposures_view.currentIndex().row()))
        self.step_label = QLabel()
        self.step_label.setWordWrap(True)
        self.chart = ExposureChart()
        self.fears_view.selectionModel().currentRowChanged.connect(lambda *_: self._draw())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.fears_view, 1)
        layout.addLayout(_buttons(self.add_fear_button, self.remove_fear_button))
        layout.addWidget(self.exposures_view, 1)
        layout.addLayout(_buttons(self.add_exposure_button, self.remove_exposure_button))
        layout.addWidget(self.step_label)
        layout.addWidget(self.chart, 1)

    def set_sink(self, sink: EditSink) -> None:
        """Where edits go."""
        self.fears_model.sink = self.exposures_model.sink = sink

    def load(self, case: Case) -> None:
        """Show another case's hierarchy."""
        self.refresh(case)

    def refresh(self, case: Case) -> None:
        """Show the hierarchy, the proposal and the chart after an edit."""
        self._hierarchy = case.plan.exposure
        self.fears_model.show(self._hierarchy)
        self.exposures_model.show(self._hierarchy)
        self.step_label.setText(self.proposal())
        self._draw()

    def proposal(self) -> str:
        """The current step and what the rule says."""
        ladder, step = self._hierarchy.ladder(), self._hierarchy.current_step()
        if not ladder:
            return "No feared activities recorded."
        if step is None:
            return "Every step is climbed: fear has dropped on all of them."
        below = ladder[step.number - 2] if step.number > 1 else None
        moved = f"Step {below.number} climbed: {below.reason}. " if below is not None else ""
        return (f"{moved}Current step {step.number} of {len(ladder)}: {step.activity.description}. Not yet: "
                f"{step.reason}.")

    def selected_step(self) -> Step | None:
        """The step of the selected activity, else the current step (else the last)."""
        ladder = self._hierarchy.ladder()
        row = self.fears_view.currentIndex().row()
        activities = self._hierarchy.activities
        if 0 <= row < len(activities):
            return next(s for s in ladder if s.activity.id == activities[row].id)
        return self._hierarchy.current_step() or (ladder[-1] if ladder else None)

    def _draw(self) -> None:
        step = self.selected_step()
        if step is not None and self.isVisible():
            self.chart.show_step(step_series(step))

    def showEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        """Draw the chart on first showing (pyqtgraph loads only then)."""
        super().showEvent(event)  # type: ignore[arg-type]
        self._draw()

    def _on_add_exposure_clicked(self) -> None:
        step = self._hierarchy.current_step() or self.selected_step()
        if step is None:
            return
        last = step.exposures[-1].fear_after if step.exposures else step.activity.fear
        self.exposures_model.append_row(FearExposure(step.activity.id, date.today(), last, last))
