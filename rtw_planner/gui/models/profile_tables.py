"""Editable tables for demands and capacity: strength by frequency, and posture tolerances."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.profile import (
    POSTURE_ACTIVITIES,
    STRENGTH_ACTIVITIES,
    Activity,
    ActivityKind,
    Frequency,
    PhysicalProfile,
    PostureTolerance,
)
from rtw_planner.domain.demands.units import (
    ForceUnit,
    MassUnit,
    force_from_display,
    force_to_display,
    format_minutes,
    format_number,
    mass_from_display,
    mass_to_display,
)
from rtw_planner.domain.edits import demand_edits
from rtw_planner.domain.edits.commands import Edit
from rtw_planner.domain.edits.lenses import DEMANDS_PROFILE, Lens
from rtw_planner.gui.kit.numbers import format_number_for_edit, parse_number
from rtw_planner.gui.models.base import EditingModel, Index

EDITABLE = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsEditable


class _ProfileModel(EditingModel):
    """Shared behaviour: shows a PhysicalProfile found at `lens` in the case (the job's demands by default, or an
    evaluation's measurements), reports invalid input, and says when it changed."""

    profile_changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._profile = PhysicalProfile()
        self.lens: Lens = DEMANDS_PROFILE

    @property
    def profile(self) -> PhysicalProfile:
        """The current values."""
        return self._profile

    def set_profile(self, profile: PhysicalProfile) -> None:
        """Show another profile (not an edit); the table keeps its shape, so the current cell stays."""
        if profile == self._profile:
            return
        self._profile = profile
        self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
        self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.rowCount() - 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return EDITABLE if index.isValid() else Qt.ItemFlag.NoItemFlags

    def _reject(self, field: str, text: object, allowed: str) -> bool:
        self.invalid_input.emit(str(ValidationError(field, text, allowed)))
        return False

    def _accept(self, index: Index, edit: Edit, profile: PhysicalProfile) -> bool:
        if profile == self._profile:
            return True

        def in_place() -> None:
            self._profile = profile
            self.dataChanged.emit(index, index)

        accepted = self.commit(edit, in_place)
        if accepted:
            self.profile_changed.emit()
        return accepted


class StrengthTableModel(_ProfileModel):
    """Rows: lifting, carrying, pushing and pulling; columns: occasional, frequent, constant."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.mass_unit = MassUnit.KG
        self.force_unit = ForceUnit.N

    def set_units(self, mass_unit: MassUnit, force_unit: ForceUnit) -> None:
        """Change the display units (storage stays in kg and N)."""
        self.beginResetModel()
        self.mass_unit, self.force_unit = mass_unit, force_unit
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(STRENGTH_ACTIVITIES)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(Frequency)

    def unit_for(self, activity: Activity) -> str:
        """The display unit of a row."""
        return self.mass_unit.value if activity.kind is ActivityKind.MASS else self.force_unit.value

    def _to_display(self, activity: Activity, value: float) -> float:
        if activity.kind is ActivityKind.MASS:
            return mass_to_display(value, self.mass_unit)
        return force_to_display(value, self.force_unit)

    def _from_display(self, activity: Activity, value: float) -> float:
        if activity.kind is ActivityKind.MASS:
            return mass_from_display(value, self.mass_unit)
        return force_from_display(value, self.force_unit)

    def cell_data(self, index: Index, role: int) -> Any:
        if not index.isValid():
            return None
        activity, frequency = STRENGTH_ACTIVITIES[index.row()], list(Frequency)[index.column()]
        value = self._profile.strength.get((activity, frequency))
        if role == Qt.ItemDataRole.DisplayRole:
            if value is None:
                return ""
            return f"{format_number(self._to_display(activity, value))} {self.unit_for(activity)}"
        if role == Qt.ItemDataRole.EditRole:
            return format_number_for_edit(None if value is None else self._to_display(activity, value))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        activity, frequency = STRENGTH_ACTIVITIES[index.row()], list(Frequency)[index.column()]
        field = f"{activity.label} ({frequency.value})"
        limit = "500 kg" if activity.kind is ActivityKind.MASS else "5000 N"
        try:
            number = parse_number(value)
        except ValueError:
            return self._reject(field, value, f"a number from 0 to {limit}, or blank for none")
        stored = None if number is None else self._from_display(activity, number)
        try:
            profile = self._profile.with_strength(activity, frequency, stored)
        except ValidationError as exc:
            self.invalid_input.emit(str(exc))
            return False
        return self._accept(index, demand_edits.set_strength(self.lens, activity, frequency, stored), profile)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Frequency):
                return list(Frequency)[section].label
            if orientation == Qt.Orientation.Vertical and 0 <= section < len(STRENGTH_ACTIVITIES):
                activity = STRENGTH_ACTIVITIES[section]
                return f"{activity.label} ({self.unit_for(activity)})"
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(Frequency):
            return list(Frequency)[section].share
        return None


POSTURE_COLUMNS = ("Minutes at a time", "Minutes per day")


class PostureTableModel(_ProfileModel):
    """Rows: sitting, standing, walking; columns: minutes at a time and minutes per day."""

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(POSTURE_ACTIVITIES)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(POSTURE_COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        tolerance = self._profile.postures.get(POSTURE_ACTIVITIES[index.row()])
        if tolerance is None:
            return "" if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole) else None
        minutes = (tolerance.minutes_at_a_time, tolerance.minutes_per_day)[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return format_minutes(minutes)
        if role == Qt.ItemDataRole.EditRole:
            return format_number_for_edit(minutes)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        activity = POSTURE_ACTIVITIES[index.row()]
        field = f"{activity.label}, {POSTURE_COLUMNS[index.column()].lower()}"
        try:
            number = parse_number(value)
        except ValueError:
            return self._reject(field, value, "a number of minutes from 0 to 1440, or blank for none")
        current = self._profile.postures.get(activity)
        try:
            if number is None:
                tolerance = None
            elif index.column() == 0:
                tolerance = PostureTolerance(number, current.minutes_per_day if current else number)
            else:
                # A new row starts with both sides equal; the table shows it and the user edits the other side.
                tolerance = PostureTolerance(current.minutes_at_a_time if current else number, number)
            profile = self._profile.with_posture(activity, tolerance)
        except ValidationError as exc:
            self.invalid_input.emit(f"{activity.label}: {exc}")
            return False
        return self._accept(index, demand_edits.set_posture(self.lens, activity, tolerance), profile)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(POSTURE_COLUMNS):
            return POSTURE_COLUMNS[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(POSTURE_ACTIVITIES):
            return POSTURE_ACTIVITIES[section].label
        return None
