"""The Capacity tab's tolerances: a table per rated group (DOT factors, conditions, cognitive demands) with what
the job needs beside what the person tolerates, and its source."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.demands.ratings import RatedGroup
from rtw_planner.gui.kit.tables import grid_table_view
from rtw_planner.gui.models.tolerances_table import SOURCE, TOLERATED, TolerancesTableModel, tolerated_choices
from rtw_planner.gui.widgets.choice_delegate import ChoiceDelegate

if TYPE_CHECKING:
    from rtw_planner.gui.models.base import EditSink

# No mnemonics: the window's letters are taken (File, New evaluation...); Tab reaches the tabs and the tables.
TAB_TITLES = {RatedGroup.PHYSICAL: "DOT factors", RatedGroup.ENVIRONMENT: "Conditions",
              RatedGroup.COGNITIVE: "Cognitive"}


def _item_name(index: QModelIndex | QPersistentModelIndex) -> str:
    return str(index.model().index(index.row(), 0).data())


class _ToleratedDelegate(ChoiceDelegate):
    """The drop-down, named for its row: 'Stooping tolerated frequency'."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = super().createEditor(parent, option, index)
        editor.setAccessibleName(f"{_item_name(index)} tolerated frequency")
        return editor


class _SourceDelegate(QStyledItemDelegate):
    """The source's text editor, named for its row: 'Stooping tolerance source'."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = super().createEditor(parent, option, index)
        editor.setAccessibleName(f"{_item_name(index)} tolerance source")
        return editor


class TolerancesPanel(QGroupBox):
    """Tolerances of the evaluation shown; every change is an undoable edit of that evaluation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Tolerances", parent)
        self.models = {group: TolerancesTableModel(group, self) for group in RatedGroup}
        self.tables: dict[RatedGroup, QTableView] = {}
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Tolerance groups")
        for group, model in self.models.items():
            view = grid_table_view(model)
            view.setAccessibleName(f"Tolerances: {group.label}")
            view.setItemDelegateForColumn(TOLERATED, _ToleratedDelegate(tolerated_choices, "Tolerated frequency", view))
            view.setItemDelegateForColumn(SOURCE, _SourceDelegate(view))
            view.setColumnWidth(0, 170)
            self.tables[group] = view
            self.tabs.addTab(view, TAB_TITLES[group])
        hint = QLabel("The highest frequency the person tolerates each demand: N means not at all (or must avoid the "
                      "condition); leave it blank when not tested. Give the source in a few words.")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.tabs)

    def set_sink(self, sink: EditSink) -> None:
        """Where edits go."""
        for model in self.models.values():
            model.sink = sink

    def show_evaluation(self, case: Case, index: int) -> None:
        """Show the job's ratings beside the tolerances of the evaluation at `index` (none when it is -1)."""
        tolerances = case.evaluations[index].tolerances if 0 <= index < len(case.evaluations) else {}
        for group, model in self.models.items():
            model.evaluation_index = index
            model.set_values({k: r for (g, k), r in case.demands.ratings.items() if g is group},
                             {k: t for (g, k), t in tolerances.items() if g is group})
