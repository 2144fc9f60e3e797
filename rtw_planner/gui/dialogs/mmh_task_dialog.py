"""A handling task of the job for the Liberty Mutual equations: kind, geometry, frequency and load, result live."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.liberty_mutual import Sex
from rtw_planner.domain.demands.liberty_mutual_ranges import M_PER_IN
from rtw_planner.domain.demands.mmh_tasks import KINDS, PHASES, MmhJobTask
from rtw_planner.domain.demands.units import LB_PER_KG
from rtw_planner.domain.match.handling import check
from rtw_planner.gui.kit.styles import error_html, warning_html

LENGTHS = (("h_m", "&Horizontal reach H"), ("vrm_m", "&Vertical range middle VRM"), ("dv_m", "Vertical &travel DV"),
           ("v_m", "Hand h&eight V"), ("dh_m", "Horizontal &distance DH"))
LIFT_ONLY = ("h_m", "vrm_m", "dv_m")


def _spin(maximum: float, decimals: int) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(0, maximum)
    box.setDecimals(decimals)
    box.setKeyboardTracking(True)
    return box


def result_text(task: MmhJobTask) -> str:
    """Both populations' figures for the task, as rich text, in the task's units."""
    us = task.units == "us"
    unit = ("lb" if us else "kg") + ("f" if task.is_force else "")
    scale = LB_PER_KG if us else 1.0
    lines = []
    for sex in (Sex.FEMALE, Sex.MALE):
        hc = check(task, sex)
        if hc.mal is None or hc.percent_capable is None:
            lines.append(f"<b>{hc.people.capitalize()}:</b> no valid result.")
        else:
            p90 = hc.mal_for(90) or 0.0
            lines.append(f"<b>{hc.people.capitalize()}:</b> {hc.mal * scale:.1f} {unit} acceptable to 50%, "
                         f"{p90 * scale:.1f} {unit} to 90%; {task.load * scale:.1f} {unit} is acceptable to "
                         f"<b>{hc.percent_capable:.1f}%</b>")
        lines += [warning_html(f"⚠ {w}") for w in hc.warnings]
    return "<br>".join(lines)


class MmhTaskDialog(QDialog):
    """Given a task (or none), returns the edited MmhJobTask in `result_task` on accept."""

    def __init__(self, task: MmhJobTask | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Handling task (Liberty Mutual equations)")
        self.setMinimumWidth(480)  # the result lines read as sentences, not a column of words
        self.result_task: MmhJobTask | None = None
        self._units = "metric"
        self.name_edit = QLineEdit()
        self.kind, self.phase, self.units, self.handles = QComboBox(), QComboBox(), QComboBox(), QComboBox()
        for combo, values in ((self.kind, KINDS), (self.phase, PHASES), (self.handles, ("yes", "poor", "none"))):
            for value in values:
                combo.addItem(value.capitalize(), value)
        self.units.addItem("Metric (m, kg)", "metric")
        self.units.addItem("US (inches, lb)", "us")
        self.lengths = {name: _spin(4000, 2) for name, _ in LENGTHS}
        self.frequency = _spin(100, 4)
        self.frequency.setSuffix(" /min")
        self.load = _spin(2200, 1)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Task &name", self.name_edit)
        form.addRow("&Kind", self.kind)
        form.addRow("&Phase (push, pull)", self.phase)
        form.addRow("&Units", self.units)
        for name, text in LENGTHS:
            form.addRow(text, self.lengths[name])
        form.addRow("&Frequency", self.frequency)
        form.addRow("&Load or force", self.load)
        form.addRow("Handle&s (lift, lower)", self.handles)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.result_label)
        layout.addWidget(self.buttons)
        self._show(task or MmhJobTask("push", 1, 20, phase="initial", v_m=0.95, dh_m=10))
        for combo in (self.kind, self.phase, self.handles):
            combo.currentIndexChanged.connect(self._on_input_changed)
        self.units.currentIndexChanged.connect(self._on_units_changed)
        for spin in (*self.lengths.values(), self.frequency, self.load):
            spin.valueChanged.connect(self._on_input_changed)
        self.name_edit.textEdited.connect(self._on_input_changed)
        self._on_input_changed()

    def _per_metre(self) -> float:
        return 1 / M_PER_IN if self._units == "us" else 1.0

    def _per_kg(self) -> float:
        return LB_PER_KG if self._units == "us" else 1.0

    def _show(self, task: MmhJobTask) -> None:
        self.name_edit.setText(task.name)
        self.kind.setCurrentIndex(self.kind.findData(task.kind))
        self.phase.setCurrentIndex(self.phase.findData(task.phase or "initial"))
        self.handles.setCurrentIndex(self.handles.findData(task.handles))
        self._units = task.units
        self.units.setCurrentIndex(self.units.findData(task.units))
        defaults = {"h_m": 0.4, "vrm_m": 0.9, "dv_m": 0.5, "v_m": 0.95, "dh_m": 5.0}
        self._set_units_text()
        for name, spin in self.lengths.items():
            value = getattr(task, name)
            spin.setValue((defaults[name] if value is None else value) * self._per_metre())
        self.frequency.setValue(task.frequency_per_min)
        self.load.setValue(task.load * self._per_kg())

    def _set_units_text(self) -> None:
        us = self._units == "us"
        for spin in self.lengths.values():
            spin.setSuffix(" in" if us else " m")
        force = self.kind.currentData() in ("push", "pull")
        self.load.setSuffix(" " + ("lb" if us else "kg") + ("f" if force else ""))

    def task(self) -> MmhJobTask:
        """The task as entered, in SI. Raises ValidationError."""
        kind = str(self.kind.currentData())
        lift = kind in ("lift", "lower")
        lengths = {name: spin.value() / self._per_metre() for name, spin in self.lengths.items()
                   if (name in LIFT_ONLY) == lift}
        return MmhJobTask(kind, self.frequency.value(), self.load.value() / self._per_kg(),
                          phase=str(self.phase.currentData()) if kind in ("push", "pull") else None,
                          handles=str(self.handles.currentData()) if lift else "yes", name=self.name_edit.text(),
                          units=self._units, **lengths)

    def _on_units_changed(self, *_args: object) -> None:
        metres = {name: spin.value() / self._per_metre() for name, spin in self.lengths.items()}
        kg = self.load.value() / self._per_kg()
        self._units = str(self.units.currentData())
        self._set_units_text()
        for name, spin in self.lengths.items():
            spin.blockSignals(True)
            spin.setValue(metres[name] * self._per_metre())
            spin.blockSignals(False)
        self.load.blockSignals(True)
        self.load.setValue(kg * self._per_kg())
        self.load.blockSignals(False)
        self._on_input_changed()

    def _on_input_changed(self, *_args: object) -> None:
        kind = str(self.kind.currentData())
        lift = kind in ("lift", "lower")
        self.phase.setEnabled(kind in ("push", "pull"))
        self.handles.setEnabled(lift)
        for name, spin in self.lengths.items():
            spin.setEnabled((name in LIFT_ONLY) == lift)
        self._set_units_text()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        try:
            task = self.task()
        except ValidationError as exc:
            self.result_label.setText(error_html(str(exc)))
            ok.setEnabled(False)
            return
        ok.setEnabled(True)
        self.result_label.setText(result_text(task))

    def accept(self) -> None:
        """Close only with a valid task."""
        try:
            self.result_task = self.task()
        except ValidationError as exc:
            self.result_label.setText(error_html(str(exc)))
            return
        super().accept()
