"""The edit commands: set a value, insert or remove an item, or several edits as one; each returns its inverse."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Any

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.edits.lenses import Lens, Part


class Edit(ABC):
    """One user edit of a case, named in the user's terms ("change lift floor to waist, occasional")."""

    text: str

    @abstractmethod
    def apply(self, case: Case) -> tuple[Case, Edit]:
        """The edited case and the edit that restores `case`. Raises ValidationError, leaving nothing changed."""

    @property
    @abstractmethod
    def parts(self) -> frozenset[Part]:
        """The parts of the case this edit may change."""

    def merge_with(self, later: Edit) -> Edit | None:
        """One edit doing this and then `later`, when both belong to one step for the user; else None."""
        return None


def typing_run(field: str, typed: str) -> str:
    """The run a keystroke in a text field belongs to: keystrokes merge into one undo step until the count of words
    changes, so one undo takes back at most the word being typed (or deleted), never a whole name."""
    return f"{field}#{len(typed.split())}"


@dataclass(frozen=True)
class Set(Edit):
    """Replace one value. Edits of the same value in the same run (see typing_run) merge into one step."""

    lens: Lens
    value: Any
    text: str
    run: str | None = None

    def apply(self, case: Case) -> tuple[Case, Edit]:
        before = self.lens.get(case)
        return self.lens.put(case, self.value), Set(self.lens, before, self.text)

    @property
    def parts(self) -> frozenset[Part]:
        return frozenset({self.lens.part})

    def merge_with(self, later: Edit) -> Edit | None:
        if self.run is None or not isinstance(later, Set) or (later.lens, later.run) != (self.lens, self.run):
            return None
        return Set(self.lens, later.value, self.text, self.run)


@dataclass(frozen=True)
class Insert(Edit):
    """Insert an item into a tuple at a position (the length appends)."""

    lens: Lens
    index: int
    item: Any
    text: str

    def apply(self, case: Case) -> tuple[Case, Edit]:
        items = list(self.lens.get(case))
        if not 0 <= self.index <= len(items):
            raise IndexError(f"insert at {self.index} into {len(items)} items")
        items.insert(self.index, self.item)
        return self.lens.put(case, tuple(items)), Remove(self.lens, self.index, self.text)

    @property
    def parts(self) -> frozenset[Part]:
        return frozenset({self.lens.part})


@dataclass(frozen=True)
class Remove(Edit):
    """Remove the item at a position of a tuple; its inverse puts the same item back in the same place."""

    lens: Lens
    index: int
    text: str

    def apply(self, case: Case) -> tuple[Case, Edit]:
        items = list(self.lens.get(case))
        removed = items.pop(self.index)
        return self.lens.put(case, tuple(items)), Insert(self.lens, self.index, removed, self.text)

    @property
    def parts(self) -> frozenset[Part]:
        return frozenset({self.lens.part})


@dataclass(frozen=True)
class Batch(Edit):
    """Several edits the user made with one action (generating the plan sets the plan and the start date)."""

    edits: tuple[Edit, ...]
    text: str

    def apply(self, case: Case) -> tuple[Case, Edit]:
        inverses: list[Edit] = []
        for edit in self.edits:
            case, inverse = edit.apply(case)
            inverses.append(inverse)
        return case, Batch(tuple(reversed(inverses)), self.text)

    @property
    def parts(self) -> frozenset[Part]:
        return frozenset().union(*(edit.parts for edit in self.edits))
