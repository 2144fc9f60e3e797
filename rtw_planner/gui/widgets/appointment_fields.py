"""The next appointment (when, with whom and where) as two bound fields: on the Plan tab's goals, and on its own for
reception, who book appointments but do not see the plan."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime
from PySide6.QtWidgets import QDateTimeEdit, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.edits import plan_edits
from rtw_planner.domain.edits.lenses import Part
from rtw_planner.domain.plan.goals import Appointment
from rtw_planner.gui.widgets.binder import Binder

if TYPE_CHECKING:
    from rtw_planner.gui.models.base import EditSink

NO_APPOINTMENT = QDateTime(QDate(2000, 1, 1), QDateTime.currentDateTime().time())


class AppointmentFields(QWidget):
    """Edits the next appointment; each change is an edit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.appointment_edit = QDateTimeEdit()
        self.appointment_edit.setCalendarPopup(True)
        self.appointment_edit.setDisplayFormat("d MMM yyyy, HH:mm")
        self.appointment_edit.setMinimumDateTime(NO_APPOINTMENT)
        self.appointment_edit.setSpecialValueText("Not booked")
        self.appointment_edit.setMaximumWidth(200)
        self.appointment_with_edit = QLineEdit()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Next &appointment", self.appointment_edit)
        form.addRow("With, where", self.appointment_with_edit)
        self.binder = Binder(self)
        self.binders = (self.binder,)
        self.binder.bind({"next appointment": self.appointment_edit, "appointment with": self.appointment_with_edit},
                         lambda c: c.next_appointment, self.next_appointment, self._show_appointment,
                         lambda v, w: plan_edits.set_next_appointment(
                             v, "with" if w is self.appointment_with_edit else "when",
                             self.appointment_with_edit.text()))

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


class AppointmentsTab(QWidget):
    """Reception's tab: the next appointment alone (the review date is on Details)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = AppointmentFields()
        self.binders = self.fields.binders
        note = QLabel("Book or move the next appointment here. The plan, evaluations and scores are for the "
                      "clinical team.")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addWidget(note)
        layout.addStretch(1)

    def set_sink(self, sink: EditSink) -> None:
        """Where edits go."""
        self.fields.binder.sink = sink

    def load(self, case: Case) -> None:
        """Show another case's appointment."""
        self.fields.binder.reset(case)

    def refresh(self, case: Case, parts: frozenset[Part]) -> None:
        """Show it after an edit of the plan's part."""
        if Part.PLAN in parts:
            self.fields.binder.refresh(case)
