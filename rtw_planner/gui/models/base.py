"""What every table model shares: named columns, a flat shape, and rows changed through edit commands."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.gui.kit.styles import tones

if TYPE_CHECKING:  # the edits (and the case model behind them) load with the case view, not at startup
    from rtw_planner.domain.edits.commands import Edit

    # Where a model sends an edit: the case view applies it to its case and returns the problem when refused.
    EditSink = Callable[[Edit], ValidationError | None]

Index = QModelIndex | QPersistentModelIndex
WARNING_MARK = "⚠"


def warned_cell(message: str, role: int) -> Any:
    """A warned cell's colours (the palette's "unknown" pair, readable in dark mode too), its tooltip and
    accessible description; None for other roles."""
    if role == Qt.ItemDataRole.BackgroundRole:
        return QBrush(QColor(tones().unknown[0]))
    if role == Qt.ItemDataRole.ForegroundRole:
        return QBrush(QColor(tones().unknown[1]))
    if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
        return f"{WARNING_MARK} {message}"
    return None


class ColumnsTableModel(QAbstractTableModel):
    """A flat table whose horizontal header is the class's COLUMNS; cells can carry a plausibility warning."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.cell_warnings: dict[tuple[int, int], str] = {}

    def set_cell_warnings(self, warnings: dict[tuple[int, int], str]) -> None:
        """Mark these cells (row, column) with these messages, and no others."""
        changed = {k for k in set(warnings) | set(self.cell_warnings) if warnings.get(k) != self.cell_warnings.get(k)}
        self.cell_warnings = dict(warnings)
        for row, column in changed:
            if 0 <= row < self.rowCount() and 0 <= column < self.columnCount():
                self.dataChanged.emit(self.index(row, column), self.index(row, column))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.COLUMNS):
            return self.COLUMNS[section]
        return None

    def cell_data(self, index: Index, role: int) -> Any:
        """The cell's own data for a role. Models that answer this (not data()) can have their cells marked: a
        marked cell shows the warning mark before its text (not colour alone), the warning colours, and the message
        as tooltip and accessible description; the edit role is never marked, so editing shows the plain value."""
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        message = self.cell_warnings.get((index.row(), index.column())) if index.isValid() else None
        if message is None:
            return self.cell_data(index, role)
        if role == Qt.ItemDataRole.DisplayRole:
            shown = self.cell_data(index, role)
            return f"{WARNING_MARK} {shown}" if shown not in (None, "") else WARNING_MARK
        marked = warned_cell(message, role)
        return marked if marked is not None else self.cell_data(index, role)


class EditingModel(ColumnsTableModel):
    """A model whose changes are edit commands. With a sink (the case view) an edit goes there and the model is
    shown the new rows by the view's refresh; without one (a model on its own) the change is made in place."""

    invalid_input = Signal(str)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.sink: EditSink | None = None

    def commit(self, edit: Edit, in_place: Callable[[], None]) -> bool:
        """Send an edit to the sink, or make the change in place when there is none; False when refused."""
        if self.sink is None:
            in_place()
            return True
        problem = self.sink(edit)
        if problem is not None:
            self.invalid_input.emit(str(problem))
            return False
        return True


class RowsTableModel(EditingModel):
    """Rows of frozen values; `edited` validates a cell by building the new row. Subclasses say which edit adds,
    removes or changes a row (insert_edit, remove_edit, row_edit)."""

    rows_changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def set_rows(self, rows: tuple[Any, ...] | list[Any]) -> None:
        """Show rows (not an edit). One row added, removed or changed is signalled as such, so the view keeps its
        current cell and selection; anything else resets the model."""
        new, old = list(rows), self._rows
        if new == old:
            return
        if len(new) == len(old):
            changed = [r for r, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
            self._rows = new
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], self.columnCount() - 1))
            return
        first = next((r for r, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), min(len(old), len(new)))
        if len(new) == len(old) + 1 and new[first + 1:] == old[first:]:
            self.beginInsertRows(QModelIndex(), first, first)
            self._rows = new
            self.endInsertRows()
        elif len(new) == len(old) - 1 and new[first:] == old[first + 1:]:
            self.beginRemoveRows(QModelIndex(), first, first)
            self._rows = new
            self.endRemoveRows()
        else:
            self.beginResetModel()
            self._rows = new
            self.endResetModel()

    def rows(self) -> tuple[Any, ...]:
        """The rows shown."""
        return tuple(self._rows)

    def insert_edit(self, index: int, row: Any) -> Edit:
        """The edit that adds a row at a position."""
        raise NotImplementedError

    def remove_edit(self, index: int, row: Any) -> Edit:
        """The edit that removes a row."""
        raise NotImplementedError

    def row_edit(self, index: int, row: Any, column: int) -> Edit:
        """The edit that replaces a row after one column was changed."""
        raise NotImplementedError

    def append_row(self, row: Any) -> bool:
        """Add a row at the end."""
        at = len(self._rows)

        def in_place() -> None:
            self.beginInsertRows(QModelIndex(), at, at)
            self._rows.append(row)
            self.endInsertRows()

        return self._after(self.commit(self.insert_edit(at, row), in_place))

    def remove_row(self, row: int) -> bool:
        """Remove a row if there is one (undo puts it back)."""
        if not 0 <= row < len(self._rows):
            return False

        def in_place() -> None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

        return self._after(self.commit(self.remove_edit(row, self._rows[row]), in_place))

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        try:
            updated = self.edited(self._rows[index.row()], index.column(), value)
        except ValidationError as exc:
            self.invalid_input.emit(str(exc))
            return False
        return self.replace_row(index.row(), updated, index.column())

    def replace_row(self, row: int, updated: Any, column: int) -> bool:
        """Replace a row after a change of one column."""
        if updated == self._rows[row]:
            return True

        def in_place() -> None:
            self._rows[row] = updated
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

        return self._after(self.commit(self.row_edit(row, updated, column), in_place))

    def _after(self, accepted: bool) -> bool:
        if accepted:
            self.rows_changed.emit()
        return accepted

    def edited(self, row: Any, column: int, value: Any) -> Any:
        """The row with one column changed. Raises ValidationError."""
        raise NotImplementedError
