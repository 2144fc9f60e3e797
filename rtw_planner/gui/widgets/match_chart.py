"""Bar chart of capacity against demand per item (pyqtgraph, imported only when the chart is first shown)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from rtw_planner.domain.match.items import MatchStatus
from rtw_planner.domain.match.job import ChartBar

BAR_COLOURS = {MatchStatus.MATCH: "#3a8a3f", MatchStatus.MISMATCH: "#c0392b", MatchStatus.NOT_TESTED: "#b8a04a"}
NOT_TESTED_HEIGHT = 5.0  # a stub, so an untested item is visible but clearly not a measurement


class MatchChart(QWidget):
    """Each bar is capacity as % of the demand; the dashed line at 100% is the demand itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.plot: Any = None
        self.bars: list[ChartBar] = []
        self.bar_item: Any = None

    def _ensure_plot(self) -> Any:
        if self.plot is None:
            import pyqtgraph as pg  # about 0.6 s to import, so only when a chart is needed

            self.plot = pg.PlotWidget(background="w")
            self.plot.setMinimumHeight(260)
            self.plot.setLabel("bottom", "Capacity as % of the demand (dashed line: the demand)")
            self.plot.showGrid(x=True, y=False, alpha=0.3)
            self.plot.setMouseEnabled(x=False, y=False)
            self.plot.invertY(True)
            self.plot.getAxis("left").setWidth(170)
            self._layout.addWidget(self.plot)
        return self.plot

    def show_bars(self, bars: list[ChartBar]) -> None:
        """Draw the bars."""
        import pyqtgraph as pg

        plot = self._ensure_plot()
        plot.clear()
        self.bars = bars
        if not bars:
            return
        heights = [NOT_TESTED_HEIGHT if b.percent_of_demand is None else min(b.percent_of_demand, 300) for b in bars]
        brushes = [pg.mkBrush(BAR_COLOURS[b.status]) for b in bars]
        # Horizontal bars, so every item's name fits beside its bar.
        self.bar_item = pg.BarGraphItem(x0=0, y=list(range(len(bars))), height=0.7, width=heights, brushes=brushes)
        plot.addItem(self.bar_item)
        demand_pen = pg.mkPen("#333333", width=1.5, style=pg.QtCore.Qt.PenStyle.DashLine)
        plot.addItem(pg.InfiniteLine(pos=100, angle=90, pen=demand_pen))
        plot.getAxis("left").setTicks([[(i, _short(b.label)) for i, b in enumerate(bars)]])
        plot.setXRange(0, max(120, *heights) * 1.05)
        plot.setYRange(-0.6, len(bars) - 0.4)


def _short(label: str) -> str:
    """Compact tick labels: 'Lift floor to waist, occasional' -> 'Floor-waist O'."""
    replacements = (("Lift floor to waist", "Floor–waist"), ("Lift waist to shoulder", "Waist–shoulder"),
                    ("Lift above shoulder", "Overhead"), (", occasional", " O"), (", frequent", " F"),
                    (", constant", " C"), (", at a time", " /bout"), (", per day", " /day"),
                    ("Push, initial", "Push init."), ("Push, sustained", "Push sust."),
                    ("Pull, initial", "Pull init."), ("Pull, sustained", "Pull sust."))
    for long, short in replacements:
        label = label.replace(long, short)
    return label
