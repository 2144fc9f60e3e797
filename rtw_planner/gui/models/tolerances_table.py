"""Tolerances of one rated group on the Capacity tab: each item, what the job needs (read-only), the highest
frequency tolerated (blank: not tested) and its source."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from rtw_planner.domain.capacity.tolerances import TOLERATED_WORDS, Tolerance
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.ratings import ITEMS, LEVEL_RATED, RatedGroup, Rating, item_key
from rtw_planner.domain.edits import capacity_edits
from rtw_planner.gui.models.base import EditingModel, Index

NOT_TESTED = "Not tested"
TOLERATED, SOURCE = 2, 3


def tolerated_choices() -> list[tuple[str, str]]:
    """The drop-down of the Tolerated column: blank (not tested), then N to C."""
    return [(NOT_TESTED, "")] + [(f"{r.value}  {TOLERATED_WORDS[r]}", r.value) for r in Rating]


class TolerancesTableModel(EditingModel):
    """Rows are the items of one group (the DOT's Strength is compared by loads, so it is not a row)."""

    COLUMNS = ("Demand", "Job needs", "Tolerated", "Source")

    def __init__(self, group: RatedGroup, parent: Any = None) -> None:
        super().__init__(parent)
        self.group = group
        self.keys = tuple(k for k in (item_key(n) for n in ITEMS[group]) if k != LEVEL_RATED)
        self._names = {item_key(n): n for n in ITEMS[group]}
        self._needs: dict[str, Rating] = {}
        self._tolerances: dict[str, Tolerance] = {}
        self.evaluation_index = -1  # the evaluation the edits go to

    def set_values(self, needs: Mapping[str, Rating], tolerances: Mapping[str, Tolerance]) -> None:
        """Show the job's ratings and the evaluation's tolerances (not an edit); the rows stay."""
        if dict(needs) == self._needs and dict(tolerances) == self._tolerances:
            return
        self._needs, self._tolerances = dict(needs), dict(tolerances)
        self.dataChanged.emit(self.index(0, 1), self.index(self.rowCount() - 1, SOURCE))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.keys)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
        return base | Qt.ItemFlag.ItemIsEditable if index.column() >= TOLERATED else base

    def tolerance(self, row: int) -> Tolerance:
        """The tolerance shown in a row (a blank one when none is recorded)."""
        return self._tolerances.get(self.keys[row], Tolerance())

    def cell_data(self, index: Index, role: int) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        key, column = self.keys[index.row()], index.column()
        if column == 0:
            return self._names[key] if role == Qt.ItemDataRole.DisplayRole else None
        if column == 1:
            need = self._needs.get(key, Rating.NOT_PRESENT)
            if role == Qt.ItemDataRole.ToolTipRole:
                return "From the job's rating on the Demands tab"
            return f"{need.value}  {need.label}" if role == Qt.ItemDataRole.DisplayRole else None
        tolerance = self.tolerance(index.row())
        if column == TOLERATED:
            tolerated = tolerance.tolerated
            if role == Qt.ItemDataRole.EditRole:
                return tolerated.value if tolerated else ""
            if role == Qt.ItemDataRole.ToolTipRole:
                return "N means cannot do it at all, or must avoid the condition; blank is not tested"
            return f"{tolerated.value}  {TOLERATED_WORDS[tolerated]}" if tolerated else ""
        return tolerance.source if role != Qt.ItemDataRole.ToolTipRole else "e.g. observed in FCE, clinician rating"

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or index.column() < TOLERATED or role != Qt.ItemDataRole.EditRole:
            return False
        old = self.tolerance(index.row())
        try:
            if index.column() == TOLERATED:
                code = str(value or "").strip().upper()
                new = Tolerance(Rating(code) if code else None, old.source)
            else:
                new = Tolerance(old.tolerated, str(value or "").strip())
        except ValidationError as exc:  # before ValueError, which it may extend
            self.invalid_input.emit(str(exc))
            return False
        except ValueError:
            self.invalid_input.emit(f"Tolerated: {str(value)[:40]!r} is not allowed; expected blank, N, S, O, F or C")
            return False
        if new == old:
            return True
        key = self.keys[index.row()]

        def in_place() -> None:
            if new.is_blank:
                self._tolerances.pop(key, None)
            else:
                self._tolerances[key] = new
            self.dataChanged.emit(index, index)

        return self.commit(capacity_edits.set_tolerance(self.evaluation_index, self.group, key, new), in_place)
