"""The tasks model: essential ticked, share of the shift and the demand items involved, each edit validated."""

from __future__ import annotations

from PySide6.QtCore import Qt

from rtw_planner.domain.demands.job import Task
from rtw_planner.domain.demands.profile import Activity
from rtw_planner.domain.edits.commands import Edit
from rtw_planner.gui.models.tasks_table import TasksTableModel


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


def test_task_edits_are_named_by_row_and_column() -> None:
    model = TasksTableModel()
    model.set_tasks((Task("Pick cases"), Task("Price labels")))
    sent: list[Edit] = []
    model.sink = lambda edit: sent.append(edit) or None  # type: ignore[func-returns-value]
    assert model.setData(model.index(1, 2), "20")
    assert model.remove_task(0)
    assert model.add_task()
    assert [e.text for e in sent] == ["edit task 2 share of shift", "remove task 1", "add task"]
    assert model.tasks() == (Task("Pick cases"), Task("Price labels"))  # unchanged until the case view refreshes


def test_the_delegate_ticks_the_demand_items_a_task_involves(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QStyleOptionViewItem, QTableView, QWidget

    from rtw_planner.gui.models.tasks_table import ActivitiesDelegate

    model = TasksTableModel()
    model.set_tasks((Task("Pick cases", True, None, (Activity.CARRY,)),))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    delegate = ActivitiesDelegate(view)
    index = model.index(0, 3)
    editor = delegate.createEditor(QWidget(view), QStyleOptionViewItem(), index)
    delegate.setEditorData(editor, index)
    ticked = [editor.item(r).data(Qt.ItemDataRole.UserRole) for r in range(editor.count())
              if editor.item(r).checkState() == Qt.CheckState.Checked]
    assert ticked == ["carry"]
    editor.item(list(Activity).index(Activity.WALK)).setCheckState(Qt.CheckState.Checked)
    delegate.setModelData(editor, model, index)
    assert model.tasks()[0].activities == (Activity.CARRY, Activity.WALK)
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 100, 20)
    delegate.updateEditorGeometry(editor, option, index)
    assert (editor.width(), editor.height()) == (220, 220)  # wide and tall enough for the list
