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


def test_the_unit_switch_converts_what_is_entered(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = NioshDialog()  # the typical lift: 10 kg, H 40, V 75, D 50 cm
    qtbot.addWidget(dialog)
    dialog.units.setCurrentIndex(dialog.units.findData("us"))
    # 10 kg / 0.45359237 = 22.05 lb; 40 cm / 2.54 = 15.75 in; 75 cm = 29.53 in; 50 cm = 19.69 in
    assert (dialog.load.value(), dialog.h.value(), dialog.v.value(), dialog.d.value()) == (22.05, 15.75, 29.53, 19.69)
    assert dialog.load.suffix() == " lb"
    assert dialog.h.suffix() == " in"
    task = dialog.task()
    assert task.units.value == "us"
    assert task.h_cm == 40  # unchanged by the switch, not rounded through inches
    dialog.units.setCurrentIndex(dialog.units.findData("metric"))
    assert (dialog.load.value(), dialog.h.value()) == (10, 40)


def test_us_units_reproduce_example_4(qtbot) -> None:  # type: ignore[no-untyped-def]
    # NIOSH Applications Manual Example 4 origin, US constants: 20 lb, H 10 in, V 22 in, D 37 in, A 0, 3/min short,
    # fair: 51 × 1.0 × .94 × .869 × 1 × .88 × .95 = 34.8 lb (34.9 with the manual's rounded multipliers).
    dialog = NioshDialog()
    qtbot.addWidget(dialog)
    dialog.units.setCurrentIndex(dialog.units.findData("us"))
    for spin, value in ((dialog.load, 20), (dialog.h, 10), (dialog.v, 22), (dialog.d, 37), (dialog.frequency, 3)):
        spin.setValue(value)
    dialog.coupling.setCurrentIndex(dialog.coupling.findData("fair"))
    assert "RWL <b>34.8 lb</b> (15.8 kg), LI <b>0.57</b>" in dialog.result_label.text()


def test_the_composite_with_the_jobs_other_tasks(qtbot) -> None:  # type: ignore[no-untyped-def]
    # The reference's TV4: A (FIRWL 20 lb, 2/min, 15 lb) with B (FIRWL 30 lb, 3/min, 12 lb), long duration:
    # CLI = 1.154 + .40 × (1/.35 - 1/.65) = 1.68; A's FILI 15/20 = .75, STLI 15/13 = 1.15.
    common = {"v_in": 30, "d_in": 10, "duration": "long", "coupling": "good"}
    task_a = LiftingTask.us(load_lb=15, h_in=20, a_deg=67.5, frequency_per_min=2, name="A", **common)
    task_b = LiftingTask.us(load_lb=12, h_in=17, a_deg=0, frequency_per_min=3, name="B", **common)
    dialog = NioshDialog(task_a, others=[task_b])
    qtbot.addWidget(dialog)
    text = dialog.composite_label.text()
    assert "CLI <b>1.68</b> (this task: FILI 0.75, STLI 1.15)" in text
    assert "Composite LI above 1.0" in text
    dialog.duration.setCurrentIndex(dialog.duration.findData("short"))
    assert "need one duration (long, short now)" in dialog.composite_label.text()


def test_fits_a_1366_by_768_screen_at_125_percent(qtbot) -> None:  # type: ignore[no-untyped-def]
    task = LiftingTask.metric(load_kg=8, h_cm=40, v_cm=30, d_cm=50, a_deg=30, frequency_per_min=3,
                              duration="moderate", coupling="fair", control_at_destination=True, h_dest_cm=40,
                              v_dest_cm=80, one_handed=True)
    dialog = NioshDialog(task, others=[task])
    qtbot.addWidget(dialog)
    hint = dialog.minimumSizeHint()
    assert hint.height() <= 614
    assert hint.width() <= 1092
