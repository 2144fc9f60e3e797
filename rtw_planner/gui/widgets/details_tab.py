"""The Details tab: the person, the job, the clinician, the claim and the consents, each change an edit command."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from rtw_planner.domain.capacity.grip import Sex
from rtw_planner.domain.case.model import Case, Consent, ConsentCategory
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.edits import case_edits
from rtw_planner.domain.edits.lenses import Part
from rtw_planner.gui.forms.ui_case_details import Ui_CaseDetailsForm
from rtw_planner.gui.kit.dates import OptionalDateEdit, read_optional_date, write_optional_date
from rtw_planner.gui.kit.dates_delegate import DateDelegate
from rtw_planner.gui.kit.tables import rows_table_view
from rtw_planner.gui.models.consents_table import ConsentsTableModel
from rtw_planner.gui.widgets.binder import Binder
from rtw_planner.gui.widgets.choice_delegate import ChoiceDelegate

if TYPE_CHECKING:
    from rtw_planner.gui.models.base import EditSink

NEW_CASE_NAME = "New patient"  # the name a new case holds until one is typed; the field shows it blank
CLINICIAN_FIELDS = ("name", "profession", "registration_number", "phone", "email")


def is_unnamed(case: Case) -> bool:
    """True for a new case whose name has not been typed yet."""
    return case.id is None and case.patient_name == NEW_CASE_NAME


class DetailsTab(QWidget):
    """Shows the case's details and sends each change as an edit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.binder = Binder(self)
        self.binders = (self.binder,)
        form_widget = QWidget()
        form_widget.setMaximumWidth(760)
        self.form = f = Ui_CaseDetailsForm()
        f.setupUi(form_widget)
        f.diagnosis_edit.setMaximumHeight(110)
        f.diagnosis_edit.setPlaceholderText("Clinical record only: never printed on employer documents without the "
                                            "patient's recorded consent.")
        for edit in (f.date_of_birth_edit, f.review_date_edit):
            edit.setMaximumWidth(200)
        f.date_of_birth_edit.calendar_start = date(date.today().year - 40, date.today().month, 1)
        f.sex_combo.addItem("Not recorded", None)
        for sex in Sex:
            f.sex_combo.addItem(sex.value.capitalize(), sex.value)
        f.sex_combo.setMaximumWidth(180)
        self.workers_comp_box = QCheckBox("Workers' compensation claim (a scheme may require the diagnosis in "
                                          "documents; switched on per document)")
        self.consents_model = ConsentsTableModel(self)
        self.consents_view = rows_table_view(self.consents_model)
        self.consents_view.setAccessibleName("Consents")
        self.consents_view.setMaximumHeight(130)
        view = self.consents_view
        view.setItemDelegateForColumn(0, ChoiceDelegate(lambda: [(c.label, c.value) for c in ConsentCategory],
                                                        "Consent category", view))
        view.setItemDelegateForColumn(1, ChoiceDelegate(self._contacts, "Consent recipient", view, typed=True))
        for column, field in ((3, "consent date given"), (4, "consent expiry"), (5, "consent withdrawn on")):
            view.setItemDelegateForColumn(column, DateDelegate(field, view))
        self.add_consent_button, self.remove_consent_button = QPushButton("Record &consent"), QPushButton(
            "Remove consent")
        self.add_consent_button.clicked.connect(self._on_add_consent_clicked)
        self.remove_consent_button.clicked.connect(
            lambda: self.consents_model.remove_row(self.consents_view.currentIndex().row()))
        self.consents_message = QLabel()
        self.consents_model.invalid_input.connect(self.consents_message.setText)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_consent_button)
        buttons.addWidget(self.remove_consent_button)
        buttons.addStretch(1)
        consents_label = QLabel("Without a consent to release functional information to a recipient, the employer "
                                "letter is the patient's copy to pass on. An expired or withdrawn consent counts as "
                                "none.")
        consents_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(form_widget)
        layout.addWidget(self.workers_comp_box)
        layout.addWidget(QLabel("<b>Consents to share information</b>"))
        layout.addWidget(self.consents_view)
        layout.addLayout(buttons)
        layout.addWidget(self.consents_message)
        layout.addWidget(consents_label)
        layout.addStretch(1)
        self._bind()

    def _bind(self) -> None:
        f, bind = self.form, self.binder.bind
        self.name_binding = bind(
            {"patient name": f.patient_name_edit}, lambda c: c.patient_name,
            lambda: f.patient_name_edit.text().strip(), self._show_name,
            lambda v, _w: case_edits.set_case_field("patient_name", v))
        for name, line in (("employer", f.employer_edit), ("job_title", f.job_title_edit)):
            self._bind_line(name, line)
        bind(f.diagnosis_edit, lambda c: c.diagnosis, lambda: f.diagnosis_edit.toPlainText().strip(),
             f.diagnosis_edit.setPlainText, lambda v, _w: case_edits.set_case_field("diagnosis", v))
        self._bind_date("date_of_birth", f.date_of_birth_edit)
        self._bind_date("review_date", f.review_date_edit)
        bind(f.sex_combo, lambda c: c.sex, self._sex,
             lambda v: f.sex_combo.setCurrentIndex(max(0, f.sex_combo.findData(v.value if v else None))),
             lambda v, _w: case_edits.set_case_field("sex", v))
        bind(self.workers_comp_box, lambda c: c.workers_comp_claim, self.workers_comp_box.isChecked,
             self.workers_comp_box.setChecked, lambda v, _w: case_edits.set_case_field("workers_comp_claim", v))
        self.clinician_edits: dict[str, QLineEdit] = {
            "name": f.clinician_name_edit, "profession": f.clinician_profession_edit,
            "registration_number": f.clinician_registration_edit, "phone": f.clinician_phone_edit,
            "email": f.clinician_email_edit}
        bind({case_edits.CLINICIAN_LABELS[k]: e for k, e in self.clinician_edits.items()},
             lambda c: c.clinician, self._clinician, self._show_clinician,
             lambda _v, w: case_edits.set_clinician(self._clinician_texts(), self._clinician_field(w)))

    def _bind_line(self, name: str, line: QLineEdit) -> None:
        self.binder.bind({case_edits.FIELD_LABELS[name]: line}, lambda c: getattr(c, name),
                         lambda: line.text().strip(), line.setText,
                         lambda v, _w: case_edits.set_case_field(name, v))

    def _show_name(self, name: str) -> None:
        case = self.binder.case
        self.form.patient_name_edit.setText("" if case is not None and is_unnamed(case) else name)

    def _bind_date(self, name: str, edit: OptionalDateEdit) -> None:
        edit.field = case_edits.FIELD_LABELS[name]
        self.binder.bind({case_edits.FIELD_LABELS[name]: edit}, lambda c: getattr(c, name),
                         lambda: read_optional_date(edit), lambda v: write_optional_date(edit, v),
                         lambda v, _w: case_edits.set_case_field(name, v))

    def _contacts(self) -> list[tuple[str, str]]:
        """Who a consent may name: the employer and the recipients of the case's consents (others are typed)."""
        case = self.binder.case
        names = [case.employer, *(c.recipient for c in case.consents)] if case is not None else []
        return [(name, name) for name in dict.fromkeys(n for n in names if n)]

    def _sex(self) -> Sex | None:
        data = self.form.sex_combo.currentData()
        return Sex(data) if data else None

    def _clinician_texts(self) -> dict[str, str]:
        return {name: edit.text() for name, edit in self.clinician_edits.items()}

    def _clinician_field(self, widget: object) -> str:
        return next(name for name, edit in self.clinician_edits.items() if edit is widget)

    def _clinician(self) -> object:
        return case_edits.set_clinician(self._clinician_texts(), "name").value  # raises ValidationError

    def _show_clinician(self, clinician: object) -> None:
        for name, edit in self.clinician_edits.items():
            edit.setText(getattr(clinician, name) if clinician is not None else "")

    def set_sink(self, sink: EditSink) -> None:
        """Where edits go."""
        self.binder.sink = sink
        self.consents_model.sink = sink

    def load(self, case: Case) -> None:
        """Show another case."""
        self.binder.reset(case)
        self.consents_model.set_rows(case.consents)
        self.consents_message.clear()
        self._hold_missing_name(case)

    def refresh(self, case: Case, parts: frozenset[Part]) -> None:
        """Show the case after an edit, if it changed what this tab shows."""
        if Part.DETAILS in parts:
            self.binder.refresh(case)
            self.consents_model.set_rows(case.consents)
            self._hold_missing_name(case)

    def _hold_missing_name(self, case: Case) -> None:
        if is_unnamed(case):  # a new case: saving is refused until a name is typed, as for a cleared name
            try:
                case_edits.set_case_field("patient_name", "").apply(case)
            except ValidationError as exc:
                self.binder.hold_problem(self.name_binding, exc)

    def _on_add_consent_clicked(self) -> None:
        case = self.binder.case
        recipient = (case.employer if case else "") or "Employer"
        self.consents_model.append_row(Consent(ConsentCategory.FUNCTIONAL, recipient, "Return to work", date.today()))
