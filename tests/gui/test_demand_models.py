"""The rated-demand and task models pass qtmodeltester and validate edits."""

from __future__ import annotations

from PySide6.QtCore import Qt

from rtw_planner.domain.demands.job import Task
from rtw_planner.domain.demands.profile import Activity
from rtw_planner.domain.demands.ratings import DOT_FACTORS, RatedGroup, Rating
from rtw_planner.gui.models.ratings_table import RatingsTableModel
from rtw_planner.gui.models.tasks_table import TasksTableModel


def test_ratings_model_lists_every_dot_factor_and_edits_ratings(qtmodeltester, qtbot) -> None:  # type: ignore[no-untyped-def]
    model = RatingsTableModel(RatedGroup.PHYSICAL)
    model.set_ratings({"stooping": Rating.FREQUENT})
    qtmodeltester.check(model)
    assert model.rowCount() == len(DOT_FACTORS) == 20
    stooping = DOT_FACTORS.index("Stooping")
    assert model.data(model.index(stooping, 1)) == "F  Frequent"
    with qtbot.waitSignal(model.ratings_changed):
        assert model.setData(model.index(0, 1), "c")
    assert model.ratings() == {"strength": Rating.CONSTANT, "stooping": Rating.FREQUENT}
    assert not model.setData(model.index(0, 1), "X")
    assert model.setData(model.index(stooping, 1), "N")
    assert "stooping" not in model.ratings()


def test_tasks_model_edits_and_rejects(qtmodeltester, qtbot) -> None:  # type: ignore[no-untyped-def]
    model = TasksTableModel()
    model.set_tasks((Task("Pick cases", True, 60, (Activity.LIFT_FLOOR_TO_WAIST,)),))
    qtmodeltester.check(model)
    assert model.data(model.index(0, 2)) == "60%"
    assert model.data(model.index(0, 1), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.setData(model.index(0, 1), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert not model.tasks()[0].essential
    assert model.setData(model.index(0, 3), ["carry", "walk"])
    assert model.tasks()[0].activities == (Activity.CARRY, Activity.WALK)
    with qtbot.waitSignal(model.invalid_input) as blocker:
        assert not model.setData(model.index(0, 2), "150")
    assert "share of shift" in blocker.args[0]
    assert "150" in blocker.args[0]
    with qtbot.waitSignal(model.invalid_input):
        assert not model.setData(model.index(0, 0), "   ")
    model.add_task()
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    model.remove_task(0)
    assert [t.name for t in model.tasks()] == ["New task"]
