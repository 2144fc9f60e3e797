"""Handling tasks for the Liberty Mutual equations in the GUI: the dialog shows both populations' results live and
converts units, and the job-demands tab adds, edits and removes tasks as undoable edits."""

from __future__ import annotations

from gui_factories import history, planned_case, show_case
from mmh_factories import pallet_push, paper_lift
from PySide6.QtWidgets import QDialogButtonBox

from rtw_planner.gui.dialogs.mmh_task_dialog import MmhTaskDialog


def test_the_papers_example_live_for_both_populations(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = MmhTaskDialog(paper_lift())
    qtbot.addWidget(dialog)
    text = dialog.result_label.text()
    # Females: 34.9 × .766 × .948 × .907 × .677 = 15.56 kg; 90%: 10.37; 12 kg acceptable to 81.0%.
    assert "<b>Females:</b> 15.6 kg acceptable to 50%, 10.4 kg to 90%; 12.0 kg is acceptable to <b>81.0%</b>" in text
    # Males: 82.6 × .81640 × .99143 × .93290 × .6259 = 39.04 kg (by hand in test_match_report_handling's way).
    assert "<b>Males:</b> 39.0 kg acceptable to 50%" in text
    assert not dialog.lengths["v_m"].isEnabled()  # a lift takes H, VRM and DV
    assert not dialog.phase.isEnabled()


def test_units_switch_and_an_impossible_entry(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = MmhTaskDialog(pallet_push())
    qtbot.addWidget(dialog)
    dialog.units.setCurrentIndex(dialog.units.findData("us"))
    # 0.95 m / 0.0254 = 37.40 in; 15 m = 590.55 in; 20 kgf × 2.2046 = 44.1 lbf.
    assert (dialog.lengths["v_m"].value(), dialog.lengths["dh_m"].value()) == (37.40, 590.55)
    assert dialog.load.value() == 44.1
    assert dialog.load.suffix() == " lbf"
    assert "lbf" in dialog.result_label.text()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.lengths["dh_m"].setValue(0)
    assert not ok.isEnabled()
    assert "dh_m: 0.0 is not allowed; expected a number above 0 (horizontal distance DH)" in \
        dialog.result_label.text()


def test_the_demands_tab_adds_edits_and_removes_with_undo(window, prompts) -> None:  # type: ignore[no-untyped-def]
    view = show_case(window, planned_case(), "demands_view")
    area = view.demands_view.handling_area

    def new_push(dialog: MmhTaskDialog) -> None:
        dialog.name_edit.setText("Pallet truck")
        dialog.load.setValue(25)
        dialog.accept()

    prompts.fill_in = new_push
    area.add_button.click()
    assert view.case.demands.mmh_tasks[0].name == "Pallet truck"
    assert view.case.demands.mmh_tasks[0].load == 25
    assert area.task_list.item(0).text() == "Pallet truck: push (initial), 25 kgf; V 0.95 m, DH 10.00 m; 1/min"

    def carry(dialog: MmhTaskDialog) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData("carry"))
        dialog.accept()

    prompts.fill_in = carry
    area.task_list.setCurrentRow(0)
    area.edit_button.click()
    assert view.case.demands.mmh_tasks[0].kind == "carry"
    assert view.case.demands.mmh_tasks[0].phase is None
    area.remove_button.click()
    assert view.case.demands.mmh_tasks == ()
    assert history(view)[-3:] == ["add handling task", "edit handling task 1", "remove handling task 1"]
    view.undo_stack.undo()
    assert area.task_list.count() == 1
    assert area.task_list.item(0).text().startswith("Pallet truck: carry, 25 kg;")


def test_the_match_tab_shows_the_share_who_accept_each_load(qtbot) -> None:  # type: ignore[no-untyped-def]
    from mmh_factories import handling_case, tote_carry

    from rtw_planner.domain.capacity.grip import Sex as PersonSex
    from rtw_planner.gui.widgets.match_view import MatchView

    view = MatchView()
    qtbot.addWidget(view)
    view.show_case(handling_case(paper_lift(), tote_carry(), tote_carry(dh_m=12, name="Long"), sex=PersonSex.FEMALE))
    text = view.summary_label.text()
    # By hand: the paper's 12 kg lift 81.0% of females; the 15 kg carry 68.5% (below 75%); DH 12 m is out of range.
    assert "<b>Handling tasks</b> (Liberty Mutual, females who accept the load; below 75% is higher risk): " \
           "Totes to the belt: 81.0%; Tote to the cage: <span" in text
    assert "⚠ 68.5%" in text
    assert "Long: no valid value" in text
