"""Plausibility warnings on the table cells they are about: each tab turns the warnings' cells (a row key and a
column name) into the (row, column) of its own models."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rtw_planner.domain.checks.plausibility import Plausibility, Table
from rtw_planner.domain.demands.profile import STRENGTH_ACTIVITIES, Frequency
from rtw_planner.gui.models.base import ColumnsTableModel


def mark_cells(model: ColumnsTableModel, warnings: Iterable[Plausibility], table: Table,
               row_of: Callable[[str], int | None], column_of: Callable[[str], int | None] | None = None,
               scope: str = "") -> None:
    """Mark the model's cells that the warnings of one table (and scope) point at; unmark the rest."""
    columns = column_of or column_by_name(model)
    marks: dict[tuple[int, int], str] = {}
    for warning in warnings:
        cell = warning.cell
        if cell is None or cell.table is not table or cell.scope != scope:
            continue
        row, column = row_of(cell.row), columns(cell.column)
        if row is not None and column is not None:
            said = f"{warning.problem} {warning.expected}"
            marks[(row, column)] = f"{marks[(row, column)]}\n{said}" if (row, column) in marks else said
    model.set_cell_warnings(marks)


def column_by_name(model: ColumnsTableModel) -> Callable[[str], int | None]:
    """A column's position from its header, compared without case."""
    names = [c.lower() for c in model.COLUMNS]
    return lambda name: names.index(name) if name in names else None


def position_in(keys: list[str]) -> Callable[[str], int | None]:
    """A row's position from its key, when shown."""
    return lambda key: keys.index(key) if key in keys else None


def mark_strength(model: ColumnsTableModel, warnings: Iterable[Plausibility], table: Table, scope: str = "") -> None:
    """The strength-by-frequency grid: rows are the handling activities, columns the frequencies."""
    frequencies = [f.value for f in Frequency]
    mark_cells(model, warnings, table, position_in([a.value for a in STRENGTH_ACTIVITIES]),
               position_in(frequencies), scope)
