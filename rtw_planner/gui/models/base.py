"""What every table model shares: named columns and a flat (non-tree) shape."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from rtw_planner.domain.data.errors import ValidationError

Index = QModelIndex | QPersistentModelIndex


class ColumnsTableModel(QAbstractTableModel):
    """A flat table whose horizontal header is the class's COLUMNS."""

    COLUMNS: tuple[str, ...] = ()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.COLUMNS):
            return self.COLUMNS[section]
        return None


class RowsTableModel(ColumnsTableModel):
    """Rows of frozen values; `replace_row` validates by building the new value."""

    rows_changed = Signal()
    invalid_input = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def set_rows(self, rows: tuple[Any, ...] | list[Any]) -> None:
        """Show rows (not counted as an edit)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> tuple[Any, ...]:
        """The rows as edited."""
        return tuple(self._rows)

    def append_row(self, row: Any) -> None:
        """Add a row at the end."""
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
        self._rows.append(row)
        self.endInsertRows()
        self.rows_changed.emit()

    def remove_row(self, row: int) -> None:
        """Remove a row if there is one."""
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
            self.rows_changed.emit()

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        try:
            updated = self.edited(self._rows[index.row()], index.column(), value)
        except ValidationError as exc:
            self.invalid_input.emit(str(exc))
            return False
        self._rows[index.row()] = updated
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), self.columnCount() - 1))
        self.rows_changed.emit()
        return True

    def edited(self, row: Any, column: int, value: Any) -> Any:
        """The row with one column changed. Raises ValidationError."""
        raise NotImplementedError
