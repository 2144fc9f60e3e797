"""The clinic dialog returns the edited clinic (paper size, jurisdiction, document units, quarter hours, draft
retention), takes a PNG logo and refuses anything else, and opens from the File menu through the prompts."""

from __future__ import annotations

from pathlib import Path

from factories import followed_up_case

from rtw_planner.domain.case.jurisdiction import Jurisdiction
from rtw_planner.domain.case.model import Clinic
from rtw_planner.domain.demands.units import MassUnit
from rtw_planner.gui.dialogs.clinic_dialog import MAX_LOGO_BYTES, ClinicDialog
from rtw_planner.gui.kit.styles import ERROR_STYLE

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


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


def test_a_png_logo_is_taken_and_can_be_removed(qtbot, prompts, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG_SIGNATURE + bytes(3 * 1024))
    dialog = ClinicDialog(Clinic(name="Clinic"), prompts)
    qtbot.addWidget(dialog)
    assert dialog.ui.logo_status_label.text() == "None"
    prompts.file_name = str(logo)
    dialog.ui.logo_choose_button.click()
    assert dialog.ui.logo_status_label.text() == "PNG, 3 KB"
    assert dialog.ui.error_label.text() == ""
    assert dialog.clinic().logo_png == logo.read_bytes()
    dialog.ui.logo_clear_button.click()
    assert dialog.ui.logo_status_label.text() == "None"
    assert dialog.clinic().logo_png is None


def test_a_logo_over_2_mb_is_refused_and_the_old_one_kept(qtbot, prompts, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    big = tmp_path / "huge.png"
    big.write_bytes(PNG_SIGNATURE + bytes(MAX_LOGO_BYTES))
    dialog = ClinicDialog(Clinic(name="Clinic", logo_png=PNG_SIGNATURE), prompts)
    qtbot.addWidget(dialog)
    prompts.file_name = str(big)
    dialog.ui.logo_choose_button.click()
    assert dialog.ui.error_label.text() == "logo: huge.png is not allowed; expected a PNG image under 2 MB"
    assert dialog.ui.error_label.styleSheet() == ERROR_STYLE
    assert dialog.clinic().logo_png == PNG_SIGNATURE


def test_choosing_no_file_changes_nothing(qtbot, prompts) -> None:  # type: ignore[no-untyped-def]
    dialog = ClinicDialog(Clinic(name="Clinic", logo_png=PNG_SIGNATURE), prompts)
    qtbot.addWidget(dialog)
    prompts.file_name = ""  # the file dialog was cancelled
    dialog.ui.logo_choose_button.click()
    assert dialog.clinic().logo_png == PNG_SIGNATURE
    assert dialog.ui.error_label.text() == ""


def test_an_invalid_clinic_keeps_the_dialog_open(qtbot, prompts) -> None:  # type: ignore[no-untyped-def]
    dialog = ClinicDialog(Clinic(name="Clinic"), prompts)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.address_edit.setPlainText("x" * 1001)
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.result_clinic is None
    assert dialog.ui.error_label.text().startswith("clinic address:")
    dialog.ui.button_box.rejected.emit()
    assert not dialog.isVisible()


def test_cancelling_through_the_prompts_returns_nothing(qtbot, prompts) -> None:  # type: ignore[no-untyped-def]
    assert prompts.clinic_details(None, Clinic(name="Clinic")) is None  # no fill_in: the dialog is cancelled
    assert isinstance(prompts.dialogs[-1], ClinicDialog)


def test_the_clinic_is_saved_from_the_file_menu(window, repositories, prompts) -> None:  # type: ignore[no-untyped-def]
    cases, clinics = repositories

    def answer(dialog: ClinicDialog) -> None:
        dialog.ui.retention_spin.setValue(3)
        dialog.accept()

    def run_as(fill_in):  # type: ignore[no-untyped-def]
        prompts.fill_in = fill_in  # MainWindow.edit_clinic asks through prompts.clinic_details

    run_as(answer)
    window.open_case(cases.save(followed_up_case()).id)
    window.open_document("match-report")
    assert window.preview.panel.units_combo.itemText(0) == "Clinic setting (kg)"
    window.edit_clinic()
    assert clinics.get().draft_retention_days == 3
    assert clinics.get().name == "Test Clinic"

    def to_pounds(dialog: ClinicDialog) -> None:
        _choose(dialog.ui.units_combo, "lb")
        dialog.accept()

    run_as(to_pounds)
    window.edit_clinic()
    assert window.preview.panel.units_combo.itemText(0) == "Clinic setting (lb)"  # the open document follows


def test_the_daily_backup_retention_is_kept_and_edited(qtbot, prompts) -> None:  # type: ignore[no-untyped-def]
    """A clinic that keeps 30 days of backups still keeps 30 after its details are saved; 0 reads 'No daily
    backups'."""
    dialog = ClinicDialog(Clinic(name="Clinic", backup_retention_days=30), prompts)
    qtbot.addWidget(dialog)
    assert dialog.ui.backup_retention_spin.value() == 30
    dialog.accept()
    assert dialog.result_clinic.backup_retention_days == 30
    dialog = ClinicDialog(Clinic(name="Clinic"), prompts)
    qtbot.addWidget(dialog)
    assert dialog.ui.backup_retention_spin.value() == 14
    dialog.ui.backup_retention_spin.setValue(0)
    assert dialog.ui.backup_retention_spin.text() == "No daily backups"
    dialog.accept()
    assert dialog.result_clinic.backup_retention_days == 0
