"""The prompts service with real dialogs: each question builds its dialog, and the answer read back is the one the
user gave. Dialogs are opened without a modal loop and answered the way a user would (qutebrowser's msgbox tests
do the same), except one test that goes through exec() itself."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget

from rtw_planner.domain.case.jurisdiction import Jurisdiction
from rtw_planner.domain.case.model import Clinic
from rtw_planner.domain.demands.niosh import LiftingTask
from rtw_planner.gui.dialogs.clinic_dialog import ClinicDialog
from rtw_planner.gui.dialogs.niosh_dialog import NioshDialog
from rtw_planner.gui.kit.choices import UnsavedChoice
from rtw_planner.gui.prompts import Prompts

Button = QMessageBox.StandardButton


class AnsweringPrompts(Prompts):
    """The real prompts; `run` opens the dialog without blocking and lets `answer` act as the user."""

    def __init__(self, answer: Callable[[QDialog], None]) -> None:
        self.answer = answer
        self.shown: list[QDialog] = []

    def run(self, dialog: QDialog) -> int:
        self.shown.append(dialog)
        QDialog.open(dialog)  # shown window-modal, returning at once (QPrintDialog hides the plain overload)
        self.answer(dialog)
        return dialog.result()


def click(button: Button) -> Callable[[QDialog], None]:
    def answer(box: QDialog) -> None:
        assert isinstance(box, QMessageBox)
        box.button(button).click()
    return answer


def press_escape(qtbot) -> Callable[[QDialog], None]:  # type: ignore[no-untyped-def]
    return lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape)


@pytest.fixture
def parent(qtbot) -> QWidget:  # type: ignore[no-untyped-def]
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.mark.parametrize(("button", "choice"), [
    (Button.Save, UnsavedChoice.SAVE), (Button.Discard, UnsavedChoice.DISCARD), (Button.Cancel, UnsavedChoice.CANCEL),
])
def test_unsaved_changes_answers(parent, button, choice) -> None:  # type: ignore[no-untyped-def]
    prompts = AnsweringPrompts(click(button))
    assert prompts.unsaved_changes(parent, "Case 12") is choice
    (box,) = prompts.shown
    assert isinstance(box, QMessageBox)
    assert box.windowTitle() == "Unsaved changes"
    assert box.text() == "Case 12 has unsaved changes. Save them?"
    assert box.standardButtons() == Button.Save | Button.Discard | Button.Cancel
    assert box.defaultButton() is box.button(Button.Save)
    assert box.parent() is parent


def test_escape_keeps_editing(qtbot, parent) -> None:  # type: ignore[no-untyped-def]
    assert AnsweringPrompts(press_escape(qtbot)).unsaved_changes(parent, "Case 12") is UnsavedChoice.CANCEL


@pytest.mark.parametrize(("button", "answer"), [(Button.Yes, True), (Button.No, False)])
def test_confirm(parent, button, answer) -> None:  # type: ignore[no-untyped-def]
    prompts = AnsweringPrompts(click(button))
    assert prompts.confirm(parent, "Delete the goal", "Delete the goal 'Walk the dog'?") is answer
    (box,) = prompts.shown
    assert (box.windowTitle(), box.text()) == ("Delete the goal", "Delete the goal 'Walk the dog'?")
    assert box.icon() is QMessageBox.Icon.Question


def test_escape_is_no(qtbot, parent) -> None:  # type: ignore[no-untyped-def]
    assert not AnsweringPrompts(press_escape(qtbot)).confirm(parent, "Issue", "Issue the letter?")


def test_error_shows_a_warning_with_ok(parent) -> None:  # type: ignore[no-untyped-def]
    prompts = AnsweringPrompts(click(Button.Ok))
    prompts.error(parent, "Not saved", "job title: at most 200 characters")
    (box,) = prompts.shown
    assert box.icon() is QMessageBox.Icon.Warning
    assert box.text() == "job title: at most 200 characters"
    assert box.standardButtons() == Button.Ok
    assert not box.isVisible()


def test_text_returns_what_was_typed_or_nothing_when_cancelled(qtbot, parent) -> None:  # type: ignore[no-untyped-def]
    def type_and_accept(dialog: QDialog) -> None:
        assert isinstance(dialog, QInputDialog)
        assert dialog.textValue() == "Shelf stacker"  # the default is offered
        assert dialog.labelText() == "Template name"
        dialog.setTextValue("Cook at the canteen")
        dialog.accept()

    assert AnsweringPrompts(type_and_accept).text(parent, "Save template", "Template name", "Shelf stacker") == \
        "Cook at the canteen"
    assert AnsweringPrompts(press_escape(qtbot)).text(parent, "Save template", "Template name", "x") == ""


def test_save_file_name_starts_from_the_suggestion(qtbot, parent, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "letter.pdf"

    def choose(dialog: QDialog) -> None:
        assert isinstance(dialog, QFileDialog)
        assert dialog.acceptMode() is QFileDialog.AcceptMode.AcceptSave
        assert Path(dialog.selectedFiles()[0]).name == "employer-letter.pdf"
        assert dialog.nameFilters() == ["PDF files (*.pdf)"]
        dialog.selectFile(str(target))
        dialog.accept()

    prompts = AnsweringPrompts(choose)
    assert prompts.save_file_name(parent, "Save as", "employer-letter.pdf", "PDF files (*.pdf)") == str(target)
    assert AnsweringPrompts(press_escape(qtbot)).save_file_name(parent, "Save as", "x.pdf", "PDF files (*.pdf)") == ""


def test_open_file_name_takes_an_existing_file(qtbot, parent, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG")

    def choose(dialog: QDialog) -> None:
        assert isinstance(dialog, QFileDialog)
        assert dialog.fileMode() is QFileDialog.FileMode.ExistingFile
        assert Path(dialog.directory().absolutePath()) == tmp_path
        dialog.selectFile(str(logo))
        dialog.accept()

    assert AnsweringPrompts(choose).open_file_name(parent, "Choose logo", str(tmp_path), "PNG (*.png)") == str(logo)
    assert AnsweringPrompts(press_escape(qtbot)).open_file_name(parent, "Choose logo", str(tmp_path), "*.png") == ""


def test_printer_is_given_only_when_the_print_dialog_is_accepted(parent) -> None:  # type: ignore[no-untyped-def]
    def accept(dialog: QDialog) -> None:
        assert isinstance(dialog, QPrintDialog)
        dialog.accept()

    printer = AnsweringPrompts(accept).printer(parent)
    assert printer is not None
    assert AnsweringPrompts(lambda dialog: dialog.reject()).printer(parent) is None


def test_lifting_task_returns_the_task_as_edited(parent) -> None:  # type: ignore[no-untyped-def]
    task = LiftingTask.metric(load_kg=8, h_cm=40, v_cm=30, d_cm=50, a_deg=30, frequency_per_min=3,
                              duration="moderate", coupling="fair", name="Bins")

    def edit(dialog: QDialog) -> None:
        assert isinstance(dialog, NioshDialog)
        assert dialog.name_edit.text() == "Bins"
        dialog.load.setValue(5)
        dialog.buttons.accepted.emit()

    edited = AnsweringPrompts(edit).lifting_task(parent, task)
    assert edited is not None
    assert (edited.name, edited.load_kg, edited.h_cm) == ("Bins", 5, 40)
    assert AnsweringPrompts(lambda dialog: dialog.reject()).lifting_task(parent, task) is None


def test_clinic_details_returns_the_clinic_as_edited(qtbot, parent) -> None:  # type: ignore[no-untyped-def]
    def edit(dialog: QDialog) -> None:
        assert isinstance(dialog, ClinicDialog)
        assert dialog.ui.name_edit.text() == "Riverside"
        dialog.ui.retention_spin.setValue(7)
        dialog.accept()

    clinic = AnsweringPrompts(edit).clinic_details(parent, Clinic(name="Riverside", jurisdiction=Jurisdiction.UK))
    assert clinic == Clinic(name="Riverside", jurisdiction=Jurisdiction.UK, draft_retention_days=7)
    assert AnsweringPrompts(press_escape(qtbot)).clinic_details(parent, Clinic(name="Riverside")) is None


def test_an_invalid_clinic_is_not_returned(parent) -> None:  # type: ignore[no-untyped-def]
    def break_and_accept(dialog: QDialog) -> None:
        assert isinstance(dialog, ClinicDialog)
        dialog.ui.address_edit.setPlainText("x" * 1001)
        dialog.accept()  # refused: the dialog stays open and says why
        assert dialog.isVisible()
        assert "clinic address" in dialog.ui.error_label.text()
        dialog.reject()

    assert AnsweringPrompts(break_and_accept).clinic_details(parent, Clinic(name="Riverside")) is None


def test_run_blocks_until_the_user_answers(parent) -> None:  # type: ignore[no-untyped-def]
    def answer_the_open_box() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        box.button(Button.Discard).click()

    QTimer.singleShot(0, answer_the_open_box)  # runs inside exec()'s event loop, once the box is up
    assert Prompts().unsaved_changes(parent, "Case 3") is UnsavedChoice.DISCARD
