"""The Capacity tab: the history of dated evaluations, the chosen one's details, measurements and grip."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
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
from rtw_planner.domain.capacity.grip import Sex
from rtw_planner.domain.case.model import Case
from rtw_planner.domain.checks.plausibility import Plausibility, Table
from rtw_planner.domain.demands.units import ForceUnit, MassUnit
from rtw_planner.domain.edits import capacity_edits
from rtw_planner.domain.edits.commands import Edit
from rtw_planner.domain.edits.lenses import Attr, Part, evaluation
from rtw_planner.gui.kit.styles import ERROR_STYLE
from rtw_planner.gui.widgets.binder import Binder
from rtw_planner.gui.widgets.cell_marks import mark_strength
from rtw_planner.gui.widgets.grip_panel import GripPanel
from rtw_planner.gui.widgets.profile_editor import ProfileEditor
from rtw_planner.gui.widgets.tolerances_panel import TolerancesPanel

if TYPE_CHECKING:
    from rtw_planner.gui.models.base import EditSink


class CapacityView(QWidget):
    """Edits the case's evaluations; the latest governs the match and the history is kept."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._case = Case("unshown")
        self._current = -1
        self._warnings: tuple[Plausibility, ...] = ()  # the last shown, marked again on the evaluation shown
        self._sink: EditSink | None = None
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
        self.effort_notes_edit.setTabChangesFocus(True)  # Tab moves on; the notes are a few words
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
        self.grip_panel = GripPanel(self._norm_context)
        self.message_label = QLabel()
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.tolerances_panel = TolerancesPanel()
        for model in self.tolerances_panel.models.values():
            model.invalid_input.connect(self.message_label.setText)
        top = QHBoxLayout()
        top.addWidget(QLabel("Evaluation:"))
        top.addWidget(self.chooser, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.delete_button)
        form = QFormLayout()
        form.addRow("&Assessed on", self.assessed_on_edit)
        form.addRow("Evalua&tor", self.evaluator_edit)
        form.addRow("&Protocol", self.protocol_edit)
        form.addRow("Effort and cons&istency", self.effort_combo)
        form.addRow("Effort n&otes", self.effort_notes_edit)
        form.addRow("Estimate &untested frequencies", self.rule_combo)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(form)
        body_layout.addWidget(self.effort_warning)
        body_layout.addWidget(self.profile_editor)
        body_layout.addWidget(self.grip_panel)
        body_layout.addWidget(self.tolerances_panel)
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
        self.binder = Binder(self)
        self.binders = (self.binder, self.profile_editor.binder)
        self._bind()
        self._show_form()

    def _bind(self) -> None:
        bind, shown = self.binder.bind, self._shown
        bind({"evaluation date": self.assessed_on_edit}, lambda c: shown(c).assessed_on,
             lambda: self.assessed_on_edit.date().toPython(),
             lambda v: self.assessed_on_edit.setDate(QDate(v.year, v.month, v.day)), self._field_edit("assessed_on"))
        for name, line in (("evaluator", self.evaluator_edit), ("protocol", self.protocol_edit)):
            self._bind_line(name, line)
        bind(self.effort_notes_edit, lambda c: shown(c).effort_notes,
             lambda: self.effort_notes_edit.toPlainText().strip(), self.effort_notes_edit.setPlainText,
             self._field_edit("effort_notes"))
        bind(self.effort_combo, lambda c: shown(c).effort, lambda: Effort(self.effort_combo.currentData()),
             lambda v: self.effort_combo.setCurrentIndex(self.effort_combo.findData(v.value)),
             self._field_edit("effort"))
        bind(self.rule_combo, lambda c: shown(c).estimation_rule, self.rule_combo.currentData,
             lambda v: self.rule_combo.setCurrentIndex(max(0, self.rule_combo.findData(v))),
             self._field_edit("estimation_rule"))
        bind(self.grip_panel.dominance_combo, lambda c: shown(c).dominant_hand, self.grip_panel.dominance,
             self.grip_panel.set_dominance, self._field_edit("dominant_hand"))
        bind(self.grip_panel.fields(), lambda c: shown(c).grip, self.grip_panel.grip, self.grip_panel.set_grip,
             lambda v, w: capacity_edits.set_grip(self._current, v, self.grip_panel.hand_of(w), w.text()))

    def _bind_line(self, name: str, line: QLineEdit) -> None:
        self.binder.bind(line, lambda c: getattr(self._shown(c), name), lambda: line.text().strip(), line.setText,
                         self._field_edit(name))

    def _field_edit(self, name: str) -> Callable[[object, object], Edit]:
        return lambda value, _widget: capacity_edits.set_evaluation_field(self._current, name, value)

    def _shown(self, case: Case) -> Evaluation:
        """The evaluation shown in the form (a blank one, disabled, when there is none)."""
        if 0 <= self._current < len(case.evaluations):
            return case.evaluations[self._current]
        return Evaluation(date.today())

    def _norm_context(self) -> tuple[int | None, Sex | None]:
        return self._case.age_on(date.today()), self._case.sex

    # -- values --------------------------------------------------------------------------------------------
    def set_sink(self, sink: EditSink) -> None:
        """Where edits go."""
        self._sink = self.binder.sink = sink
        self.profile_editor.set_sink(sink)
        self.tolerances_panel.set_sink(sink)

    def show_cell_warnings(self, warnings: tuple[Plausibility, ...]) -> None:
        """Mark the cells of the shown evaluation that its warnings are about (again when another is shown)."""
        self._warnings = warnings
        scope = self._shown(self._case).assessed_on.isoformat() if self._current >= 0 else "(none)"
        mark_strength(self.profile_editor.strength_model, warnings, Table.CAPACITY_STRENGTH, scope)

    def load(self, case: Case) -> None:
        """Show another case's evaluations, the governing one selected."""
        self._case = case
        governing = latest(case.evaluations)
        self._current = case.evaluations.index(governing) if governing else -1
        self._show_form()

    def refresh(self, case: Case, parts: frozenset[Part]) -> None:
        """Show the evaluations after an edit: an added one is selected, after a delete the governing one."""
        before, self._case = self._case, case
        if Part.CAPACITY in parts:
            old, new = before.evaluations, case.evaluations
            if len(new) != len(old):
                added = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), len(old))
                governing = latest(new)
                self._current = added if len(new) > len(old) else (new.index(governing) if governing else -1)
                self._show_form()
                return
            changed = [i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
            if changed and self._current not in changed:  # an undo or redo of another evaluation: show that one
                self._current = changed[0]
                self._show_form()
                return
            self.binder.refresh(case)
            self.profile_editor.refresh(case)
            self.tolerances_panel.show_evaluation(case, self._current)
            self._rebuild_chooser()
            self._show_effort_warning()
        elif Part.DEMANDS in parts:  # the job's ratings, shown beside the tolerances
            self.tolerances_panel.show_evaluation(case, self._current)
        if Part.DETAILS in parts:
            self.grip_panel.refresh()

    def evaluations(self) -> tuple[Evaluation, ...]:
        """All evaluations shown."""
        return self._case.evaluations

    def current(self) -> Evaluation | None:
        """The governing evaluation (None when there is none)."""
        return latest(self._case.evaluations)

    def set_units(self, mass_unit: MassUnit, force_unit: ForceUnit) -> None:
        """Display units."""
        self.profile_editor.set_units(mass_unit, force_unit)

    # -- form ----------------------------------------------------------------------------------------------
    def _show_form(self) -> None:
        has = self._current >= 0
        self.show_cell_warnings(self._warnings)
        for widget in (self.assessed_on_edit, self.evaluator_edit, self.protocol_edit, self.effort_combo,
                       self.effort_notes_edit, self.rule_combo, self.profile_editor, self.grip_panel,
                       self.tolerances_panel, self.delete_button):
            widget.setEnabled(has)
        self.profile_editor.set_lens(Attr(evaluation(max(self._current, 0)), "profile"))
        self.binder.reset(self._case)
        self.profile_editor.load(self._case)
        self.tolerances_panel.show_evaluation(self._case, self._current)
        self._rebuild_chooser()
        self._show_effort_warning()
        self.message_label.setText("" if has else "No evaluation yet: press New evaluation to record one.")

    def _show_effort_warning(self) -> None:
        inconsistent = self._current >= 0 and self._shown(self._case).effort is Effort.INCONSISTENT
        self.effort_warning.setVisible(inconsistent)
        self.effort_warning.setText("Inconsistent effort: these results show the minimum the person "
                                    "demonstrated, not their maximum.")

    def _rebuild_chooser(self) -> None:
        self.chooser.blockSignals(True)
        self.chooser.clear()
        governing = latest(self._case.evaluations)
        for item in self._case.evaluations:
            self.chooser.addItem(item.label + (" (current)" if item is governing else " (history)"))
        self.chooser.setCurrentIndex(self._current)
        self.chooser.blockSignals(False)

    def _unfinished(self) -> str | None:
        problems = [p for b in self.binders for p in b.problems.values()]
        return f"Fix this evaluation first: {problems[0]}" if problems else None

    def _push(self, edit: Edit) -> None:
        problem = self._sink(edit) if self._sink is not None else None
        if problem is not None:
            self.message_label.setText(str(problem))

    # -- slots ---------------------------------------------------------------------------------------------
    def _on_chooser_current_index_changed(self, index: int) -> None:
        if index == self._current:
            return
        unfinished = self._unfinished()
        if unfinished:
            self.message_label.setText(unfinished)
            self._rebuild_chooser()
            return
        self._current = index
        self._show_form()

    def _on_new_clicked(self) -> None:
        unfinished = self._unfinished()
        if unfinished:
            self.message_label.setText(unfinished)
            return
        previous = self._shown(self._case) if self._current >= 0 else None
        fresh = Evaluation(date.today(), evaluator=previous.evaluator if previous else "",
                           protocol=previous.protocol if previous else "")
        self._push(capacity_edits.add_evaluation(fresh, len(self._case.evaluations)))

    def _on_delete_clicked(self) -> None:
        if self._current >= 0:
            self._push(capacity_edits.delete_evaluation(self._current, self._case.evaluations[self._current]))
