"""The shared table model: one row added, removed or changed is signalled as such; changes go out as edits."""

from __future__ import annotations

from typing import Any

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.edits.commands import Edit, Insert, Remove, Set
from rtw_planner.domain.edits.lenses import CaseField, Item
from rtw_planner.gui.models.base import RowsTableModel

CONSENTS = CaseField("consents")


class Words(RowsTableModel):
    """One column of words."""

    COLUMNS = ("Word",)

    def data(self, index: Any, role: int = 0) -> Any:
        return self._rows[index.row()] if index.isValid() and role == 0 else None

    def insert_edit(self, index: int, row: Any) -> Edit:
        return Insert(CONSENTS, index, row, "add")

    def remove_edit(self, index: int, row: Any) -> Edit:
        return Remove(CONSENTS, index, "remove")

    def row_edit(self, index: int, row: Any, column: int) -> Edit:
        return Set(Item(CONSENTS, index), row, "edit")

    def edited(self, row: Any, column: int, value: Any) -> Any:
        if not str(value).strip():
            raise ValidationError("word", value, "a word")
        return str(value)


def test_one_row_added_or_removed_is_signalled_as_such(qtmodeltester, qtbot) -> None:  # type: ignore[no-untyped-def]
    model = Words()
    model.set_rows(["a", "b"])
    qtmodeltester.check(model)
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        model.set_rows(["a", "x", "b"])
    assert inserted.args[1:] == [1, 1]
    with qtbot.waitSignal(model.rowsRemoved) as removed:
        model.set_rows(["x", "b"])
    assert removed.args[1:] == [0, 0]
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.set_rows(["x", "c"])
    assert (changed.args[0].row(), changed.args[1].row()) == (1, 1)
    with qtbot.waitSignal(model.modelReset):
        model.set_rows(["p", "q", "r", "s"])
    assert model.rows() == ("p", "q", "r", "s")


def test_without_a_sink_changes_are_made_in_place(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = Words()
    model.set_rows(["a"])
    with qtbot.waitSignal(model.rows_changed):
        assert model.append_row("b")
    assert model.setData(model.index(1, 0), "c")
    assert model.remove_row(0)
    assert not model.remove_row(5)
    assert model.rows() == ("c",)
    with qtbot.waitSignal(model.invalid_input) as blocker:
        assert not model.setData(model.index(0, 0), "  ")
    assert blocker.args[0].startswith("word:")


def test_with_a_sink_the_edit_goes_there_and_a_refusal_changes_nothing(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = Words()
    model.set_rows(["a"])
    sent: list[Edit] = []
    model.sink = lambda edit: sent.append(edit) or None  # type: ignore[func-returns-value]
    assert model.append_row("b")
    assert model.rows() == ("a",)  # the case view shows the new rows when it refreshes
    assert [e.text for e in sent] == ["add"]
    model.sink = lambda edit: ValidationError("consents", "b", "something else")
    with qtbot.waitSignal(model.invalid_input) as blocker:
        assert not model.setData(model.index(0, 0), "b")
    assert "consents" in blocker.args[0]
    assert model.rows() == ("a",)
