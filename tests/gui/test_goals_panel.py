"""Goals and the next appointment: edited and checked; a removed goal and a moved appointment come back with undo."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from gui_factories import history, planned_case, show_case
from PySide6.QtCore import QDateTime

from rtw_planner.domain.plan.goals import GoalStatus


def _plan_tab(window):  # type: ignore[no-untyped-def]
    return show_case(window, planned_case(), "plan_view").plan_view


def test_goals_milestones_and_small_step(window) -> None:  # type: ignore[no-untyped-def]
    plan = _plan_tab(window)
    model = plan.goals_model
    assert model.setData(model.index(0, 3), "achieved")
    assert plan.plan().goals[0].status is GoalStatus.ACHIEVED
    assert model.setData(model.index(0, 5), "psfs")
    assert plan.plan().goals[0].measure == "PSFS"
    soon, later = date.today() + timedelta(days=14), date.today() + timedelta(days=56)
    assert model.setData(model.index(0, 6), f"✓ Walk to the park ({soon}); Walk 20 minutes ({later})")
    assert [m.done for m in plan.plan().goals[0].milestones] == [True, False]
    assert not model.setData(model.index(0, 6), "Walk to the park")
    assert "milestone" in plan.message_label.text()
    assert "This week" in plan.small_step_label.text()
    assert plan.next_appointment() is not None
    assert plan.next_appointment().with_whom == "Sam Rivers"


def test_a_removed_goal_comes_back_with_undo(window) -> None:  # type: ignore[no-untyped-def]
    plan = _plan_tab(window)
    view = window.case_view
    panel = plan.goals_panel
    kept = view.case.plan.goals
    panel.goals_view.setCurrentIndex(plan.goals_model.index(0, 0))
    panel.remove_goal_button.click()
    assert view.case.plan.goals == ()
    assert view.undo_stack.undoText() == "remove goal 1"
    view.undo_stack.undo()
    assert view.case.plan.goals == kept
    assert plan.goals_model.rowCount() == 1
    panel.add_goal_button.click()
    assert len(view.case.plan.goals) == 2
    assert history(view)[-1] == "add goal"


def test_the_next_appointment_is_an_undoable_edit(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    plan = _plan_tab(window)
    view = window.case_view
    panel = plan.goals_panel
    before = view.case.next_appointment
    moved = datetime.combine(date.today() + timedelta(days=21), time(9, 0))
    panel.appointment_edit.setDateTime(QDateTime(moved))
    panel.appointment_with_edit.setText("Priya Shah, Room 4")
    assert history(view) == ["change next appointment", "change next appointment"]
    assert (view.case.next_appointment.when, view.case.next_appointment.with_whom,
            view.case.next_appointment.place) == (moved, "Priya Shah", "Room 4")
    view.undo_stack.setIndex(0)
    assert view.case.next_appointment == before
    assert panel.appointment_with_edit.text() == "Sam Rivers, Room 2"
