"""The consents model: each column edited and validated, in force today or not, and the edit each change makes."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from rtw_planner.domain.case.model import Consent, ConsentCategory
from rtw_planner.domain.edits.commands import Edit
from rtw_planner.gui.models.consents_table import ConsentsTableModel

GIVEN = date(2026, 11, 1)


def _model() -> ConsentsTableModel:
    model = ConsentsTableModel()
    model.set_rows((Consent(ConsentCategory.FUNCTIONAL, "Acme Stores Ltd", "Return to work", GIVEN),))
    return model


def test_consents_are_shown_and_edited(qtmodeltester, qtbot) -> None:  # type: ignore[no-untyped-def]
    model = _model()
    qtmodeltester.check(model)
    assert [model.data(model.index(0, c)) for c in range(4)] == ["Functional", "Acme Stores Ltd", "Return to work",
                                                                 "2026-11-01"]
    assert model.data(model.index(0, 0), Qt.ItemDataRole.EditRole) == "functional"
    assert model.data(model.index(0, 6)) == "Yes"
    assert not model.flags(model.index(0, 6)) & Qt.ItemFlag.ItemIsEditable  # in force is worked out
    assert model.setData(model.index(0, 0), "date of birth")
    assert model.rows()[0].category is ConsentCategory.DATE_OF_BIRTH
    assert model.setData(model.index(0, 5), (date.today() - timedelta(days=1)).isoformat())
    assert model.data(model.index(0, 6)) == "No"  # withdrawn yesterday
    with qtbot.waitSignal(model.invalid_input) as blocker:
        assert not model.setData(model.index(0, 4), "2026-10-01")
    assert "consent expiry" in blocker.args[0]
    with qtbot.waitSignal(model.invalid_input) as blocker:
        assert not model.setData(model.index(0, 3), "1 Nov")
    assert "1979-02-14" in blocker.args[0]
    with qtbot.waitSignal(model.invalid_input):
        assert not model.setData(model.index(0, 0), "everything")


def test_consent_edits_are_named(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = _model()
    sent: list[Edit] = []
    model.sink = lambda edit: sent.append(edit) or None  # type: ignore[func-returns-value]
    assert model.setData(model.index(0, 2), "Phased return")
    assert model.remove_row(0)
    assert [e.text for e in sent] == ["change consent 1 purpose", "remove consent to share abilities, limits, "
                                                                  "schedule and adjustments"]
    qtmodeltester.check(model)
