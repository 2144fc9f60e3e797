"""The NIOSH calculator shows a live result, refuses an impossible entry naming the field, and returns the task it
shows, through the prompts service."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox

from rtw_planner.domain.demands.niosh import LiftingTask
from rtw_planner.gui.dialogs.niosh_dialog import NioshDialog
from rtw_planner.gui.kit.styles import ERROR_COLOUR


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


def test_an_impossible_entry_disables_ok_and_says_which_field(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = NioshDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.h.setValue(0)
    assert not ok.isEnabled()
    assert "h_cm: 0.0 is not allowed" in dialog.result_label.text()
    assert ERROR_COLOUR in dialog.result_label.text()
    dialog.accept()  # Enter with a bad entry: the dialog stays, with the reason
    assert dialog.result_task is None
    assert dialog.result_label.text().startswith("h_cm: 0.0 is not allowed")
    dialog.h.setValue(40)
    assert ok.isEnabled()


def test_a_new_task_starts_from_a_typical_lift(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = NioshDialog()
    qtbot.addWidget(dialog)
    task = dialog.task()
    assert (task.load_kg, task.h_cm, task.v_cm, task.d_cm, task.a_deg) == (10, 40, 75, 50, 0)
    assert not dialog.h_dest.isEnabled()  # the destination counts only with control there
    dialog.destination.setChecked(True)
    assert dialog.h_dest.isEnabled()
    assert dialog.h_dest.value() == 40  # the destination starts at the origin's values


def test_through_the_prompts_a_task_or_none(qtbot, prompts) -> None:  # type: ignore[no-untyped-def]
    assert prompts.lifting_task(None, None) is None
    assert isinstance(prompts.dialogs[-1], NioshDialog)

    def edit(dialog: NioshDialog) -> None:
        dialog.name_edit.setText("Bins to shelf")
        dialog.accept()

    prompts.fill_in = edit
    task = prompts.lifting_task(None, None)
    assert task is not None
    assert task.name == "Bins to shelf"
