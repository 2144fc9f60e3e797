"""The match chart: one bar per item as % of its demand, coloured by status, untested items as a stub, the demand
as a dashed line at 100%."""

from __future__ import annotations

import pytest

from rtw_planner.domain.match.items import MatchStatus
from rtw_planner.domain.match.job import ChartBar
from rtw_planner.gui.widgets.match_chart import MatchChart, short_label

BARS = [ChartBar("Lift floor to waist, occasional", 12 / 23 * 100, MatchStatus.MISMATCH),
        ChartBar("Carry, occasional", None, MatchStatus.NOT_TESTED),
        ChartBar("Push, initial, occasional", 450.0, MatchStatus.MATCH)]


def _chart(qtbot) -> MatchChart:  # type: ignore[no-untyped-def]
    chart = MatchChart()
    qtbot.addWidget(chart)
    return chart


def test_bars_are_percent_of_demand_with_a_stub_for_untested(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = _chart(qtbot)
    assert chart.plot is None  # nothing drawn, nothing loaded
    chart.show_bars(BARS)
    widths = list(chart.bar_item.opts["width"])
    assert widths == pytest.approx([52.17, 5.0, 300.0], abs=0.01)  # untested: a 5% stub; 450% clipped at 300%
    assert list(chart.bar_item.opts["y"]) == [0, 1, 2]
    assert chart.bars == BARS


def test_colours_follow_the_status(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = _chart(qtbot)
    chart.show_bars(BARS)
    colours = [brush.color().name() for brush in chart.bar_item.opts["brushes"]]
    assert colours == ["#c0392b", "#8c7a2e", "#2e7d32"]  # mismatch red, not tested ochre, match green (light)
    assert len(set(colours)) == 3


def test_the_demand_line_and_the_axis_cover_every_bar(qtbot) -> None:  # type: ignore[no-untyped-def]
    import pyqtgraph as pg

    chart = _chart(qtbot)
    chart.show_bars(BARS)
    lines = [item for item in chart.plot.getPlotItem().items if isinstance(item, pg.InfiniteLine)]
    assert [line.value() for line in lines] == [100]
    assert lines[0].pen.color().name() == chart.foreground()
    (x_low, x_high), (y_low, y_high) = chart.plot.viewRange()
    assert x_low <= 0
    assert x_high >= 300 * 1.05
    assert y_low <= -0.5
    assert y_high >= 2.5


def test_a_short_set_still_shows_the_demand_at_120_percent(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = _chart(qtbot)
    chart.show_bars([ChartBar("Stand, at a time", 50.0, MatchStatus.MISMATCH)])
    assert chart.plot.viewRange()[0][1] >= 120 * 1.05  # the 100% line is never at the edge


def test_redrawing_replaces_the_bars_and_no_bars_clears(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = _chart(qtbot)
    chart.show_bars(BARS)
    chart.show_bars(BARS[:1])
    plot_items = chart.plot.getPlotItem().items
    assert sum(1 for item in plot_items if item is chart.bar_item) == 1
    assert len(chart.bar_item.opts["width"]) == 1
    chart.show_bars([])
    assert chart.bars == []
    assert chart.plot.getPlotItem().items == []


@pytest.mark.parametrize(("label", "short"), [
    ("Lift floor to waist, occasional", "Floor–waist O"),
    ("Lift waist to shoulder, frequent", "Waist–shoulder F"),
    ("Lift above shoulder, constant", "Overhead C"),
    ("Stand, at a time", "Stand /bout"),
    ("Walk, per day", "Walk /day"),
    ("Push, initial, occasional", "Push init. O"),
    ("Pull, sustained, frequent", "Pull sust. F"),
    ("Climb ladders", "Climb ladders"),
])
def test_tick_labels_are_compact(label: str, short: str) -> None:
    assert short_label(label) == short
