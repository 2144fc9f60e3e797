"""The Plan tab: fitness, safety review, flare-up plan, phases (working days, step downs), quotas, adjustments and
goals are edited, validated, saved and loaded, and regenerated safely."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from gui_factories import LIFT, assessed_case
from PySide6.QtCore import Qt

from rtw_planner.domain.demands.job import JobDemands
from rtw_planner.domain.demands.profile import PhysicalProfile
from rtw_planner.domain.match.planning import suggest_for_case
from rtw_planner.domain.plan.fitness import FitnessOutcome, FitnessStatement
from rtw_planner.domain.plan.goals import GoalStatus
from rtw_planner.domain.plan.model import PersonalFlarePlan, SafetyReview
from rtw_planner.domain.plan.phases import Duties
from rtw_planner.gui.kit.dates import write_optional_date
from rtw_planner.gui.models.plan_tables import GoalsTableModel, PhasesTableModel, QuotasTableModel

P = PhasesTableModel


def _plan_tab(window):  # type: ignore[no-untyped-def]
    window.open_demo_case()
    window.case_view.tabs.setCurrentWidget(window.case_view.plan_view)
    return window.case_view.plan_view


def _open(window, case):  # type: ignore[no-untyped-def]
    saved = window.cases.save(case)
    window.open_case(saved.id)
    window.case_view.tabs.setCurrentWidget(window.case_view.plan_view)
    return window.case_view.plan_view


def _reopen(window):  # type: ignore[no-untyped-def]
    case_id = window.case_view.case_id
    window.case_view.load(window.cases.get(case_id))
    return window.case_view.plan_view


def _short(day: date) -> str:
    return f"{day.day} {day:%b}"


def test_plan_models_pass_the_model_tester(window, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    plan = _plan_tab(window)
    for model in (plan.phases_model, plan.quotas_model, plan.goals_model):
        qtmodeltester.check(model)
    assert isinstance(plan.phases_model, PhasesTableModel)
    assert isinstance(plan.quotas_model, QuotasTableModel)
    assert isinstance(plan.goals_model, GoalsTableModel)


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


def test_fitness_outcome_and_period_round_trip(window, repositories) -> None:  # type: ignore[no-untyped-def]
    cases, _ = repositories
    plan = _open(window, assessed_case(plan=replace(assessed_case().plan, fitness=None)))
    editor = plan.fitness_editor
    assert editor.outcome_combo.currentText() == "Not chosen yet"
    assert not editor.from_edit.isEnabled()
    assert "cannot be issued" in editor.period_label.text()
    until = date.today() + timedelta(days=21)
    editor.outcome_combo.setCurrentIndex(editor.outcome_combo.findData(FitnessOutcome.NOT_FIT.value))
    write_optional_date(editor.to_edit, until)
    assert "review date" in editor.period_label.text()
    assert window.case_view.is_dirty()
    assert window.case_view.save()
    assert cases.get(window.case_view.case_id).plan.fitness == FitnessStatement(FitnessOutcome.NOT_FIT, None, until)
    editor = _reopen(window).fitness_editor
    assert editor.fitness() == FitnessStatement(FitnessOutcome.NOT_FIT, None, until)
    editor.outcome_combo.setCurrentIndex(editor.outcome_combo.findData(FitnessOutcome.FIT.value))
    assert not editor.to_edit.isEnabled()
    assert editor.fitness() == FitnessStatement(FitnessOutcome.FIT)  # fit for usual work has no end date
    write_optional_date(editor.from_edit, until)
    editor.outcome_combo.setCurrentIndex(editor.outcome_combo.findData(FitnessOutcome.MAY_BE_FIT.value))
    write_optional_date(editor.to_edit, until - timedelta(days=1))
    assert not window.case_view.save()
    assert "fitness to" in window.case_view.message_label.text()


def test_flare_up_plan_round_trip(window, repositories, qtbot) -> None:  # type: ignore[no-untyped-def]
    cases, _ = repositories
    plan = _open(window, assessed_case())
    edits = plan.flare_editor.edits
    edits["triggers"].setPlainText("Lifting from the bottom shelf\n\n  Long drives  \n")
    edits["warning_signs"].setPlainText("Stiff neck in the morning")
    edits["what_helps"].setPlainText("A warm shower\nTelling my supervisor early")
    assert window.case_view.save()
    assert cases.get(window.case_view.case_id).plan.flare_plan == PersonalFlarePlan(
        ("Lifting from the bottom shelf", "Long drives"), ("Stiff neck in the morning",),
        ("A warm shower", "Telling my supervisor early"))
    reopened = _reopen(window).flare_editor
    assert reopened.edits["triggers"].toPlainText() == "Lifting from the bottom shelf\nLong drives"
    reopened.edits["what_helps"].setPlainText("\n".join(f"Thing {n}" for n in range(13)))
    assert not window.case_view.save()
    assert "flare-up plan what helps" in window.case_view.message_label.text()


def test_safety_critical_work_prompts_for_licensing_and_medication(window, repositories, qtbot) -> None:  # type: ignore[no-untyped-def]
    cases, _ = repositories
    plan = _open(window, assessed_case())
    editor = plan.fitness_editor
    assert editor.safety_prompt.text().startswith("No driving, machinery or work at height")
    form = window.case_view.form
    form.job_title_edit.selectAll()
    qtbot.keyClicks(form.job_title_edit, "Bus driver")
    prompt = editor.safety_prompt.text()
    assert "professional driving" in prompt
    assert "licensing" in prompt
    assert "medication" in prompt
    assert prompt.startswith("⚠")
    editor.note_edit.setPlainText("No sedating medication; licensing rules explained.")
    assert not window.case_view.save()  # a note without the day it was discussed
    assert "safety review date" in window.case_view.message_label.text()
    talked = date.today() - timedelta(days=2)
    write_optional_date(editor.reviewed_edit, talked)
    assert "is recorded below" in editor.safety_prompt.text()
    assert window.case_view.save()
    assert cases.get(window.case_view.case_id).plan.safety_review == SafetyReview(
        talked, "No sedating medication; licensing rules explained.")
    assert _reopen(window).fitness_editor.safety_review() == SafetyReview(
        talked, "No sedating medication; licensing rules explained.")


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


def test_adjustments_start_with_nothing_ticked(window, prompts) -> None:  # type: ignore[no-untyped-def]
    case = assessed_case(demands=JobDemands(profile=PhysicalProfile(strength={LIFT: 25.0})))  # 25 kg vs 15 measured
    assert suggest_for_case(case)
    plan = _open(window, case)
    notes = plan.notes_list
    assert notes.count() == len(suggest_for_case(case))
    assert all(notes.item(row).checkState() == Qt.CheckState.Unchecked for row in range(notes.count()))
    assert plan.notes() == ()
    plan.generate_button.click()  # generating the plan never ticks one either
    assert notes.count() >= 1
    assert all(notes.item(row).checkState() == Qt.CheckState.Unchecked for row in range(notes.count()))
    assert plan.plan().notes == ()


def test_quota_edits_and_chart_data(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    plan = _plan_tab(window)
    plan.tabs.setCurrentWidget(plan.quotas_tab)
    qtbot.waitUntil(lambda: plan.quota_chart.quota_item is not None)
    xs, ys = plan.quota_chart.quota_item.getData()
    assert [round(y, 6) for y in ys[:3]] == [8.0, 8.8, 9.68]
    assert ys[-1] == 30
    assert len(xs) == 15
    model = plan.quotas_model
    assert model.setData(model.index(0, 2), "10, 12, 14")
    assert model.data(model.index(0, 3)) == "12"
    assert not model.setData(model.index(0, 4), "0")
    assert "start percent" in plan.message_label.text()
    assert not model.setData(model.index(0, 7), "")
    assert "goal" in plan.message_label.text()
    assert model.setData(model.index(0, 6), "6")  # linear to the goal in 6 weeks
    assert plan.plan().quotas[0].weeks()[-1] == 30
    assert len(plan.plan().quotas[0].weeks()) == 6


def test_adjustments_are_picked_and_edited(window) -> None:  # type: ignore[no-untyped-def]
    plan = _plan_tab(window)
    notes = plan.notes_list
    assert notes.count() > len(plan.notes())  # unticked suggestions are offered too
    first = notes.item(0)
    first.setText("Provide a powered pallet truck for every load above 12 kg.")
    picked = plan.notes()
    assert picked[0].text.startswith("Provide a powered pallet truck")
    assert picked[0].edited
    first.setCheckState(Qt.CheckState.Unchecked)
    assert len(plan.notes()) == len(picked) - 1


def test_goals_milestones_and_small_step(window) -> None:  # type: ignore[no-untyped-def]
    plan = _plan_tab(window)
    model = plan.goals_model
    assert model.setData(model.index(0, 3), "achieved")
    assert plan.plan().goals[0].status is GoalStatus.ACHIEVED
    assert model.setData(model.index(0, 5), "psfs")
    assert plan.plan().goals[0].measure == "PSFS"
    soon, later = date.today() + timedelta(days=14), date.today() + timedelta(days=56)
    assert model.setData(model.index(0, 6), f"✓ Walk to the park ({soon}); Walk 20 minutes ({later})")
    assert [m.done for m in plan.plan().goals[0].milestones] == [True, False]
    assert not model.setData(model.index(0, 6), "Walk to the park")
    assert "milestone" in plan.message_label.text()
    assert "This week" in plan.small_step_label.text()
    assert plan.next_appointment() is not None
    assert plan.next_appointment().with_whom == "Priya Shah"
