"""Fitness for work and the safety talk: undoable edits, round trips, and invalid periods refused at the field."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from gui_factories import assessed_case, history, show_case

from rtw_planner.domain.plan.fitness import FitnessOutcome, FitnessStatement
from rtw_planner.domain.plan.model import SafetyReview
from rtw_planner.gui.kit.dates import write_optional_date


def _open(window, case):  # type: ignore[no-untyped-def]
    return show_case(window, case, "plan_view").plan_view


def _reopen(window):  # type: ignore[no-untyped-def]
    window.case_view.load(window.cases.get(window.case_view.case_id))
    return window.case_view.plan_view


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


def test_fitness_edits_undo_one_by_one(window) -> None:  # type: ignore[no-untyped-def]
    plan = _open(window, assessed_case())
    view, editor = window.case_view, plan.fitness_editor
    until = date.today() + timedelta(days=28)
    editor.outcome_combo.setCurrentIndex(editor.outcome_combo.findData(FitnessOutcome.NOT_FIT.value))
    write_optional_date(editor.to_edit, until)
    editor.outcome_combo.setCurrentIndex(editor.outcome_combo.findData(FitnessOutcome.FIT.value))
    assert history(view) == ["change fitness outcome", "change fitness to", "change fitness outcome"]
    assert view.case.plan.fitness == FitnessStatement(FitnessOutcome.FIT)
    view.undo_stack.undo()
    assert view.case.plan.fitness == FitnessStatement(FitnessOutcome.NOT_FIT, None, until)
    assert editor.to_edit.isEnabled()
    view.undo_stack.undo()
    view.undo_stack.undo()
    assert editor.fitness() == FitnessStatement(FitnessOutcome.FIT)
    assert editor.outcome_combo.currentData() == FitnessOutcome.FIT.value


def test_safety_critical_work_prompts_for_licensing_and_medication(window, repositories, qtbot) -> None:  # type: ignore[no-untyped-def]
    cases, _ = repositories
    plan = _open(window, assessed_case())
    editor = plan.fitness_editor
    assert editor.safety_prompt.text().startswith("No driving, machinery or work at height")
    form = window.case_view.form
    form.job_title_edit.selectAll()
    qtbot.keyClicks(form.job_title_edit, "Bus driver")
    window.case_view.settle()  # the safety check follows once the edits pause
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
    assert history(window.case_view) == []  # a case opened again starts a new history
