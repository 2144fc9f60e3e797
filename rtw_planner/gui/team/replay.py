"""Re-apply one person's edits on a case someone else changed meanwhile: each edit moves to where its target now is,
and is refused when the other person changed or removed what it changes. Plain Python (no Qt): it could live in
domain/edits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.edits.commands import Batch, Edit, Insert, Remove, Set
from rtw_planner.domain.edits.lenses import PART_OF_FIELD, Attr, CaseField, Entry, Item, Lens

MAX_ALIGNED_CELLS = 250_000  # lists longer than this on both sides align by their common ends only
# What applying an edit to a case it was not made for may raise: a value no longer valid, a row no longer there.
NO_LONGER_APPLIES = (ValidationError, IndexError, KeyError, TypeError, AttributeError)


@dataclass(frozen=True)
class Replayed:
    """The edits moved onto the other version, in order, and the user's edits that no longer apply."""

    applied: tuple[Edit, ...]
    refused: tuple[Edit, ...]
    case: Case  # the other version with the applied edits


def replay(base: Case, edits: Sequence[Edit], fresh: Case) -> Replayed:
    """The edits made from `base`, moved onto `fresh` one by one. An edit applies when what it changes is still as
    the user saw it (or already as the user wanted it); otherwise it is refused and the rest go on."""
    mine, theirs = base, fresh
    applied: list[Edit] = []
    refused: list[Edit] = []
    for edit in edits:
        moved = _moved(edit, mine, theirs)
        if moved is None:
            refused.append(edit)
        else:
            applied.append(moved[0])
            theirs = moved[1]
        mine, _ = edit.apply(mine)
    return Replayed(tuple(applied), tuple(refused), theirs)


def field_edits(base: Case, mine: Case) -> list[Edit]:
    """The user's changes as one edit per changed field of the case, for when the steps themselves are gone."""
    return [Set(CaseField(name), getattr(mine, name), f"change {name.replace('_', ' ')}")
            for name in PART_OF_FIELD if getattr(base, name) != getattr(mine, name)]


def _moved(edit: Edit, mine: Case, theirs: Case) -> tuple[Edit, Case] | None:
    """The edit as it applies to theirs, and theirs after it; None when it no longer applies."""
    try:
        moved = _rebased(edit, mine, theirs)
        return None if moved is None else (moved, moved.apply(theirs)[0])
    except NO_LONGER_APPLIES:
        return None


def _rebased(edit: Edit, mine: Case, theirs: Case) -> Edit | None:
    if isinstance(edit, Batch):
        parts: list[Edit] = []
        for part in edit.edits:
            moved = _moved(part, mine, theirs)
            if moved is None:
                return None  # one user action: all of it or none of it
            parts.append(moved[0])
            theirs = moved[1]
            mine, _ = part.apply(mine)
        return Batch(tuple(parts), edit.text)
    if isinstance(edit, Set):
        lens = _mapped_lens(edit.lens, mine, theirs)
        if lens is None:
            return None
        now = lens.get(theirs)
        return replace(edit, lens=lens) if now == edit.lens.get(mine) or now == edit.value else None
    if isinstance(edit, Insert | Remove):
        lens = _mapped_lens(edit.lens, mine, theirs)
        if lens is None:
            return None
        ours, others = tuple(edit.lens.get(mine)), tuple(lens.get(theirs))
        if isinstance(edit, Insert):
            index = _position(ours, others, edit.index)
        else:
            index = aligned(ours, others).get(edit.index)
            if index is not None and others[index] != ours[edit.index]:
                index = None  # the other person changed the row this removes
        return None if index is None else replace(edit, lens=lens, index=index)
    return None  # an edit this replay does not know how to move


def _mapped_lens(lens: Lens, mine: Case, theirs: Case) -> Lens | None:
    """The same path through theirs: every list position moved to where that item now is."""
    if isinstance(lens, CaseField):
        return lens
    if isinstance(lens, Attr | Entry | Item):
        parent = _mapped_lens(lens.parent, mine, theirs)
        if parent is None:
            return None
        if not isinstance(lens, Item):
            return replace(lens, parent=parent)
        index = aligned(tuple(lens.parent.get(mine)), tuple(parent.get(theirs))).get(lens.index)
        return None if index is None else Item(parent, index)
    return None


def _position(ours: tuple[Any, ...], others: tuple[Any, ...], index: int) -> int | None:
    """Where an insertion before ours[index] (or at the end) goes in others."""
    if index == len(ours):
        return len(others)
    mapping = aligned(ours, others)
    if index in mapping:
        return mapping[index]
    return mapping[index - 1] + 1 if index - 1 in mapping else None


def aligned(ours: Sequence[Any], others: Sequence[Any]) -> dict[int, int]:
    """Which position of `others` holds each item of `ours`: equal items in order (the longest common run), and
    items changed in place (a stretch between matches of the same length on both sides) by position. An item the
    other person removed, or whose place cannot be told, has no entry."""
    if list(ours) == list(others):
        return {i: i for i in range(len(ours))}
    start = 0
    while start < min(len(ours), len(others)) and ours[start] == others[start]:
        start += 1
    end = 0
    while end < min(len(ours), len(others)) - start and ours[-1 - end] == others[-1 - end]:
        end += 1
    mapping = {i: i for i in range(start)}
    mapping.update({len(ours) - 1 - k: len(others) - 1 - k for k in range(end)})
    middle_ours, middle_others = ours[start:len(ours) - end], others[start:len(others) - end]
    pairs = [(-1, -1), *_common(middle_ours, middle_others), (len(middle_ours), len(middle_others))]
    for (i0, j0), (i1, j1) in zip(pairs, pairs[1:], strict=False):
        if 0 <= i1 < len(middle_ours):
            mapping[start + i1] = start + j1
        if i1 - i0 == j1 - j0:  # a stretch changed in place
            mapping.update({start + i: start + j0 + (i - i0) for i in range(i0 + 1, i1)})
    return mapping


def _common(ours: Sequence[Any], others: Sequence[Any]) -> list[tuple[int, int]]:
    """The positions of a longest common subsequence (items compared with ==: rows need not be hashable)."""
    if not ours or not others or len(ours) * len(others) > MAX_ALIGNED_CELLS:
        return []
    rows, columns = len(ours), len(others)
    length = [[0] * (columns + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        for j in range(columns - 1, -1, -1):
            length[i][j] = length[i + 1][j + 1] + 1 if ours[i] == others[j] else max(length[i + 1][j],
                                                                                     length[i][j + 1])
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < rows and j < columns:
        if ours[i] == others[j]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif length[i + 1][j] >= length[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs
