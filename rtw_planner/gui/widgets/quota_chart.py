"""Chart of one activity's weekly quotas rising to its goal (pyqtgraph, imported when first shown)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.plan.quota import QuotaActivity


class QuotaChart(QWidget):
    """Quota by week as a stepped line, the goal as a dashed line and the baseline as a dotted one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.plot: Any = None
        self.quota_item: Any = None
        self.weeks: list[float] = []

    def show_quota(self, activity: QuotaActivity) -> None:
        """Draw one activity."""
        import pyqtgraph as pg  # loaded only when a chart is shown

        if self.plot is None:
            self.plot = pg.PlotWidget(background="w")
            self.plot.setMinimumHeight(200)
            self.plot.setLabel("bottom", "Week")
            self.plot.showGrid(x=True, y=True, alpha=0.25)
            self.plot.setMouseEnabled(x=False, y=False)
            self.plot.addLegend(offset=(-10, -40))  # bottom right, clear of the rising line
            self._layout.addWidget(self.plot)
        plot = self.plot
        plot.clear()
        plot.setLabel("left", f"{activity.name} ({activity.unit.value})")
        try:
            self.weeks = list(activity.weeks())
        except ValidationError:
            self.weeks = []
            return
        xs = list(range(1, len(self.weeks) + 1))
        self.quota_item = plot.plot(xs, self.weeks, pen=pg.mkPen("#1f4e79", width=2), symbol="o", symbolSize=6,
                                    symbolBrush="#1f4e79", name="Weekly quota")
        plot.plot([1, len(xs)], [activity.goal, activity.goal], name="Goal",
                  pen=pg.mkPen("#3a8a3f", width=1.5, style=pg.QtCore.Qt.PenStyle.DashLine))
        plot.plot([1, len(xs)], [activity.baseline, activity.baseline], name="Baseline (mean of trials)",
                  pen=pg.mkPen("#777777", width=1, style=pg.QtCore.Qt.PenStyle.DotLine))
        plot.setYRange(0, max(activity.goal, activity.baseline) * 1.1)
