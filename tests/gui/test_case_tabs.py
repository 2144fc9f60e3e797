"""The Job demands, Capacity and Match tabs of a case: evaluations history, template flag, chart data."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from rtw_planner.domain.demands.job import DemandSource
from rtw_planner.domain.match.items import MatchStatus
from rtw_planner.domain.match.job import chart_bars


def test_latest_evaluation_governs_and_history_is_kept(window, repositories) -> None:  # type: ignore[no-untyped-def]
    cases, _ = repositories
    window.open_demo_case()
    capacity = window.case_view.capacity_view
    assert capacity.chooser.count() == 2
    assert capacity.chooser.currentText().endswith("(current)")
    assert capacity.protocol_edit.text() == "WorkWell FCE (re-test)"
    capacity.new_button.click()
    assert capacity.chooser.count() == 3
    assert capacity.current().assessed_on == date.today()
    assert window.case_view.is_dirty()
    window.case_view.save()
    saved = cases.get(window.case_view.case_id)
    assert len(saved.evaluations) == 3
    assert saved.current_evaluation.assessed_on == date.today()
    assert saved.current_evaluation.protocol == "WorkWell FCE (re-test)"  # carried over to the new one
    assert window.case_view.match_view.result.count(MatchStatus.NOT_TESTED) > 10


def test_inconsistent_effort_is_explained(window) -> None:  # type: ignore[no-untyped-def]
    window.open_demo_case()
    capacity = window.case_view.capacity_view
    capacity.chooser.setCurrentIndex(0)  # the first evaluation recorded inconsistent effort
    assert capacity.effort_warning.isVisibleTo(capacity)
    assert "minimum" in capacity.effort_warning.text()


def test_grip_is_compared_with_norms(window) -> None:  # type: ignore[no-untyped-def]
    window.open_demo_case()
    grip = window.case_view.capacity_view.grip_panel
    text = grip.result_labels[next(iter(grip.result_labels))].text()
    assert "% of the norm for men aged 40–44" in text


def test_template_demands_are_flagged(window) -> None:  # type: ignore[no-untyped-def]
    window.open_demo_case()
    demands = window.case_view.demands_view
    assert not demands.template_label.isVisibleTo(demands)
    demands.source_combo.setCurrentIndex(demands.source_combo.findData(DemandSource.GENERIC_TEMPLATE.value))
    assert demands.template_label.isVisibleTo(demands)
    assert any("generic template" in note for note in window.case_view.match_view.result.notes)


def test_match_tab_summary_and_chart_data(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.open_demo_case()
    view = window.case_view.match_view
    window.case_view.tabs.setCurrentWidget(view)
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


def test_copy_a_job_template_and_save_a_clinic_template(window, prompts, data_dir) -> None:  # type: ignore[no-untyped-def]
    window.new_case()
    demands = window.case_view.demands_view
    assert demands.template_combo.count() >= 20
    demands.template_combo.setCurrentIndex(demands.template_combo.findData("cook"))
    demands.copy_template_button.click()
    assert not prompts.questions  # nothing to overwrite yet, so no question
    copied = demands.demands()
    assert copied.source is DemandSource.GENERIC_TEMPLATE
    assert copied.template == "Cook"
    assert copied.profile.strength
    assert demands.template_label.isVisibleTo(demands)
    prompts.confirm_answer = False
    demands.template_combo.setCurrentIndex(demands.template_combo.findData("office-administrator"))
    demands.copy_template_button.click()
    assert prompts.questions
    assert demands.demands().template == "Cook"
    prompts.text_answer = "Cook at Riverside canteen"
    demands.save_template_button.click()
    assert (data_dir / "jobs").is_dir()
    assert list((data_dir / "jobs").glob("*.json"))
    assert demands.template_combo.findText("Cook at Riverside canteen", flags=Qt.MatchFlag.MatchStartsWith) >= 0
