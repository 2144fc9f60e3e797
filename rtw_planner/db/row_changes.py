"""Which stored rows to update, insert and delete so that a table reads back as the wanted rows (pure, no SQL)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

Row = TypeVar("Row")  # a row's column values, without its id
StoredRow = tuple[int, Row]  # (row id, column values)


@dataclass
class RowChanges(Generic[Row]):
    """The writes that turn the stored rows into the wanted ones. Inserted rows take the next ids, in list order."""

    updates: list[tuple[int, Row]] = field(default_factory=list)
    inserts: list[Row] = field(default_factory=list)
    deletes: list[int] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.updates or self.inserts or self.deletes)


def ordered_changes(stored: Sequence[StoredRow[Row]], wanted: Sequence[Row],
                    changes: RowChanges[Row] | None = None) -> RowChanges[Row]:
    """Changes for rows read back in id order (stored is in that order). The common head and tail stay as they
    are; the rows between are paired up and rewritten where they differ, and the surplus deleted or inserted.
    An insert takes an id above every stored one, so when rows are added the tail is rewritten rather than kept
    (it would otherwise read back before them): an edit, a delete or an append costs one write."""
    changes = RowChanges() if changes is None else changes
    shorter = min(len(stored), len(wanted))
    head = 0
    while head < shorter and stored[head][1] == wanted[head]:
        head += 1
    tail = 0
    if len(wanted) <= len(stored):
        while tail < shorter - head and stored[-1 - tail][1] == wanted[-1 - tail]:
            tail += 1
    old = stored[head:len(stored) - tail]
    new = wanted[head:len(wanted) - tail]
    changes.updates.extend((row_id, now) for (row_id, was), now in zip(old, new, strict=False) if was != now)
    changes.deletes.extend(row_id for row_id, _ in old[len(new):])
    changes.inserts.extend(new[len(old):])
    return changes


def grouped_changes(stored: Sequence[StoredRow[Row]], wanted: Sequence[Row],
                    group: Callable[[Row], Hashable]) -> RowChanges[Row]:
    """Changes for rows read back by a group (a date, say) and then by id: within each group as ordered_changes,
    so adding a row on one day rewrites nothing on the others."""
    if [values for _, values in stored] == list(wanted):  # the usual case, nothing changed: one comparison in C
        return RowChanges()
    stored_groups: dict[Hashable, list[StoredRow[Row]]] = {}
    for row in stored:
        stored_groups.setdefault(group(row[1]), []).append(row)
    wanted_groups: dict[Hashable, list[Row]] = {}
    for values in wanted:
        wanted_groups.setdefault(group(values), []).append(values)
    changes: RowChanges[Row] = RowChanges()
    for key in dict.fromkeys([*stored_groups, *wanted_groups]):  # a set's order would vary from run to run
        ordered_changes(stored_groups.get(key, []), wanted_groups.get(key, []), changes)
    return changes


def keyed_changes(stored: Sequence[StoredRow[Row]], wanted: Sequence[Row],
                  key: Callable[[Row], Hashable]) -> RowChanges[Row]:
    """Changes for rows identified by a natural key (unique in wanted and in stored), whose order does not matter."""
    by_key = {key(values): (row_id, values) for row_id, values in stored}
    changes: RowChanges[Row] = RowChanges()
    for values in wanted:
        hit = by_key.pop(key(values), None)
        if hit is None:
            changes.inserts.append(values)
        elif hit[1] != values:
            changes.updates.append((hit[0], values))
    changes.deletes.extend(row_id for row_id, _ in by_key.values())
    return changes
