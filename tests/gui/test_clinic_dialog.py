"""The clinic dialog returns the edited clinic (paper size, jurisdiction, document units, quarter hours, draft
retention) and refuses bad logos."""

from __future__ import annotations

from pathlib import Path

from rtw_planner.domain.case.jurisdiction import Jurisdiction
from rtw_planner.domain.case.model import Clinic
from rtw_planner.domain.demands.units import MassUnit
from rtw_planner.gui.dialogs.clinic_dialog import ClinicDialog


def _choose(combo, value: str) -> None:  # type: ignore[no-untyped-def]
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def test_edits_come_back_as_a_clinic(qtbot, prompts, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = ClinicDialog(Clinic(name="Old name"), prompts)
    qtbot.addWidget(dialog)
    dialog.ui.name_edit.setText("Riverside & Co <Clinic>")
    _choose(dialog.ui.paper_size_combo, "letter")
    _choose(dialog.ui.jurisdiction_combo, "uk")
    not_png = tmp_path / "logo.png"
    not_png.write_bytes(b"GIF89a")
    prompts.file_name = str(not_png)
    dialog.ui.logo_choose_button.click()
    assert "PNG" in dialog.ui.error_label.text()
    dialog.accept()
    assert dialog.result_clinic == Clinic(name="Riverside & Co <Clinic>", paper_size="letter",
                                          jurisdiction=Jurisdiction.UK)


def test_units_rounding_and_draft_retention(qtbot, prompts) -> None:  # type: ignore[no-untyped-def]
    dialog = ClinicDialog(Clinic(name="Clinic", jurisdiction=Jurisdiction.US), prompts)
    qtbot.addWidget(dialog)
    assert dialog.ui.units_combo.currentText() == "By jurisdiction (lb for United States)"
    assert dialog.ui.retention_spin.text() == "Delete drafts when the document window closes"
    _choose(dialog.ui.jurisdiction_combo, "canada-ontario")
    assert dialog.ui.units_combo.currentText() == "By jurisdiction (kg for Canada (Ontario))"
    _choose(dialog.ui.units_combo, "lb")
    dialog.ui.quarter_hours_box.setChecked(True)
    dialog.ui.retention_spin.setValue(14)
    dialog.accept()
    assert dialog.result_clinic == Clinic(name="Clinic", jurisdiction=Jurisdiction.CANADA_ONTARIO,
                                          mass_unit=MassUnit.LB, quarter_hours=True, draft_retention_days=14)


def test_saved_settings_show_again(qtbot, prompts) -> None:  # type: ignore[no-untyped-def]
    clinic = Clinic(name="Clinic", mass_unit=MassUnit.KG, quarter_hours=True, draft_retention_days=30)
    dialog = ClinicDialog(clinic, prompts)
    qtbot.addWidget(dialog)
    assert dialog.ui.units_combo.currentData() == "kg"
    assert dialog.ui.quarter_hours_box.isChecked()
    assert dialog.ui.retention_spin.value() == 30
    dialog.accept()
    assert dialog.result_clinic == clinic


def test_the_clinic_is_saved_from_the_file_menu(window, repositories, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _, clinics = repositories

    def answer(dialog: ClinicDialog) -> int:
        dialog.ui.retention_spin.setValue(3)
        dialog.accept()
        return 1

    monkeypatch.setattr(ClinicDialog, "exec", answer)
    window.open_demo_case()
    window.open_document("match-report")
    assert window.preview.panel.units_combo.itemText(0) == "Clinic setting (kg)"
    window.edit_clinic()
    assert clinics.get().draft_retention_days == 3
    assert clinics.get().name == "Test Clinic"

    def to_pounds(dialog: ClinicDialog) -> int:
        _choose(dialog.ui.units_combo, "lb")
        dialog.accept()
        return 1

    monkeypatch.setattr(ClinicDialog, "exec", to_pounds)
    window.edit_clinic()
    assert window.preview.panel.units_combo.itemText(0) == "Clinic setting (lb)"  # the open document follows
