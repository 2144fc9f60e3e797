"""Bound fields: shown from the case, sent as edits, invalid text kept with its problem, Undo keys left to the menu."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.edits import case_edits
from rtw_planner.domain.edits.commands import Edit
from rtw_planner.gui.kit.styles import INVALID_FIELD_STYLE as INVALID_STYLE
from rtw_planner.gui.widgets.binder import Binder


def _bound(qtbot):  # type: ignore[no-untyped-def]
    """An employer field bound to a case, with a sink that applies edits and records them."""
    employer, title = QLineEdit(), QLineEdit()
    for line in (employer, title):
        qtbot.addWidget(line)
    binder = Binder()
    sent: list[Edit] = []
    binder.bind({"employer": employer}, lambda c: c.employer, lambda: employer.text().strip(), employer.setText,
                lambda v, _w: case_edits.set_case_field("employer", v))
    binder.bind({"job title": title}, lambda c: c.job_title, lambda: title.text().strip(), title.setText,
                lambda v, _w: case_edits.set_case_field("job_title", v))

    def sink(edit: Edit) -> ValidationError | None:
        try:
            case, _ = edit.apply(binder.case or Case("x"))
        except ValidationError as exc:
            return exc
        sent.append(edit)
        binder.refresh(case)
        return None

    binder.sink = sink
    binder.reset(Case("Ada Test", employer="Acme", job_title="Cook"))
    return binder, employer, title, sent


def test_a_change_is_sent_as_an_edit_and_shown_case_values_are_not_sent(qtbot) -> None:  # type: ignore[no-untyped-def]
    binder, employer, _title, sent = _bound(qtbot)
    assert employer.text() == "Acme"
    assert sent == []  # showing the case is not an edit
    employer.setText("Acme Stores")
    assert [e.text for e in sent] == ["change employer"]
    assert binder.case is not None
    assert binder.case.employer == "Acme Stores"
    employer.setText("Acme Stores ")  # the same value once stripped: nothing to record
    assert len(sent) == 1


def test_invalid_text_stays_with_its_problem_and_a_refresh_of_other_fields_keeps_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    binder, employer, title, sent = _bound(qtbot)
    found: list[str] = []
    binder.problem_found.connect(found.append)
    employer.setText("x" * 201)  # longer than a name may be
    assert "employer" in found[-1]
    assert employer.styleSheet() == INVALID_STYLE
    assert binder.case is not None
    assert binder.case.employer == "Acme"
    title.setText("Chef")  # another field's edit refreshes the binder: the invalid text is not overwritten
    assert binder.case.job_title == "Chef"
    assert employer.text() == "x" * 201
    assert binder.show_problems() is not None
    binder.refresh(Case("Ada Test", employer="Other", job_title="Chef"))
    assert employer.text() == "Other"  # the value changed in the case (an undo): shown, and the problem goes
    assert binder.problems == {}
    assert employer.styleSheet() == ""
    assert len(sent) == 1


def test_undo_keys_in_a_bound_field_are_left_to_the_edit_menu(qtbot) -> None:  # type: ignore[no-untyped-def]
    _binder, employer, _title, _sent = _bound(qtbot)
    for kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
        event = QKeyEvent(kind, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        event.accept()
        assert _binder.eventFilter(employer, event)
        assert not event.isAccepted()  # not taken by the field: the Undo action's shortcut gets it
    typed = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Z, Qt.KeyboardModifier.NoModifier, "z")
    assert not _binder.eventFilter(employer, typed)
