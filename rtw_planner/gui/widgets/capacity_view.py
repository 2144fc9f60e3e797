"""The Capacity tab: the history of dated evaluations, the chosen one's details, measurements and grip."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from rtw_planner.domain.capacity.evaluation import Effort, Evaluation, estimation_rules, latest
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.units import ForceUnit, MassUnit
from rtw_planner.gui.kit.styles import ERROR_STYLE
from rtw_planner.gui.widgets.grip_panel import GripPanel, NormContext
from rtw_planner.gui.widgets.profile_editor import ProfileEditor


class CapacityView(QWidget):
    """Edits the case's evaluations; the latest governs the match and the history is kept."""

    changed = Signal()

    def __init__(self, context: NormContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._evaluations: list[Evaluation] = []
        self._current = -1
        self._loading = False
        self.chooser = QComboBox()
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(24)
        self.new_button = QPushButton("&New evaluation")
        self.delete_button = QPushButton("Delete evaluation")
        self.assessed_on_edit = QDateEdit()
        self.assessed_on_edit.setCalendarPopup(True)
        self.assessed_on_edit.setDisplayFormat("d MMM yyyy")
        self.assessed_on_edit.setMaximumWidth(160)
        self.evaluator_edit = QLineEdit()
        self.protocol_edit = QLineEdit()
        self.protocol_edit.setPlaceholderText("e.g. WorkWell FCE, EPIC Lift Capacity, PILE")
        self.effort_combo = QComboBox()
        for effort in Effort:
            self.effort_combo.addItem(effort.label, effort.value)
        self.effort_notes_edit = QPlainTextEdit()
        self.effort_notes_edit.setMaximumHeight(54)
        self.rule_combo = QComboBox()
        self.rule_combo.addItem("None: untested frequencies stay 'Not tested'", None)
        for rule in estimation_rules().values():
            self.rule_combo.addItem(rule.name, rule.id)
        self.effort_warning = QLabel()
        self.effort_warning.setWordWrap(True)
        self.effort_warning.setStyleSheet("color: #8a4b00; font-weight: bold;")
        self.profile_editor = ProfileEditor("What the person managed safely. Leave a cell blank when it was not "
                                            "tested.")
        self.grip_panel = GripPanel(context)
        self.message_label = QLabel()
        self.message_label.setStyleSheet(ERROR_STYLE)
        top = QHBoxLayout()
        top.addWidget(QLabel("Evaluation:"))
        top.addWidget(self.chooser, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.delete_button)
        form = QFormLayout()
        form.addRow("&Assessed on", self.assessed_on_edit)
        form.addRow("E&valuator", self.evaluator_edit)
        form.addRow("&Protocol", self.protocol_edit)
        form.addRow("&Effort and consistency", self.effort_combo)
        form.addRow("Effort &notes", self.effort_notes_edit)
        form.addRow("Estimate &untested frequencies", self.rule_combo)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(form)
        body_layout.addWidget(self.effort_warning)
        body_layout.addWidget(self.profile_editor)
        body_layout.addWidget(self.grip_panel)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(scroll)
        layout.addWidget(self.message_label)
        self.chooser.currentIndexChanged.connect(self._on_chooser_current_index_changed)
        self.new_button.clicked.connect(self._on_new_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        for edit in (self.evaluator_edit, self.protocol_edit):
            edit.textEdited.connect(self._on_edited)
        self.effort_notes_edit.textChanged.connect(self._on_edited)
        self.assessed_on_edit.dateChanged.connect(self._on_edited)
        self.effort_combo.currentIndexChanged.connect(self._on_edited)
        self.rule_combo.currentIndexChanged.connect(self._on_edited)
        self.profile_editor.changed.connect(self._on_edited)
        self.grip_panel.changed.connect(self._on_edited)
        self._show_form(None)

    # -- values --------------------------------------------------------------------------------------------
    def set_evaluations(self, evaluations: tuple[Evaluation, ...]) -> None:
        """Show a case's evaluations, the governing one selected."""
        self._evaluations = list(evaluations)
        governing = latest(evaluations)
        self._current = self._evaluations.index(governing) if governing else -1
        self._rebuild_chooser()
        self._show_form(governing)

    def evaluations(self) -> tuple[Evaluation, ...]:
        """All evaluations with the shown one as edited. Raises ValidationError."""
        if self._current >= 0:
            self._evaluations[self._current] = self._form_evaluation()
        return tuple(self._evaluations)

    def current(self) -> Evaluation | None:
        """The governing evaluation as edited (None when there is none). Raises ValidationError."""
        return latest(self.evaluations())

    def set_units(self, mass_unit: MassUnit, force_unit: ForceUnit) -> None:
        """Display units."""
        self.profile_editor.set_units(mass_unit, force_unit)

    def refresh_norms(self) -> None:
        """The patient's age or sex changed."""
        self.grip_panel.refresh()

    # -- form ----------------------------------------------------------------------------------------------
    def _form_evaluation(self) -> Evaluation:
        shown = self._evaluations[self._current]
        day = self.assessed_on_edit.date()
        return replace(
            shown, assessed_on=date(day.year(), day.month(), day.day()), evaluator=self.evaluator_edit.text(),
            protocol=self.protocol_edit.text(), effort=Effort(self.effort_combo.currentData()),
            effort_notes=self.effort_notes_edit.toPlainText(), profile=self.profile_editor.profile(),
            grip=self.grip_panel.grip(), estimation_rule=self.rule_combo.currentData(),
        )

    def _show_form(self, evaluation: Evaluation | None) -> None:
        self._loading = True
        try:
            has = evaluation is not None
            for widget in (self.assessed_on_edit, self.evaluator_edit, self.protocol_edit, self.effort_combo,
                           self.effort_notes_edit, self.rule_combo, self.profile_editor, self.grip_panel,
                           self.delete_button):
                widget.setEnabled(has)
            shown = evaluation or Evaluation(date.today())
            day = shown.assessed_on
            self.assessed_on_edit.setDate(QDate(day.year, day.month, day.day))
            self.evaluator_edit.setText(shown.evaluator)
            self.protocol_edit.setText(shown.protocol)
            self.effort_combo.setCurrentIndex(self.effort_combo.findData(shown.effort.value))
            self.effort_notes_edit.setPlainText(shown.effort_notes)
            self.rule_combo.setCurrentIndex(max(0, self.rule_combo.findData(shown.estimation_rule)))
            self.profile_editor.set_profile(shown.profile)
            self.grip_panel.set_grip(shown.grip)
            self._show_effort_warning()
        finally:
            self._loading = False
        self.message_label.setText("" if has else "No evaluation yet: press New evaluation to record one.")

    def _show_effort_warning(self) -> None:
        inconsistent = self.effort_combo.currentData() == Effort.INCONSISTENT.value
        self.effort_warning.setVisible(inconsistent)
        self.effort_warning.setText("Inconsistent effort: these results show the minimum the person "
                                    "demonstrated, not their maximum.")

    def _rebuild_chooser(self) -> None:
        self.chooser.blockSignals(True)
        self.chooser.clear()
        governing = latest(tuple(self._evaluations))
        for evaluation in self._evaluations:
            suffix = " (current)" if evaluation is governing else " (history)"
            self.chooser.addItem(evaluation.label + suffix)
        self.chooser.setCurrentIndex(self._current)
        self.chooser.blockSignals(False)

    # -- slots ---------------------------------------------------------------------------------------------
    def _on_edited(self, *_args: object) -> None:
        if self._loading or self._current < 0:
            return
        self._show_effort_warning()
        try:
            self._evaluations[self._current] = self._form_evaluation()
        except ValidationError as exc:
            self.message_label.setText(str(exc))
        else:
            self.message_label.clear()
            self._rebuild_chooser()
        self.changed.emit()

    def _on_chooser_current_index_changed(self, index: int) -> None:
        if index == self._current:
            return
        try:
            self.evaluations()
        except ValidationError as exc:
            self.message_label.setText(f"Fix this evaluation first: {exc}")
            self._rebuild_chooser()
            return
        self._current = index
        self._show_form(self._evaluations[index])

    def _on_new_clicked(self) -> None:
        try:
            self.evaluations()
        except ValidationError as exc:
            self.message_label.setText(f"Fix this evaluation first: {exc}")
            return
        previous = self._evaluations[self._current] if self._current >= 0 else None
        fresh = Evaluation(date.today(), evaluator=previous.evaluator if previous else "",
                           protocol=previous.protocol if previous else "")
        self._evaluations.append(fresh)
        self._current = len(self._evaluations) - 1
        self._rebuild_chooser()
        self._show_form(fresh)
        self.changed.emit()

    def _on_delete_clicked(self) -> None:
        if self._current < 0:
            return
        del self._evaluations[self._current]
        governing = latest(tuple(self._evaluations))
        self._current = self._evaluations.index(governing) if governing else -1
        self._rebuild_chooser()
        self._show_form(governing)
        self.changed.emit()
