"""The quota chart: the weekly quotas rising to the goal, the goal dashed, the baseline dotted; nothing for a plan
whose quotas cannot be worked out."""

from __future__ import annotations

import pytest

from rtw_planner.domain.plan.quota import QuotaActivity, QuotaUnit
from rtw_planner.gui.widgets.quota_chart import QuotaChart

# Baseline 15 (the mean of 10 and 20); week 1 is 40% of it, 6; a straight line to 30 in week 4: 6, 14, 22, 30.
LIFTING = QuotaActivity("Lifting", QuotaUnit.REPETITIONS, (10, 20), 30, start_percent=40, target_weeks=4)


def _chart(qtbot) -> QuotaChart:  # type: ignore[no-untyped-def]
    chart = QuotaChart()
    qtbot.addWidget(chart)
    return chart


def _lines(chart: QuotaChart) -> dict[str, tuple[list[float], list[float]]]:
    return {item.name(): (list(item.getData()[0]), list(item.getData()[1]))
            for item in chart.plot.getPlotItem().listDataItems()}


def test_weekly_quotas_goal_and_baseline(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = _chart(qtbot)
    chart.show_quota(LIFTING)
    assert chart.weeks == pytest.approx([6, 14, 22, 30])
    lines = _lines(chart)
    assert lines["Weekly quota"][0] == [1, 2, 3, 4]
    assert lines["Weekly quota"][1] == pytest.approx([6, 14, 22, 30])
    assert lines["Goal"] == ([1, 4], [30, 30])
    assert lines["Baseline (mean of trials)"] == ([1, 4], [15, 15])
    assert chart.plot.getAxis("left").labelText == "Lifting (reps)"
    assert chart.plot.getAxis("bottom").labelText == "Week"
    assert chart.plot.viewRange()[1][1] >= 33  # the goal is never at the top edge


def test_the_legend_names_every_line(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = _chart(qtbot)
    chart.show_quota(LIFTING)
    legend = chart.plot.getPlotItem().legend
    assert [label.text for _, label in legend.items] == ["Weekly quota", "Goal", "Baseline (mean of trials)"]


def test_a_goal_out_of_reach_draws_nothing_but_keeps_the_label(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = _chart(qtbot)
    chart.show_quota(LIFTING)
    # 1% a week from 0.8 never reaches 1000 within 104 weeks.
    unreachable = QuotaActivity("Walking", QuotaUnit.MINUTES, (1,), 1000, start_percent=80, weekly_percent=1)
    chart.show_quota(unreachable)
    assert chart.weeks == []
    assert chart.plot.getPlotItem().listDataItems() == []
    assert chart.plot.getAxis("left").labelText == "Walking (min)"


def test_a_goal_already_reached_is_one_week(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = _chart(qtbot)
    chart.show_quota(QuotaActivity("Standing", QuotaUnit.MINUTES, (50,), 30, start_percent=80, weekly_percent=10))
    assert chart.weeks == [30]
    assert _lines(chart)["Weekly quota"] == ([1], [30])
