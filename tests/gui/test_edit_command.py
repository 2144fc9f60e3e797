"""Domain edits on a QUndoStack: redo applies, undo applies the inverse, a run of typing in one field merges."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.edits import case_edits
from rtw_planner.domain.edits.lenses import Part
from rtw_planner.gui.widgets.edit_command import EditCommand


class Holder:
    """Holds a case as the case view does and records the parts refreshed."""

    def __init__(self, case: Case) -> None:
        self.case = case
        self.refreshed: list[tuple[frozenset[Part], bool]] = []

    def show_edited(self, case: Case, parts: frozenset[Part], replayed: bool = False) -> None:
        self.case = case
        self.refreshed.append((parts, replayed))

    def push(self, stack: QUndoStack, name: str, value: object) -> None:
        edit = case_edits.set_case_field(name, value)
        edited, inverse = edit.apply(self.case)
        stack.push(EditCommand(self, edit, inverse, edited))


def test_undo_and_redo_restore_each_state(qapp) -> None:  # type: ignore[no-untyped-def]
    holder, stack = Holder(Case("Ada Test", employer="Acme")), QUndoStack()
    holder.push(stack, "employer", "Acme Stores")
    holder.push(stack, "review_date", None)
    holder.push(stack, "sex", None)
    assert stack.count() == 3
    assert stack.undoText() == "change sex"
    stack.setIndex(0)
    assert holder.case == Case("Ada Test", employer="Acme")
    stack.redo()
    assert holder.case.employer == "Acme Stores"
    assert holder.refreshed[0] == ({Part.DETAILS}, False)  # the user's own edit
    assert holder.refreshed[-1] == ({Part.DETAILS}, True)  # a redo, which the case view brings into view


def test_typing_in_one_field_merges_word_by_word(qapp) -> None:  # type: ignore[no-untyped-def]
    holder, stack = Holder(Case("Ada Test", employer="")), QUndoStack()
    typed = ""
    for key in "Acme Stores Ltd":
        typed += key
        holder.push(stack, "employer", typed)
    assert stack.count() == 3  # "Acme ", "Acme Stores ", "Acme Stores Ltd"
    stack.undo()
    assert holder.case.employer == "Acme Stores"
    stack.undo()
    stack.undo()
    assert holder.case.employer == ""
    stack.redo()
    assert holder.case.employer == "Acme"


def test_a_saved_state_is_never_merged_into(qapp) -> None:  # type: ignore[no-untyped-def]
    holder, stack = Holder(Case("Ada Test", employer="")), QUndoStack()
    holder.push(stack, "employer", "Ac")
    stack.setClean()
    holder.push(stack, "employer", "Acme")  # same word, but the first step is what was saved
    assert stack.count() == 2
    stack.undo()
    assert stack.isClean()
    assert holder.case.employer == "Ac"
