"""The question a refused save asks: someone else saved this case first; reload and re-apply, save a copy, or cancel."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from rtw_planner.gui.kit.choices import ConflictChoice
from rtw_planner.gui.team.conflict import Conflict

RELOAD_TEXT = "&Reload and re-apply my edits"
COPY_TEXT = "Save mine as a &copy"


Choices = dict[QAbstractButton, ConflictChoice]


def conflict_box(parent: QWidget | None, conflict: Conflict) -> tuple[QMessageBox, Choices]:
    """The message box (not yet shown) and which choice each of its buttons stands for; Escape cancels."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Case changed by someone else", conflict.message,
                      QMessageBox.StandardButton.Cancel, parent)
    box.setInformativeText(
        "Reload and re-apply: their version, with your edits made again on top; an edit of something they changed "
        "too is left out and listed.\nSave as a copy: your version becomes a new case; theirs stays as it is.\n"
        "Cancel: keep editing.")
    reload = box.addButton(RELOAD_TEXT, QMessageBox.ButtonRole.AcceptRole)
    copy = box.addButton(COPY_TEXT, QMessageBox.ButtonRole.ActionRole)
    box.setDefaultButton(reload)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    return box, {reload: ConflictChoice.RELOAD, copy: ConflictChoice.COPY}
