"""A domain edit on a QUndoStack: a thin wrapper whose redo applies the edit and whose undo applies its inverse."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QUndoCommand, QUndoStack

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.edits.commands import Edit
from rtw_planner.domain.edits.lenses import Part

MERGEABLE = 1207  # the id of commands that may merge (a run of typing in one field); -1 never merges


class CaseHolder(Protocol):
    """What holds the case the commands change (the case view)."""

    @property
    def case(self) -> Case:
        """The case as it stands."""

    def show_edited(self, case: Case, parts: frozenset[Part], replayed: bool = False) -> None:
        """Take the edited case and refresh the views of the parts that changed; `replayed` for an undo or a redo
        (not the user's own action), which the holder may bring into view."""


class EditCommand(QUndoCommand):
    """Undo text is the edit's text ("Undo change lift floor to waist, occasional")."""

    def __init__(self, holder: CaseHolder, edit: Edit, inverse: Edit, edited: Case) -> None:
        super().__init__(edit.text)
        self._holder = holder
        self.edit = edit
        self._inverse = inverse
        self._first: Case | None = edited  # already applied (and validated) when pushed

    def redo(self) -> None:
        if self._first is not None:
            case, self._first = self._first, None
            self._holder.show_edited(case, self.edit.parts)
            return
        case, self._inverse = self.edit.apply(self._holder.case)
        self._holder.show_edited(case, self.edit.parts, replayed=True)

    def undo(self) -> None:
        case, _ = self._inverse.apply(self._holder.case)
        self._holder.show_edited(case, self._inverse.parts, replayed=True)

    @property
    def inverse(self) -> Edit:
        """The edit that undoes this one from the state after it (kept current by redo)."""
        return self._inverse

    def id(self) -> int:
        return MERGEABLE if getattr(self.edit, "run", None) is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        """Keystrokes of one word in one field are one step; the inverse still restores the state before them."""
        if not isinstance(other, EditCommand):
            return False
        merged = self.edit.merge_with(other.edit)
        if merged is None:
            return False
        self.edit = merged
        return True


def edits_since_clean(stack: QUndoStack) -> list[Edit] | None:
    """The edits that lead from the clean (saved) state to the current one: the commands done since, or the
    inverses of those undone since; None when the clean state is gone from the history or a step is not an edit."""
    clean, now = stack.cleanIndex(), stack.index()
    if clean < 0:
        return None
    commands = [stack.command(i) for i in range(min(clean, now), max(clean, now))]
    if not all(isinstance(c, EditCommand) for c in commands):
        return None
    steps = [c for c in commands if isinstance(c, EditCommand)]
    return [c.edit for c in steps] if now >= clean else [c.inverse for c in reversed(steps)]
