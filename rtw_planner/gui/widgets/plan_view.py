"""The Plan tab: fitness and safety, the phased return, quotas, adjustments, goals and the flare-up plan."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.checks.plausibility import Plausibility, Table
from rtw_planner.domain.edits.lenses import Part
from rtw_planner.domain.plan.adjustments import SelectedNote
from rtw_planner.domain.plan.goals import Appointment, this_weeks_small_step
from rtw_planner.domain.plan.model import Plan
from rtw_planner.domain.plan.quota import QuotaActivity, QuotaUnit
from rtw_planner.gui.kit.styles import ERROR_STYLE
from rtw_planner.gui.kit.tables import rows_table_view
from rtw_planner.gui.models.plan_tables import QuotasTableModel
from rtw_planner.gui.widgets.adjustments_panel import AdjustmentsPanel
from rtw_planner.gui.widgets.cell_marks import mark_cells, position_in
from rtw_planner.gui.widgets.choice_delegate import ChoiceDelegate
from rtw_planner.gui.widgets.exposure_panel import ExposurePanel
from rtw_planner.gui.widgets.fitness_editor import FitnessEditor
from rtw_planner.gui.widgets.flare_plan_editor import FlarePlanEditor
from rtw_planner.gui.widgets.goals_panel import GoalsPanel
from rtw_planner.gui.widgets.phases_panel import PhasesPanel, start_of
from rtw_planner.gui.widgets.quota_chart import QuotaChart
from rtw_planner.gui.widgets.treatment_panel import TreatmentPanel

if TYPE_CHECKING:
    from rtw_planner.gui.models.base import EditSink
    from rtw_planner.gui.prompts import Prompts


class PlanView(QWidget):
    """Shows the case's plan in six tabs; every change is an edit sent to the case view."""

    def __init__(self, prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._case = Case("unshown")
        self.fitness_editor = FitnessEditor()
        self.flare_editor = FlarePlanEditor()
        self.phases_panel = PhasesPanel(prompts)
        self.quotas_tab = self._quotas_tab()
        self.adjustments = AdjustmentsPanel()
        self.goals_panel = GoalsPanel()
        self.treatment_panel = TreatmentPanel()
        self.exposure_panel = ExposurePanel()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.fitness_editor, "Fitness and safety")
        self.tabs.addTab(self.phases_panel, "Phased return")
        self.tabs.addTab(self.quotas_tab, "Graded activity")
        self.tabs.addTab(self.adjustments, "Adjustments")
        self.tabs.addTab(self.goals_panel, "Goals")
        self.tabs.addTab(self.flare_editor, "Flare-up plan")
        self.tabs.addTab(self.treatment_panel, "Treatment times")
        self.tabs.addTab(self.exposure_panel, "Graded exposure")
        self.tabs.currentChanged.connect(lambda _index: self._refresh_chart())
        # The parts' widgets, under the names the rest of the program and the tests use.
        p = self.phases_panel
        self.start_edit, self.hours_edit, self.days_edit = p.start_edit, p.hours_edit, p.days_edit
        self.max_weeks_spin, self.generate_button, self.phases_model = p.max_weeks_spin, p.generate_button, \
            p.phases_model
        self.phases_view, self.schedule_label, self.fit_note_boxes = p.phases_view, p.schedule_label, \
            p.fit_note_boxes
        self.notes_list = self.adjustments.notes_list
        self.goals_model, self.goals_view = self.goals_panel.goals_model, self.goals_panel.goals_view
        self.small_step_label = self.goals_panel.small_step_label
        self.binders = (p.binder, self.fitness_editor.binder, self.flare_editor.binder, self.goals_panel.binder)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(ERROR_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        layout.addWidget(self.message_label)
        for model in (self.phases_model, self.quotas_model, self.goals_model, self.goals_panel.milestones_model,
                      self.treatment_panel.model, self.exposure_panel.fears_model,
                      self.exposure_panel.exposures_model):
            model.invalid_input.connect(self.message_label.setText)
            model.rows_changed.connect(self.message_label.clear)

    def _quotas_tab(self) -> QWidget:
        tab = QWidget()
        self.quotas_model = QuotasTableModel(self)
        self.quotas_view = rows_table_view(self.quotas_model)
        self.quotas_view.setAccessibleName("Graded activities")
        self.quotas_view.setMaximumHeight(150)
        self.quotas_view.setItemDelegateForColumn(1, ChoiceDelegate(
            lambda: [(unit.value, unit.value) for unit in QuotaUnit], "Quota unit", self.quotas_view))
        add, remove = QPushButton("&Add activity"), QPushButton("Remove activity")
        add.clicked.connect(lambda: self.quotas_model.append_row(
            QuotaActivity(f"Activity {self.quotas_model.rowCount() + 1}", QuotaUnit.MINUTES, (5.0, 5.0, 5.0), 15)))
        remove.clicked.connect(lambda: self.quotas_model.remove_row(self.quotas_view.currentIndex().row()))
        self.add_quota_button, self.remove_quota_button = add, remove
        self.quota_chart = QuotaChart()
        self.quotas_view.selectionModel().currentRowChanged.connect(lambda _c, _p: self._refresh_chart())
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        intro = QLabel("Quotas start below the measured baseline and rise week by week to the goal. They hold on "
                       "good days and bad days alike. Trials are separated by commas; give a weekly % or a number "
                       "of target weeks.")
        intro.setWordWrap(True)
        layout = QVBoxLayout(tab)
        layout.addWidget(intro)
        layout.addWidget(self.quotas_view)
        layout.addLayout(buttons)
        layout.addWidget(self.quota_chart, 1)
        return tab

    # -- the case ------------------------------------------------------------------------------------------
    def _parts(self) -> tuple[PhasesPanel | AdjustmentsPanel | GoalsPanel | FitnessEditor | FlarePlanEditor
                              | TreatmentPanel | ExposurePanel, ...]:
        return (self.phases_panel, self.adjustments, self.goals_panel, self.fitness_editor, self.flare_editor,
                self.treatment_panel, self.exposure_panel)

    def set_sink(self, sink: EditSink) -> None:
        """Where edits go."""
        self.quotas_model.sink = sink
        for part in self._parts():
            part.set_sink(sink)

    def show_cell_warnings(self, warnings: tuple[Plausibility, ...]) -> None:
        """Mark the quota goals and the goals' dates the plan's warnings are about."""
        mark_cells(self.quotas_model, warnings, Table.QUOTAS, position_in([q.name for q in self.quotas_model.rows()]))
        mark_cells(self.goals_model, warnings, Table.GOALS, position_in([g.id for g in self.goals_model.rows()]))

    def load(self, case: Case) -> None:
        """Show another case's plan, start date and appointment."""
        self._case = case
        self.quotas_model.set_rows(case.plan.quotas)
        for part in self._parts():
            part.load(case)
        self.message_label.clear()
        self._refresh_summary()

    def refresh(self, case: Case, parts: frozenset[Part]) -> None:
        """Show the plan after an edit; the small step also counts the practice log."""
        self._case = case
        if Part.PLAN in parts:
            self.quotas_model.set_rows(case.plan.quotas)
            for part in self._parts():
                part.refresh(case)
        if parts & {Part.PLAN, Part.PROGRESS}:
            self._refresh_summary()

    def show_safety_work(self, case: Case) -> None:
        """Prompt about licensing and medication when the job (as edited) involves safety-critical work."""
        from rtw_planner.domain.match.safety import safety_critical_work

        self.fitness_editor.show_work(safety_critical_work(case))

    def plan(self) -> Plan:
        """The plan shown."""
        return self._case.plan

    def notes(self) -> tuple[SelectedNote, ...]:
        """The ticked adjustments in the clinician's wording."""
        return self.adjustments.notes()

    def rtw_start_date(self) -> date | None:
        """The start date shown."""
        return start_of(self._case)

    def next_appointment(self) -> Appointment | None:
        """The appointment, or None when not booked."""
        return self._case.next_appointment

    # -- display -------------------------------------------------------------------------------------------
    def _refresh_summary(self) -> None:
        plan, today, back = self._case.plan, date.today(), self.rtw_start_date()
        starts = {q.name: min(d for d in (self._practice_start(q.name), back or today) if d is not None)
                  for q in plan.quotas}  # as the handout counts quota weeks
        step = this_weeks_small_step(plan.goals, plan.quotas, back or today, today, return_date=back, starts=starts)
        self.goals_panel.show_small_step(step)

    def refresh_charts(self) -> None:
        """Redraw the quota chart if it is on screen."""
        self._refresh_chart()

    def _practice_start(self, activity: str) -> date | None:
        """The first logged day of home practice for an activity."""
        logged = [e.on for e in self._case.practice_log if e.activity == activity]
        return min(logged) if logged else None

    def _refresh_chart(self) -> None:
        row = self.quotas_view.currentIndex().row()
        quotas = self.quotas_model.rows()
        if quotas and self.quota_chart.isVisibleTo(self.tabs) and self.tabs.currentWidget() is self.quotas_tab:
            self.quota_chart.show_quota(quotas[row if 0 <= row < len(quotas) else 0])
