"""The Plan tab's graded exposure as two tables: the feared activities (with their step on the ladder) and the
exposures; each change is one edit of the whole hierarchy, so it undoes like any other."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.edits import therapy_edits
from rtw_planner.domain.edits.commands import Edit
from rtw_planner.domain.plan.exposure import FearedActivity, FearExposure, FearHierarchy
from rtw_planner.gui.kit.dates_parse import parse_date
from rtw_planner.gui.kit.dates_text import short_date
from rtw_planner.gui.models.base import Index, RowsTableModel

EDITABLE = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsEditable
READ_ONLY = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled


def parse_rating(text: str, field: str) -> int:
    """A fear rating typed as a whole number from 0 to 100. Raises ValidationError naming the field."""
    stripped = text.strip()
    if not stripped.isascii() or not stripped.isdigit() or len(stripped) > 3 or int(stripped) > 100:
        raise ValidationError(field, text, "a whole number from 0 to 100")
    return int(stripped)


class _HierarchyModel(RowsTableModel):
    """Rows are one part of `hierarchy`; edits replace the whole hierarchy."""

    PART = ""
    NOUN = ""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.hierarchy = FearHierarchy()

    def show(self, hierarchy: FearHierarchy) -> None:
        """Show a hierarchy (not an edit)."""
        self.hierarchy = hierarchy
        self.set_rows(getattr(hierarchy, self.PART))
        if self._rows:  # the step numbers and activity names follow from the whole hierarchy
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))

    def _edit(self, rows: list[Any], what: str) -> Edit:
        return therapy_edits.set_fear_hierarchy(replace(self.hierarchy, **{self.PART: tuple(rows)}), what)

    def remove_row(self, row: int) -> bool:
        """Remove a row; refused, with the problem announced, when the hierarchy would not hold without it (an
        activity that has exposures)."""
        try:
            return super().remove_row(row)
        except ValidationError as exc:
            self.invalid_input.emit(str(exc))
            return False

    def insert_edit(self, index: int, row: Any) -> Edit:
        return self._edit([*self._rows[:index], row, *self._rows[index:]], f"add {self.NOUN}")

    def remove_edit(self, index: int, row: Any) -> Edit:
        return self._edit([r for n, r in enumerate(self._rows) if n != index], f"remove {self.NOUN} {index + 1}")

    def row_edit(self, index: int, row: Any, column: int) -> Edit:
        return self._edit([row if n == index else r for n, r in enumerate(self._rows)],
                          f"edit {self.NOUN} {index + 1} {self.COLUMNS[column].lower()}")


class FearsTableModel(_HierarchyModel):
    """The feared activities in the order entered, each with its step number (1 = least feared)."""

    COLUMNS = ("Step", "Feared activity", "Fear 0-100")
    PART, NOUN = "activities", "feared activity"

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return READ_ONLY if index.column() == 0 else EDITABLE

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        activity: FearedActivity = self._rows[index.row()]
        if index.column() == 0:
            step = next((s for s in self.hierarchy.ladder() if s.activity.id == activity.id), None)
            return "" if step is None else f"{step.number}" + (" ✓" if step.dropped else "")
        return activity.description if index.column() == 1 else str(activity.fear)

    def edited(self, row: FearedActivity, column: int, value: Any) -> FearedActivity:
        text = str(value or "")
        if column == 1:
            return replace(row, description=text)
        return replace(row, fear=parse_rating(text, "feared activity fear rating"))

    def new_id(self) -> str:
        """An id no activity has: fear-1, fear-2, …"""
        taken = {a.id for a in self._rows}
        return next(f"fear-{n}" for n in range(1, len(taken) + 2) if f"fear-{n}" not in taken)


class ExposuresTableModel(_HierarchyModel):
    """The exposures: date, activity (a drop-down of the feared activities), fear before and after."""

    COLUMNS = ("Date", "Activity", "Fear before", "Fear after")
    PART, NOUN = "exposures", "exposure"

    def flags(self, index: Index) -> Qt.ItemFlag:
        return EDITABLE if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        exposure: FearExposure = self._rows[index.row()]
        edit = role == Qt.ItemDataRole.EditRole
        column = index.column()
        if column == 0:
            return exposure.on.isoformat() if edit else short_date(exposure.on)
        if column == 1:
            if edit:
                return exposure.activity_id
            return next((a.description for a in self.hierarchy.activities if a.id == exposure.activity_id),
                        exposure.activity_id)
        return str(exposure.fear_before if column == 2 else exposure.fear_after)

    def edited(self, row: FearExposure, column: int, value: Any) -> FearExposure:
        text = str(value or "").strip()
        if column == 0:
            on = parse_date(text, "exposure date")
            if on is None:
                raise ValidationError("exposure date", text, "the day of the exposure")
            return replace(row, on=on)
        if column == 1:
            return replace(row, activity_id=text)
        if column == 2:
            return replace(row, fear_before=parse_rating(text, "exposure fear before"))
        return replace(row, fear_after=parse_rating(text, "exposure fear after"))
