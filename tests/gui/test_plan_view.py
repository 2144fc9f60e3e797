"""The Plan tab: quotas edited with their chart, and a removed activity back with undo (each part has its own tests)."""

from __future__ import annotations

from gui_factories import history, planned_case, show_case

from rtw_planner.gui.models.plan_tables import GoalsTableModel, PhasesTableModel, QuotasTableModel


def _plan_tab(window):  # type: ignore[no-untyped-def]
    return show_case(window, planned_case(), "plan_view").plan_view


def test_plan_models_pass_the_model_tester(window, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    plan = _plan_tab(window)
    for model in (plan.phases_model, plan.quotas_model, plan.goals_model):
        qtmodeltester.check(model)
    assert isinstance(plan.phases_model, PhasesTableModel)
    assert isinstance(plan.quotas_model, QuotasTableModel)
    assert isinstance(plan.goals_model, GoalsTableModel)
    assert plan.quotas_model.rowCount() == 1


def test_quota_edits_and_chart_data(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    plan = _plan_tab(window)
    plan.tabs.setCurrentWidget(plan.quotas_tab)
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
    assert not model.setData(model.index(0, 7), "")
    assert "goal" in plan.message_label.text()
    assert model.setData(model.index(0, 6), "6")  # linear to the goal in 6 weeks
    assert plan.plan().quotas[0].weeks()[-1] == 30
    assert len(plan.plan().quotas[0].weeks()) == 6
    window.case_view.settle()  # the chart follows once the edits pause
    assert len(plan.quota_chart.quota_item.getData()[0]) == 6


def test_a_removed_activity_comes_back_with_undo(window) -> None:  # type: ignore[no-untyped-def]
    plan = _plan_tab(window)
    view = window.case_view
    kept = view.case.plan.quotas
    plan.add_quota_button.click()
    assert [q.name for q in view.case.plan.quotas] == ["Walking", "Activity 2"]
    assert not plan.quotas_model.setData(plan.quotas_model.index(1, 0), "Walking")  # each activity once
    assert "quota activities" in plan.message_label.text()
    plan.quotas_view.setCurrentIndex(plan.quotas_model.index(0, 0))
    plan.remove_quota_button.click()
    assert [q.name for q in view.case.plan.quotas] == ["Activity 2"]
    assert history(view) == ["add graded activity", "remove graded activity Walking"]
    view.undo_stack.undo()
    view.undo_stack.undo()
    assert view.case.plan.quotas == kept
    assert plan.quotas_model.rows() == kept
