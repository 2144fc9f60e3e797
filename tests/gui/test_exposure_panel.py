"""The Plan tab's graded exposure: activities and exposures entered in tables, each an undoable edit of the
hierarchy, the step proposed by the rule, the chart of the selected step, saved and shown again."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from gui_factories import history, planned_case, show_case
from PySide6.QtCore import Qt

from rtw_planner.domain.plan.exposure import FearedActivity, FearExposure, FearHierarchy

TODAY = date(2026, 12, 6)


def _panel(window, hierarchy: FearHierarchy | None = None):  # type: ignore[no-untyped-def]
    case = planned_case(TODAY)
    if hierarchy is not None:
        case = replace(case, plan=replace(case.plan, exposure=hierarchy))
    view = show_case(window, case, "plan_view")
    view.plan_view.tabs.setCurrentWidget(view.plan_view.exposure_panel)
    return view, view.plan_view.exposure_panel


def _set(model, row: int, column: int, value: str) -> bool:  # type: ignore[no-untyped-def]
    return bool(model.setData(model.index(row, column), value, Qt.ItemDataRole.EditRole))


def test_a_hierarchy_entered_in_the_tab_round_trips(window, repositories) -> None:  # type: ignore[no-untyped-def]
    cases, _ = repositories
    view, panel = _panel(window)
    panel.add_fear_button.click()
    assert _set(panel.fears_model, 0, 1, "Carrying a full shopping bag")
    assert _set(panel.fears_model, 0, 2, "60")
    panel.add_fear_button.click()
    assert _set(panel.fears_model, 1, 1, "Walking for 20 minutes")
    assert _set(panel.fears_model, 1, 2, "30")
    # Walking (30) is step 1, carrying (60) step 2.
    assert [panel.fears_model.data(panel.fears_model.index(r, 0)) for r in range(2)] == ["2", "1"]
    panel.add_exposure_button.click()  # on the current step, walking, rated as its fear so far
    assert panel.exposures_model.rows()[0].activity_id == "fear-2"
    assert _set(panel.exposures_model, 0, 0, "2026-11-02")
    assert _set(panel.exposures_model, 0, 3, "15")
    assert history(view)[-2:] == ["edit exposure 1 date", "edit exposure 1 fear after"]
    # 15 is half of the first fear before, 30: walking is climbed and carrying is proposed.
    assert panel.proposal().startswith("Step 1 climbed: fear after the latest exposure (15) is at most half the "
                                       "first fear before (30). Current step 2 of 2: Carrying a full shopping bag.")
    assert view.save()
    stored = cases.get(view.case_id).plan.exposure
    assert stored == FearHierarchy((FearedActivity("fear-1", "Carrying a full shopping bag", 60),
                                    FearedActivity("fear-2", "Walking for 20 minutes", 30)),
                                   (FearExposure("fear-2", date(2026, 11, 2), 30, 15),))
    view.load(cases.get(view.case_id))
    reopened = view.plan_view.exposure_panel
    assert reopened.exposures_model.data(reopened.exposures_model.index(0, 1)) == "Walking for 20 minutes"
    assert reopened.fears_model.data(reopened.fears_model.index(1, 0)) == "1 ✓"


def test_the_chart_draws_the_selected_step(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    hierarchy = FearHierarchy((FearedActivity("carry", "Carrying a bag", 60),),
                              (FearExposure("carry", date(2026, 11, 16), 60, 45),
                               FearExposure("carry", date(2026, 11, 23), 50, 35)))
    window.show()
    _, panel = _panel(window, hierarchy)
    panel.fears_view.setCurrentIndex(panel.fears_model.index(0, 1))
    qtbot.waitUntil(lambda: panel.chart.after_item is not None)
    xs, after = panel.chart.after_item.getData()
    assert (list(xs), list(after)) == ([1, 2], [45, 35])
    assert list(panel.chart.before_item.getData()[1]) == [60, 50]
    half, low = (list(item.getData()[1]) for item in panel.chart.rule_items)
    assert (half, low) == ([30.0, 30.0], [30, 30])


def test_a_rating_over_100_is_refused_and_undo_removes_an_activity(window) -> None:  # type: ignore[no-untyped-def]
    view, panel = _panel(window)
    panel.add_fear_button.click()
    assert not _set(panel.fears_model, 0, 2, "140")
    assert view.plan_view.message_label.text().startswith("feared activity fear rating: '140' is not allowed")
    view.undo_stack.undo()
    assert view.case.plan.exposure.activities == ()


def test_removing_an_activity_with_exposures_is_refused(window) -> None:  # type: ignore[no-untyped-def]
    hierarchy = FearHierarchy((FearedActivity("carry", "Carrying a bag", 60),),
                              (FearExposure("carry", date(2026, 11, 16), 60, 45),))
    view, panel = _panel(window, hierarchy)
    assert not panel.fears_model.remove_row(0)
    assert "exposure activity id" in view.plan_view.message_label.text()
    assert view.case.plan.exposure == hierarchy


def test_every_input_has_an_accessible_name(window) -> None:  # type: ignore[no-untyped-def]
    _, panel = _panel(window)
    assert (panel.fears_view.accessibleName(), panel.exposures_view.accessibleName()) == ("Feared activities",
                                                                                          "Exposures")
