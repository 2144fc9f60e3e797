"""The job's tasks: name, essential or not, share of the shift, and the demand items each involves."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.job import Task
from rtw_planner.domain.demands.profile import Activity
from rtw_planner.gui.models.base import ColumnsTableModel, Index
from rtw_planner.gui.models.profile_tables import parse_number


class TasksTableModel(ColumnsTableModel):
    """Rows are Task values; edits are validated by the domain and reported through invalid_input."""

    COLUMNS = ("Task", "Essential", "Share of shift", "Involves")

    tasks_changed = Signal()
    invalid_input = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._tasks: list[Task] = []

    def tasks(self) -> tuple[Task, ...]:
        """The tasks as edited."""
        return tuple(self._tasks)

    def set_tasks(self, tasks: tuple[Task, ...]) -> None:
        """Show tasks (not counted as an edit)."""
        self.beginResetModel()
        self._tasks = list(tasks)
        self.endResetModel()

    def add_task(self, name: str = "New task") -> None:
        """Append a task."""
        self.beginInsertRows(QModelIndex(), len(self._tasks), len(self._tasks))
        self._tasks.append(Task(name))
        self.endInsertRows()
        self.tasks_changed.emit()

    def remove_task(self, row: int) -> None:
        """Remove a task."""
        if 0 <= row < len(self._tasks):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._tasks[row]
            self.endRemoveRows()
            self.tasks_changed.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._tasks)


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
        task = self._tasks[index.row()]
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
                return "" if task.share_pct is None else f"{task.share_pct:g}"
            return [a.value for a in task.activities]
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid():
            return False
        task = self._tasks[index.row()]
        column = index.column()
        try:
            if column == 1 and role == Qt.ItemDataRole.CheckStateRole:
                checked = Qt.CheckState(value) == Qt.CheckState.Checked if isinstance(value, int) else \
                    value == Qt.CheckState.Checked
                updated = Task(task.name, checked, task.share_pct, task.activities)
            elif role != Qt.ItemDataRole.EditRole:
                return False
            elif column == 0:
                updated = Task(str(value), task.essential, task.share_pct, task.activities)
            elif column == 2:
                try:
                    share = parse_number(value)
                except ValueError:
                    raise ValidationError(f"{task.name} share of shift", value, "a number from 0 to 100 %") from None
                updated = Task(task.name, task.essential, share, task.activities)
            elif column == 3:
                updated = Task(task.name, task.essential, task.share_pct, tuple(Activity(a) for a in value))
            else:
                return False
        except ValidationError as exc:
            self.invalid_input.emit(str(exc))
            return False
        self._tasks[index.row()] = updated
        self.dataChanged.emit(index, index)
        self.tasks_changed.emit()
        return True


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
