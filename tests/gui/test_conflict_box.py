"""The refused-save question as the user sees it: who changed the case and when, three ways on, Escape keeps
editing."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtWidgets import QMessageBox

from rtw_planner.db.errors import ConflictError
from rtw_planner.gui.dialogs.conflict_box import COPY_TEXT, RELOAD_TEXT
from rtw_planner.gui.kit.choices import ConflictChoice
from rtw_planner.gui.prompts import Prompts
from rtw_planner.gui.team.conflict import Conflict

REFUSED = ConflictError(12, 5, 4, "sam", datetime(2026, 12, 6, 14, 5))


class Clicking(Prompts):
    """Real prompts whose dialogs are answered by clicking a button by its text (None: Escape)."""

    def __init__(self, text: str | None) -> None:
        self.text_to_click = text
        self.shown: list[QMessageBox] = []

    def run(self, dialog) -> int:  # type: ignore[no-untyped-def]
        self.shown.append(dialog)
        if self.text_to_click is None:
            dialog.reject()
        else:
            wanted = self.text_to_click.replace("&", "")
            next(b for b in dialog.buttons() if b.text().replace("&", "") == wanted).click()
        return dialog.result()


@pytest.mark.parametrize(("text", "choice"), [
    (RELOAD_TEXT, ConflictChoice.RELOAD), (COPY_TEXT, ConflictChoice.COPY), ("Cancel", ConflictChoice.CANCEL),
    (None, ConflictChoice.CANCEL),
])
def test_each_button_is_one_way_on(qtbot, text, choice) -> None:  # type: ignore[no-untyped-def]
    prompts = Clicking(text)
    assert prompts.conflict(None, Conflict.of(REFUSED)) is choice  # type: ignore[arg-type]


def test_the_message_names_who_and_when_and_no_patient(qtbot) -> None:  # type: ignore[no-untyped-def]
    prompts = Clicking(None)
    prompts.conflict(None, Conflict.of(REFUSED))  # type: ignore[arg-type]
    (box,) = prompts.shown
    assert box.text().startswith("This case was changed by sam")
    assert " at 14:05 since you opened it" in box.text()
    assert box.defaultButton().text() == RELOAD_TEXT
    conflict = Conflict.of(REFUSED)
    assert (conflict.case_id, conflict.stored_revision, conflict.your_revision) == (12, 5, 4)
