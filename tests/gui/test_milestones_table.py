"""Milestones are a small table under the goals: added, typed (the date in any form), ticked and removed, each an
undoable edit of the goal."""

from __future__ import annotations

from datetime import date, timedelta

from gui_factories import history, planned_case, show_case
from PySide6.QtCore import Qt

from rtw_planner.domain.plan.goals import Milestone


def test_milestones_are_added_edited_ticked_and_removed(window) -> None:  # type: ignore[no-untyped-def]
    view = show_case(window, planned_case())
    panel = view.plan_view.goals_panel
    model = panel.milestones_model
    assert not panel.add_milestone_button.isEnabled()  # no goal chosen yet
    panel.goals_view.setCurrentIndex(panel.goals_model.index(0, 0))
    goal_due = view.case.plan.goals[0].due  # 70 days ahead
    panel.add_milestone_button.click()
    assert view.case.plan.goals[0].milestones == (Milestone("New step", goal_due - timedelta(days=28)),)
    assert model.setData(model.index(0, 0), "Walk to the park")
    assert model.setData(model.index(0, 1), "17 Jan 2027")
    assert model.setData(model.index(0, 2), "15")
    assert model.setData(model.index(0, 3), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert view.case.plan.goals[0].milestones == (Milestone("Walk to the park", date(2027, 1, 17), True, 15.0),)
    assert model.data(model.index(0, 1)) == "17 Jan 2027"
    assert not model.setData(model.index(0, 2), "lots")
    assert view.plan_view.message_label.text() == ("milestone amount: 'lots' is not allowed; expected a number in the "
                                                   "quota's unit, or blank")
    panel.milestones_view.setCurrentIndex(model.index(0, 0))
    panel.remove_milestone_button.click()
    assert view.case.plan.goals[0].milestones == ()
    assert history(view)[-1] == "edit goal 1 milestones"
    view.undo_stack.undo()
    assert view.case.plan.goals[0].milestones == (Milestone("Walk to the park", date(2027, 1, 17), True, 15.0),)
    assert model.rowCount() == 1
