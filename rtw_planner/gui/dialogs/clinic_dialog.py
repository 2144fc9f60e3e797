"""Clinic details for the letterhead: given a Clinic, returns an edited Clinic."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from rtw_planner.domain.case import Clinic
from rtw_planner.domain.errors import ValidationError
from rtw_planner.domain.jurisdiction import Jurisdiction
from rtw_planner.gui.forms.ui_clinic_dialog import Ui_ClinicDialog
from rtw_planner.gui.prompts import Prompts

PAPER_SIZES = (("A4", "a4"), ("US Letter", "letter"))
MAX_LOGO_BYTES = 2_000_000


class ClinicDialog(QDialog):
    """Edits the clinic's name, address, contact, paper size and logo."""

    def __init__(self, clinic: Clinic, prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ClinicDialog()
        self.ui.setupUi(self)
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
        self.ui.name_edit.setText(clinic.name)
        self.ui.address_edit.setPlainText(clinic.address)
        self.ui.phone_edit.setText(clinic.phone)
        self.ui.email_edit.setText(clinic.email)
        self.ui.paper_size_combo.setCurrentIndex(self.ui.paper_size_combo.findData(clinic.paper_size))
        self.ui.error_label.setStyleSheet("color: #a31515; font-weight: bold;")
        self.ui.logo_choose_button.clicked.connect(self._on_logo_choose_clicked)
        self.ui.logo_clear_button.clicked.connect(self._on_logo_clear_clicked)
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.accept)
        self.ui.button_box.rejected.connect(self.reject)
        self._show_logo_status()

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
                      jurisdiction=Jurisdiction(self.ui.jurisdiction_combo.currentData()))

    def accept(self) -> None:
        """Close only when the details are valid."""
        try:
            self.result_clinic = self.clinic()
        except ValidationError as exc:
            self.ui.error_label.setText(str(exc))
            return
        super().accept()
