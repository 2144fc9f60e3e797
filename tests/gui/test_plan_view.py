"""The Plan tab: phases, quotas, adjustments and goals are edited, validated, saved, and regenerated safely."""

from __future__ import annotations

from PySide6.QtCore import Qt

from rtw_planner.domain.goals import GoalStatus
from rtw_planner.domain.phases import Duties
from rtw_planner.gui.models.plan_tables import GoalsTableModel, PhasesTableModel, QuotasTableModel


def _plan_tab(window):  # type: ignore[no-untyped-def]
    window.open_demo_case()
    window.case_view.tabs.setCurrentWidget(window.case_view.plan_view)
    return window.case_view.plan_view


def test_plan_models_pass_the_model_tester(window, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    plan = _plan_tab(window)
    for model in (plan.phases_model, plan.quotas_model, plan.goals_model):
        qtmodeltester.check(model)
    assert isinstance(plan.phases_model, PhasesTableModel)
    assert isinstance(plan.quotas_model, QuotasTableModel)
    assert isinstance(plan.goals_model, GoalsTableModel)


def test_phase_edits_recompute_hours_and_save(window, repositories) -> None:  # type: ignore[no-untyped-def]
    cases, _ = repositories
    plan = _plan_tab(window)
    model = plan.phases_model
    assert model.data(model.index(0, 5)) == "20"  # 50% of the 40-hour contract
    assert model.setData(model.index(0, 1), "40")
    assert model.data(model.index(0, 5)) == "16"
    assert model.setData(model.index(0, 0), "2")
    assert model.data(model.index(1, 4)).startswith("18 Jan")  # phase 2 moves back a week
    assert not model.setData(model.index(0, 1), "150")
    assert "phase percentage" in plan.message_label.text()
    assert model.setData(model.index(3, 3), "usual")
    window.case_view.save()
    saved = cases.get(window.case_view.case_id).plan.phased_return
    assert saved.phases[0].percent == 40
    assert saved.phases[0].weeks == 2
    assert saved.phases[3].duties is Duties.USUAL
    assert len(cases.plan_versions(window.case_view.case_id)) == 2


def test_regenerating_asks_before_replacing_edits(window, prompts) -> None:  # type: ignore[no-untyped-def]
    plan = _plan_tab(window)
    plan.phases_model.setData(plan.phases_model.index(0, 7), "Agreed with the line manager")
    prompts.confirm_answer = False
    plan.generate_button.click()
    assert prompts.questions
    assert "phases" in prompts.questions[-1]
    assert plan.plan().phased_return.phases[0].progression_criteria == "Agreed with the line manager"
    prompts.confirm_answer = True
    plan.generate_button.click()
    assert plan.plan().phased_return.phases[0].progression_criteria != "Agreed with the line manager"


def test_quota_edits_and_chart_data(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    plan = _plan_tab(window)
    plan.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: plan.quota_chart.quota_item is not None)
    xs, ys = plan.quota_chart.quota_item.getData()
    assert [round(y, 6) for y in ys[:3]] == [8.0, 8.8, 9.68]
    assert ys[-1] == 30
    assert len(xs) == 15
    model = plan.quotas_model
    assert model.setData(model.index(0, 2), "10, 12, 14")
    assert model.data(model.index(0, 3)) == "12"
    assert not model.setData(model.index(0, 4), "0")
    assert "start percent" in plan.message_label.text()
    assert model.setData(model.index(0, 6), "6")  # linear to the goal in 6 weeks
    assert plan.plan().quotas[0].weeks()[-1] == 30
    assert len(plan.plan().quotas[0].weeks()) == 6


def test_adjustments_are_picked_and_edited(window) -> None:  # type: ignore[no-untyped-def]
    plan = _plan_tab(window)
    notes = plan.notes_list
    assert notes.count() > len(plan.notes())  # unticked suggestions are offered too
    first = notes.item(0)
    first.setText("Provide a powered pallet truck for every load above 12 kg.")
    picked = plan.notes()
    assert picked[0].text.startswith("Provide a powered pallet truck")
    assert picked[0].edited
    first.setCheckState(Qt.CheckState.Unchecked)
    assert len(plan.notes()) == len(picked) - 1


def test_goals_milestones_and_small_step(window) -> None:  # type: ignore[no-untyped-def]
    plan = _plan_tab(window)
    model = plan.goals_model
    assert model.setData(model.index(0, 3), "achieved")
    assert plan.plan().goals[0].status is GoalStatus.ACHIEVED
    assert model.setData(model.index(0, 5), "psfs")
    assert plan.plan().goals[0].measure == "PSFS"
    assert model.setData(model.index(0, 6), "✓ Walk to the park (2026-12-20); Walk 20 minutes (2027-01-31)")
    assert [m.done for m in plan.plan().goals[0].milestones] == [True, False]
    assert not model.setData(model.index(0, 6), "Walk to the park")
    assert "milestone" in plan.message_label.text()
    assert "This week" in plan.small_step_label.text()
    assert plan.next_appointment() is not None
    assert plan.next_appointment().with_whom == "Priya Shah"
