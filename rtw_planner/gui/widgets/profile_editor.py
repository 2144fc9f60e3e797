"""Editor for a physical profile (job demands or measured capacity): two tables and an inline message."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.profile import PhysicalProfile
from rtw_planner.domain.demands.units import ForceUnit, MassUnit, format_number
from rtw_planner.gui.kit.styles import ERROR_STYLE
from rtw_planner.gui.kit.tables import grid_table_view
from rtw_planner.gui.models.profile_tables import PostureTableModel, StrengthTableModel, parse_number


class ProfileEditor(QWidget):
    """Edits strength by frequency and posture tolerances; blank cells mean none recorded."""

    changed = Signal()

    def __init__(self, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strength_model = StrengthTableModel(self)
        self.posture_model = PostureTableModel(self)
        self.strength_view = grid_table_view(self.strength_model)
        self.posture_view = grid_table_view(self.posture_model)
        self.carry_distance_edit = QLineEdit()
        self.carry_distance_edit.setMaximumWidth(120)
        self.carry_distance_edit.setPlaceholderText("not recorded")
        self.carry_distance_edit.textEdited.connect(self._on_carry_distance_edit_text_edited)
        self._base = PhysicalProfile()
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(ERROR_STYLE)
        intro_label = QLabel(intro)
        intro_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro_label)
        heading = QLabel("<b>Lifting, carrying, pushing and pulling</b> — the most at each frequency "
                         "(occasional: up to 1/3 of the day; frequent: 1/3 to 2/3; constant: over 2/3)")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(self.strength_view)
        carry = QHBoxLayout()
        carry.addWidget(QLabel("Carry distance (m):"))
        carry.addWidget(self.carry_distance_edit)
        carry.addStretch(1)
        layout.addLayout(carry)
        layout.addWidget(QLabel("<b>Sitting, standing and walking</b>"))
        layout.addWidget(self.posture_view)
        layout.addWidget(self.message_label)
        layout.addStretch(1)
        for model in (self.strength_model, self.posture_model):
            model.profile_changed.connect(self._on_model_profile_changed)
            model.invalid_input.connect(self.message_label.setText)

    def profile(self) -> PhysicalProfile:
        """Strength from one table, postures from the other, and the carry distance. Raises ValidationError."""
        text = self.carry_distance_edit.text()
        try:
            distance = parse_number(text)
        except ValueError:
            raise ValidationError("carry distance", text, "a number of metres from 0 to 1000, or blank") from None
        return replace(self._base, strength=self.strength_model.profile.strength,
                       postures=self.posture_model.profile.postures, carry_distance_m=distance)

    def set_profile(self, profile: PhysicalProfile) -> None:
        """Show a profile without counting it as an edit."""
        self._base = profile
        self.strength_model.set_profile(profile)
        self.posture_model.set_profile(profile)
        distance = profile.carry_distance_m
        self.carry_distance_edit.setText("" if distance is None else format_number(distance, 2))
        self.message_label.clear()

    def set_units(self, mass_unit: MassUnit, force_unit: ForceUnit) -> None:
        """Display units for masses and forces."""
        self.strength_model.set_units(mass_unit, force_unit)

    def _on_carry_distance_edit_text_edited(self, _text: str) -> None:
        self.changed.emit()

    def _on_model_profile_changed(self) -> None:
        self.message_label.clear()
        self.changed.emit()
