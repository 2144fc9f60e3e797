"""The Match tab: strength levels and caveats, the item-by-item tables (measured, then rated) with provenance,
and the chart."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.demands.strength import available_tables, load_table
from rtw_planner.domain.demands.units import ForceUnit, MassUnit
from rtw_planner.domain.match.items import MatchStatus
from rtw_planner.domain.match.job import JobMatch, chart_bars, job_match
from rtw_planner.gui.kit.styles import warning_html
from rtw_planner.gui.models.match_table import MatchTableModel
from rtw_planner.gui.models.rated_match_table import RatedMatchTableModel
from rtw_planner.gui.widgets.match_chart import MatchChart


class MatchView(QWidget):
    """Shows how the case as edited (before saving) compares with its current evaluation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = MatchTableModel(self)
        self.result: JobMatch | None = None
        self._case: Case | None = None
        self.table_combo = QComboBox()
        for table_id in available_tables():
            self.table_combo.addItem(load_table(table_id).name, table_id)
        self.table_combo.currentIndexChanged.connect(lambda _i: self._recompute())
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        self.table = QTableView()
        self.table.setAccessibleName("Job against capacity")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it)
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.rated_model = RatedMatchTableModel(self)
        self.rated_table = QTableView()
        self.rated_table.setAccessibleName("Rated demands against tolerances")
        self.rated_table.setModel(self.rated_model)
        self.rated_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rated_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rated_table.setWordWrap(False)
        self.rated_table.verticalHeader().hide()
        self.rated_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.rated_table.horizontalHeader().setStretchLastSection(True)
        for view in (self.table, self.rated_table):
            view.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.chart = MatchChart()
        top = QHBoxLayout()
        top.addWidget(QLabel("Strength table:"))
        top.addWidget(self.table_combo)
        top.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.rated_table)
        splitter.addWidget(self.chart)
        splitter.setSizes([300, 200, 220])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(splitter, 1)

    def show_case(self, case: Case) -> None:
        """Recompute the match for a case."""
        self._case = case
        self._recompute()

    def _recompute(self) -> None:
        if self._case is None:
            return
        result = job_match(self._case, str(self.table_combo.currentData()))
        self.result = result
        self.model.set_items(list(result.items))
        self.rated_model.set_items(list(result.rated_items))
        self.summary_label.setText(summary_html(result))
        if self.isVisible():
            self.chart.show_bars(chart_bars(result.items))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Draw the chart when the tab is first shown (pyqtgraph loads then)."""
        super().showEvent(event)
        if self.result is not None:
            self.chart.show_bars(chart_bars(self.result.items))

    def set_units(self, mass_unit: MassUnit, force_unit: ForceUnit) -> None:
        """Display units."""
        self.model.set_units(mass_unit, force_unit)


def summary_html(result: JobMatch) -> str:
    """The headline of the match as rich text."""
    if not result.total:
        return "Record the job's demands to see the match."
    capacity = result.capacity_level.label if result.capacity_level else "no evaluation"
    verdict = {True: "meets", False: "does not meet", None: "cannot be compared with"}[result.capacity_meets_job]
    lines = [
        f"Job: <b>{escape(result.job_level.label)}</b> &nbsp;·&nbsp; Person: <b>{escape(capacity)}</b> "
        f"({escape(result.job_level.table_name)}); the person's level {verdict} the job's.",
        f"<b>{result.count(MatchStatus.MISMATCH)}</b> of {result.total} demands are beyond current capacity; "
        f"{result.count(MatchStatus.MATCH)} match and {result.count(MatchStatus.NOT_TESTED)} were not tested.",
    ]
    if result.essential_mismatches:
        lines.append("<b>Essential tasks affected:</b> " + "; ".join(escape(m) for m in result.essential_mismatches))
    if result.handling:
        lines.append(handling_html(result))
    lines += [warning_html(n) for n in result.notes[:4]]
    return "<br>".join(lines)


def handling_html(result: JobMatch) -> str:
    """The handling tasks' Liberty Mutual shares in one line; below 75% is marked, no valid value said."""
    people = result.handling[0].people
    shares = []
    for i, hc in enumerate(result.handling, 1):
        name = escape(hc.task.name or f"handling task {i}")
        if hc.percent_capable is None:
            shares.append(f"{name}: no valid value")
        else:
            share = f"{hc.percent_capable:.1f}%"
            shares.append(f"{name}: " + (warning_html(f"⚠ {share}") if hc.higher_risk else share))
    return (f"<b>Handling tasks</b> (Liberty Mutual, {people} who accept the load; below 75% is higher risk): "
            + "; ".join(shares))
