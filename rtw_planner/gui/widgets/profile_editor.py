"""Editor for a physical profile (job demands or measured capacity): two tables and an inline message."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from rtw_planner.domain.profile import PhysicalProfile
from rtw_planner.domain.units import ForceUnit, MassUnit
from rtw_planner.gui.models.profile_tables import PostureTableModel, StrengthTableModel

ERROR_STYLE = "color: #a31515; font-weight: bold;"
ROW_HEIGHT = 26


def _table(model: StrengthTableModel | PostureTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                         | QAbstractItemView.EditTrigger.AnyKeyPressed)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    rows = view.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(ROW_HEIGHT)
    view.setAlternatingRowColors(True)
    # Exactly as tall as its rows: these tables never scroll.
    view.setFixedHeight(view.horizontalHeader().sizeHint().height() + model.rowCount() * ROW_HEIGHT
                        + 2 * view.frameWidth())
    return view


class ProfileEditor(QWidget):
    """Edits strength by frequency and posture tolerances; blank cells mean none recorded."""

    changed = Signal()

    def __init__(self, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strength_model = StrengthTableModel(self)
        self.posture_model = PostureTableModel(self)
        self.strength_view = _table(self.strength_model)
        self.posture_view = _table(self.posture_model)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(ERROR_STYLE)
        intro_label = QLabel(intro)
        intro_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro_label)
        layout.addWidget(QLabel("<b>Lifting, carrying, pushing and pulling</b> — the most at each frequency"))
        layout.addWidget(self.strength_view)
        layout.addWidget(QLabel("<b>Sitting, standing and walking</b>"))
        layout.addWidget(self.posture_view)
        layout.addWidget(self.message_label)
        layout.addStretch(1)
        for model in (self.strength_model, self.posture_model):
            model.profile_changed.connect(self._on_model_profile_changed)
            model.invalid_input.connect(self.message_label.setText)

    def profile(self) -> PhysicalProfile:
        """Strength from one table and postures from the other."""
        return PhysicalProfile(self.strength_model.profile.strength, self.posture_model.profile.postures)

    def set_profile(self, profile: PhysicalProfile) -> None:
        """Show a profile without counting it as an edit."""
        self.strength_model.set_profile(profile)
        self.posture_model.set_profile(profile)
        self.message_label.clear()

    def set_units(self, mass_unit: MassUnit, force_unit: ForceUnit) -> None:
        """Display units for masses and forces."""
        self.strength_model.set_units(mass_unit, force_unit)

    def _on_model_profile_changed(self) -> None:
        self.message_label.clear()
        self.changed.emit()
