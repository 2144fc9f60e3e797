"""The phased return: phases, start, contract and fit note edited, saved and undone; regenerating asks first."""

from __future__ import annotations

from datetime import date, timedelta

from gui_factories import history, planned_case, show_case
from PySide6.QtCore import Qt

from rtw_planner.domain.plan.phases import Duties, FitNoteOptions
from rtw_planner.gui.kit.dates import write_optional_date
from rtw_planner.gui.models.plan_tables import PhasesTableModel

P = PhasesTableModel


def _plan_tab(window):  # type: ignore[no-untyped-def]
    return show_case(window, planned_case(), "plan_view").plan_view


def _reopen(window):  # type: ignore[no-untyped-def]
    case_id = window.case_view.case_id
    window.case_view.load(window.cases.get(case_id))
    return window.case_view.plan_view


def _short(day: date) -> str:
    return f"{day.day} {day:%b}"


def test_phase_edits_recompute_hours_and_save(window, repositories) -> None:  # type: ignore[no-untyped-def]
    cases, _ = repositories
    plan = _plan_tab(window)
    model = plan.phases_model
    start = plan.rtw_start_date()
    assert model.data(model.index(0, P.WEEKLY_HOURS)) == "20"  # 50% of the 40-hour contract
    assert model.data(model.index(1, P.DAILY_HOURS)) == "4:48"  # 60% of 40 h = 24 h over 5 days = 4.8 h
    assert model.setData(model.index(0, P.PERCENT), "40")
    assert model.data(model.index(0, P.WEEKLY_HOURS)) == "16"
    assert model.setData(model.index(0, P.WEEKS), "2")
    second = model.data(model.index(1, P.DATES))  # a week later: days 15 to 21 of the plan
    assert second.startswith(f"{(start + timedelta(days=14)).day}")
    assert second.endswith(_short(start + timedelta(days=20)))
    assert not model.setData(model.index(0, P.PERCENT), "150")
    assert "phase percentage" in plan.message_label.text()
    assert model.setData(model.index(3, P.DUTIES), "usual")
    window.case_view.save()
    saved = cases.get(window.case_view.case_id).plan.phased_return
    assert saved.phases[0].percent == 40
    assert saved.phases[0].weeks == 2
    assert saved.phases[3].duties is Duties.USUAL
    assert len(cases.plan_versions(window.case_view.case_id)) == 2


def test_working_days_are_edited_checked_and_saved(window, repositories) -> None:  # type: ignore[no-untyped-def]
    cases, _ = repositories
    plan = _plan_tab(window)
    model = plan.phases_model
    days = model.index(0, P.WEEKDAYS)
    assert model.data(days) == "Mon to Fri (suggested)"
    assert model.data(days, Qt.ItemDataRole.EditRole) == ""
    assert not model.setData(days, "Mon, Wed, Fri")  # 3 days for a phase of 5 days a week
    assert "5 days, as many as the phase's days a week" in plan.message_label.text()
    assert not model.setData(days, "Fri to Mon")
    assert model.setData(model.index(0, P.DAYS), "3")
    assert model.data(days) == "Mon, Wed, Fri (suggested)"
    assert model.setData(days, "tue-thu")
    assert model.data(days) == "Tue to Thu"
    assert model.data(model.index(0, P.DAILY_HOURS)) == "6:40"  # 20 h over 3 days = 6 h 40 min
    assert model.setData(model.index(0, P.DAYS), "2")  # the three chosen days no longer fit: back to suggested
    assert model.data(days) == "Tue, Thu (suggested)"
    assert model.setData(days, "Monday and Friday")
    window.case_view.save()
    saved = cases.get(window.case_view.case_id).plan.phased_return.phases[0]
    assert (saved.days_per_week, saved.weekdays) == (2, (0, 4))
    assert _reopen(window).phases_model.data(days) == "Mon, Fri"


def test_a_step_down_is_flagged_until_marked_as_intended(window, repositories) -> None:  # type: ignore[no-untyped-def]
    cases, _ = repositories
    plan = _plan_tab(window)
    model = plan.phases_model
    step = model.index(2, P.STEP_DOWN)
    assert not model.flags(step) & Qt.ItemFlag.ItemIsUserCheckable  # 75% after 60%: no step down
    assert model.data(step, Qt.ItemDataRole.CheckStateRole) is None
    assert model.setData(model.index(2, P.PERCENT), "55")  # 22 h after 24 h
    assert model.flags(step) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.data(step) == "Hours go down: intended?"
    assert "Phase 3: fewer hours a week than the phase before" in plan.schedule_label.text()
    assert not model.setData(model.index(1, P.STEP_DOWN), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.setData(step, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.data(step) == "Intended"
    assert "Phase 3" not in plan.schedule_label.text()
    window.case_view.save()
    phases = cases.get(window.case_view.case_id).plan.phased_return.phases
    assert [p.step_down_intended for p in phases] == [False, False, True, False]
    reopened = _reopen(window).phases_model
    assert reopened.data(reopened.index(2, P.STEP_DOWN), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_regenerating_asks_before_replacing_edits_and_keeps_fitness(window, prompts) -> None:  # type: ignore[no-untyped-def]
    plan = _plan_tab(window)
    plan.phases_model.setData(plan.phases_model.index(0, P.CRITERIA), "Agreed with the line manager")
    before = plan.plan()
    prompts.confirm_answer = False
    plan.generate_button.click()
    assert prompts.questions
    assert "phases" in prompts.questions[-1]
    assert plan.plan().phased_return.phases[0].progression_criteria == "Agreed with the line manager"
    prompts.confirm_answer = True
    plan.generate_button.click()
    after = plan.plan()
    assert after.phased_return.phases[0].progression_criteria != "Agreed with the line manager"
    assert (after.fitness, after.flare_plan, after.safety_review, after.notes) == (
        before.fitness, before.flare_plan, before.safety_review, before.notes)
    assert window.case_view.undo_stack.undoText() == "generate the phased return"
    window.case_view.undo_stack.undo()
    assert plan.plan() == before
    assert plan.phases_model.data(plan.phases_model.index(0, P.CRITERIA)) == "Agreed with the line manager"


def test_start_contract_length_and_fit_note_are_undoable_steps(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    plan = _plan_tab(window)
    view = window.case_view
    before = view.case
    later = plan.rtw_start_date() + timedelta(days=7)
    write_optional_date(plan.start_edit, later)
    plan.hours_edit.selectAll()
    qtbot.keyClicks(plan.hours_edit, "37.5")
    plan.max_weeks_spin.setValue(8)
    assert plan.fit_note_boxes["phased_return"].isChecked()  # derived from the phases until the clinician chooses
    plan.fit_note_boxes["workplace_adaptations"].setChecked(True)
    assert history(view) == ["change return-to-work start", "change contract",
                             "change longest duration", "change fit-note options"]
    phased = view.case.plan.phased_return
    assert (view.case.rtw_start_date, phased.start, phased.contract.hours_per_week, phased.max_weeks) == (
        later, later, 37.5, 8)
    assert phased.fit_note == FitNoteOptions(True, True, True, True)  # the derived boxes, and the one ticked
    assert plan.phases_model.data(plan.phases_model.index(0, P.WEEKLY_HOURS)) == "18.75"
    view.undo_stack.setIndex(0)
    assert view.case == before
    assert plan.hours_edit.text() == "40"
    assert plan.max_weeks_spin.value() == 6
    assert not plan.fit_note_boxes["workplace_adaptations"].isChecked()
