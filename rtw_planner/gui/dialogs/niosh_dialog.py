"""NIOSH lifting equation calculator: a lifting task in metric or US units, its RWL, LI and the job's CLI live."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.niosh import (
    Assessment,
    Coupling,
    Duration,
    LiftingTask,
    Units,
    composite_lifting_index,
    evaluate,
    lifting_index_warning,
)
from rtw_planner.domain.demands.niosh_constants import CM_PER_IN, KG_PER_LB
from rtw_planner.gui.kit.styles import error_html, warning_html

DURATIONS = ((Duration.SHORT, "Short: up to 1 h, then equal recovery"),
             (Duration.MODERATE, "Moderate: 1 to 2 h, then recovery ≥ 0.3 × work"),
             (Duration.LONG, "Long: 2 to 8 h"))
COUPLINGS = ((Coupling.GOOD, "Good"), (Coupling.FAIR, "Fair"), (Coupling.POOR, "Poor"))
SCOPE_FLAGS = (("one_handed", "One-handed lifting"), ("seated_or_kneeling", "Seated or kneeling"),
               ("over_8_hours", "Lifting for more than 8 hours"), ("unstable_load", "Unstable load"),
               ("combined_with_carry_push", "Combined with carrying or pushing"))
# Spin box ranges and suffixes by unit system: (maximum load, maximum H, V and D, mass unit, length unit).
RANGES = {Units.METRIC: (200.0, (200.0, 300.0, 300.0), "kg", "cm"), Units.US: (440.0, (78.0, 118.0, 118.0), "lb", "in")}


def _spin(maximum: float, suffix: str, decimals: int = 1) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(0, maximum)
    box.setDecimals(decimals)
    box.setSuffix(f" {suffix}")
    box.setKeyboardTracking(True)
    return box


def describe(end: Assessment, label: str) -> str:
    """One end's figures as rich text; the RWL in the unit of the task's constants, the other in brackets."""
    if end.rwl == 0:
        return f"<b>{label}:</b> outside the equation ({end.outside_equation})."
    li = "—" if end.li is None else f"{end.li:.2f}"
    rwl = f"{end.rwl_kg:.1f} kg</b> ({end.rwl_lb:.1f} lb)" if end.units is Units.METRIC else \
        f"{end.rwl_lb:.1f} lb</b> ({end.rwl_kg:.1f} kg)"
    return (f"<b>{label}:</b> RWL <b>{rwl}, LI <b>{li}</b> &nbsp; "
            f"(HM {end.hm:.2f}, VM {end.vm:.2f}, DM {end.dm:.2f}, AM {end.am:.2f}, FM {end.fm:.2f}, CM {end.cm:.2f})")


def composite_text(task: LiftingTask, others: Sequence[LiftingTask], whose: str = "") -> str:
    """The job's composite LI with this task among the others, as rich text ('' without other tasks); `whose`
    names the tasks (default: this task and the job's others)."""
    if not others:
        return ""
    durations = {t.duration for t in others} | {task.duration}
    count = whose or ("this task and the job's other lifting task" if len(others) == 1 else
                      f"this task and the job's other {len(others)} lifting tasks")
    if len(durations) > 1:
        return warning_html(f"No composite LI for {count}: they need one duration "
                            f"({', '.join(sorted(d.value for d in durations))} now).")
    result = composite_lifting_index([task, *(replace(t, units=task.units) for t in others)])
    if result.cli is None:
        return f"<b>Composite</b> of {count}: outside the equation ({result.outside_equation})."
    mine = result.tasks[0]
    fili = "—" if mine.fili is None else f"{mine.fili:.2f}"
    stli = "—" if mine.stli is None else f"{mine.stli:.2f}"
    band = lifting_index_warning(result.cli)
    mine_text = "" if whose else f" (this task: FILI {fili}, STLI {stli})"
    return (f"<b>Composite</b> of {count}: CLI <b>{result.cli:.2f}</b>{mine_text}"
            + ("<br>" + warning_html("⚠ " + band.replace("Lifting index", "Composite LI")) if band else ""))


class NioshDialog(QDialog):
    """Given a task (or none) and the job's other lifting tasks, returns the edited LiftingTask in `result_task`."""

    def __init__(self, task: LiftingTask | None = None, parent: QWidget | None = None,
                 others: Sequence[LiftingTask] = ()) -> None:
        super().__init__(parent)
        self.setWindowTitle("NIOSH lifting equation")
        self.result_task: LiftingTask | None = None
        self._others = tuple(others)
        self._shown_units = Units.METRIC
        self._exact: dict[QDoubleSpinBox, float] = {}  # each load and length spin's value in kg or cm, unrounded
        self.name_edit = QLineEdit()
        self.units = QComboBox()
        self.units.addItem("Metric (kg, cm)", Units.METRIC.value)
        self.units.addItem("US (lb, inches)", Units.US.value)
        self.load = _spin(200, "kg")
        self.h, self.v, self.d = _spin(200, "cm"), _spin(300, "cm"), _spin(300, "cm")
        self.a = _spin(360, "°", 1)
        self.frequency = _spin(20, "lifts/min", 2)
        self.duration = QComboBox()
        for value, text in DURATIONS:
            self.duration.addItem(text, value.value)
        self.coupling = QComboBox()
        for coupling, text in COUPLINGS:
            self.coupling.addItem(text, coupling.value)
        self.destination = QCheckBox("Significant control at the destination (compute both ends)")
        self.h_dest, self.v_dest = _spin(200, "cm"), _spin(300, "cm")
        self.flags = {name: QCheckBox(text) for name, text in SCOPE_FLAGS}
        self.result_label, self.composite_label = QLabel(), QLabel()
        for label in (self.result_label, self.composite_label):
            label.setWordWrap(True)
        self.result_label.setMinimumHeight(80)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self._form())
        layout.addWidget(self._scope_box())
        layout.addWidget(self.result_label)
        layout.addWidget(self.composite_label)
        layout.addWidget(self.buttons)
        self._show(task or LiftingTask.metric(load_kg=10, h_cm=40, v_cm=75, d_cm=50, a_deg=0, frequency_per_min=1,
                                              duration="short", coupling="good"))
        for spin in self._measures():
            spin.valueChanged.connect(lambda value, s=spin: self._on_measure_typed(s, value))
        for spin in (self.a, self.frequency):
            spin.valueChanged.connect(self._on_input_changed)
        for combo in (self.duration, self.coupling):
            combo.currentIndexChanged.connect(self._on_input_changed)
        self.units.currentIndexChanged.connect(self._on_units_changed)
        for box in (self.destination, *self.flags.values()):
            box.toggled.connect(self._on_input_changed)
        self.name_edit.textEdited.connect(self._on_input_changed)
        self._on_input_changed()

    def _form(self) -> QGridLayout:
        """Two columns of fields (the calculator fits a 1366×768 screen at 125%), then the destination."""
        grid = QGridLayout()
        left = (("Task &name", self.name_edit), ("&Load", self.load), ("&Horizontal distance H", self.h),
                ("&Vertical height V (origin)", self.v), ("Vertical travel &D", self.d))
        right = (("Uni&ts", self.units), ("&Asymmetry angle A", self.a), ("&Frequency", self.frequency),
                 ("D&uration", self.duration), ("&Coupling", self.coupling))
        for column, rows in enumerate((left, right)):
            form = QFormLayout()
            for text, widget in rows:
                form.addRow(text, widget)
            grid.addLayout(form, 0, column)
        destination = QHBoxLayout()
        destination.addWidget(self.destination)
        for text, spin in (("H at destination", self.h_dest), ("V at destination", self.v_dest)):
            label = QLabel(text)
            label.setBuddy(spin)  # a screen reader names the field by its label
            spin.setAccessibleName(text)
            destination.addWidget(label)
            destination.addWidget(spin)
        grid.addLayout(destination, 1, 0, 1, 2)
        return grid

    def _scope_box(self) -> QGroupBox:
        scope = QGroupBox("Outside the equation's scope? (each adds a warning)")
        grid = QGridLayout(scope)
        for i, box in enumerate(self.flags.values()):
            grid.addWidget(box, i // 3, i % 3)
        return scope

    def _measures(self) -> tuple[QDoubleSpinBox, ...]:
        return self.load, self.h, self.v, self.d, self.h_dest, self.v_dest

    def _per_shown(self, spin: QDoubleSpinBox) -> float:
        """kg or cm per displayed unit of a load or length spin."""
        if self._shown_units is Units.METRIC:
            return 1.0
        return KG_PER_LB if spin is self.load else CM_PER_IN

    def _display(self) -> None:
        """Show each load and length in the chosen units, from the unrounded values."""
        top_load, top_lengths, mass, length = RANGES[self._shown_units]
        tops = {self.load: top_load, self.h: top_lengths[0], self.v: top_lengths[1], self.d: top_lengths[2],
                self.h_dest: top_lengths[0], self.v_dest: top_lengths[1]}
        for spin in self._measures():
            spin.blockSignals(True)
            spin.setSuffix(f" {mass if spin is self.load else length}")
            spin.setDecimals(1 if self._shown_units is Units.METRIC else 2)
            spin.setMaximum(tops[spin])
            spin.setValue(self._exact[spin] / self._per_shown(spin))
            spin.blockSignals(False)

    def _show(self, task: LiftingTask) -> None:
        self.name_edit.setText(task.name)
        self._exact = {self.load: task.load_kg, self.h: task.h_cm, self.v: task.v_cm, self.d: task.d_cm,
                       self.h_dest: task.h_dest_cm or task.h_cm, self.v_dest: task.v_dest_cm or task.v_cm}
        self._shown_units = task.units
        self.units.setCurrentIndex(self.units.findData(task.units.value))
        self._display()
        self.a.setValue(task.a_deg)
        self.frequency.setValue(task.frequency_per_min)
        self.duration.setCurrentIndex(self.duration.findData(task.duration.value))
        self.coupling.setCurrentIndex(self.coupling.findData(task.coupling.value))
        self.destination.setChecked(task.control_at_destination)
        for name, box in self.flags.items():
            box.setChecked(bool(getattr(task, name)))

    def task(self) -> LiftingTask:
        """The task as entered, computed with the chosen unit system's constants. Raises ValidationError."""
        control = self.destination.isChecked()
        exact = self._exact
        common: dict[str, Any] = {"a_deg": self.a.value(), "frequency_per_min": self.frequency.value(),
                  "duration": str(self.duration.currentData()), "coupling": str(self.coupling.currentData()),
                  "control_at_destination": control, "name": self.name_edit.text(),
                  **{name: box.isChecked() for name, box in self.flags.items()}}
        if self._shown_units is Units.METRIC:
            return LiftingTask.metric(
                load_kg=exact[self.load], h_cm=exact[self.h], v_cm=exact[self.v], d_cm=exact[self.d],
                h_dest_cm=exact[self.h_dest] if control else None, v_dest_cm=exact[self.v_dest] if control else None,
                **common)
        return LiftingTask.us(
            load_lb=exact[self.load] / KG_PER_LB, h_in=exact[self.h] / CM_PER_IN, v_in=exact[self.v] / CM_PER_IN,
            d_in=exact[self.d] / CM_PER_IN, h_dest_in=exact[self.h_dest] / CM_PER_IN if control else None,
            v_dest_in=exact[self.v_dest] / CM_PER_IN if control else None, **common)

    def _on_measure_typed(self, spin: QDoubleSpinBox, value: float) -> None:
        self._exact[spin] = value * self._per_shown(spin)
        self._on_input_changed()

    def _on_units_changed(self, *_args: object) -> None:
        self._shown_units = Units(str(self.units.currentData()))
        self._display()
        self._on_input_changed()

    def _on_input_changed(self, *_args: object) -> None:
        self.h_dest.setEnabled(self.destination.isChecked())
        self.v_dest.setEnabled(self.destination.isChecked())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        try:
            task = self.task()
        except ValidationError as exc:
            self.result_label.setText(error_html(str(exc)))
            self.composite_label.clear()
            ok.setEnabled(False)
            return
        result = evaluate(task)
        ok.setEnabled(True)
        lines = [describe(result.origin, "Origin")]
        if result.destination is not None:
            lines.append(describe(result.destination, "Destination"))
            lines.append(f"The {'origin' if result.governing is result.origin else 'destination'} governs.")
        lines += [warning_html(f"⚠ {w}") for w in result.warnings]
        self.result_label.setText("<br>".join(lines))
        self.composite_label.setText(composite_text(task, self._others))
        self.composite_label.setVisible(bool(self._others))

    def accept(self) -> None:
        """Close only with a valid task."""
        try:
            self.result_task = self.task()
        except ValidationError as exc:
            self.result_label.setText(str(exc))
            return
        super().accept()
