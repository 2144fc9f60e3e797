"""Progress charts (pyqtgraph, imported when first drawn): a score over time with its MCID band and goal dates,
and an activity's quota against what was done."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from rtw_planner.domain.outcomes.progress import PracticeSeries, ScoreSeries


def _x(day: date) -> float:
    return datetime.combine(day, time(12)).timestamp()


class _Chart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.plot: Any = None

    def _fresh_plot(self, left: str) -> Any:
        import pyqtgraph as pg  # loaded when a chart is first drawn

        if self.plot is None:
            self.plot = pg.PlotWidget(background="w", axisItems={"bottom": pg.DateAxisItem()})
            self.plot.setMinimumHeight(200)
            self.plot.showGrid(x=True, y=True, alpha=0.25)
            self.plot.addLegend(offset=(-10, 10))
            self._layout.addWidget(self.plot)
        self.plot.clear()
        self.plot.setLabel("left", left)
        return self.plot


class ScoreChart(_Chart):
    """Score over time; the shaded band is the baseline ± MCID, dashed lines are goal dates."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.score_item: Any = None
        self.band_item: Any = None
        self.series: ScoreSeries | None = None

    def show_series(self, series: ScoreSeries) -> None:
        """Draw one instrument."""
        import pyqtgraph as pg

        plot = self._fresh_plot(series.instrument_id)
        self.series = series
        xs = [_x(d) for d in series.dates]
        if series.band is not None and xs:
            low, high = series.band
            self.band_item = pg.LinearRegionItem(values=(low, high), orientation="horizontal", movable=False,
                                                 brush=pg.mkBrush(31, 78, 121, 35), pen=pg.mkPen(None))
            plot.addItem(self.band_item)
            plot.plot([], [], pen=pg.mkPen((31, 78, 121, 90), width=8), name="Baseline ± MCID (no real change)")
        self.score_item = plot.plot(xs, list(series.values), pen=pg.mkPen("#1f4e79", width=2), symbol="o",
                                    symbolBrush="#1f4e79", name="Score")
        for day in series.goal_dates:
            plot.addItem(pg.InfiniteLine(pos=_x(day), angle=90, pen=pg.mkPen("#3a8a3f", style=pg.QtCore.Qt.PenStyle
                                                                                .DashLine)))
        if series.goal_dates:
            plot.plot([], [], pen=pg.mkPen("#3a8a3f", style=pg.QtCore.Qt.PenStyle.DashLine), name="Goal date")


class PracticeChart(_Chart):
    """Planned quota (a step line) against what was done each day (points)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.quota_item: Any = None
        self.done_item: Any = None

    def show_series(self, series: PracticeSeries) -> None:
        """Draw one activity."""
        import pyqtgraph as pg

        plot = self._fresh_plot(series.activity)
        self.quota_item = plot.plot([_x(d) for d in series.days], list(series.quota), name="Quota",
                                    pen=pg.mkPen("#1f4e79", width=2))
        quota = dict(zip(series.days, series.quota, strict=True))
        self.done_item = plot.plot([_x(d) for d in series.done_days], list(series.done), pen=None)  # the data
        # Met, short and unplanned days differ in shape as well as colour, so they read without colour too.
        kinds = (("Quota met", "o", pg.mkBrush("#2e7d32"), pg.mkPen("#2e7d32", width=2),
                  lambda day, done: day in quota and done >= quota[day] - 1e-9),
                 ("Below the quota", "o", pg.mkBrush("#ffffff"), pg.mkPen("#c0392b", width=2),
                  lambda day, done: day in quota and done < quota[day] - 1e-9),
                 ("No quota set", "s", pg.mkBrush("#777777"), pg.mkPen("#777777", width=1),
                  lambda day, done: day not in quota))
        for name, symbol, brush, pen, belongs in kinds:
            points = [(d, v) for d, v in zip(series.done_days, series.done, strict=True) if belongs(d, v)]
            if points:
                plot.plot([_x(d) for d, _ in points], [v for _, v in points], name=name, pen=None, symbol=symbol,
                          symbolBrush=brush, symbolPen=pen, symbolSize=9)
        if series.goal is not None and series.days:
            plot.plot([_x(series.days[0]), _x(series.days[-1])], [series.goal, series.goal], name="Goal",
                      pen=pg.mkPen("#3a8a3f", style=pg.QtCore.Qt.PenStyle.DashLine))
