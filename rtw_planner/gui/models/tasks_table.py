"""The job's tasks: name, essential or not, share of the shift, and the demand items each involves."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.job import Task
from rtw_planner.domain.demands.profile import Activity
from rtw_planner.domain.edits import demand_edits
from rtw_planner.domain.edits.commands import Edit
from rtw_planner.gui.kit.numbers import format_number_for_edit, parse_number
from rtw_planner.gui.models.base import Index, RowsTableModel


class TasksTableModel(RowsTableModel):
    """Rows are Task values; edits are validated by the domain and reported through invalid_input."""

    COLUMNS = ("Task", "Essential", "Share of shift", "Involves")

    def tasks(self) -> tuple[Task, ...]:
        """The tasks shown."""
        return self.rows()

    def set_tasks(self, tasks: tuple[Task, ...]) -> None:
        """Show tasks (not an edit)."""
        self.set_rows(tasks)

    def add_task(self, name: str = "New task") -> bool:
        """Append a task."""
        return self.append_row(Task(name))

    def remove_task(self, row: int) -> bool:
        """Remove a task (undo puts it back)."""
        return self.remove_row(row)

    def insert_edit(self, index: int, row: Task) -> Edit:
        return demand_edits.add_task(row, index)

    def remove_edit(self, index: int, row: Task) -> Edit:
        return demand_edits.remove_task(index)

    def row_edit(self, index: int, row: Task, column: int) -> Edit:
        return demand_edits.edit_task(index, row, self.COLUMNS[column].lower())

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        if index.column() == 1:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        task: Task = self._rows[index.row()]
        column = index.column()
        if column == 1:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if task.essential else Qt.CheckState.Unchecked
            return ("Essential" if task.essential else "Non-essential") if role == Qt.ItemDataRole.DisplayRole \
                else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return task.name
            if column == 2:
                return "" if task.share_pct is None else f"{task.share_pct:g}%"
            return ", ".join(a.label for a in task.activities)
        if role == Qt.ItemDataRole.EditRole:
            if column == 0:
                return task.name
            if column == 2:
                return format_number_for_edit(task.share_pct)
            return [a.value for a in task.activities]
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if index.isValid() and index.column() == 1 and role == Qt.ItemDataRole.CheckStateRole:
            task: Task = self._rows[index.row()]
            checked = Qt.CheckState(value) == Qt.CheckState.Checked if isinstance(value, int) else \
                value == Qt.CheckState.Checked
            return self.replace_row(index.row(), replace(task, essential=checked), 1)
        return super().setData(index, value, role)

    def edited(self, row: Task, column: int, value: Any) -> Task:
        if column == 0:
            return Task(str(value), row.essential, row.share_pct, row.activities)
        if column == 2:
            try:
                share = parse_number(value)
            except ValueError:
                raise ValidationError(f"{row.name} share of shift", value, "a number from 0 to 100 %") from None
            return Task(row.name, row.essential, share, row.activities)
        if column == 3:
            return Task(row.name, row.essential, row.share_pct, tuple(Activity(a) for a in value))
        raise ValidationError("task", value, "a name, a share of the shift or the demand items involved")


class ActivitiesDelegate(QStyledItemDelegate):
    """Edits the demand items a task involves with a list of check boxes."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        editor = QListWidget(parent)
        editor.setMinimumHeight(220)
        for activity in Activity:
            item = QListWidgetItem(activity.label, editor)
            item.setData(Qt.ItemDataRole.UserRole, activity.value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QListWidget)
        chosen = set(index.data(Qt.ItemDataRole.EditRole) or [])
        for row in range(editor.count()):
            item = editor.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QListWidget)
        chosen = [editor.item(r).data(Qt.ItemDataRole.UserRole) for r in range(editor.count())
                  if editor.item(r).checkState() == Qt.CheckState.Checked]
        model.setData(index, chosen, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802
        rect = option.rect
        editor.setGeometry(rect.x(), rect.y(), max(rect.width(), 220), 220)
