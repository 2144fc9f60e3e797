"""The Plan tab's goals: SMART goals with milestones, this week's small step, and the next appointment."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, Signal
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

from rtw_planner.domain.plan.goals import Appointment, Goal
from rtw_planner.gui.kit.tables import rows_table_view
from rtw_planner.gui.models.plan_tables import GoalsTableModel

NO_APPOINTMENT = QDateTime(QDate(2000, 1, 1), QDateTime.currentDateTime().time())


class GoalsPanel(QWidget):
    """Edits goals and the next appointment; the plan view shows this week's small step here."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.goals_model = GoalsTableModel(self)
        self.goals_view = rows_table_view(self.goals_model)
        header = self.goals_view.horizontalHeader()
        for column in (1, 6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        add, remove = QPushButton("Add &goal"), QPushButton("Remove goal")
        add.clicked.connect(self._on_add_goal_clicked)
        remove.clicked.connect(lambda: self.goals_model.remove_row(self.goals_view.currentIndex().row()))
        self.appointment_edit = QDateTimeEdit()
        self.appointment_edit.setCalendarPopup(True)
        self.appointment_edit.setDisplayFormat("d MMM yyyy, HH:mm")
        self.appointment_edit.setMinimumDateTime(NO_APPOINTMENT)
        self.appointment_edit.setSpecialValueText("Not booked")
        self.appointment_edit.setMaximumWidth(200)
        self.appointment_edit.dateTimeChanged.connect(self._on_edited)
        self.appointment_with_edit = QLineEdit()
        self.appointment_with_edit.textEdited.connect(self._on_edited)
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

    def set_values(self, goals: tuple[Goal, ...], appointment: Appointment | None) -> None:
        """Show goals and the appointment (not counted as an edit)."""
        self._loading = True
        try:
            self.goals_model.set_rows(goals)
            self.appointment_edit.setDateTime(NO_APPOINTMENT if appointment is None else QDateTime(appointment.when))
            self.appointment_with_edit.setText(", ".join(p for p in (appointment.with_whom, appointment.place) if p)
                                               if appointment else "")
        finally:
            self._loading = False

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

    def _on_edited(self, *_args: object) -> None:
        if not self._loading:
            self.changed.emit()

    def _on_add_goal_clicked(self) -> None:
        number = self.goals_model.rowCount() + 1
        due = date.today().replace(day=1)
        self.goals_model.append_row(Goal(f"goal-{number}-{datetime.now():%H%M%S}", "New goal", "target to agree",
                                         date(due.year + (due.month == 12), due.month % 12 + 1, 1)))
