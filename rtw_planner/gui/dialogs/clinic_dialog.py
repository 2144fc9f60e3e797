"""Clinic details for the letterhead and documents: given a Clinic, returns an edited Clinic."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from rtw_planner.domain.case.jurisdiction import Jurisdiction
from rtw_planner.domain.case.model import MAX_BACKUP_RETENTION_DAYS, MAX_DRAFT_RETENTION_DAYS, Clinic
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.units import MassUnit
from rtw_planner.gui.forms.ui_clinic_dialog import Ui_ClinicDialog
from rtw_planner.gui.kit.styles import error_style

if TYPE_CHECKING:
    from rtw_planner.gui.prompts import Prompts

PAPER_SIZES = (("A4", "a4"), ("US Letter", "letter"))
UNITS = (("Kilograms (kg, N)", MassUnit.KG.value), ("Pounds (lb, lbf)", MassUnit.LB.value))
BY_JURISDICTION = ""  # the units item that follows the jurisdiction (Clinic.mass_unit None)
MAX_LOGO_BYTES = 2_000_000


class ClinicDialog(QDialog):
    """Edits the clinic's name, address, contact, paper size, jurisdiction, document units and rounding, how long
    drafts are kept, and the logo."""

    def __init__(self, clinic: Clinic, prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ClinicDialog()
        self.ui.setupUi(self)
        self.setMinimumWidth(580)  # the longest choices ("Delete drafts when…") read in full
        self._prompts = prompts
        self._logo = clinic.logo_png
        self.result_clinic: Clinic | None = None
        for label, value in PAPER_SIZES:
            self.ui.paper_size_combo.addItem(label, value)
        for jurisdiction in Jurisdiction:
            self.ui.jurisdiction_combo.addItem(jurisdiction.label, jurisdiction.value)
        self.ui.jurisdiction_combo.setCurrentIndex(self.ui.jurisdiction_combo.findData(clinic.jurisdiction.value))
        self.ui.jurisdiction_combo.setToolTip("Chooses the letter wording and the disclosure rules (e.g. in the UK "
                                              "the patient is offered a letter to read before it is sent).")
        self.ui.units_combo.addItem("", BY_JURISDICTION)
        for label, unit in UNITS:
            self.ui.units_combo.addItem(label, unit)
        self.ui.units_combo.setCurrentIndex(
            self.ui.units_combo.findData(clinic.mass_unit.value if clinic.mass_unit else BY_JURISDICTION))
        self.ui.jurisdiction_combo.currentIndexChanged.connect(self._on_jurisdiction_combo_changed)
        self._on_jurisdiction_combo_changed()
        self.ui.units_combo.setToolTip("The unit loads print in on every document; forces follow (N with kgf, or "
                                       "lbf). A document can still be printed in the other unit.")
        self.ui.quarter_hours_box.setChecked(clinic.quarter_hours)
        self.ui.retention_spin.setRange(0, MAX_DRAFT_RETENTION_DAYS)
        self.ui.retention_spin.setSpecialValueText("Delete drafts when the document window closes")
        self.ui.retention_spin.setValue(clinic.draft_retention_days)
        self.ui.retention_spin.setToolTip("Drafts hold patient data. 0 keeps them only while the document window is "
                                          "open; otherwise they stay in the data folder's drafts/ for this many days.")
        self.ui.backup_retention_spin.setRange(0, MAX_BACKUP_RETENTION_DAYS)
        self.ui.backup_retention_spin.setSpecialValueText("No daily backups")
        self.ui.backup_retention_spin.setValue(clinic.backup_retention_days)
        self.ui.backup_retention_spin.setToolTip("On the first opening of each day the database file is copied to "
                                                 "backups/ beside it (owner-only); older copies are deleted. A "
                                                 "clinic server is backed up with the backup command instead.")
        self.ui.name_edit.setText(clinic.name)
        self.ui.address_edit.setPlainText(clinic.address)
        self.ui.phone_edit.setText(clinic.phone)
        self.ui.email_edit.setText(clinic.email)
        self.ui.paper_size_combo.setCurrentIndex(self.ui.paper_size_combo.findData(clinic.paper_size))
        self.ui.error_label.setStyleSheet(error_style())
        self.ui.logo_choose_button.clicked.connect(self._on_logo_choose_clicked)
        self.ui.logo_clear_button.clicked.connect(self._on_logo_clear_clicked)
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.accept)
        self.ui.button_box.rejected.connect(self.reject)
        self._show_logo_status()

    def _on_jurisdiction_combo_changed(self, *_args: object) -> None:
        jurisdiction = Jurisdiction(self.ui.jurisdiction_combo.currentData())
        unit = Clinic(jurisdiction=jurisdiction).units  # the domain's default for the jurisdiction
        self.ui.units_combo.setItemText(0, f"By jurisdiction ({unit.value} for {jurisdiction.label})")

    def _show_logo_status(self) -> None:
        self.ui.logo_status_label.setText(f"PNG, {len(self._logo) // 1024} KB" if self._logo else "None")

    def _on_logo_choose_clicked(self) -> None:
        name = self._prompts.open_file_name(self, "Choose logo", "", "PNG images (*.png)")
        if not name:
            return
        data = Path(name).read_bytes()
        if not data.startswith(b"\x89PNG") or len(data) > MAX_LOGO_BYTES:
            self.ui.error_label.setText(f"logo: {Path(name).name} is not allowed; expected a PNG image under 2 MB")
            return
        self._logo = data
        self.ui.error_label.clear()
        self._show_logo_status()

    def _on_logo_clear_clicked(self) -> None:
        self._logo = None
        self._show_logo_status()

    def clinic(self) -> Clinic:
        """The details as edited. Raises ValidationError."""
        return Clinic(name=self.ui.name_edit.text(), address=self.ui.address_edit.toPlainText(),
                      phone=self.ui.phone_edit.text(), email=self.ui.email_edit.text(), logo_png=self._logo,
                      paper_size=str(self.ui.paper_size_combo.currentData()),
                      jurisdiction=Jurisdiction(self.ui.jurisdiction_combo.currentData()),
                      mass_unit=MassUnit(unit) if (unit := self.ui.units_combo.currentData()) else None,
                      quarter_hours=self.ui.quarter_hours_box.isChecked(),
                      draft_retention_days=self.ui.retention_spin.value(),
                      backup_retention_days=self.ui.backup_retention_spin.value())

    def accept(self) -> None:
        """Close only when the details are valid."""
        try:
            self.result_clinic = self.clinic()
        except ValidationError as exc:
            self.ui.error_label.setText(str(exc))
            return
        super().accept()
