"""Editor for a physical profile (job demands or measured capacity): two tables, the carry distance and a message."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.profile import PhysicalProfile
from rtw_planner.domain.demands.units import ForceUnit, MassUnit
from rtw_planner.domain.edits import demand_edits
from rtw_planner.domain.edits.lenses import DEMANDS_PROFILE, Lens
from rtw_planner.gui.kit.numbers import format_number_for_edit, parse_number
from rtw_planner.gui.kit.styles import ERROR_STYLE
from rtw_planner.gui.kit.tables import grid_table_view
from rtw_planner.gui.models.profile_tables import PostureTableModel, StrengthTableModel
from rtw_planner.gui.widgets.binder import Binder

if TYPE_CHECKING:
    from rtw_planner.gui.models.base import EditSink


class ProfileEditor(QWidget):
    """Edits strength by frequency and posture tolerances of the profile at `lens` in the case; blank cells mean
    none recorded."""

    def __init__(self, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lens: Lens = DEMANDS_PROFILE
        self.strength_model = StrengthTableModel(self)
        self.posture_model = PostureTableModel(self)
        self.strength_view = grid_table_view(self.strength_model)
        self.strength_view.setAccessibleName("Strength demands by frequency")
        self.posture_view = grid_table_view(self.posture_model)
        self.posture_view.setAccessibleName("Postures and movements by frequency")
        self.carry_distance_edit = QLineEdit()
        self.carry_distance_edit.setAccessibleName("Carry distance")
        self.carry_distance_edit.setMaximumWidth(120)
        self.carry_distance_edit.setPlaceholderText("not recorded")
        self.binder = Binder(self)
        self.binders = (self.binder,)
        self.binder.bind({"carry distance": self.carry_distance_edit},
                         lambda c: self.profile_of(c).carry_distance_m, self._carry_distance,
                         lambda v: self.carry_distance_edit.setText(format_number_for_edit(v)),
                         lambda v, _w: demand_edits.set_carry_distance(self.lens, v, self.carry_distance_edit.text()))
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
            model.profile_changed.connect(self.message_label.clear)
            model.invalid_input.connect(self.message_label.setText)

    def profile_of(self, case: Case) -> PhysicalProfile:
        """The profile this editor shows in a case (empty when its evaluation is gone)."""
        try:
            profile = self.lens.get(case)
        except (IndexError, AttributeError):
            return PhysicalProfile()
        return profile if isinstance(profile, PhysicalProfile) else PhysicalProfile()

    def _carry_distance(self) -> float | None:
        text = self.carry_distance_edit.text()
        try:
            return parse_number(text)
        except ValueError:
            raise ValidationError("carry distance", text, "a number of metres from 0 to 1000, or blank") from None

    def set_lens(self, lens: Lens) -> None:
        """Edit the profile found at another place in the case (another evaluation)."""
        self.lens = self.strength_model.lens = self.posture_model.lens = lens

    def set_sink(self, sink: EditSink) -> None:
        """Where edits go."""
        self.strength_model.sink = self.posture_model.sink = self.binder.sink = sink

    def load(self, case: Case) -> None:
        """Show the profile of another case (or another evaluation)."""
        self._show(case)
        self.binder.reset(case)
        self.message_label.clear()

    def refresh(self, case: Case) -> None:
        """Show the profile after an edit."""
        self._show(case)
        self.binder.refresh(case)

    def _show(self, case: Case) -> None:
        profile = self.profile_of(case)
        self.strength_model.set_profile(profile)
        self.posture_model.set_profile(profile)

    def set_units(self, mass_unit: MassUnit, force_unit: ForceUnit) -> None:
        """Display units for masses and forces."""
        self.strength_model.set_units(mass_unit, force_unit)
