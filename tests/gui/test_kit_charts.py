"""The lazy chart base: nothing of pyqtgraph until the first draw, one plot reused after it, colours from the
palette."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtGui import QColor, QPalette

from rtw_planner.gui.kit.charts import LazyChart, chart_library

ROOT = Path(__file__).resolve().parents[2]


class _Chart(LazyChart):
    MIN_HEIGHT = 123

    def __init__(self) -> None:
        super().__init__()
        self.configured = 0

    def configure(self, plot: Any) -> None:
        self.configured += 1
        plot.setLabel("bottom", "Week")


class _ChartWithLegend(_Chart):
    LEGEND_OFFSET = (-10, 10)


def test_the_plot_is_made_on_the_first_draw_and_reused(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = _Chart()
    qtbot.addWidget(chart)
    assert chart.plot is None
    plot = chart.fresh_plot()
    assert plot is not None
    assert plot.minimumHeight() == 123
    assert plot.getAxis("bottom").labelText == "Week"
    plot.plot([1, 2], [3, 4])
    assert len(plot.getPlotItem().listDataItems()) == 1
    again = chart.fresh_plot()
    assert again is plot
    assert again.getPlotItem().listDataItems() == []  # cleared for the next draw
    assert chart.configured == 1
    assert chart.findChildren(type(plot)) == [plot]


def test_colours_come_from_the_palette(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = _Chart()
    qtbot.addWidget(chart)
    dark = QPalette(chart.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#101820"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#f0f0e0"))
    chart.setPalette(dark)
    plot = chart.fresh_plot()
    assert plot.backgroundBrush().color().name() == "#101820"
    for side in ("left", "bottom"):
        assert plot.getAxis(side).pen().color().name() == "#f0f0e0"
        assert plot.getAxis(side).textPen().color().name() == "#f0f0e0"
    assert chart.foreground() == "#f0f0e0"


def test_a_legend_only_where_asked(qtbot) -> None:  # type: ignore[no-untyped-def]
    plain, with_legend = _Chart(), _ChartWithLegend()
    for chart in (plain, with_legend):
        qtbot.addWidget(chart)
    assert plain.fresh_plot().getPlotItem().legend is None
    assert with_legend.fresh_plot().getPlotItem().legend is not None


def test_chart_library_is_pyqtgraph() -> None:
    import pyqtgraph

    assert chart_library() is pyqtgraph


CHARTS_WITHOUT_DRAWING = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from rtw_planner.gui.widgets.match_chart import MatchChart
from rtw_planner.gui.widgets.quota_chart import QuotaChart
from rtw_planner.gui.widgets.progress_charts import PracticeChart, ScoreChart
charts = [MatchChart(), QuotaChart(), ScoreChart(), PracticeChart()]
for chart in charts:
    chart.show()
app.processEvents()
before = "pyqtgraph" in sys.modules
charts[0].show_bars([])
print(before, "pyqtgraph" in sys.modules)
"""


def test_pyqtgraph_loads_at_the_first_draw_not_before() -> None:
    result = subprocess.run([sys.executable, "-c", CHARTS_WITHOUT_DRAWING], cwd=ROOT, capture_output=True, text=True,
                            check=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), timeout=120)
    assert result.stdout.split() == ["False", "True"]
