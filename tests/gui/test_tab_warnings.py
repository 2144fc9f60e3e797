"""Plausibility at the tabs: each warning of issue 14's list is counted in its tab's title and listed at the top of
that tab, refreshed after each edit; the case opens on its summary, which lists them too."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from gui_factories import LIFT, assessed_case, show_case

from rtw_planner.domain.capacity.evaluation import Evaluation
from rtw_planner.domain.case.outcome_records import OutcomeRecord, PracticeEntry
from rtw_planner.domain.checks.plausibility import Tab
from rtw_planner.domain.demands.job import JobDemands
from rtw_planner.domain.demands.profile import Frequency, PhysicalProfile
from rtw_planner.domain.demands.strength import StrengthLevel
from rtw_planner.domain.plan.goals import Goal
from rtw_planner.domain.plan.quota import QuotaActivity, QuotaUnit

FREQUENT = (LIFT[0], Frequency.FREQUENT)


def implausible_case():  # type: ignore[no-untyped-def]
    """Every entry the issue found passing silently."""
    today = date.today()
    base = assessed_case()
    walking = QuotaActivity("Walking", QuotaUnit.MINUTES, (8.0, 10.0, 12.0), 5, goal_ids=("walk",))  # below 10
    return replace(
        base,
        demands=JobDemands(profile=PhysicalProfile(strength={LIFT: 15.0, FREQUENT: 40.0}),  # frequent above occasional
                           strength_rating=StrengthLevel.SEDENTARY),  # the loads make it heavy
        evaluations=(Evaluation(today + timedelta(days=10), "Sam Rivers"),),  # an FCE 10 days ahead
        rtw_start_date=today + timedelta(days=5),  # before that FCE
        plan=replace(base.plan, quotas=(walking,),
                     goals=(Goal("walk", "Walk the dog", "30 minutes", date(2020, 3, 1), quota_activity="Walking"),)),
        outcomes=(OutcomeRecord("PEG", today + timedelta(days=30), (5.0, 5.0, 5.0), 5.0),),  # 30 days ahead
        practice_log=(PracticeEntry(today - timedelta(days=1), "Walking", 69.0, 25.0, True),))  # "met": 25 of 69


def test_each_warning_is_on_its_tab(window) -> None:  # type: ignore[no-untyped-def]
    view = show_case(window, implausible_case())
    titles = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert titles[:6] == ["Summary", "Details", "Job demands ⚠ 2", "Capacity ⚠ 1", "Match", "Plan ⚠ 3"]
    assert titles[6] == "Progress ⚠ 2"
    fields = {tab: [w.field for w in view.tab_warnings.of(tab)] for tab in Tab}
    assert fields == {
        Tab.DETAILS: [],
        Tab.DEMANDS: ["Job demands: Lift floor to waist", "DOT factors: Strength"],
        Tab.CAPACITY: ["Evaluation date"],
        Tab.PLAN: ["Quota 'Walking' goal", "Return-to-work start", "Goal 'walk' due date"],
        Tab.PROGRESS: ["Practice on " + (date.today() - timedelta(days=1)).isoformat(), "PEG date"],
    }
    plan_list = view.tab_warnings.lists[Tab.PLAN]
    assert plan_list.parent() is view.plan_view
    assert plan_list.isVisibleTo(view.plan_view)
    assert "Quota &#x27;Walking&#x27; goal: 5 min is not above the baseline of 10 min" in plan_list.text()
    assert not view.tab_warnings.lists[Tab.DETAILS].isVisibleTo(view.details)


def test_warnings_follow_each_edit(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = show_case(window, implausible_case())
    from rtw_planner.domain.edits import case_edits

    assert view.push(case_edits.set_case_field("rtw_start_date", date.today() + timedelta(days=20))) is None
    view.settle()
    assert "Plan ⚠ 2" in [view.tabs.tabText(i) for i in range(view.tabs.count())]
    view.undo_stack.undo()
    view.settle()
    assert "Plan ⚠ 3" in [view.tabs.tabText(i) for i in range(view.tabs.count())]


def test_a_case_opens_on_its_summary(window, repositories) -> None:  # type: ignore[no-untyped-def]
    cases, _ = repositories
    saved = cases.save(implausible_case())
    window.open_case(saved.id)
    view = window.case_view
    summary = view.summary_view
    assert view.tabs.currentWidget() is summary
    assert summary.fitness_label.text() == "Fit for usual work"
    assert summary.warnings_list.count() == 8
    first = summary.warnings_list.item(0)
    summary.warnings_list.itemActivated.emit(first)
    assert view.tabs.currentWidget() is view.demands_view
    view.tabs.setCurrentWidget(view.plan_view)
    window.open_case(saved.id)  # the same case again keeps the tab
    assert view.tabs.currentWidget() is view.plan_view


def test_date_warnings_are_shown_at_their_fields(window) -> None:  # type: ignore[no-untyped-def]
    from rtw_planner.gui.widgets.tab_warnings import FIELD_STYLE

    view = show_case(window, implausible_case())
    start, assessed = view.plan_view.phases_panel.start_edit, view.capacity_view.assessed_on_edit
    for field in (start, assessed):
        assert field.styleSheet() == FIELD_STYLE
    assert start.toolTip().startswith("⚠ ")
    assert "is before the evaluation of" in start.toolTip()
    assert "is in the future" in assessed.toolTip()
    from rtw_planner.domain.edits import case_edits

    view.push(case_edits.set_case_field("rtw_start_date", date.today() + timedelta(days=20)))
    view.settle()
    assert start.styleSheet() == ""
    assert start.toolTip() == start.hint  # the typing hint again


def cell(model, row: int, column: int):  # type: ignore[no-untyped-def]
    """What a cell shows, its tooltip and its background."""
    from PySide6.QtCore import Qt

    index = model.index(row, column)
    return (model.data(index, Qt.ItemDataRole.DisplayRole), model.data(index, Qt.ItemDataRole.ToolTipRole),
            model.data(index, Qt.ItemDataRole.BackgroundRole))


def test_table_warnings_are_shown_at_their_cells(window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    view = show_case(window, implausible_case())
    strength = view.demands_view.profile_editor.strength_model
    shown, tip, background = cell(strength, 0, 1)  # Lift floor to waist, frequent: 40 kg above 15 kg occasional
    assert shown == "⚠ 40 kg"
    assert tip.startswith("⚠ the frequent value (40 kg) is above the occasional one (15 kg).")
    assert background is not None
    assert cell(strength, 0, 0)[0] == "15 kg"  # the occasional value it is compared with is not marked
    assert cell(strength, 0, 0)[2] is None
    assert strength.data(strength.index(0, 1), Qt.ItemDataRole.EditRole) == "40"  # editing shows the plain value
    physical = view.demands_view.rating_models[next(iter(view.demands_view.rating_models))]
    level_row = next(r for r in range(physical.rowCount()) if physical.is_level_row(r))
    assert cell(physical, level_row, 1)[0].startswith("⚠ ")
    assert "rated Sedentary" in cell(physical, level_row, 1)[1]
    quotas = view.plan_view.quotas_model
    assert cell(quotas, 0, quotas.COLUMNS.index("Goal"))[0] == "⚠ 5"
    assert "is not above the baseline of 10 min" in cell(quotas, 0, quotas.COLUMNS.index("Goal"))[1]
    assert cell(quotas, 0, quotas.COLUMNS.index("Baseline"))[1] is None
    goals = view.plan_view.goals_model
    assert "2020-03-01 has passed and the goal is still open" in cell(goals, 0, goals.COLUMNS.index("By"))[1]
    outcomes = view.progress_view.outcomes_model
    assert "is in the future, so it would count as the latest score" in cell(outcomes, 0, 0)[1]
    practice = view.progress_view.practice_model
    assert cell(practice, 0, practice.COLUMNS.index("Done"))[1].startswith("⚠ marked as quota met, but 25 done "
                                                                           "against a quota of 69.")


def test_a_corrected_cell_loses_its_mark_and_an_evaluation_marks_its_own_cells(window) -> None:  # type: ignore[no-untyped-def]
    from rtw_planner.domain.edits import demand_edits

    base = implausible_case()
    older = Evaluation(date.today() - timedelta(days=40), "Sam Rivers",
                       profile=PhysicalProfile(strength={LIFT: 10.0, FREQUENT: 12.0}))  # frequent above occasional
    newer = Evaluation(date.today() - timedelta(days=5), "Sam Rivers", profile=PhysicalProfile(strength={LIFT: 10.0}))
    view = show_case(window, replace(base, evaluations=(older, newer)))
    capacity = view.capacity_view.profile_editor.strength_model
    assert cell(capacity, 0, 1)[1] is None  # the newer evaluation is shown; its values are plausible
    view.capacity_view.chooser.setCurrentIndex(0)  # the older evaluation
    assert "the frequent value (12 kg) is above the occasional one (10 kg)." in cell(capacity, 0, 1)[1]
    strength = view.demands_view.profile_editor.strength_model
    from rtw_planner.domain.edits.lenses import DEMANDS_PROFILE

    assert view.push(demand_edits.set_strength(DEMANDS_PROFILE, LIFT[0], Frequency.FREQUENT, 10.0)) is None
    view.settle()
    assert cell(strength, 0, 1) == ("10 kg", None, None)
