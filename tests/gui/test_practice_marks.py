"""The practice chart on screen: met, short and unplanned days differ in shape as well as colour."""

from __future__ import annotations

from datetime import date

from rtw_planner.domain.outcomes.progress import PracticeSeries
from rtw_planner.gui.widgets.progress_charts import PracticeChart

DAYS = (date(2027, 1, 4), date(2027, 1, 5))


def test_marks_differ_in_shape_and_fill(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = PracticeChart()
    qtbot.addWidget(chart)
    series = PracticeSeries("Walking", 30, DAYS, (8.0, 8.0), (*DAYS, date(2027, 1, 9)), (8.0, 5.0, 6.0), 0.5)
    chart.show_series(series)
    items = {item.name(): item for item in chart.plot.getPlotItem().listDataItems() if item.name()}
    met, short, unplanned = items["Quota met"], items["Below the quota"], items["No quota set"]
    assert list(met.getData()[1]) == [8.0]
    assert list(short.getData()[1]) == [5.0]
    assert list(unplanned.getData()[1]) == [6.0]
    assert (met.opts["symbol"], unplanned.opts["symbol"]) == ("o", "s")
    assert met.opts["symbolBrush"].color().name() != short.opts["symbolBrush"].color().name()  # filled vs open
    assert list(chart.done_item.getData()[1]) == [8.0, 5.0, 6.0]
