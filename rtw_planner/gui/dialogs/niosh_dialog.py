"""NIOSH lifting equation calculator: edit a lifting task and see the RWL, LI and multipliers as you type."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.niosh import Assessment, Coupling, Duration, LiftingTask, evaluate
from rtw_planner.gui.kit.styles import error_html, warning_html

DURATIONS = ((Duration.SHORT, "Short: up to 1 h, then equal recovery"),
             (Duration.MODERATE, "Moderate: 1 to 2 h, then recovery ≥ 0.3 × work"),
             (Duration.LONG, "Long: 2 to 8 h"))
COUPLINGS = ((Coupling.GOOD, "Good"), (Coupling.FAIR, "Fair"), (Coupling.POOR, "Poor"))
SCOPE_FLAGS = (("one_handed", "One-handed lifting"), ("seated_or_kneeling", "Seated or kneeling"),
               ("over_8_hours", "Lifting for more than 8 hours"), ("unstable_load", "Unstable load"),
               ("combined_with_carry_push", "Combined with carrying or pushing"))


def _spin(maximum: float, suffix: str, decimals: int = 1) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(0, maximum)
    box.setDecimals(decimals)
    box.setSuffix(f" {suffix}")
    box.setKeyboardTracking(True)
    return box


def describe(end: Assessment, label: str) -> str:
    """One end's figures as rich text."""
    if end.rwl == 0:
        return f"<b>{label}:</b> outside the equation ({end.outside_equation})."
    li = "—" if end.li is None else f"{end.li:.2f}"
    return (f"<b>{label}:</b> RWL <b>{end.rwl_kg:.1f} kg</b>, LI <b>{li}</b> &nbsp; "
            f"(HM {end.hm:.2f}, VM {end.vm:.2f}, DM {end.dm:.2f}, AM {end.am:.2f}, FM {end.fm:.2f}, CM {end.cm:.2f})")


class NioshDialog(QDialog):
    """Given a task (or none), returns the edited LiftingTask in `result_task` on accept."""

    def __init__(self, task: LiftingTask | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("NIOSH lifting equation")
        self.result_task: LiftingTask | None = None
        self.name_edit = QLineEdit()
        self.load = _spin(200, "kg")
        self.h, self.v, self.d = _spin(200, "cm"), _spin(300, "cm"), _spin(300, "cm")
        self.a = _spin(360, "°", 0)
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
        form = QFormLayout()
        form.addRow("Task &name", self.name_edit)
        form.addRow("&Load", self.load)
        form.addRow("&Horizontal distance H", self.h)
        form.addRow("&Vertical height V (origin)", self.v)
        form.addRow("Vertical travel &D", self.d)
        form.addRow("&Asymmetry angle A", self.a)
        form.addRow("&Frequency", self.frequency)
        form.addRow("D&uration", self.duration)
        form.addRow("&Coupling", self.coupling)
        form.addRow(self.destination)
        destination = QHBoxLayout()
        for text, spin in (("H at destination", self.h_dest), ("V at destination", self.v_dest)):
            label = QLabel(text)
            label.setBuddy(spin)  # a screen reader names the field by its label
            spin.setAccessibleName(text)
            destination.addWidget(label)
            destination.addWidget(spin)
        form.addRow(destination)
        scope = QGroupBox("Outside the equation's scope? (each adds a warning)")
        scope_layout = QVBoxLayout(scope)
        for box in self.flags.values():
            scope_layout.addWidget(box)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setMinimumHeight(110)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(scope)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        self._show(task or LiftingTask.metric(load_kg=10, h_cm=40, v_cm=75, d_cm=50, a_deg=0, frequency_per_min=1,
                                              duration="short", coupling="good"))
        for spin in (self.load, self.h, self.v, self.d, self.a, self.frequency, self.h_dest, self.v_dest):
            spin.valueChanged.connect(self._on_input_changed)
        for combo in (self.duration, self.coupling):
            combo.currentIndexChanged.connect(self._on_input_changed)
        for box in (self.destination, *self.flags.values()):
            box.toggled.connect(self._on_input_changed)
        self.name_edit.textEdited.connect(self._on_input_changed)
        self._on_input_changed()

    def _show(self, task: LiftingTask) -> None:
        self.name_edit.setText(task.name)
        for spin, value in ((self.load, task.load_kg), (self.h, task.h_cm), (self.v, task.v_cm),
                            (self.d, task.d_cm), (self.a, task.a_deg), (self.frequency, task.frequency_per_min),
                            (self.h_dest, task.h_dest_cm or task.h_cm), (self.v_dest, task.v_dest_cm or task.v_cm)):
            spin.setValue(value)
        self.duration.setCurrentIndex(self.duration.findData(task.duration.value))
        self.coupling.setCurrentIndex(self.coupling.findData(task.coupling.value))
        self.destination.setChecked(task.control_at_destination)
        for name, box in self.flags.items():
            box.setChecked(bool(getattr(task, name)))

    def task(self) -> LiftingTask:
        """The task as entered. Raises ValidationError."""
        control = self.destination.isChecked()
        return LiftingTask.metric(
            load_kg=self.load.value(), h_cm=self.h.value(), v_cm=self.v.value(), d_cm=self.d.value(),
            a_deg=self.a.value(), frequency_per_min=self.frequency.value(),
            duration=str(self.duration.currentData()), coupling=str(self.coupling.currentData()),
            h_dest_cm=self.h_dest.value() if control else None, v_dest_cm=self.v_dest.value() if control else None,
            control_at_destination=control, name=self.name_edit.text(),
            **{name: box.isChecked() for name, box in self.flags.items()},
        )

    def _on_input_changed(self, *_args: object) -> None:
        self.h_dest.setEnabled(self.destination.isChecked())
        self.v_dest.setEnabled(self.destination.isChecked())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        try:
            result = evaluate(self.task())
        except ValidationError as exc:
            self.result_label.setText(error_html(str(exc)))
            ok.setEnabled(False)
            return
        ok.setEnabled(True)
        lines = [describe(result.origin, "Origin")]
        if result.destination is not None:
            lines.append(describe(result.destination, "Destination"))
            lines.append(f"The {'origin' if result.governing is result.origin else 'destination'} governs.")
        lines += [warning_html(f"⚠ {w}") for w in result.warnings]
        self.result_label.setText("<br>".join(lines))

    def accept(self) -> None:
        """Close only with a valid task."""
        try:
            self.result_task = self.task()
        except ValidationError as exc:
            self.result_label.setText(str(exc))
            return
        super().accept()
