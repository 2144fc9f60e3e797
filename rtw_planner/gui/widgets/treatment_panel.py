"""The Plan tab's treatment times: the sessions the person attends, and whether work goes around them or counts
them as working time."""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.edits import therapy_edits
from rtw_planner.domain.plan.phases import clock_hours
from rtw_planner.domain.plan.treatment import TreatmentSession, TreatmentTime, treatment_kinds
from rtw_planner.domain.plan.treatment_schedule import phase_treatment, treatment_warnings
from rtw_planner.gui.kit.dates_delegate import DateDelegate
from rtw_planner.gui.kit.styles import WARNING_STYLE
from rtw_planner.gui.kit.tables import rows_table_view
from rtw_planner.gui.models.treatment_table import TreatmentTableModel
from rtw_planner.gui.widgets.choice_delegate import ChoiceDelegate

if TYPE_CHECKING:
    from rtw_planner.gui.models.base import EditSink


class TreatmentPanel(QWidget):
    """Edits Plan.treatment and Plan.treatment_time; shows each phase's hours at work and any warning."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sink: EditSink | None = None
        self._case = Case("unshown")
        intro = QLabel("Regular sessions of the programme. The employer letter gives their times off work; it names "
                       "the kind only where the patient's consents let the diagnosis go to that reader.")
        intro.setWordWrap(True)
        self.model = TreatmentTableModel(self)
        self.view = rows_table_view(self.model)
        self.view.setAccessibleName("Treatment sessions")
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.setItemDelegateForColumn(0, ChoiceDelegate(
            lambda: [(k.label, k.id) for k in treatment_kinds()], "Treatment kind", self.view, typed=True))
        for column, field in ((4, "treatment first day"), (5, "treatment last day")):
            self.view.setItemDelegateForColumn(column, DateDelegate(field, self.view))
        self.add_button, self.remove_button = QPushButton("Add session"), QPushButton("Remove session")
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(lambda: self.model.remove_row(self.view.currentIndex().row()))
        self.mode_combo = QComboBox()
        self.mode_combo.setAccessibleName("Treatment time in the phased return")
        for mode in TreatmentTime:
            self.mode_combo.addItem(mode.label, mode.value)
        self.mode_combo.activated.connect(self._on_mode_activated)
        mode_label = QLabel("Treatment ti&me:")
        mode_label.setBuddy(self.mode_combo)
        self.hours_label = QLabel()
        self.hours_label.setWordWrap(True)
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(WARNING_STYLE)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        mode_row = QHBoxLayout()
        mode_row.addWidget(mode_label)
        mode_row.addWidget(self.mode_combo)
        mode_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addLayout(mode_row)
        layout.addWidget(self.hours_label)
        layout.addWidget(self.warning_label)

    def set_sink(self, sink: EditSink) -> None:
        """Where edits go."""
        self._sink = self.model.sink = sink

    def load(self, case: Case) -> None:
        """Show another case's sessions."""
        self.refresh(case)

    def refresh(self, case: Case) -> None:
        """Show the sessions, the rule and the hours after an edit."""
        self._case = case
        plan = case.plan
        self.model.set_rows(plan.treatment)
        self.mode_combo.setCurrentIndex(self.mode_combo.findData(plan.treatment_time.value))
        phased = plan.phased_return
        if phased is None or not plan.treatment:
            self.hours_label.setText("")
        else:
            found = phase_treatment(phased, plan.treatment, plan.treatment_time)
            self.hours_label.setText("Hours at work a week: " + ", ".join(
                f"phase {f.phase.number} {clock_hours(f.hours_at_work)}" for f in found))
        self.warning_label.setText("\n".join(treatment_warnings(phased, plan.treatment, plan.treatment_time)))

    def _on_mode_activated(self, index: int) -> None:
        mode = TreatmentTime(self.mode_combo.itemData(index))
        if self._sink is not None and mode is not self._case.plan.treatment_time:
            self._sink(therapy_edits.set_treatment_time(mode))

    def _on_add_clicked(self) -> None:
        phased = self._case.plan.phased_return
        first = phased.start if phased else date.today()
        first += timedelta(days=(1 - first.weekday()) % 7)  # the next Tuesday: a day to change, not a guess
        self.model.append_row(TreatmentSession(treatment_kinds()[0].id, (first.weekday(),), time(10), time(11),
                                               first))
