"""The Plan tab's fitness for work and the record of the licensing and medication talk for safety-critical work."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.edits import plan_edits
from rtw_planner.domain.match.safety import SafetyCritical
from rtw_planner.domain.plan.fitness import FitnessOutcome, FitnessStatement
from rtw_planner.domain.plan.model import SafetyReview
from rtw_planner.gui.kit.dates import OptionalDateEdit, read_optional_date, write_optional_date
from rtw_planner.gui.kit.styles import WARNING_STYLE
from rtw_planner.gui.widgets.binder import Binder

if TYPE_CHECKING:
    from rtw_planner.gui.models.base import EditSink

NOT_CHOSEN = ""  # the combo item for no outcome: the letter prints no fitness statement and cannot be issued
# What the period means for each outcome, in the words of the fit note.
PERIOD_HINTS = {
    NOT_CHOSEN: "Choose an outcome: a letter cannot be issued without one, and a draft prints no fitness statement.",
    FitnessOutcome.NOT_FIT.value: "From: the issue date when not set. To: required, the last day the advice covers. "
                                  "A review date (Details tab) is required too.",
    FitnessOutcome.MAY_BE_FIT.value: "From and to: the phased return's first and last day when not set.",
    FitnessOutcome.FIT.value: "From: the issue date when not set. Fit for usual work has no end date.",
}


def _date_edit() -> OptionalDateEdit:
    edit = OptionalDateEdit()
    edit.setMaximumWidth(180)
    return edit


class FitnessEditor(QWidget):
    """Edits Plan.fitness and Plan.safety_review; `fitness()` and `safety_review()` read the fields as typed and
    raise ValidationError."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outcome_combo = QComboBox()
        self.outcome_combo.addItem("Not chosen yet", NOT_CHOSEN)
        for outcome in FitnessOutcome:
            self.outcome_combo.addItem(outcome.label, outcome.value)
        self.from_edit, self.to_edit = _date_edit(), _date_edit()
        self.period_label = QLabel()
        self.period_label.setWordWrap(True)
        fitness_form = QFormLayout()
        self._add_row(fitness_form, "&Outcome", self.outcome_combo)
        self._add_row(fitness_form, "Fro&m", self.from_edit)
        self._add_row(fitness_form, "&To", self.to_edit)
        fitness_form.addRow("", self.period_label)
        fitness_box = QGroupBox("Fitness for work (as on the fit note)")
        fitness_box.setLayout(fitness_form)

        self.safety_prompt = QLabel()
        self.safety_prompt.setWordWrap(True)
        self.reviewed_edit = _date_edit()
        self.note_edit = QPlainTextEdit()
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMaximumHeight(90)
        self.note_edit.setPlaceholderText("e.g. Drives a forklift; takes no sedating medication; agreed to report "
                                          "any new medication before a shift. Licensing rules explained.")
        safety_form = QFormLayout()
        safety_form.addRow(self.safety_prompt)
        self._add_row(safety_form, "Discussed o&n", self.reviewed_edit)
        self._add_row(safety_form, "&What was agreed", self.note_edit)
        self.safety_box = QGroupBox("Safety-critical work: licensing and medication")
        self.safety_box.setLayout(safety_form)

        layout = QVBoxLayout(self)
        layout.addWidget(fitness_box)
        layout.addWidget(self.safety_box)
        layout.addStretch(1)
        self.outcome_combo.currentIndexChanged.connect(lambda _i: self._show_state())  # before the binder reads
        self.reviewed_edit.dateChanged.connect(lambda _d: self._show_state())
        self._work: tuple[SafetyCritical, ...] = ()
        self.binder = Binder(self)
        self.binders = (self.binder,)
        fields = {"fitness outcome": self.outcome_combo, "fitness from": self.from_edit, "fitness to": self.to_edit}
        self.binder.bind(fields, lambda c: c.plan.fitness, self.fitness, self._show_fitness,
                         lambda v, w: plan_edits.set_fitness(
                             v, next(k for k, e in fields.items() if e is w).removeprefix("fitness ")))
        review = {"safety review date": self.reviewed_edit, "safety review note": self.note_edit}
        self.binder.bind(review, lambda c: c.plan.safety_review, self.safety_review, self._show_review,
                         lambda v, w: plan_edits.set_safety_review(
                             v, "note" if w is self.note_edit else "date", self.note_edit.toPlainText()))
        self._show_state()

    @staticmethod
    def _add_row(form: QFormLayout, text: str, field: QWidget) -> None:
        label = QLabel(text)
        label.setBuddy(field)
        form.addRow(label, field)

    # -- values --------------------------------------------------------------------------------------------
    def set_sink(self, sink: EditSink) -> None:
        """Where edits go."""
        self.binder.sink = sink

    def load(self, case: Case) -> None:
        """Show another case's fitness statement and safety review."""
        self.binder.reset(case)
        self._show_state()

    def refresh(self, case: Case) -> None:
        """Show them after an edit."""
        self.binder.refresh(case)
        self._show_state()

    def _show_fitness(self, fitness: FitnessStatement | None) -> None:
        self.outcome_combo.setCurrentIndex(self.outcome_combo.findData(fitness.outcome.value if fitness
                                                                       else NOT_CHOSEN))
        write_optional_date(self.from_edit, fitness.from_date if fitness else None)
        write_optional_date(self.to_edit, fitness.to_date if fitness else None)

    def _show_review(self, review: SafetyReview | None) -> None:
        write_optional_date(self.reviewed_edit, review.reviewed_on if review else None)
        self.note_edit.setPlainText(review.note if review else "")

    def show_work(self, work: tuple[SafetyCritical, ...]) -> None:
        """Say which safety-critical work the job involves (from safety_critical_work), or that none was found."""
        self._work = work
        self._show_state()

    def fitness(self) -> FitnessStatement | None:
        """The outcome and period as edited, or None when no outcome is chosen. Raises ValidationError."""
        outcome = self.outcome_combo.currentData()
        if outcome == NOT_CHOSEN:
            return None
        fit = outcome == FitnessOutcome.FIT.value  # fit for usual work has no end date, whatever the field shows
        return FitnessStatement(FitnessOutcome(outcome), read_optional_date(self.from_edit),
                                None if fit else read_optional_date(self.to_edit))

    def safety_review(self) -> SafetyReview | None:
        """The record of the talk, or None when no date is set. Raises ValidationError."""
        reviewed: date | None = read_optional_date(self.reviewed_edit)
        note = self.note_edit.toPlainText().strip()
        if reviewed is None:
            if note.strip():
                raise ValidationError("safety review date", None, "the day licensing and medication were discussed, "
                                                                  "to go with what was agreed")
            return None
        return SafetyReview(reviewed, note)

    # -- display -------------------------------------------------------------------------------------------
    def _show_state(self) -> None:
        outcome = self.outcome_combo.currentData()
        if outcome == FitnessOutcome.FIT.value:  # fit for usual work has no end date; the outcome is the edit
            self.to_edit.blockSignals(True)
            write_optional_date(self.to_edit, None)
            self.to_edit.blockSignals(False)
        self.period_label.setText(PERIOD_HINTS[outcome])
        chosen = outcome != NOT_CHOSEN
        self.from_edit.setEnabled(chosen)
        self.to_edit.setEnabled(chosen and outcome != FitnessOutcome.FIT.value)
        recorded = self.reviewed_edit.text().strip() != ""  # a date, or something typed that will be checked
        if not self._work:
            self.safety_prompt.setText("No driving, machinery or work at height was found in the job title, tasks "
                                       "or working conditions. Record a talk here if the job involves them anyway.")
            self.safety_prompt.setStyleSheet("")
            return
        work = ", ".join(k.label for k in self._work)
        if recorded:
            self.safety_prompt.setText(f"The job involves {work}. The talk about licensing and medication is "
                                       "recorded below.")
            self.safety_prompt.setStyleSheet("")
        else:
            self.safety_prompt.setText(f"⚠ The job involves {work}. Before anything goes to the employer, discuss "
                                       "with the patient whether pain, fatigue or medication (opioids, gabapentinoids, "
                                       "sedating drugs) affect fitness to drive or operate, and the licensing rules "
                                       "that apply; then record the date and what was agreed.")
            self.safety_prompt.setStyleSheet(WARNING_STYLE)
