"""Chart of one graded-exposure step: fear before and after each exposure, with the two lines of the rule for moving
up (half the first fear before, and 30)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from rtw_planner.domain.plan.exposure import StepSeries
from rtw_planner.gui.kit.charts import LazyChart


class ExposureChart(LazyChart):
    """Fear 0-100 by exposure: before as a caution line, after as the primary line, the rule's lines dashed."""

    LEGEND_OFFSET = (-10, 5)  # top right, in two columns above the 100 line
    TOP = 130  # room above fear 100 for the legend

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.before_item: Any = None
        self.after_item: Any = None
        self.rule_items: list[Any] = []

    def configure(self, plot: Any) -> None:
        """Exposures along the bottom, fear 0-100 up the side, a fixed view."""
        plot.setLabel("bottom", "Exposure")
        plot.setLabel("left", "Fear (0-100)")
        plot.showGrid(x=True, y=True, alpha=0.25)
        plot.setMouseEnabled(x=False, y=False)
        plot.getAxis("left").setTicks([[(v, str(v)) for v in range(0, 101, 20)]])
        if plot.plotItem.legend is not None:
            plot.plotItem.legend.setColumnCount(2)

    def show_step(self, series: StepSeries) -> None:
        """Draw one step; a step without exposures draws only the axes."""
        plot = self.fresh_plot()
        pg = self.pg
        plot.setYRange(0, self.TOP, padding=0)
        self.rule_items = []
        if not series.numbers:
            self.before_item = self.after_item = None
            return
        xs = list(series.numbers)
        plot.getAxis("bottom").setTicks([[(x, str(x)) for x in xs]])  # whole exposures, never 1.5
        before, after = self.colour("caution"), self.colour("primary")
        self.before_item = plot.plot(xs, list(series.before), pen=pg.mkPen(before, width=2), symbol="t",
                                     symbolSize=7, symbolBrush=before, name="Fear before")
        self.after_item = plot.plot(xs, list(series.after), pen=pg.mkPen(after, width=2), symbol="o", symbolSize=7,
                                    symbolBrush=after, name="Fear after")
        span = [1, max(2, len(xs))]
        dash = pg.QtCore.Qt.PenStyle.DashLine
        if series.half_line is not None:
            self.rule_items.append(plot.plot(span, [series.half_line] * 2, name="Half the first fear before",
                                             pen=pg.mkPen(self.colour("good"), width=1.5, style=dash)))
        self.rule_items.append(plot.plot(span, [series.low_line] * 2, name=f"{series.low_line}: low fear",
                                         pen=pg.mkPen(self.colour("neutral"), width=1, style=dash)))
