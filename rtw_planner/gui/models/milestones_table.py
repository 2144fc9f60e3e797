"""The milestones of one goal as a small table (description, due date, amount in the quota's unit, done), each change
an edit of the goal, so it undoes like any other."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.units import format_number
from rtw_planner.domain.edits import plan_edits
from rtw_planner.domain.edits.commands import Edit
from rtw_planner.domain.plan.goals import Goal, Milestone
from rtw_planner.gui.kit.dates_parse import parse_date
from rtw_planner.gui.kit.dates_text import short_date
from rtw_planner.gui.kit.numbers import parse_number
from rtw_planner.gui.models.base import Index, RowsTableModel

DONE = 3


class MilestonesTableModel(RowsTableModel):
    """Rows are the Milestone values of the goal at `goal_index`; without a goal the table is empty."""

    COLUMNS = ("Step", "Due", "Amount", "Done")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.goal: Goal | None = None
        self.goal_index = -1

    def show_goal(self, index: int, goal: Goal | None) -> None:
        """Show the milestones of a goal (None: no goal chosen)."""
        self.goal, self.goal_index = goal, index
        self.set_rows(goal.milestones if goal is not None else ())

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        return base | (Qt.ItemFlag.ItemIsUserCheckable if index.column() == DONE else Qt.ItemFlag.ItemIsEditable)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        milestone: Milestone = self._rows[index.row()]
        if index.column() == DONE:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if milestone.done else Qt.CheckState.Unchecked
            return None
        if role == Qt.ItemDataRole.EditRole and index.column() == 1:
            return milestone.due.isoformat()
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        amount = "" if milestone.amount is None else format_number(milestone.amount, 2)
        return (milestone.description, short_date(milestone.due), amount)[index.column()]

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if index.isValid() and index.column() == DONE and role == Qt.ItemDataRole.CheckStateRole:
            done = Qt.CheckState(value) == Qt.CheckState.Checked
            return self.replace_row(index.row(), replace(self._rows[index.row()], done=done), DONE)
        return super().setData(index, value, role)

    def edited(self, row: Milestone, column: int, value: Any) -> Milestone:
        text = str(value).strip()
        if column == 0:
            return replace(row, description=text)
        if column == 1:
            due = parse_date(text, "milestone due date")
            if due is None:
                raise ValidationError("milestone due date", text, "the day the step is due")
            return replace(row, due=due)
        try:
            amount = parse_number(text) if text else None
        except ValueError:
            raise ValidationError("milestone amount", text, "a number in the quota's unit, or blank") from None
        return replace(row, amount=amount)

    def _goal_edit(self, milestones: list[Milestone]) -> Edit:
        if self.goal is None:
            raise ValidationError("milestone", None, "a goal chosen in the goals table first")
        return plan_edits.edit_goal(self.goal_index, replace(self.goal, milestones=tuple(milestones)), "milestones")

    def insert_edit(self, index: int, row: Milestone) -> Edit:
        return self._goal_edit([*self._rows[:index], row, *self._rows[index:]])

    def remove_edit(self, index: int, row: Milestone) -> Edit:
        return self._goal_edit([m for n, m in enumerate(self._rows) if n != index])

    def row_edit(self, index: int, row: Milestone, column: int) -> Edit:
        return self._goal_edit([row if n == index else m for n, m in enumerate(self._rows)])
