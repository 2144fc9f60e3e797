"""Modal questions behind one small service, so tests can answer them without blocking on exec()."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from rtw_planner.gui.kit.choices import UnsavedChoice

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from rtw_planner.domain.demands.niosh import LiftingTask


class Prompts:
    """Real dialogs. Tests replace this with a scripted fake."""

    def unsaved_changes(self, parent: QWidget, what: str) -> UnsavedChoice:
        """Ask whether to save, discard or keep editing."""
        from PySide6.QtWidgets import QMessageBox  # dialogs load on first use, not at startup

        answer = QMessageBox.question(
            parent, "Unsaved changes", f"{what} has unsaved changes. Save them?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return UnsavedChoice.SAVE
        if answer == QMessageBox.StandardButton.Discard:
            return UnsavedChoice.DISCARD
        return UnsavedChoice.CANCEL

    def confirm(self, parent: QWidget, title: str, question: str) -> bool:
        """Ask a yes/no question; True for yes."""
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(parent, title, question)
        return answer == QMessageBox.StandardButton.Yes

    def text(self, parent: QWidget, title: str, label: str, default: str = "") -> str:
        """Ask for a line of text; '' when cancelled."""
        from PySide6.QtWidgets import QInputDialog

        value, ok = QInputDialog.getText(parent, title, label, text=default)
        return str(value) if ok else ""

    def error(self, parent: QWidget, title: str, message: str) -> None:
        """Tell the user something went wrong."""
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(parent, title, message)

    def save_file_name(self, parent: QWidget, title: str, suggested: str, file_filter: str) -> str:
        """Ask where to save; '' when cancelled."""
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
        return str(name)

    def open_file_name(self, parent: QWidget, title: str, folder: str, file_filter: str) -> str:
        """Ask which file to open; '' when cancelled."""
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(parent, title, folder, file_filter)
        return str(name)

    def printer(self, parent: QWidget) -> QPrinter | None:
        """Ask which printer and pages to use (the system print dialog); None when cancelled."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter
        from PySide6.QtWidgets import QDialog

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        accepted = QPrintDialog(printer, parent).exec() == QDialog.DialogCode.Accepted
        return printer if accepted else None

    def lifting_task(self, parent: QWidget, task: LiftingTask | None) -> LiftingTask | None:
        """The NIOSH calculator for a new or an existing lifting task; the task as edited, or None when cancelled."""
        from rtw_planner.gui.dialogs.niosh_dialog import NioshDialog

        dialog = NioshDialog(task, parent)
        return dialog.result_task if dialog.exec() else None
