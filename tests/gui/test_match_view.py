"""The Match tab: the headline, the chart data and the table of levels, following edits once they pause."""

from __future__ import annotations

from datetime import date, timedelta

from gui_factories import LIFT, assessed_case, show_case

from rtw_planner.domain.capacity.evaluation import Evaluation
from rtw_planner.domain.demands.job import JobDemands, Task
from rtw_planner.domain.demands.profile import Activity, Frequency, PhysicalProfile
from rtw_planner.domain.edits import demand_edits
from rtw_planner.domain.edits.lenses import DEMANDS_PROFILE
from rtw_planner.domain.match.job import chart_bars, job_match
from rtw_planner.gui.widgets.match_view import MatchView, summary_html


def picker(**changes: object) -> object:
    """A picker lifting 23 kg from the floor now and then, in an essential task, measured at 12 kg (7 kg often)."""
    demands = JobDemands(profile=PhysicalProfile(strength={LIFT: 23.0}),
                         tasks=(Task("Pick cases from racking to pallet", True, 60, (Activity.LIFT_FLOOR_TO_WAIST,)),))
    measured = PhysicalProfile(strength={LIFT: 12.0, (Activity.LIFT_FLOOR_TO_WAIST, Frequency.FREQUENT): 7.0})
    return assessed_case(demands=demands, evaluations=(Evaluation(date.today() - timedelta(days=7), "Sam Rivers",
                                                                  profile=measured),), **changes)


def test_match_tab_summary_and_chart_data(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = show_case(window, picker(), "match_view").match_view
    qtbot.waitUntil(lambda: view.chart.bar_item is not None)
    assert "Heavy" in view.summary_label.text()
    assert "between Light and Medium" in view.summary_label.text()
    assert "Pick cases from racking to pallet" in view.summary_label.text()
    expected = chart_bars(view.result.items)
    assert view.chart.bars == expected
    widths = list(view.chart.bar_item.opts["width"])
    assert widths[0] == expected[0].percent_of_demand  # floor-to-waist occasional: 12 of 23 kg
    assert round(widths[0], 1) == 52.2
    view.table_combo.setCurrentIndex(view.table_combo.findData("ors"))
    assert view.result.job_level.table_id == "ors"


def test_the_match_follows_an_edit_and_its_undo(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    case_view = show_case(window, picker(), "match_view")
    view = case_view.match_view
    case_view.push(demand_edits.set_strength(DEMANDS_PROFILE, *LIFT, 10.0))
    case_view.settle()
    assert view.result.items[0].status.value == "match"
    case_view.undo_stack.undo()
    case_view.settle()
    assert view.result.items[0].status.value == "mismatch"


def test_the_summary_asks_for_demands_first(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = MatchView()
    qtbot.addWidget(view)
    view.show_case(assessed_case(demands=JobDemands()))
    assert view.summary_label.text() == "Record the job's demands to see the match."
    assert summary_html(job_match(picker(), "dot")).count("<br>") >= 3
