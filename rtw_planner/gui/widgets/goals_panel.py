"""The Plan tab's goals: SMART goals with milestones, this week's small step, and the next appointment."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.plan.goals import Goal, GoalStatus, Milestone
from rtw_planner.gui.kit.dates_delegate import DateDelegate
from rtw_planner.gui.kit.tables import rows_table_view
from rtw_planner.gui.models.milestones_table import MilestonesTableModel
from rtw_planner.gui.models.plan_tables import GoalsTableModel
from rtw_planner.gui.widgets.appointment_fields import AppointmentFields
from rtw_planner.gui.widgets.choice_delegate import ChoiceDelegate

if TYPE_CHECKING:
    from rtw_planner.gui.models.base import EditSink


class GoalsPanel(QWidget):
    """Edits goals and the next appointment; the plan view shows this week's small step here."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.goals_model = GoalsTableModel(self)
        self.goals_view = rows_table_view(self.goals_model)
        self.goals_view.setAccessibleName("Goals")
        header = self.goals_view.horizontalHeader()
        for column in (1, 6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        view = self.goals_view
        view.setItemDelegateForColumn(2, DateDelegate("goal due date", view))
        view.setItemDelegateForColumn(3, ChoiceDelegate(lambda: [(s.label, s.value) for s in GoalStatus],
                                                        "Goal status", view))
        view.setItemDelegateForColumn(4, ChoiceDelegate(
            lambda: [("(none)", ""), *((name, name) for name in self.goals_model.quota_names or ())],
            "Goal's graded activity", view))
        add, remove = QPushButton("Add &goal"), QPushButton("Remove goal")
        self.add_goal_button, self.remove_goal_button = add, remove
        add.clicked.connect(self._on_add_goal_clicked)
        remove.clicked.connect(lambda: self.goals_model.remove_row(self.goals_view.currentIndex().row()))
        self.milestones_model = MilestonesTableModel(self)
        self.milestones_view = rows_table_view(self.milestones_model)
        self.milestones_view.setAccessibleName("Milestones of the selected goal")
        self.milestones_view.setMaximumHeight(120)
        self.milestones_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.milestones_view.horizontalHeader().setStretchLastSection(False)
        self.milestones_view.setItemDelegateForColumn(1, DateDelegate("milestone due date", self.milestones_view))
        self.add_milestone_button, self.remove_milestone_button = QPushButton("Add milestone"), QPushButton(
            "Remove milestone")
        self.add_milestone_button.clicked.connect(self._on_add_milestone_clicked)
        self.remove_milestone_button.clicked.connect(
            lambda: self.milestones_model.remove_row(self.milestones_view.currentIndex().row()))
        self.goals_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_milestones())
        self.appointment = AppointmentFields()
        self.appointment_edit, self.appointment_with_edit = (self.appointment.appointment_edit,
                                                             self.appointment.appointment_with_edit)
        self.next_appointment = self.appointment.next_appointment
        self.small_step_label = QLabel()
        self.small_step_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.goals_view, 1)
        layout.addLayout(buttons)
        layout.addWidget(QLabel("Milestones of the selected goal (the small steps on the way):"))
        layout.addWidget(self.milestones_view)
        milestone_buttons = QHBoxLayout()
        milestone_buttons.addWidget(self.add_milestone_button)
        milestone_buttons.addWidget(self.remove_milestone_button)
        milestone_buttons.addStretch(1)
        layout.addLayout(milestone_buttons)
        layout.addWidget(self.small_step_label)
        layout.addWidget(self.appointment)
        self.binder = self.appointment.binder
        self.binders = (self.binder,)

    def set_sink(self, sink: EditSink) -> None:
        """Where edits go."""
        self.binder.sink = self.goals_model.sink = self.milestones_model.sink = sink

    def load(self, case: Case) -> None:
        """Show another case's goals and appointment."""
        self.goals_model.quota_names = tuple(q.name for q in case.plan.quotas)
        self.goals_model.set_rows(case.plan.goals)
        self._show_milestones()
        self.binder.reset(case)

    def refresh(self, case: Case) -> None:
        """Show them after an edit."""
        self.goals_model.quota_names = tuple(q.name for q in case.plan.quotas)
        self.goals_model.set_rows(case.plan.goals)
        self._show_milestones()
        self.binder.refresh(case)

    def show_small_step(self, step: str) -> None:
        """This week's small step as the handout prints it."""
        self.small_step_label.setText(f"<b>This week's small step</b> (printed on the handout): {step or '—'}")

    def _on_add_goal_clicked(self) -> None:
        number = self.goals_model.rowCount() + 1
        due = date.today().replace(day=1)
        self.goals_model.append_row(Goal(f"goal-{number}-{datetime.now():%H%M%S}", "New goal", "target to agree",
                                         date(due.year + (due.month == 12), due.month % 12 + 1, 1)))

    def _show_milestones(self) -> None:
        row = self.goals_view.currentIndex().row()
        goals = self.goals_model.rows()
        self.milestones_model.show_goal(row, goals[row] if 0 <= row < len(goals) else None)
        self.add_milestone_button.setEnabled(self.milestones_model.goal is not None)

    def _on_add_milestone_clicked(self) -> None:
        goal = self.milestones_model.goal
        if goal is not None:
            due = min(goal.due, max(date.today(), goal.due - timedelta(days=28)))
            self.milestones_model.append_row(Milestone("New step", due))

