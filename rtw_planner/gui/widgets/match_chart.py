"""Bar chart of capacity against demand per item (on the kit's lazy chart: pyqtgraph loads on the first draw)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from rtw_planner.domain.match.items import MatchStatus
from rtw_planner.domain.match.job import ChartBar
from rtw_planner.gui.kit.charts import LazyChart

BAR_MEANINGS = {MatchStatus.MATCH: "good", MatchStatus.MISMATCH: "bad", MatchStatus.NOT_TESTED: "caution"}
NOT_TESTED_HEIGHT = 5.0  # a stub, so an untested item is visible but clearly not a measurement
CLIPPED_PERCENT = 300.0  # longer bars stop here, so one strong item does not squash the rest
LABEL_REPLACEMENTS = (("Lift floor to waist", "Floor–waist"), ("Lift waist to shoulder", "Waist–shoulder"),
                      ("Lift above shoulder", "Overhead"), (", occasional", " O"), (", frequent", " F"),
                      (", constant", " C"), (", at a time", " /bout"), (", per day", " /day"),
                      ("Push, initial", "Push init."), ("Push, sustained", "Push sust."),
                      ("Pull, initial", "Pull init."), ("Pull, sustained", "Pull sust."))


class MatchChart(LazyChart):
    """Each bar is capacity as % of the demand; the dashed line at 100% is the demand itself."""

    MIN_HEIGHT = 260

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[ChartBar] = []
        self.bar_item: Any = None

    def configure(self, plot: Any) -> None:
        """Horizontal bars, names on the left, the axis fixed."""
        plot.setLabel("bottom", "Capacity as % of the demand (dashed line: the demand)")
        plot.showGrid(x=True, y=False, alpha=0.3)
        plot.setMouseEnabled(x=False, y=False)
        plot.invertY(True)
        plot.getAxis("left").setWidth(170)

    def show_bars(self, bars: list[ChartBar]) -> None:
        """Draw the bars."""
        plot = self.fresh_plot()
        pg = self.pg
        self.bars = bars
        if not bars:
            return
        heights = [NOT_TESTED_HEIGHT if b.percent_of_demand is None else min(b.percent_of_demand, CLIPPED_PERCENT)
                   for b in bars]
        brushes = [pg.mkBrush(self.colour(BAR_MEANINGS[b.status])) for b in bars]
        # Horizontal bars, so every item's name fits beside its bar.
        self.bar_item = pg.BarGraphItem(x0=0, y=list(range(len(bars))), height=0.7, width=heights, brushes=brushes)
        plot.addItem(self.bar_item)
        demand_pen = pg.mkPen(self.foreground(), width=1.5, style=pg.QtCore.Qt.PenStyle.DashLine)
        plot.addItem(pg.InfiniteLine(pos=100, angle=90, pen=demand_pen))
        plot.getAxis("left").setTicks([[(i, short_label(b.label)) for i, b in enumerate(bars)]])
        plot.setXRange(0, max(120, *heights) * 1.05)
        plot.setYRange(-0.6, len(bars) - 0.4)


def short_label(label: str) -> str:
    """Compact tick labels: 'Lift floor to waist, occasional' -> 'Floor–waist O'."""
    for long, short in LABEL_REPLACEMENTS:
        label = label.replace(long, short)
    return label
