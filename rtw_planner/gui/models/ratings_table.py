"""Rated demands (DOT factors, SCO conditions, cognitive demands): one row per item, rated N/S/O/F/C."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from rtw_planner.domain.demands.ratings import ITEMS, RatedGroup, Rating, item_key
from rtw_planner.domain.edits import demand_edits
from rtw_planner.gui.models.base import EditingModel, Index


class RatingsTableModel(EditingModel):
    """Rows are the items of one group; the second column holds the rating."""

    COLUMNS = ("Demand", "Frequency")

    ratings_changed = Signal()

    def __init__(self, group: RatedGroup, parent: Any = None) -> None:
        super().__init__(parent)
        self.group = group
        self._names = ITEMS[group]
        self._ratings: dict[str, Rating] = {}

    def ratings(self) -> dict[str, Rating]:
        """Item key -> rating, leaving out items not present."""
        return {k: r for k, r in self._ratings.items() if r is not Rating.NOT_PRESENT}

    def set_ratings(self, ratings: dict[str, Rating]) -> None:
        """Show ratings (not an edit); the rows stay, so the current cell does too."""
        if ratings == self.ratings():
            return
        self._ratings = dict(ratings)
        self.dataChanged.emit(self.index(0, 1), self.index(self.rowCount() - 1, 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._names)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == 1 else base

    def _rating(self, row: int) -> Rating:
        return self._ratings.get(item_key(self._names[row]), Rating.NOT_PRESENT)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.column() == 0:
            return self._names[index.row()] if role == Qt.ItemDataRole.DisplayRole else None
        rating = self._rating(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{rating.value}  {rating.label}"
        if role == Qt.ItemDataRole.EditRole:
            return rating.value
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or index.column() != 1 or role != Qt.ItemDataRole.EditRole:
            return False
        try:
            rating = Rating(str(value).strip().upper())
        except ValueError:
            return False
        key = item_key(self._names[index.row()])
        if rating == self._rating(index.row()):
            return True

        def in_place() -> None:
            self._ratings[key] = rating
            self.dataChanged.emit(index, index)

        if not self.commit(demand_edits.set_rating(self.group, key, rating), in_place):
            return False
        self.ratings_changed.emit()
        return True


class RatingDelegate(QStyledItemDelegate):
    """Edits a rating with a drop-down of the five codes."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        combo = QComboBox(parent)
        for rating in Rating:
            combo.addItem(f"{rating.value}  {rating.label}", rating.value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
