"""Adjustments: suggestions never ticked for the clinician; ticking, unticking and rewording undo."""

from __future__ import annotations

from dataclasses import replace

from gui_factories import LIFT, assessed_case, history, show_case
from PySide6.QtCore import Qt

from rtw_planner.domain.demands.job import JobDemands
from rtw_planner.domain.demands.profile import PhysicalProfile
from rtw_planner.domain.match.planning import suggest_for_case
from rtw_planner.domain.plan.adjustments import SelectedNote

HEAVY = assessed_case(demands=JobDemands(profile=PhysicalProfile(strength={LIFT: 25.0})))  # 25 kg vs 15 measured


def test_adjustments_start_with_nothing_ticked(window, prompts) -> None:  # type: ignore[no-untyped-def]
    assert suggest_for_case(HEAVY)
    plan = show_case(window, HEAVY, "plan_view").plan_view
    notes = plan.notes_list
    assert notes.count() == len(suggest_for_case(HEAVY))
    assert all(notes.item(row).checkState() == Qt.CheckState.Unchecked for row in range(notes.count()))
    assert plan.notes() == ()
    plan.generate_button.click()  # generating the plan never ticks one either
    assert notes.count() >= 1
    assert all(notes.item(row).checkState() == Qt.CheckState.Unchecked for row in range(notes.count()))
    assert plan.plan().notes == ()


def test_adjustments_are_picked_and_edited(window) -> None:  # type: ignore[no-untyped-def]
    chosen = SelectedNote.from_note(suggest_for_case(HEAVY)[0].note)
    plan = show_case(window, replace(HEAVY, plan=replace(HEAVY.plan, notes=(chosen,))), "plan_view").plan_view
    notes = plan.notes_list
    assert notes.count() > len(plan.notes())  # unticked suggestions are offered too
    first = notes.item(0)
    first.setText("Provide a powered pallet truck for every load above 12 kg.")
    picked = plan.notes()
    assert picked[0].text.startswith("Provide a powered pallet truck")
    assert picked[0].edited
    first.setCheckState(Qt.CheckState.Unchecked)
    assert len(plan.notes()) == len(picked) - 1


def test_ticking_and_rewording_undo(window) -> None:  # type: ignore[no-untyped-def]
    plan = show_case(window, HEAVY, "plan_view").plan_view
    view = window.case_view
    notes = plan.notes_list
    notes.item(0).setCheckState(Qt.CheckState.Checked)
    notes.item(0).setText("Use the powered pallet truck.")
    assert history(view) == ["tick adjustment", "reword adjustment"]
    assert view.case.plan.notes[0].text == "Use the powered pallet truck."
    view.undo_stack.undo()
    assert view.case.plan.notes[0].text == SelectedNote.from_note(suggest_for_case(HEAVY)[0].note).text
    assert notes.item(0).text() == view.case.plan.notes[0].text
    view.undo_stack.undo()
    assert view.case.plan.notes == ()
    assert all(notes.item(row).checkState() == Qt.CheckState.Unchecked for row in range(notes.count()))


def test_suggestions_follow_the_demands_as_edited(window) -> None:  # type: ignore[no-untyped-def]
    from rtw_planner.domain.edits import demand_edits
    from rtw_planner.domain.edits.lenses import DEMANDS_PROFILE

    plan = show_case(window, assessed_case(), "plan_view").plan_view  # 10 kg against 15 measured: nothing to adjust
    assert plan.notes_list.count() == 0
    window.case_view.push(demand_edits.set_strength(DEMANDS_PROFILE, *LIFT, 25.0))
    window.case_view.settle()
    assert plan.notes_list.count() == len(suggest_for_case(HEAVY))
    assert plan.notes() == ()
