"""Rated demands (DOT factors, SCO conditions, cognitive demands): one row per item, rated N/S/O/F/C; the DOT's
Strength row is rated by level, S/L/M/H/V."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.ratings import ITEMS, LEVEL_RATED, RatedGroup, Rating, item_key
from rtw_planner.domain.demands.strength import StrengthLevel
from rtw_planner.domain.edits import demand_edits
from rtw_planner.gui.models.base import EditingModel, Index


class RatingsTableModel(EditingModel):
    """Rows are the items of one group; the second column holds the rating."""

    COLUMNS = ("Demand", "Rating")

    ratings_changed = Signal()

    def __init__(self, group: RatedGroup, parent: Any = None) -> None:
        super().__init__(parent)
        self.group = group
        self._names = ITEMS[group]
        self._ratings: dict[str, Rating] = {}
        self._strength: StrengthLevel | None = None

    def ratings(self) -> dict[str, Rating]:
        """Item key -> rating, leaving out items not present."""
        return {k: r for k, r in self._ratings.items() if r is not Rating.NOT_PRESENT}

    def strength_rating(self) -> StrengthLevel | None:
        """The DOT strength level shown (physical factors only)."""
        return self._strength

    def set_ratings(self, ratings: dict[str, Rating], strength: StrengthLevel | None = None) -> None:
        """Show ratings and the strength level (not an edit); the rows stay, so the current cell does too."""
        if ratings == self.ratings() and strength is self._strength:
            return
        self._ratings = dict(ratings)
        self._strength = strength
        self.dataChanged.emit(self.index(0, 1), self.index(self.rowCount() - 1, 1))

    def is_level_row(self, row: int) -> bool:
        """True for the DOT's Strength, rated Sedentary to Very Heavy rather than by how often."""
        return self.group is RatedGroup.PHYSICAL and item_key(self._names[row]) == LEVEL_RATED

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._names)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == 1 else base

    def _rating(self, row: int) -> Rating:
        return self._ratings.get(item_key(self._names[row]), Rating.NOT_PRESENT)

    def cell_data(self, index: Index, role: int) -> Any:
        if not index.isValid():
            return None
        if index.column() == 0:
            return self._names[index.row()] if role == Qt.ItemDataRole.DisplayRole else None
        if self.is_level_row(index.row()):
            level = self._strength
            if role == Qt.ItemDataRole.DisplayRole:
                return "Not rated" if level is None else f"{level.code}  {level.label}"
            if role == Qt.ItemDataRole.EditRole:
                return "" if level is None else level.code
            if role == Qt.ItemDataRole.ToolTipRole:
                return "The DOT rates Strength by level: Sedentary, Light, Medium, Heavy or Very Heavy."
            return None
        rating = self._rating(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{rating.value}  {rating.label}"
        if role == Qt.ItemDataRole.EditRole:
            return rating.value
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or index.column() != 1 or role != Qt.ItemDataRole.EditRole:
            return False
        if self.is_level_row(index.row()):
            return self._set_level(index, str(value))
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

    def _set_level(self, index: Index, typed: str) -> bool:
        try:
            level = None if typed.strip() in ("", "-") else StrengthLevel.from_code(typed)
        except ValidationError:
            return False
        if level is self._strength:
            return True

        def in_place() -> None:
            self._strength = level
            self.dataChanged.emit(index, index)

        if not self.commit(demand_edits.set_strength_rating(level), in_place):
            return False
        self.ratings_changed.emit()
        return True


class RatingDelegate(QStyledItemDelegate):
    """Edits a rating with a drop-down of the five codes, or Strength with the five levels."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        combo = QComboBox(parent)
        model = index.model()
        if isinstance(model, RatingsTableModel) and model.is_level_row(index.row()):
            combo.setAccessibleName("DOT strength level")
            combo.addItem("Not rated", "")
            for level in StrengthLevel:
                combo.addItem(f"{level.code}  {level.label}", level.code)
            return combo
        combo.setAccessibleName(f"{index.model().index(index.row(), 0).data()} frequency")
        for rating in Rating:
            combo.addItem(f"{rating.value}  {rating.label}", rating.value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
