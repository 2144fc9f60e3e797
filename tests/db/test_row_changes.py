"""The row diff: applied to a table that gives each insert the next id, the rows read back as wanted, and a
single edit, delete or append costs a single write."""

from __future__ import annotations

from collections.abc import Callable, Hashable

from hypothesis import given, settings
from hypothesis import strategies as st

from rtw_planner.db.row_changes import RowChanges, grouped_changes, keyed_changes, ordered_changes

Table = dict[int, tuple[str, str]]  # id -> (day, value)
rows = st.lists(st.tuples(st.sampled_from("abc"), st.sampled_from("xyz")), max_size=8)


def table_of(values: list[tuple[str, str]]) -> Table:
    return dict(enumerate(values, start=1))


def apply(table: Table, changes: RowChanges[tuple[str, str]]) -> Table:
    """What a database does with the changes: deletes, updates in place, inserts under ids above every other."""
    after = {i: v for i, v in table.items() if i not in changes.deletes}
    assert len(after) == len(table) - len(changes.deletes)  # only stored ids are deleted, each once
    for row_id, values in changes.updates:
        assert row_id in after
        after[row_id] = values
    next_id = max(table, default=0) + 1
    for values in changes.inserts:
        after[next_id] = values
        next_id += 1
    return after


def by_id(table: Table) -> list[tuple[str, str]]:
    return [table[i] for i in sorted(table)]


def by_day_then_id(table: Table) -> list[tuple[str, str]]:
    return [table[i] for i in sorted(table, key=lambda i: (table[i][0], i))]


def writes(changes: RowChanges[tuple[str, str]]) -> int:
    return len(changes.updates) + len(changes.inserts) + len(changes.deletes)


@settings(max_examples=200, deadline=None)
@given(rows, rows)
def test_ordered_rows_read_back_as_wanted(stored: list[tuple[str, str]], wanted: list[tuple[str, str]]) -> None:
    table = table_of(stored)
    changes = ordered_changes(sorted(table.items()), wanted)
    assert by_id(apply(table, changes)) == wanted
    assert writes(changes) <= max(len(stored), len(wanted))


def _day(values: tuple[str, str]) -> Hashable:
    return values[0]


@settings(max_examples=200, deadline=None)
@given(rows, rows)
def test_dated_rows_read_back_by_day_as_wanted(stored: list[tuple[str, str]], wanted: list[tuple[str, str]]) -> None:
    table = table_of(stored)
    changes = grouped_changes([(i, table[i]) for i in sorted(table, key=lambda i: (table[i][0], i))], wanted, _day)
    assert by_day_then_id(apply(table, changes)) == sorted(wanted, key=lambda v: v[0])


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from("abcdef"), st.sampled_from("xyz"), max_size=6),
       st.dictionaries(st.sampled_from("abcdef"), st.sampled_from("xyz"), max_size=6))
def test_keyed_rows_read_back_as_wanted(stored: dict[str, str], wanted: dict[str, str]) -> None:
    table = table_of(sorted(stored.items()))
    changes = keyed_changes(sorted(table.items()), sorted(wanted.items()), _day)
    assert dict(apply(table, changes).values()) == wanted
    assert writes(changes) == len(stored.keys() ^ wanted.keys()) + sum(
        stored[k] != wanted[k] for k in stored.keys() & wanted.keys())


SINGLE: dict[str, Callable[[list[tuple[str, str]]], list[tuple[str, str]]]] = {
    "edit in the middle": lambda r: [*r[:3], ("b", "edited"), *r[4:]],
    "delete in the middle": lambda r: r[:3] + r[4:],
    "delete the first": lambda r: r[1:],
    "append": lambda r: [*r, ("c", "new")],
}


def test_a_single_change_is_a_single_write() -> None:
    history = [("a", str(n)) for n in range(500)]
    table = table_of(history)
    for name, change in SINGLE.items():
        wanted = change(history)
        changes = ordered_changes(sorted(table.items()), wanted)
        assert writes(changes) == 1, name
        assert by_id(apply(table, changes)) == wanted
    assert not ordered_changes(sorted(table.items()), history)


def test_a_row_added_before_others_rewrites_only_its_own_day() -> None:
    history = [(f"day{n // 2:03}", str(n)) for n in range(500)]  # two a day
    table = table_of(history)
    wanted = [("day000", "first of the day"), *history]
    changes = grouped_changes(sorted(table.items()), wanted, _day)
    assert (len(changes.updates), len(changes.inserts), changes.deletes) == (2, 1, [])
    assert by_day_then_id(apply(table, changes)) == wanted
