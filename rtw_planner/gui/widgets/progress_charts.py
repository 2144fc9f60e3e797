"""Progress charts on the kit's lazy chart: a score over time with its MCID band and goal dates, and an activity's
quota against what was done."""

from __future__ import annotations

from datetime import date, datetime, time
from types import ModuleType
from typing import Any

from PySide6.QtWidgets import QWidget

from rtw_planner.domain.outcomes.progress import PracticeSeries, ScoreSeries
from rtw_planner.gui.kit.charts import LazyChart

BAND_ALPHA = 40  # the band is the score colour, faint, so the points stay readable on top
TOLERANCE = 1e-9  # a day that did exactly the quota (in floating point) met it


def chart_x(day: date) -> float:
    """Where a day sits on the date axis: its noon, as a timestamp (so a point is centred on its day)."""
    return datetime.combine(day, time(12)).timestamp()


class _DatedChart(LazyChart):
    """A lazy chart with dates along the bottom and a legend top right."""

    LEGEND_OFFSET = (-10, 10)

    def axis_items(self, pg: ModuleType) -> dict[str, Any]:
        """A date axis along the bottom."""
        return {"bottom": pg.DateAxisItem()}

    def configure(self, plot: Any) -> None:
        """A light grid both ways."""
        plot.showGrid(x=True, y=True, alpha=0.25)

    def dated_plot(self, left: str) -> Any:
        """The plot, cleared, with its left axis named."""
        plot = self.fresh_plot()
        plot.setLabel("left", left)
        return plot


class ScoreChart(_DatedChart):
    """Score over time; the shaded band is the baseline ± MCID, dashed lines are goal dates."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.score_item: Any = None
        self.band_item: Any = None
        self.series: ScoreSeries | None = None

    def show_series(self, series: ScoreSeries) -> None:
        """Draw one instrument."""
        plot = self.dated_plot(series.instrument_id)
        pg = self.pg
        self.series = series
        xs = [chart_x(d) for d in series.dates]
        score = pg.mkColor(self.colour("primary"))
        band = (score.red(), score.green(), score.blue())
        if series.band is not None and xs:
            low, high = series.band
            self.band_item = pg.LinearRegionItem(values=(low, high), orientation="horizontal", movable=False,
                                                 brush=pg.mkBrush(*band, BAND_ALPHA), pen=pg.mkPen(None))
            plot.addItem(self.band_item)
            plot.plot([], [], pen=pg.mkPen((*band, 90), width=8), name="Baseline ± MCID (no real change)")
        self.score_item = plot.plot(xs, list(series.values), pen=pg.mkPen(score, width=2), symbol="o",
                                    symbolBrush=score, name="Score")
        goal_pen = pg.mkPen(self.colour("good"), style=pg.QtCore.Qt.PenStyle.DashLine)
        for day in series.goal_dates:
            plot.addItem(pg.InfiniteLine(pos=chart_x(day), angle=90, pen=goal_pen))
        if series.goal_dates:
            plot.plot([], [], pen=goal_pen, name="Goal date")


class PracticeChart(_DatedChart):
    """Planned quota (a step line) against what was done each day (points)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.quota_item: Any = None
        self.done_item: Any = None

    def show_series(self, series: PracticeSeries) -> None:
        """Draw one activity."""
        plot = self.dated_plot(series.activity)
        pg = self.pg
        self.quota_item = plot.plot([chart_x(d) for d in series.days], list(series.quota), name="Quota",
                                    pen=pg.mkPen(self.colour("primary"), width=2))
        quota = dict(zip(series.days, series.quota, strict=True))
        self.done_item = plot.plot([chart_x(d) for d in series.done_days], list(series.done), pen=None)  # the data
        # Met, short and unplanned days differ in shape as well as colour, so they read without colour too.
        met, short, unplanned = self.colour("good"), self.colour("bad"), self.colour("neutral")
        kinds = (("Quota met", "o", pg.mkBrush(met), pg.mkPen(met, width=2),
                  lambda day, done: day in quota and done >= quota[day] - TOLERANCE),
                 ("Below the quota", "o", pg.mkBrush(self.background()), pg.mkPen(short, width=2),
                  lambda day, done: day in quota and done < quota[day] - TOLERANCE),
                 ("No quota set", "s", pg.mkBrush(unplanned), pg.mkPen(unplanned, width=1),
                  lambda day, done: day not in quota))
        for name, symbol, brush, pen, belongs in kinds:
            points = [(d, v) for d, v in zip(series.done_days, series.done, strict=True) if belongs(d, v)]
            if points:
                plot.plot([chart_x(d) for d, _ in points], [v for _, v in points], name=name, pen=None,
                          symbol=symbol, symbolBrush=brush, symbolPen=pen, symbolSize=9)
        if series.goal is not None and series.days:
            plot.plot([chart_x(series.days[0]), chart_x(series.days[-1])], [series.goal, series.goal], name="Goal",
                      pen=pg.mkPen(self.colour("good"), style=pg.QtCore.Qt.PenStyle.DashLine))
