"""The Plan tab's goals: SMART goals with milestones, this week's small step, and the next appointment."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.edits import plan_edits
from rtw_planner.domain.plan.goals import Appointment, Goal
from rtw_planner.gui.kit.tables import rows_table_view
from rtw_planner.gui.models.plan_tables import GoalsTableModel
from rtw_planner.gui.widgets.binder import Binder

if TYPE_CHECKING:
    from rtw_planner.gui.models.base import EditSink

NO_APPOINTMENT = QDateTime(QDate(2000, 1, 1), QDateTime.currentDateTime().time())


class GoalsPanel(QWidget):
    """Edits goals and the next appointment; the plan view shows this week's small step here."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.goals_model = GoalsTableModel(self)
        self.goals_view = rows_table_view(self.goals_model)
        header = self.goals_view.horizontalHeader()
        for column in (1, 6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        add, remove = QPushButton("Add &goal"), QPushButton("Remove goal")
        self.add_goal_button, self.remove_goal_button = add, remove
        add.clicked.connect(self._on_add_goal_clicked)
        remove.clicked.connect(lambda: self.goals_model.remove_row(self.goals_view.currentIndex().row()))
        self.appointment_edit = QDateTimeEdit()
        self.appointment_edit.setCalendarPopup(True)
        self.appointment_edit.setDisplayFormat("d MMM yyyy, HH:mm")
        self.appointment_edit.setMinimumDateTime(NO_APPOINTMENT)
        self.appointment_edit.setSpecialValueText("Not booked")
        self.appointment_edit.setMaximumWidth(200)
        self.appointment_with_edit = QLineEdit()
        self.small_step_label = QLabel()
        self.small_step_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        form = QFormLayout()
        form.addRow("Next &appointment", self.appointment_edit)
        form.addRow("With, where", self.appointment_with_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.goals_view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.small_step_label)
        layout.addLayout(form)
        self.binder = Binder(self)
        self.binders = (self.binder,)
        self.binder.bind({"next appointment": self.appointment_edit, "appointment with": self.appointment_with_edit},
                         lambda c: c.next_appointment, self.next_appointment, self._show_appointment,
                         lambda v, w: plan_edits.set_next_appointment(
                             v, "with" if w is self.appointment_with_edit else "when",
                             self.appointment_with_edit.text()))

    def set_sink(self, sink: EditSink) -> None:
        """Where edits go."""
        self.binder.sink = self.goals_model.sink = sink

    def load(self, case: Case) -> None:
        """Show another case's goals and appointment."""
        self.goals_model.set_rows(case.plan.goals)
        self.binder.reset(case)

    def refresh(self, case: Case) -> None:
        """Show them after an edit."""
        self.goals_model.set_rows(case.plan.goals)
        self.binder.refresh(case)

    def _show_appointment(self, appointment: Appointment | None) -> None:
        self.appointment_edit.setDateTime(NO_APPOINTMENT if appointment is None else QDateTime(appointment.when))
        self.appointment_with_edit.setText(", ".join(p for p in (appointment.with_whom, appointment.place) if p)
                                           if appointment else "")

    def next_appointment(self) -> Appointment | None:
        """The appointment shown, or None when not booked."""
        when = self.appointment_edit.dateTime()
        if when == NO_APPOINTMENT:
            return None
        with_whom, _, place = self.appointment_with_edit.text().partition(",")
        return Appointment(when.toPython(), with_whom.strip(), place.strip())  # type: ignore[arg-type]

    def show_small_step(self, step: str) -> None:
        """This week's small step as the handout prints it."""
        self.small_step_label.setText(f"<b>This week's small step</b> (printed on the handout): {step or '—'}")

    def _on_add_goal_clicked(self) -> None:
        number = self.goals_model.rowCount() + 1
        due = date.today().replace(day=1)
        self.goals_model.append_row(Goal(f"goal-{number}-{datetime.now():%H%M%S}", "New goal", "target to agree",
                                         date(due.year + (due.month == 12), due.month % 12 + 1, 1)))
