"""The Plan tab: fitness for work and safety-critical work, the phased return, graded-activity quotas, adjustments
for the employer, goals and the patient's flare-up plan."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.units import format_number
from rtw_planner.domain.plan.adjustments import SelectedNote
from rtw_planner.domain.plan.goals import Appointment, this_weeks_small_step
from rtw_planner.domain.plan.model import Plan
from rtw_planner.domain.plan.phases import Contract, FitNoteOptions, PhasedReturn, fit_note_from_plan
from rtw_planner.domain.plan.quota import QuotaActivity, QuotaUnit
from rtw_planner.gui.kit.dates import OptionalDateEdit, read_optional_date, write_optional_date
from rtw_planner.gui.kit.styles import ERROR_STYLE
from rtw_planner.gui.kit.tables import rows_table_view
from rtw_planner.gui.models.plan_tables import PhasesTableModel, QuotasTableModel
from rtw_planner.gui.models.profile_tables import parse_number
from rtw_planner.gui.widgets.fitness_editor import FitnessEditor
from rtw_planner.gui.widgets.flare_plan_editor import FlarePlanEditor
from rtw_planner.gui.widgets.goals_panel import GoalsPanel
from rtw_planner.gui.widgets.quota_chart import QuotaChart

if TYPE_CHECKING:
    from rtw_planner.gui.prompts import Prompts

FIT_NOTE_BOXES = (("phased_return", "A phased return to work"), ("altered_hours", "Altered hours"),
                  ("amended_duties", "Amended duties"), ("workplace_adaptations", "Workplace adaptations"))


class PlanView(QWidget):
    """Edits the case's plan; `plan()` returns it or raises ValidationError."""

    changed = Signal()

    def __init__(self, prompts: Prompts, case_source: Callable[[], Case], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._prompts = prompts
        self._case_source = case_source
        self._loading = False
        self._loaded_case: Case | None = None
        self.fitness_editor = FitnessEditor()
        self.flare_editor = FlarePlanEditor()
        self.quotas_tab = self._quotas_tab()
        self.goals_panel = GoalsPanel()
        self.goals_model, self.goals_view = self.goals_panel.goals_model, self.goals_panel.goals_view
        self.small_step_label = self.goals_panel.small_step_label
        self.tabs = QTabWidget()
        self.tabs.addTab(self.fitness_editor, "Fitness and safety")
        self.tabs.addTab(self._phases_tab(), "Phased return")
        self.tabs.addTab(self.quotas_tab, "Graded activity")
        self.tabs.addTab(self._notes_tab(), "Adjustments")
        self.tabs.addTab(self.goals_panel, "Goals")
        self.tabs.addTab(self.flare_editor, "Flare-up plan")
        self.tabs.currentChanged.connect(lambda _index: self._refresh_chart())
        self.fitness_editor.changed.connect(self._on_edited)
        self.flare_editor.changed.connect(self._on_edited)
        self.goals_panel.changed.connect(self._on_edited)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(ERROR_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        layout.addWidget(self.message_label)
        for model in (self.phases_model, self.quotas_model, self.goals_model):
            model.rows_changed.connect(self._on_edited)
            model.invalid_input.connect(self.message_label.setText)

    # -- tabs ----------------------------------------------------------------------------------------------
    def _phases_tab(self) -> QWidget:
        tab = QWidget()
        self.start_edit = OptionalDateEdit()
        self.start_edit.setMaximumWidth(160)
        self.hours_edit, self.days_edit = QLineEdit(), QLineEdit()
        for edit in (self.hours_edit, self.days_edit):
            edit.setMaximumWidth(90)
            edit.textEdited.connect(self._on_edited)
        self.max_weeks_spin = QSpinBox()
        self.max_weeks_spin.setRange(1, 52)
        self.max_weeks_spin.setSuffix(" weeks")
        self.generate_button = QPushButton("&Generate from the match")
        self.generate_button.clicked.connect(self._on_generate_clicked)
        self.start_edit.dateChanged.connect(self._on_edited)
        self.max_weeks_spin.valueChanged.connect(self._on_edited)
        form = QFormLayout()
        form.addRow("Return to work &starts", self.start_edit)
        contract = QHBoxLayout()
        contract.addWidget(self.hours_edit)
        contract.addWidget(QLabel("hours a week over"))
        contract.addWidget(self.days_edit)
        contract.addWidget(QLabel("days"))
        contract.addStretch(1)
        form.addRow("Contract", contract)
        form.addRow("&Longest duration", self.max_weeks_spin)
        self.phases_model = PhasesTableModel(self)
        self.phases_view = rows_table_view(self.phases_model)
        header = self.phases_view.horizontalHeader()
        header.setSectionResizeMode(PhasesTableModel.CRITERIA, QHeaderView.ResizeMode.Stretch)  # the rest fits
        self.schedule_label = QLabel()
        self.schedule_label.setWordWrap(True)
        self.fit_note_boxes = {name: QCheckBox(label) for name, label in FIT_NOTE_BOXES}
        fit_note = QHBoxLayout()
        fit_note.addWidget(QLabel("Fit note: may be fit for work with"))
        for box in self.fit_note_boxes.values():
            box.toggled.connect(self._on_fit_note_toggled)
            fit_note.addWidget(box)
        fit_note.addStretch(1)
        top = QHBoxLayout()
        top.addLayout(form, 1)
        top.addWidget(self.generate_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addWidget(self.phases_view, 1)
        layout.addWidget(self.schedule_label)
        layout.addLayout(fit_note)
        self._fit_note_override: FitNoteOptions | None = None
        return tab

    def _quotas_tab(self) -> QWidget:
        tab = QWidget()
        self.quotas_model = QuotasTableModel(self)
        self.quotas_view = rows_table_view(self.quotas_model)
        self.quotas_view.setMaximumHeight(150)
        add, remove = QPushButton("&Add activity"), QPushButton("Remove activity")
        add.clicked.connect(lambda: self.quotas_model.append_row(
            QuotaActivity(f"Activity {self.quotas_model.rowCount() + 1}", QuotaUnit.MINUTES, (5.0, 5.0, 5.0), 15)))
        remove.clicked.connect(lambda: self.quotas_model.remove_row(self.quotas_view.currentIndex().row()))
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

    def _notes_tab(self) -> QWidget:
        tab = QWidget()
        self.notes_list = QListWidget()
        self.notes_list.setWordWrap(True)
        self.notes_list.itemChanged.connect(self._on_edited)
        intro = QLabel("Ticked adjustments are recommended in this plan. The others are suggestions for this job, "
                       "never ticked for you: tick the ones to recommend, engineering controls first. Double-click "
                       "a note to edit its wording; the source is kept.")
        intro.setWordWrap(True)
        layout = QVBoxLayout(tab)
        layout.addWidget(intro)
        layout.addWidget(self.notes_list)
        return tab

    # -- values --------------------------------------------------------------------------------------------
    def set_case(self, case: Case) -> None:
        """Show a case's plan, start date and appointment (not counted as an edit)."""
        self._loading = True
        self._loaded_case = case
        try:
            plan = case.plan
            phased = plan.phased_return
            write_optional_date(self.start_edit, phased.start if phased else case.rtw_start_date)
            contract = phased.contract if phased else None
            self.hours_edit.setText(format_number(contract.hours_per_week, 2) if contract else "")
            self.days_edit.setText(format_number(contract.days_per_week, 2) if contract else "")
            self.max_weeks_spin.setValue(phased.max_weeks if phased else 6)
            self._fit_note_override = phased.fit_note if phased else None
            self.phases_model.set_plan(phased)
            self.quotas_model.set_rows(plan.quotas)
            self.goals_panel.set_values(plan.goals, case.next_appointment)
            self._show_notes(plan.notes, self._suggestions(case))
            self.fitness_editor.set_values(plan.fitness, plan.safety_review)
            self.flare_editor.set_flare_plan(plan.flare_plan)
        finally:
            self._loading = False
        self.show_safety_work(case)
        self.message_label.clear()
        self._refresh_summary()

    def show_safety_work(self, case: Case) -> None:
        """Prompt about licensing and medication when the job (as edited) involves safety-critical work."""
        from rtw_planner.domain.match.safety import safety_critical_work

        self.fitness_editor.show_work(safety_critical_work(case))

    @staticmethod
    def _suggestions(case: Case) -> tuple[SelectedNote, ...]:
        """What the domain offers for this case and job; the clinician ticks what to recommend."""
        from rtw_planner.domain.match.planning import suggest_for_case

        return tuple(SelectedNote.from_note(s.note) for s in suggest_for_case(case))

    def _show_notes(self, notes: tuple[SelectedNote, ...], suggestions: tuple[SelectedNote, ...] = ()) -> None:
        """The clinician's chosen notes ticked, then the suggestions not chosen, never ticked here."""
        self.notes_list.blockSignals(True)
        self.notes_list.clear()
        chosen = {n.note_id for n in notes}
        for note in (*notes, *(s for s in suggestions if s.note_id not in chosen)):
            item = QListWidgetItem(note.text)
            item.setData(Qt.ItemDataRole.UserRole, note)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable)
            item.setCheckState(Qt.CheckState.Checked if note.note_id in chosen else Qt.CheckState.Unchecked)
            item.setToolTip(f"{note.limitation.label}. Source: {note.source}")
            item.setText(note.text)
            self.notes_list.addItem(item)
        self.notes_list.blockSignals(False)

    def notes(self) -> tuple[SelectedNote, ...]:
        """The ticked notes in the clinician's wording."""
        picked = []
        for row in range(self.notes_list.count()):
            item = self.notes_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                picked.append(item.data(Qt.ItemDataRole.UserRole).edit(item.text()))
        return tuple(picked)

    def rtw_start_date(self) -> date | None:
        """The start date shown."""
        return read_optional_date(self.start_edit)

    def next_appointment(self) -> Appointment | None:
        """The appointment shown, or None when not booked."""
        return self.goals_panel.next_appointment()

    def _phased_return(self) -> PhasedReturn | None:
        base = self.phases_model.phased_return()
        if base is None:
            return None
        try:
            hours, days = parse_number(self.hours_edit.text()), parse_number(self.days_edit.text())
        except ValueError:
            raise ValidationError("contract", f"{self.hours_edit.text()} h, {self.days_edit.text()} days",
                                  "numbers of hours a week and days a week") from None
        start = read_optional_date(self.start_edit)
        if start is None:
            raise ValidationError("return-to-work start date", None, "a date for the phased return")
        return replace(base, contract=Contract(hours or 0, days or 0), start=start,
                       max_weeks=self.max_weeks_spin.value(), fit_note=self._fit_note_override)

    def plan(self) -> Plan:
        """The plan as edited. Raises ValidationError."""
        return Plan(self.quotas_model.rows(), self.goals_model.rows(), self._phased_return(), self.notes(),
                    self.fitness_editor.fitness(), self.flare_editor.flare_plan(), self.fitness_editor.safety_review())

    # -- slots ---------------------------------------------------------------------------------------------
    def _on_edited(self, *_args: object) -> None:
        if self._loading:
            return
        try:
            phased = self._phased_return()
            if phased is not None:
                self.phases_model.set_plan(phased)
        except ValidationError as exc:
            self.message_label.setText(str(exc))
        else:
            self.message_label.clear()
        self._refresh_summary()
        self.changed.emit()

    def _on_fit_note_toggled(self, _checked: bool) -> None:
        if self._loading:
            return
        self._fit_note_override = FitNoteOptions(**{n: b.isChecked() for n, b in self.fit_note_boxes.items()})
        self._on_edited()

    def _on_generate_clicked(self) -> None:
        from rtw_planner.domain.match.planning import generate_plan, regeneration_changes

        try:
            case = self._case_source()
            current = self.plan()
        except ValidationError as exc:
            self.message_label.setText(f"Fix this first: {exc}")
            return
        start = self.rtw_start_date() or case.rtw_start_date or date.today()
        # Regenerating replaces the phases only. Adjustments stay the clinician's own choice (it never ticks one
        # for them), and the fitness outcome, flare-up plan and safety review are kept as entered.
        generated = replace(generate_plan(case, start, current), notes=current.notes, fitness=current.fitness,
                            flare_plan=current.flare_plan, safety_review=current.safety_review)
        changes = regeneration_changes(current, generated)
        if changes and not self._prompts.confirm(self, "Generate the plan again",
                                                 "Generating again replaces " + " and ".join(changes) + ". "
                                                 "The saved versions are kept. Go ahead?"):
            return
        self.set_case(replace(case, plan=generated, rtw_start_date=start))
        self.changed.emit()

    def _refresh_summary(self) -> None:
        try:
            phased = self._phased_return()
        except ValidationError:
            phased = None
        self._loading = True
        try:
            if phased is None:
                self.schedule_label.setText("No phased return yet: set the start date and contract, then "
                                            "Generate from the match.")
            else:
                reviews = ", ".join(f"{d.day} {d:%b %Y}" for d in phased.review_dates())
                notes = phased.warnings() + [
                    f"Phase {p.number}: fewer hours a week than the phase before. Tick Step down if this is "
                    "intended, or correct the phase; the letter cannot be issued until then."
                    for p in phased.step_downs() if not p.step_down_intended]
                warnings = "".join(f"<br><span style='color:#8a4b00'>⚠ {escape(w)}</span>" for w in notes)
                restrictions = sorted({r for p in phased.phases for r in p.restrictions})
                listed = "".join(f"<br>• {escape(r)}" for r in restrictions) or "<br>None."
                self.schedule_label.setText(f"{phased.total_weeks} weeks, ending {phased.end_date.day} "
                                            f"{phased.end_date:%b %Y}. Reviews: {reviews}.{warnings}"
                                            f"<br><b>Restrictions</b> (from the measured capacity; they relax "
                                            f"only when capacity is re-measured):{listed}")
                options = fit_note_from_plan(phased, bool(self.notes()))
                for name, box in self.fit_note_boxes.items():
                    box.setChecked(getattr(options, name))
        finally:
            self._loading = False
        today, back = date.today(), self.rtw_start_date()
        starts = {q.name: min(d for d in (self._practice_start(q.name), back or today) if d is not None)
                  for q in self.quotas_model.rows()}  # as the handout counts quota weeks
        step = this_weeks_small_step(self.goals_model.rows(), self.quotas_model.rows(), back or today, today,
                                     return_date=back, starts=starts)
        self.goals_panel.show_small_step(step)
        self._refresh_chart()

    def _practice_start(self, activity: str) -> date | None:
        """The first logged day of home practice for an activity, from the case as loaded."""
        logged = [e.on for e in self._loaded_case.practice_log if e.activity == activity] if self._loaded_case else []
        return min(logged) if logged else None

    def _refresh_chart(self) -> None:
        row = self.quotas_view.currentIndex().row()
        quotas = self.quotas_model.rows()
        if quotas and self.quota_chart.isVisibleTo(self.tabs) and self.tabs.currentWidget() is self.quotas_tab:
            self.quota_chart.show_quota(quotas[row if 0 <= row < len(quotas) else 0])
