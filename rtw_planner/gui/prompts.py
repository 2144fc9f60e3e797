"""Modal questions behind one small service: each builds its dialog, and `run` is the one place that blocks, so
tests answer a real dialog without waiting on exec()."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from rtw_planner.gui.kit.choices import ConflictChoice, UnsavedChoice

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from rtw_planner.domain.case.model import Clinic
    from rtw_planner.domain.demands.mmh_tasks import MmhJobTask
    from rtw_planner.domain.demands.niosh import LiftingTask
    from rtw_planner.gui.team.conflict import Conflict
    from rtw_planner.gui.team.server import ServerAddress

Button = QMessageBox.StandardButton
UNSAVED_CHOICES = {Button.Save: UnsavedChoice.SAVE, Button.Discard: UnsavedChoice.DISCARD}


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
                buttons: Button, default: Button = Button.NoButton) -> QMessageBox:
    """A message box as QMessageBox's static functions make it, not yet shown."""
    box = QMessageBox(icon, title, text, buttons, parent)
    if default != Button.NoButton:
        box.setDefaultButton(default)
    return box


def unsaved_box(parent: QWidget | None, what: str) -> QMessageBox:
    """'… has unsaved changes. Save them?' with Save (the default), Discard and Cancel."""
    return message_box(parent, QMessageBox.Icon.Question, "Unsaved changes", f"{what} has unsaved changes. Save them?",
                       Button.Save | Button.Discard | Button.Cancel, Button.Save)


def clicked(box: QMessageBox) -> Button:
    """The standard button that closed the box (Escape counts as its escape button); NoButton if none did."""
    button = box.clickedButton()
    return Button.NoButton if button is None else box.standardButton(button)


class Prompts:
    """Real dialogs. Tests replace `run` (or the questions) with a script."""

    def run(self, dialog: QDialog) -> int:
        """Show a dialog modally until it closes; its result code (QDialog.DialogCode.Accepted or Rejected)."""
        return dialog.exec()

    def accepted(self, dialog: QDialog) -> bool:
        """Run a dialog; True when the user accepted it."""
        return self.run(dialog) == QDialog.DialogCode.Accepted

    def unsaved_changes(self, parent: QWidget, what: str) -> UnsavedChoice:
        """Ask whether to save, discard or keep editing (Cancel, Escape or closing the box keeps editing)."""
        box = unsaved_box(parent, what)
        self.run(box)
        return UNSAVED_CHOICES.get(clicked(box), UnsavedChoice.CANCEL)

    def confirm(self, parent: QWidget, title: str, question: str) -> bool:
        """Ask a yes/no question; True for yes."""
        box = message_box(parent, QMessageBox.Icon.Question, title, question, Button.Yes | Button.No)
        self.run(box)
        return clicked(box) == Button.Yes

    def text(self, parent: QWidget, title: str, label: str, default: str = "") -> str:
        """Ask for a line of text; '' when cancelled."""
        dialog = QInputDialog(parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextValue(default)
        return str(dialog.textValue()) if self.accepted(dialog) else ""

    def error(self, parent: QWidget, title: str, message: str) -> None:
        """Tell the user something went wrong."""
        self.run(message_box(parent, QMessageBox.Icon.Warning, title, message, Button.Ok))

    def inform(self, parent: QWidget, title: str, message: str) -> None:
        """Tell the user something they should know (nothing went wrong)."""
        self.run(message_box(parent, QMessageBox.Icon.Information, title, message, Button.Ok))

    def password(self, parent: QWidget | None, title: str, label: str) -> str | None:
        """Ask for a password, shown as dots; None when cancelled. The caller keeps it in memory only."""
        dialog = QInputDialog(parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        return str(dialog.textValue()) if self.accepted(dialog) else None

    def conflict(self, parent: QWidget, conflict: Conflict) -> ConflictChoice:
        """Someone else saved the case first: reload and re-apply my edits, save mine as a copy, or keep editing."""
        from rtw_planner.gui.dialogs.conflict_box import conflict_box

        box, choices = conflict_box(parent, conflict)
        self.run(box)
        button = box.clickedButton()
        return choices.get(button, ConflictChoice.CANCEL) if button is not None else ConflictChoice.CANCEL

    def server_address(self, parent: QWidget, last: ServerAddress | None) -> ServerAddress | None:
        """The connect dialog, filled in with the last server; the address as entered, or None when cancelled."""
        from rtw_planner.gui.dialogs.connect_dialog import ConnectDialog

        dialog = ConnectDialog(last, parent)
        return dialog.result_address if self.accepted(dialog) else None

    def save_file_name(self, parent: QWidget, title: str, suggested: str, file_filter: str) -> str:
        """Ask where to save, starting from the suggested name; '' when cancelled."""
        dialog = QFileDialog(parent, title, "", file_filter)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.selectFile(suggested)
        return _chosen_file(dialog) if self.accepted(dialog) else ""

    def open_file_name(self, parent: QWidget, title: str, folder: str, file_filter: str) -> str:
        """Ask which existing file to open; '' when cancelled."""
        dialog = QFileDialog(parent, title, folder, file_filter)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        return _chosen_file(dialog) if self.accepted(dialog) else ""

    def printer(self, parent: QWidget) -> QPrinter | None:
        """Ask which printer and pages to use (the system print dialog); None when cancelled."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        return printer if self.accepted(QPrintDialog(printer, parent)) else None

    def lifting_task(self, parent: QWidget, task: LiftingTask | None,
                     others: tuple[LiftingTask, ...] = ()) -> LiftingTask | None:
        """The NIOSH calculator for a new or an existing lifting task (with the job's others for the composite LI);
        the task as edited, or None when cancelled."""
        from rtw_planner.gui.dialogs.niosh_dialog import NioshDialog

        dialog = NioshDialog(task, parent, others)
        return dialog.result_task if self.accepted(dialog) else None

    def mmh_task(self, parent: QWidget, task: MmhJobTask | None) -> MmhJobTask | None:
        """The handling-task dialog (Liberty Mutual equations) for a new or an existing task; None when cancelled."""
        from rtw_planner.gui.dialogs.mmh_task_dialog import MmhTaskDialog

        dialog = MmhTaskDialog(task, parent)
        return dialog.result_task if self.accepted(dialog) else None

    def clinic_details(self, parent: QWidget, clinic: Clinic) -> Clinic | None:
        """The clinic dialog; the clinic as edited, or None when cancelled."""
        from rtw_planner.gui.dialogs.clinic_dialog import ClinicDialog

        dialog = ClinicDialog(clinic, self, parent)
        return dialog.result_clinic if self.accepted(dialog) else None


def _chosen_file(dialog: QFileDialog) -> str:
    files = dialog.selectedFiles()
    return str(files[0]) if files else ""
