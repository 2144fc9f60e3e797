"""The progress charts on screen: a score over time with its band and goal dates; practice against the quota, where
met, short and unplanned days differ in shape as well as colour."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from rtw_planner.domain.outcomes.progress import PracticeSeries, ScoreSeries
from rtw_planner.gui.widgets.progress_charts import PracticeChart, ScoreChart, chart_x

DAYS = (date(2027, 1, 4), date(2027, 1, 5))
NOON_4_JAN = datetime(2027, 1, 4, 12).timestamp()


def _named(chart: ScoreChart | PracticeChart) -> dict:  # type: ignore[type-arg]
    return {item.name(): item for item in chart.plot.getPlotItem().listDataItems() if item.name()}


def test_a_day_sits_at_its_noon() -> None:
    assert chart_x(date(2027, 1, 4)) == NOON_4_JAN
    assert chart_x(date(2027, 1, 5)) - chart_x(date(2027, 1, 4)) == 86_400


def test_score_chart_draws_scores_band_and_goal_dates(qtbot) -> None:  # type: ignore[no-untyped-def]
    import pyqtgraph as pg

    chart = ScoreChart()
    qtbot.addWidget(chart)
    series = ScoreSeries("PSFS", "Patient-Specific Functional Scale", DAYS, (3.0, 5.5), (1.7, 4.3), (),
                         (date(2027, 3, 1),))
    chart.show_series(series)
    xs, ys = chart.score_item.getData()
    assert list(xs) == [NOON_4_JAN, NOON_4_JAN + 86_400]
    assert list(ys) == [3.0, 5.5]
    assert chart.band_item.getRegion() == pytest.approx((1.7, 4.3))
    goal_lines = [item for item in chart.plot.getPlotItem().items if isinstance(item, pg.InfiniteLine)]
    assert [line.value() for line in goal_lines] == [chart_x(date(2027, 3, 1))]
    assert set(_named(chart)) == {"Baseline ± MCID (no real change)", "Score", "Goal date"}
    assert chart.plot.getAxis("left").labelText == "PSFS"
    assert isinstance(chart.plot.getAxis("bottom"), pg.DateAxisItem)
    assert chart.series is series


def test_score_chart_without_a_band_or_goals_draws_the_scores_alone(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = ScoreChart()
    qtbot.addWidget(chart)
    chart.show_series(ScoreSeries("PSFS", "PSFS", DAYS, (3.0, 5.5), (1.7, 4.3), (), (date(2027, 3, 1),)))
    chart.show_series(ScoreSeries("PEG", "PEG", DAYS, (7.0, 5.0), None, (), ()))
    assert set(_named(chart)) == {"Score"}  # the earlier band and goal lines went with the redraw
    assert list(chart.score_item.getData()[1]) == [7.0, 5.0]
    assert chart.plot.getAxis("left").labelText == "PEG"


def test_practice_marks_differ_in_shape_and_fill(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = PracticeChart()
    qtbot.addWidget(chart)
    series = PracticeSeries("Walking", 30, DAYS, (8.0, 8.0), (*DAYS, date(2027, 1, 9)), (8.0, 5.0, 6.0), 0.5)
    chart.show_series(series)
    items = _named(chart)
    met, short, unplanned = items["Quota met"], items["Below the quota"], items["No quota set"]
    assert list(met.getData()[1]) == [8.0]
    assert list(short.getData()[1]) == [5.0]
    assert list(unplanned.getData()[1]) == [6.0]
    assert (met.opts["symbol"], unplanned.opts["symbol"]) == ("o", "s")
    assert met.opts["symbolBrush"].color().name() != short.opts["symbolBrush"].color().name()  # filled vs open
    assert list(chart.done_item.getData()[1]) == [8.0, 5.0, 6.0]


def test_practice_quota_and_goal_lines(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = PracticeChart()
    qtbot.addWidget(chart)
    chart.show_series(PracticeSeries("Walking", 30, DAYS, (8.0, 8.8), (DAYS[0],), (8.0,), 1.0))
    items = _named(chart)
    assert list(items["Quota"].getData()[1]) == [8.0, 8.8]
    assert list(items["Goal"].getData()[0]) == [chart_x(DAYS[0]), chart_x(DAYS[1])]
    assert list(items["Goal"].getData()[1]) == [30, 30]
    assert "Below the quota" not in items
    assert chart.plot.getAxis("left").labelText == "Walking"


def test_practice_without_a_goal_has_no_goal_line(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = PracticeChart()
    qtbot.addWidget(chart)
    chart.show_series(PracticeSeries("Standing", None, DAYS, (20.0, 20.0), (), (), None))
    assert set(_named(chart)) == {"Quota"}
    assert chart.done_item.getData() == (None, None)  # nothing logged yet
