"""One case, in tabs: Details, Job demands, Capacity and Match, with Save and Revert."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rtw_planner.db.repository import CaseRepository
from rtw_planner.domain.capacity.grip import Sex
from rtw_planner.domain.case.model import Case, Clinician, Consent, ConsentCategory
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.units import ForceUnit, MassUnit
from rtw_planner.gui.forms.ui_case_details import Ui_CaseDetailsForm
from rtw_planner.gui.kit.dates import read_optional_date, write_optional_date
from rtw_planner.gui.kit.styles import ERROR_STYLE
from rtw_planner.gui.models.consents_table import ConsentsTableModel
from rtw_planner.gui.widgets.capacity_view import CapacityView
from rtw_planner.gui.widgets.demands_view import DemandsView
from rtw_planner.gui.widgets.match_view import MatchView
from rtw_planner.gui.widgets.plan_view import PlanView
from rtw_planner.gui.widgets.progress_view import ProgressView

if TYPE_CHECKING:
    from rtw_planner.gui.prompts import Prompts

INVALID_STYLE = "border: 2px solid #a31515;"
TABS = ("Details", "Job demands", "Capacity", "Match", "Plan", "Progress")


class CaseView(QWidget):
    """Edits a case held as a domain value; nothing reaches the database until Save."""

    dirty_changed = Signal(bool)
    saved = Signal(int)

    def __init__(self, repository: CaseRepository, prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._repository = repository
        self._saved: Case | None = None
        self._dirty = False
        self._loading = False
        self.tabs = QTabWidget()
        self.details = self._details_tab()
        self.demands_view = DemandsView(prompts)
        self.capacity_view = CapacityView(self._norm_context)
        self.match_view = MatchView()
        self.plan_view = PlanView(prompts, self.current_case)
        self.progress_view = ProgressView()
        for widget, title in zip((self.details, self.demands_view, self.capacity_view, self.match_view,
                                  self.plan_view, self.progress_view), TABS, strict=True):
            self.tabs.addTab(widget, title)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox()
        self.save_button: QPushButton = self.buttons.addButton(QDialogButtonBox.StandardButton.Save)
        self.revert_button: QPushButton = self.buttons.addButton("&Revert", QDialogButtonBox.ButtonRole.ResetRole)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message_label, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addLayout(bottom)
        self._field_widgets = {
            "patient name": self.form.patient_name_edit, "date of birth": self.form.date_of_birth_edit,
            "employer": self.form.employer_edit, "job title": self.form.job_title_edit,
            "clinician name": self.form.clinician_name_edit,
            "clinician profession": self.form.clinician_profession_edit,
            "clinician registration number": self.form.clinician_registration_edit,
            "clinician phone": self.form.clinician_phone_edit, "clinician email": self.form.clinician_email_edit,
            "review date": self.form.review_date_edit, "diagnosis": self.form.diagnosis_edit,
        }
        for line_edit in (self.form.patient_name_edit, self.form.employer_edit, self.form.job_title_edit,
                          self.form.clinician_name_edit, self.form.clinician_profession_edit,
                          self.form.clinician_registration_edit, self.form.clinician_phone_edit,
                          self.form.clinician_email_edit):
            line_edit.textEdited.connect(self._on_edited)
        self.form.diagnosis_edit.textChanged.connect(self._on_edited)
        for date_edit in (self.form.date_of_birth_edit, self.form.review_date_edit):
            date_edit.dateChanged.connect(self._on_edited)
        self.form.date_of_birth_edit.dateChanged.connect(lambda _d: self.capacity_view.refresh_norms())
        self.form.sex_combo.currentIndexChanged.connect(self._on_edited)
        self.form.sex_combo.currentIndexChanged.connect(lambda _i: self.capacity_view.refresh_norms())
        self.demands_view.changed.connect(self._on_edited)
        self.capacity_view.changed.connect(self._on_edited)
        self.plan_view.changed.connect(self._on_edited)
        self.progress_view.changed.connect(self._on_edited)
        self._update_buttons()

    def _details_tab(self) -> QWidget:
        tab = QWidget()
        form_widget = QWidget()
        form_widget.setMaximumWidth(760)
        self.form = Ui_CaseDetailsForm()
        self.form.setupUi(form_widget)
        self.form.diagnosis_edit.setMaximumHeight(110)
        self.form.diagnosis_edit.setPlaceholderText("Clinical record only: never printed on employer documents "
                                                    "without the patient's recorded consent.")
        for edit in (self.form.date_of_birth_edit, self.form.review_date_edit):
            edit.setMaximumWidth(180)
        self.form.sex_combo.addItem("Not recorded", None)
        for sex in Sex:
            self.form.sex_combo.addItem(sex.value.capitalize(), sex.value)
        self.form.sex_combo.setMaximumWidth(180)
        self.workers_comp_box = QCheckBox("Workers' compensation claim (a scheme may require the diagnosis in "
                                          "documents; switched on per document)")
        self.workers_comp_box.toggled.connect(self._on_edited)
        self.consents_model = ConsentsTableModel(self)
        self.consents_model.rows_changed.connect(self._on_edited)
        self.consents_model.invalid_input.connect(self.message_label_text)
        self.consents_view = QTableView()
        self.consents_view.setModel(self.consents_model)
        self.consents_view.verticalHeader().hide()
        self.consents_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.consents_view.horizontalHeader().setStretchLastSection(True)
        self.consents_view.setMaximumHeight(130)
        add, remove = QPushButton("Record &consent"), QPushButton("Remove consent")
        add.clicked.connect(lambda: self.consents_model.append_row(
            Consent(ConsentCategory.FUNCTIONAL, self.form.employer_edit.text().strip() or "Employer",
                    "Return to work", date.today())))
        remove.clicked.connect(lambda: self.consents_model.remove_row(self.consents_view.currentIndex().row()))
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        self.consents_label = QLabel("Without a consent to release functional information to a recipient, the "
                                     "employer letter is the patient's copy to pass on. An expired or withdrawn "
                                     "consent counts as none.")
        self.consents_label.setWordWrap(True)
        layout = QVBoxLayout(tab)
        layout.addWidget(form_widget)
        layout.addWidget(self.workers_comp_box)
        layout.addWidget(QLabel("<b>Consents to share information</b>"))
        layout.addWidget(self.consents_view)
        layout.addLayout(buttons)
        layout.addWidget(self.consents_label)
        layout.addStretch(1)
        return tab

    def message_label_text(self, text: str) -> None:
        """Show a message under the tabs."""
        self.message_label.setText(text)

    def _norm_context(self) -> tuple[int | None, Sex | None]:
        born = read_optional_date(self.form.date_of_birth_edit)
        age = None
        if born is not None:
            today = date.today()
            age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
        sex = self.form.sex_combo.currentData()
        return age, Sex(sex) if sex else None

    # -- state ---------------------------------------------------------------------------------------------
    @property
    def case_id(self) -> int | None:
        """Id of the saved case shown, or None for a new case."""
        return self._saved.id if self._saved else None

    def is_dirty(self) -> bool:
        """True when there are edits not yet saved."""
        return self._dirty

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(self._dirty)
        self.revert_button.setEnabled(self._dirty)

    def set_units(self, mass_unit: MassUnit, force_unit: ForceUnit) -> None:
        """Display units for masses and forces."""
        self.demands_view.set_units(mass_unit, force_unit)
        self.capacity_view.set_units(mass_unit, force_unit)
        self.match_view.set_units(mass_unit, force_unit)

    # -- loading -------------------------------------------------------------------------------------------
    def load(self, case: Case | None) -> None:
        """Show a saved case (or an empty new one for None), discarding any edits."""
        self._loading = True
        try:
            self._saved = case
            shown = case or Case(patient_name="New patient")
            f = self.form
            f.patient_name_edit.setText("" if case is None else shown.patient_name)
            write_optional_date(f.date_of_birth_edit, shown.date_of_birth)
            f.sex_combo.setCurrentIndex(max(0, f.sex_combo.findData(shown.sex.value if shown.sex else None)))
            f.employer_edit.setText(shown.employer)
            f.job_title_edit.setText(shown.job_title)
            clinician = shown.clinician
            f.clinician_name_edit.setText(clinician.name if clinician else "")
            f.clinician_profession_edit.setText(clinician.profession if clinician else "")
            f.clinician_registration_edit.setText(clinician.registration_number if clinician else "")
            f.clinician_phone_edit.setText(clinician.phone if clinician else "")
            f.clinician_email_edit.setText(clinician.email if clinician else "")
            write_optional_date(f.review_date_edit, shown.review_date)
            f.diagnosis_edit.setPlainText(shown.diagnosis)
            self.demands_view.set_demands(shown.demands)
            self.capacity_view.set_evaluations(shown.evaluations)
            self.plan_view.set_case(shown)
            self.progress_view.set_case(shown)
            self.consents_model.set_rows(shown.consents)
            self.workers_comp_box.setChecked(shown.workers_comp_claim)
        finally:
            self._loading = False
        self._show_problem(None)
        self._refresh_match()
        self._set_dirty(case is None)
        if case is None:
            self.tabs.setCurrentIndex(0)
            f.patient_name_edit.setFocus()

    def current_case(self) -> Case:
        """The case as edited. Raises ValidationError naming the field at fault."""
        f = self.form
        clinician_fields = (f.clinician_name_edit.text(), f.clinician_profession_edit.text(),
                            f.clinician_registration_edit.text(), f.clinician_phone_edit.text(),
                            f.clinician_email_edit.text())
        clinician = Clinician(*clinician_fields) if any(v.strip() for v in clinician_fields) else None
        sex = f.sex_combo.currentData()
        return Case(
            id=self.case_id,
            patient_name=f.patient_name_edit.text(),
            date_of_birth=read_optional_date(f.date_of_birth_edit),
            sex=Sex(sex) if sex else None,
            employer=f.employer_edit.text(),
            job_title=f.job_title_edit.text(),
            clinician=clinician,
            diagnosis=f.diagnosis_edit.toPlainText(),
            review_date=read_optional_date(f.review_date_edit),
            consents=self.consents_model.rows(),
            workers_comp_claim=self.workers_comp_box.isChecked(),
            demands=self.demands_view.demands(),
            evaluations=self.capacity_view.evaluations(),
            rtw_start_date=self.plan_view.rtw_start_date(),
            next_appointment=self.plan_view.next_appointment(),
            plan=self.plan_view.plan(),
            outcomes=self.progress_view.outcomes(),
            practice_log=self.progress_view.practice_log(),
        )

    # -- editing -------------------------------------------------------------------------------------------
    def _on_edited(self, *_args: object) -> None:
        if self._loading:
            return
        self._set_dirty(True)
        try:
            self.current_case()
        except ValidationError as exc:
            self._show_problem(exc)
        else:
            self._show_problem(None)
        self._refresh_match()

    def _show_problem(self, problem: ValidationError | None) -> None:
        for widget in self._field_widgets.values():
            widget.setStyleSheet("")
        self.message_label.setText(str(problem) if problem else "")
        if problem is not None and problem.field in self._field_widgets:
            self._field_widgets[problem.field].setStyleSheet(INVALID_STYLE)

    def _refresh_match(self) -> None:
        try:
            case = self.current_case()
        except ValidationError:
            return  # the match keeps showing the last valid state until the input is fixed
        self.match_view.show_case(case)
        self.plan_view.show_safety_work(case)  # the job title and tasks decide whether the work is safety-critical

    def save(self) -> bool:
        """Validate and save in one transaction. On invalid input, show why and save nothing."""
        try:
            case = self.current_case()
        except ValidationError as exc:
            self._show_problem(exc)
            return False
        saved = self._repository.save(case)
        self._saved = saved
        self._show_problem(None)
        self._set_dirty(False)
        self.saved.emit(saved.id)
        return True

    def revert(self) -> None:
        """Throw away edits and show the saved case again."""
        self.load(self._saved)
        if self._saved is None:
            self._set_dirty(False)
