"""Edits of the Plan tab: the phased return and its phases, quotas, goals, adjustments, fitness, safety, flare-ups."""

from __future__ import annotations

from datetime import date

from rtw_planner.domain.edits.commands import Batch, Edit, Insert, Remove, Set, typing_run
from rtw_planner.domain.edits.lenses import PHASED_RETURN, PLAN, Attr, CaseField, Item
from rtw_planner.domain.plan.adjustments import SelectedNote
from rtw_planner.domain.plan.fitness import FitnessStatement
from rtw_planner.domain.plan.goals import Appointment, Goal
from rtw_planner.domain.plan.model import PersonalFlarePlan, Plan, SafetyReview
from rtw_planner.domain.plan.phases import Contract, FitNoteOptions, Phase
from rtw_planner.domain.plan.quota import QuotaActivity

PHASES = Attr(PHASED_RETURN, "phases")
QUOTAS = Attr(PLAN, "quotas")
GOALS = Attr(PLAN, "goals")
START = CaseField("rtw_start_date")


def set_start(start: date | None, has_phased_return: bool) -> Edit:
    """The return-to-work start, which is also the phased return's first day when there is one."""
    if not has_phased_return:
        return Set(START, start, "change return-to-work start", "return-to-work start")
    return Batch((Set(START, start, ""), Set(Attr(PHASED_RETURN, "start"), start, "")), "change return-to-work start")


def set_contract(contract: Contract, typed: str) -> Edit:
    """The contract hours and days of the phased return; keystrokes merge."""
    return Set(Attr(PHASED_RETURN, "contract"), contract, "change contract", typing_run("contract", typed))


def set_max_weeks(weeks: int) -> Edit:
    """The longest duration of the phased return; the steps of the spin box merge."""
    return Set(Attr(PHASED_RETURN, "max_weeks"), weeks, "change longest duration", "longest duration")


def edit_phase(index: int, phase: Phase, what: str) -> Edit:
    """One column of a phase ("edit phase 2 hours")."""
    return Set(Item(PHASES, index), phase, f"edit phase {index + 1} {what}")


def set_fit_note(options: FitNoteOptions | None) -> Edit:
    """The clinician's own choice of fit-note boxes (None: derived from the plan)."""
    return Set(Attr(PHASED_RETURN, "fit_note"), options, "change fit-note options")


def generate(plan: Plan, start: date) -> Edit:
    """The plan with generated phases, from a start date."""
    return Batch((Set(PLAN, plan, ""), Set(START, start, "")), "generate the phased return")


def add_quota(quota: QuotaActivity, index: int) -> Edit:
    """Add a graded activity."""
    return Insert(QUOTAS, index, quota, "add graded activity")


def remove_quota(index: int, quota: QuotaActivity) -> Edit:
    """Remove a graded activity (undo puts it back)."""
    return Remove(QUOTAS, index, f"remove graded activity {quota.name}")


def edit_quota(index: int, quota: QuotaActivity, what: str) -> Edit:
    """One column of a graded activity."""
    return Set(Item(QUOTAS, index), quota, f"edit graded activity {index + 1} {what}")


def add_goal(goal: Goal, index: int) -> Edit:
    """Add a goal."""
    return Insert(GOALS, index, goal, "add goal")


def remove_goal(index: int) -> Edit:
    """Remove a goal (undo puts it back)."""
    return Remove(GOALS, index, f"remove goal {index + 1}")


def edit_goal(index: int, goal: Goal, what: str) -> Edit:
    """One column of a goal."""
    return Set(Item(GOALS, index), goal, f"edit goal {index + 1} {what}")


def set_notes(notes: tuple[SelectedNote, ...], what: str) -> Edit:
    """The adjustments recommended (ticked), in the clinician's wording; `what` says which action, e.g. 'tick'."""
    return Set(Attr(PLAN, "notes"), notes, f"{what} adjustment")


def set_fitness(statement: FitnessStatement | None, what: str) -> Edit:
    """The fitness outcome and its period; the steps of one date merge."""
    return Set(Attr(PLAN, "fitness"), statement, f"change fitness {what}", None if what == "outcome" else what)


def set_safety_review(review: SafetyReview | None, what: str, typed: str) -> Edit:
    """The record of the talk about licensing and medication."""
    return Set(Attr(PLAN, "safety_review"), review, f"change safety review {what}", typing_run(what, typed))


def set_flare_plan(plan: PersonalFlarePlan, section: str, typed: str) -> Edit:
    """The patient's flare-up plan after one section was typed in ("edit flare-up triggers")."""
    label = section.replace("_", " ")
    return Set(Attr(PLAN, "flare_plan"), plan, f"edit flare-up {label}", typing_run(label, typed))


def set_next_appointment(appointment: Appointment | None, what: str, typed: str) -> Edit:
    """The next appointment: its date and time, or with whom and where."""
    return Set(CaseField("next_appointment"), appointment, "change next appointment", typing_run(what, typed))
