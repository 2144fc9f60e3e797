"""The Job demands tab: ratings, shift, tasks, lifting tasks and templates are undoable edits, deletes included."""

from __future__ import annotations

from gui_factories import assessed_case, history, planned_case, show_case
from PySide6.QtCore import Qt

from rtw_planner.domain.demands.job import DemandSource
from rtw_planner.domain.demands.niosh import LiftingTask
from rtw_planner.domain.demands.ratings import DOT_FACTORS, RatedGroup, Rating


def test_template_demands_are_flagged(window) -> None:  # type: ignore[no-untyped-def]
    view = show_case(window, assessed_case(), "demands_view")
    demands = view.demands_view
    assert not demands.template_label.isVisibleTo(demands)
    demands.source_combo.setCurrentIndex(demands.source_combo.findData(DemandSource.GENERIC_TEMPLATE.value))
    assert demands.template_label.isVisibleTo(demands)
    view.settle()  # the match follows once the edits pause
    assert any("generic template" in note for note in view.match_view.result.notes)
    view.undo_stack.undo()
    assert not demands.template_label.isVisibleTo(demands)
    assert demands.source_combo.currentData() == DemandSource.JOB_SITE_ANALYSIS.value


def test_copy_a_job_template_and_save_a_clinic_template(window, prompts, data_dir) -> None:  # type: ignore[no-untyped-def]
    window.new_case()
    demands = window.case_view.demands_view
    assert demands.template_combo.count() >= 20
    demands.template_combo.setCurrentIndex(demands.template_combo.findData("cook"))
    demands.copy_template_button.click()
    assert not prompts.questions  # nothing to overwrite yet, so no question
    copied = demands.demands()
    assert copied.source is DemandSource.GENERIC_TEMPLATE
    assert copied.template == "Cook"
    assert copied.profile.strength
    assert demands.template_label.isVisibleTo(demands)
    prompts.confirm_answer = False
    demands.template_combo.setCurrentIndex(demands.template_combo.findData("office-administrator"))
    demands.copy_template_button.click()
    assert prompts.questions
    assert demands.demands().template == "Cook"
    prompts.text_answer = "Cook at Riverside canteen"
    demands.save_template_button.click()
    assert (data_dir / "jobs").is_dir()
    assert list((data_dir / "jobs").glob("*.json"))
    assert demands.template_combo.findText("Cook at Riverside canteen", flags=Qt.MatchFlag.MatchStartsWith) >= 0
    assert window.case_view.undo_stack.undoText() == "copy the job template Cook"
    window.case_view.undo_stack.undo()
    assert not demands.demands().profile.strength  # the empty demands from before the copy


def test_shift_and_ratings_are_undoable_steps(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = show_case(window, assessed_case(), "demands_view")
    demands = view.demands_view
    before = view.case.demands
    qtbot.keyClicks(demands.shift_edit, "7.5")
    qtbot.keyClicks(demands.days_edit, "4")
    demands.arm_leg_box.setChecked(True)
    demands.pace_box.setChecked(True)
    ratings = demands.rating_models[RatedGroup.PHYSICAL]
    stooping = DOT_FACTORS.index("Stooping")
    assert ratings.setData(ratings.index(stooping, 1), "F")
    assert history(view) == ["change shift length", "change days per week", "change seated arm or leg controls",
                             "change production-rate pace", "rate stooping frequent"]
    edited = view.case.demands
    assert (edited.shift_hours, edited.days_per_week) == (7.5, 4)
    assert edited.ratings == {(RatedGroup.PHYSICAL, "stooping"): Rating.FREQUENT}
    view.undo_stack.setIndex(0)
    assert view.case.demands == before
    assert (demands.shift_edit.text(), demands.days_edit.text()) == ("", "")
    assert not demands.pace_box.isChecked()
    assert ratings.data(ratings.index(stooping, 1)) == "N  Not present"
    view.undo_stack.setIndex(5)
    assert view.case.demands == edited


def test_a_shift_that_is_not_a_number_stays_in_the_field_and_is_refused(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = show_case(window, assessed_case(), "demands_view")
    qtbot.keyClicks(view.demands_view.shift_edit, "eight")
    assert "shift length" in view.message_label.text()
    assert view.case.demands.shift_hours is None
    assert not view.save()
    view.demands_view.shift_edit.setText("8")
    assert view.save()
    assert view.case.demands.shift_hours == 8


def test_tasks_added_edited_and_removed_undo(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = show_case(window, assessed_case(), "demands_view")
    demands = view.demands_view
    model = demands.tasks_model
    demands.add_task_button.click()
    assert model.setData(model.index(1, 0), "Price labels")
    assert model.setData(model.index(1, 2), "30")
    demands.tasks_view.setCurrentIndex(model.index(0, 0))
    demands.remove_task_button.click()
    assert [t.name for t in view.case.demands.tasks] == ["Price labels"]
    assert view.undo_stack.undoText() == "remove task 1"
    view.undo_stack.undo()
    assert [t.name for t in view.case.demands.tasks] == ["Fill shelves from cages", "Price labels"]
    assert model.rowCount() == 2
    assert history(view) == ["add task", "edit task 2 task", "edit task 2 share of shift", "remove task 1"]
    assert not model.setData(model.index(0, 2), "80")  # 110% of the shift with the other task: refused
    assert "task shares" in demands.message_label.text()
    assert view.case.demands.tasks[0].share_pct is None


def test_lifting_tasks_added_edited_and_removed_undo(window, prompts, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    view = show_case(window, planned_case(), "demands_view")
    demands = view.demands_view
    heavier = LiftingTask.metric(load_kg=18, h_cm=40, v_cm=30, d_cm=50, a_deg=0, frequency_per_min=1,
                                 duration="short", coupling="good", name="Water bottles")
    monkeypatch.setattr(prompts, "lifting_task", lambda parent, task, others=(): heavier, raising=False)
    demands.add_lifting_button.click()
    assert demands.lifting_list.count() == 2
    assert demands.lifting_list.item(1).text().startswith("Water bottles: 18 kg")
    # Both: H 40 (HM .625), V 30 (VM .865), D 50 (DM .91), good: FIRWL 23 × .625 × .865 × .91 = 11.315 kg; 1/min
    # short, V < 75: FM .94. STLI 18/10.636 = 1.692 (bottles first), FILI 10/11.315 = .884 (cases); summed 2/min:
    # FM .91. CLI = 1.692 + .884 × (1/.91 - 1/.94) = 1.692 + .031 = 1.72.
    assert "the job's 2 lifting tasks: CLI <b>1.72</b>" in demands.lifting_composite_label.text()
    demands.lifting_list.setCurrentRow(0)
    demands.edit_lifting_button.click()
    assert view.case.demands.lifting_tasks == (heavier, heavier)
    demands.lifting_list.setCurrentRow(0)
    demands.remove_lifting_button.click()
    assert history(view) == ["add lifting task", "edit lifting task 1", "remove lifting task 1"]
    view.undo_stack.undo()
    view.undo_stack.undo()
    assert view.case.demands.lifting_tasks[0].name == "Cases onto the cage"
    assert demands.lifting_list.item(0).text().startswith("Cases onto the cage: 10 kg")
