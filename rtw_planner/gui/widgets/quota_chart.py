"""Chart of one activity's weekly quotas rising to its goal (on the kit's lazy chart)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.plan.quota import QuotaActivity
from rtw_planner.gui.kit.charts import LazyChart


class QuotaChart(LazyChart):
    """Quota by week as a stepped line, the goal as a dashed line and the baseline as a dotted one."""

    LEGEND_OFFSET = (-10, -40)  # bottom right, clear of the rising line

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.quota_item: Any = None
        self.weeks: list[float] = []

    def configure(self, plot: Any) -> None:
        """Weeks along the bottom, a fixed view."""
        plot.setLabel("bottom", "Week")
        plot.showGrid(x=True, y=True, alpha=0.25)
        plot.setMouseEnabled(x=False, y=False)

    def show_quota(self, activity: QuotaActivity) -> None:
        """Draw one activity; an activity whose quotas cannot be worked out draws nothing."""
        plot = self.fresh_plot()
        pg = self.pg
        plot.setLabel("left", f"{activity.name} ({activity.unit.value})")
        try:
            self.weeks = list(activity.weeks())
        except ValidationError:
            self.weeks = []
            return
        xs = list(range(1, len(self.weeks) + 1))
        quota = self.colour("primary")
        self.quota_item = plot.plot(xs, self.weeks, pen=pg.mkPen(quota, width=2), symbol="o", symbolSize=6,
                                    symbolBrush=quota, name="Weekly quota")
        plot.plot([1, len(xs)], [activity.goal, activity.goal], name="Goal",
                  pen=pg.mkPen(self.colour("good"), width=1.5, style=pg.QtCore.Qt.PenStyle.DashLine))
        plot.plot([1, len(xs)], [activity.baseline, activity.baseline], name="Baseline (mean of trials)",
                  pen=pg.mkPen(self.colour("neutral"), width=1, style=pg.QtCore.Qt.PenStyle.DotLine))
        plot.setYRange(0, max(activity.goal, activity.baseline) * 1.1)
