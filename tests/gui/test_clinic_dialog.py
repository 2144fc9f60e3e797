"""The clinic dialog returns the edited clinic, including paper size and jurisdiction, and refuses bad logos."""

from __future__ import annotations

from pathlib import Path

from rtw_planner.domain.case import Clinic
from rtw_planner.domain.jurisdiction import Jurisdiction
from rtw_planner.gui.dialogs.clinic_dialog import ClinicDialog


def test_edits_come_back_as_a_clinic(qtbot, prompts, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = ClinicDialog(Clinic(name="Old name"), prompts)
    qtbot.addWidget(dialog)
    dialog.ui.name_edit.setText("Riverside & Co <Clinic>")
    dialog.ui.paper_size_combo.setCurrentIndex(dialog.ui.paper_size_combo.findData("letter"))
    dialog.ui.jurisdiction_combo.setCurrentIndex(dialog.ui.jurisdiction_combo.findData("uk"))
    not_png = tmp_path / "logo.png"
    not_png.write_bytes(b"GIF89a")
    prompts.file_name = str(not_png)
    dialog.ui.logo_choose_button.click()
    assert "PNG" in dialog.ui.error_label.text()
    dialog.accept()
    assert dialog.result_clinic == Clinic(name="Riverside & Co <Clinic>", paper_size="letter",
                                          jurisdiction=Jurisdiction.UK)
