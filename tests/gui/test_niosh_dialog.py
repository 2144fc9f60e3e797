"""The NIOSH calculator shows a live result and returns the task it shows."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from rtw_planner.domain.demands.niosh import LiftingTask
from rtw_planner.gui.dialogs.niosh_dialog import NioshDialog


def test_live_result_matches_the_published_metric_example(qtbot) -> None:  # type: ignore[no-untyped-def]
    task = LiftingTask.metric(load_kg=8, h_cm=40, v_cm=30, d_cm=50, a_deg=30, frequency_per_min=3,
                              duration="moderate", coupling="fair", name="TV3")
    dialog = NioshDialog(task)
    qtbot.addWidget(dialog)
    assert "RWL <b>7.7 kg</b>" in dialog.result_label.text()
    assert "LI <b>1.04</b>" in dialog.result_label.text()
    assert "increased risk" in dialog.result_label.text()
    dialog.load.setValue(5)
    assert "LI <b>0.65</b>" in dialog.result_label.text()
    dialog.destination.setChecked(True)
    dialog.v_dest.setValue(80)
    assert "Destination" in dialog.result_label.text()
    assert "The origin governs." in dialog.result_label.text()
    dialog.accept()
    assert dialog.result_task is not None
    assert dialog.result_task.load_kg == 5
    assert dialog.result_task.control_at_destination
    assert dialog.result_task.name == "TV3"


def test_outside_the_equation_and_scope_warnings(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = NioshDialog()
    qtbot.addWidget(dialog)
    dialog.h.setValue(70)
    assert "outside the equation" in dialog.result_label.text()
    dialog.h.setValue(40)
    dialog.flags["one_handed"].setChecked(True)
    assert "ne-handed" in dialog.result_label.text()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
