"""The Plan tab's phased return: start, contract, longest duration, the phases, the schedule and the fit note."""

from __future__ import annotations

from datetime import date
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.edits import plan_edits
from rtw_planner.domain.edits.commands import Edit
from rtw_planner.domain.plan.phases import DEFAULT_MAX_WEEKS, Contract, FitNoteOptions, fit_note_from_plan
from rtw_planner.gui.kit.dates import OptionalDateEdit, read_optional_date, write_optional_date
from rtw_planner.gui.kit.numbers import format_number_for_edit, parse_number
from rtw_planner.gui.kit.styles import warning_html
from rtw_planner.gui.kit.tables import rows_table_view
from rtw_planner.gui.models.plan_tables import PhasesTableModel
from rtw_planner.gui.widgets.binder import Binder

if TYPE_CHECKING:
    from rtw_planner.gui.models.base import EditSink
    from rtw_planner.gui.prompts import Prompts

FIT_NOTE_BOXES = (("phased_return", "A phased return to work"), ("altered_hours", "Altered hours"),
                  ("amended_duties", "Amended duties"), ("workplace_adaptations", "Workplace adaptations"))


def start_of(case: Case) -> date | None:
    """The return-to-work start as the Plan tab shows it: the phased return's first day when there is one."""
    phased = case.plan.phased_return
    return phased.start if phased else case.rtw_start_date


class PhasesPanel(QWidget):
    """Shows the phased return of the case and sends each change as an edit; Generate replaces the phases."""

    def __init__(self, prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._prompts = prompts
        self._case = Case("unshown")
        self._sink: EditSink | None = None
        self.start_edit = OptionalDateEdit()
        self.start_edit.setMaximumWidth(160)
        self.hours_edit, self.days_edit = QLineEdit(), QLineEdit()
        self.days_edit.setAccessibleName("Contract days per week")
        self.hours_edit.setAccessibleName("Contract hours per week")
        for edit in (self.hours_edit, self.days_edit):
            edit.setMaximumWidth(90)
        self.max_weeks_spin = QSpinBox()
        self.max_weeks_spin.setRange(1, 52)
        self.max_weeks_spin.setSuffix(" weeks")
        self.generate_button = QPushButton("&Generate from the match")
        self.generate_button.clicked.connect(self._on_generate_clicked)
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
        self.phases_view.setAccessibleName("Phases")
        header = self.phases_view.horizontalHeader()
        header.setSectionResizeMode(PhasesTableModel.CRITERIA, QHeaderView.ResizeMode.Stretch)  # the rest fits
        self.schedule_label = QLabel()
        self.schedule_label.setWordWrap(True)
        self.fit_note_boxes = {name: QCheckBox(label) for name, label in FIT_NOTE_BOXES}
        boxes = QHBoxLayout()
        for box in self.fit_note_boxes.values():
            boxes.addWidget(box)
        boxes.addStretch(1)
        fit_note = QVBoxLayout()  # the words above the boxes: in one row they made the tab too wide for a laptop
        fit_note.addWidget(QLabel("Fit note: may be fit for work with"))
        fit_note.addLayout(boxes)
        top = QHBoxLayout()
        top.addLayout(form, 1)
        top.addWidget(self.generate_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.phases_view, 1)
        layout.addWidget(self.schedule_label)
        layout.addLayout(fit_note)
        self.binder = Binder(self)
        self._bind()

    def _bind(self) -> None:
        bind = self.binder.bind
        bind({"return-to-work start date": self.start_edit}, start_of, lambda: read_optional_date(self.start_edit),
             lambda v: write_optional_date(self.start_edit, v),
             lambda v, _w: plan_edits.set_start(v, self._case.plan.phased_return is not None))
        bind({"contract": self.hours_edit, "contract hours per week": self.hours_edit,
              "contract days per week": self.days_edit},
             lambda c: c.plan.phased_return.contract if c.plan.phased_return else None, self._contract,
             self._show_contract, lambda v, w: plan_edits.set_contract(v, w.text()) if v is not None else None)
        bind(self.max_weeks_spin,
             lambda c: c.plan.phased_return.max_weeks if c.plan.phased_return else DEFAULT_MAX_WEEKS,
             self.max_weeks_spin.value, self.max_weeks_spin.setValue,
             lambda v, _w: plan_edits.set_max_weeks(v) if self._case.plan.phased_return else None)
        bind(dict(self.fit_note_boxes), self._fit_note_shown, self._fit_note_ticked, self._show_fit_note,
             lambda v, _w: plan_edits.set_fit_note(v) if self._case.plan.phased_return else None)

    # -- fields --------------------------------------------------------------------------------------------
    def _contract(self) -> Contract | None:
        if self._case.plan.phased_return is None:
            return None  # no phased return yet: Generate takes the contract from the job
        try:
            hours, days = parse_number(self.hours_edit.text()), parse_number(self.days_edit.text())
        except ValueError:
            raise ValidationError("contract", f"{self.hours_edit.text()} h, {self.days_edit.text()} days",
                                  "numbers of hours a week and days a week") from None
        return Contract(hours or 0, days or 0)

    def _show_contract(self, contract: Contract | None) -> None:
        self.hours_edit.setText(format_number_for_edit(contract.hours_per_week if contract else None))
        self.days_edit.setText(format_number_for_edit(contract.days_per_week if contract else None))

    @staticmethod
    def _fit_note_shown(case: Case) -> FitNoteOptions | None:
        phased = case.plan.phased_return
        return fit_note_from_plan(phased, bool(case.plan.notes)) if phased else None

    def _fit_note_ticked(self) -> FitNoteOptions | None:
        if self._case.plan.phased_return is None:
            return None
        return FitNoteOptions(**{n: b.isChecked() for n, b in self.fit_note_boxes.items()})

    def _show_fit_note(self, options: FitNoteOptions | None) -> None:
        for name, box in self.fit_note_boxes.items():
            box.setChecked(bool(options and getattr(options, name)))

    # -- the case ------------------------------------------------------------------------------------------
    def set_sink(self, sink: EditSink) -> None:
        """Where edits go."""
        self._sink = self.binder.sink = self.phases_model.sink = sink

    def load(self, case: Case) -> None:
        """Show another case's phased return."""
        self._case = case
        self.phases_model.set_plan(case.plan.phased_return)
        self.binder.reset(case)
        self._show_schedule()

    def refresh(self, case: Case) -> None:
        """Show the phased return after an edit."""
        self._case = case
        self.phases_model.set_plan(case.plan.phased_return)
        self.binder.refresh(case)
        self._show_schedule()

    def _show_schedule(self) -> None:
        phased = self._case.plan.phased_return
        if phased is None:
            self.schedule_label.setText("No phased return yet: set the start date and contract, then Generate from "
                                        "the match.")
            return
        reviews = ", ".join(f"{d.day} {d:%b %Y}" for d in phased.review_dates())
        notes = phased.warnings() + [
            f"Phase {p.number}: fewer hours a week than the phase before. Tick Step down if this is intended, or "
            "correct the phase; the letter cannot be issued until then."
            for p in phased.step_downs() if not p.step_down_intended]
        warnings = "".join("<br>" + warning_html(f"⚠ {w}") for w in notes)
        restrictions = sorted({r for p in phased.phases for r in p.restrictions})
        listed = "".join(f"<br>• {escape(r)}" for r in restrictions) or "<br>None."
        self.schedule_label.setText(f"{phased.total_weeks} weeks, ending {phased.end_date.day} "
                                    f"{phased.end_date:%b %Y}. Reviews: {reviews}.{warnings}"
                                    f"<br><b>Restrictions</b> (from the measured capacity; they relax only when "
                                    f"capacity is re-measured):{listed}")

    def _on_generate_clicked(self) -> None:
        from rtw_planner.domain.match.planning import generate_plan, regeneration_changes

        case = self._case
        current = case.plan
        start = start_of(case) or date.today()
        # Regenerating replaces the phases only. Adjustments stay the clinician's own choice (it never ticks one
        # for them), and the fitness outcome, flare-up plan and safety review are kept as entered.
        generated = generate_plan(case, start, current)
        changes = regeneration_changes(current, generated)
        if changes and not self._prompts.confirm(self, "Generate the plan again",
                                                 "Generating again replaces " + " and ".join(changes) + ". "
                                                 "The saved versions are kept. Go ahead?"):
            return
        self._push(plan_edits.generate(generated, start))

    def _push(self, edit: Edit) -> None:
        if self._sink is not None:
            self._sink(edit)
