"""Small cases for GUI tests, dated relative to today so they never go stale, and helpers to open them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any

from rtw_planner.domain.capacity.evaluation import Evaluation
from rtw_planner.domain.case.model import Case, Clinician, Consent, ConsentCategory
from rtw_planner.domain.demands.job import JobDemands, Task
from rtw_planner.domain.demands.niosh import LiftingTask
from rtw_planner.domain.demands.profile import Activity, Frequency, PhysicalProfile
from rtw_planner.domain.plan.fitness import FitnessOutcome, FitnessStatement
from rtw_planner.domain.plan.goals import Appointment, Goal
from rtw_planner.domain.plan.model import Plan
from rtw_planner.domain.plan.phases import Contract, PhasedReturn
from rtw_planner.domain.plan.quota import QuotaActivity, QuotaUnit

EMPLOYER = "Acme Stores Ltd"
LIFT = (Activity.LIFT_FLOOR_TO_WAIST, Frequency.OCCASIONAL)


def unassessed_case(**changes: Any) -> Case:
    """A case as first entered: a name and an employer; no evaluation, no demands, no clinician, no outcome."""
    return replace(Case("Ada Test", employer=EMPLOYER, job_title="Shelf stacker"), **changes)


def assessed_case(today: date | None = None, **changes: Any) -> Case:
    """A case that may be issued today: assessed a week ago, one demand within capacity, a named clinician with a
    direct line, fit for usual work, reviewed in four weeks."""
    today = today or date.today()
    case = Case("Ada Test", date_of_birth=date(1980, 5, 1), employer=EMPLOYER, job_title="Shelf stacker",
                clinician=Clinician("Sam Rivers", "Occupational therapist", "HCPC OT12345", "0100 111 222"),
                diagnosis="Persistent neck pain", review_date=today + timedelta(days=28),
                demands=JobDemands(profile=PhysicalProfile(strength={LIFT: 10.0}),
                                   tasks=(Task("Fill shelves from cages"),)),
                evaluations=(Evaluation(today - timedelta(days=7), "Sam Rivers",
                                        profile=PhysicalProfile(strength={LIFT: 15.0})),),
                plan=Plan(fitness=FitnessStatement(FitnessOutcome.FIT)))
    return replace(case, **changes)


def planned_case(today: date | None = None, **changes: Any) -> Case:
    """An assessed case with a plan: a phased return starting in a week (40 hours over 5 days, the four default
    phases), one walking quota with its goal, the next appointment, a consent to the employer and one lifting task."""
    today = today or date.today()
    start = today + timedelta(days=7)
    walking = QuotaActivity("Walking", QuotaUnit.MINUTES, (8.0, 10.0, 12.0), 30, goal_ids=("walk",))
    goal = Goal("walk", "Walk the dog", "30 minutes", today + timedelta(days=70), quota_activity="Walking")
    plan = replace(assessed_case(today).plan, quotas=(walking,), goals=(goal,),
                   phased_return=PhasedReturn(Contract(40, 5), start))
    lifting = LiftingTask.metric(load_kg=10, h_cm=40, v_cm=30, d_cm=50, a_deg=0, frequency_per_min=1,
                                 duration="short", coupling="good", name="Cases onto the cage")
    case = assessed_case(today, plan=plan, rtw_start_date=start,
                         next_appointment=Appointment(datetime.combine(today + timedelta(days=14), time(10, 30)),
                                                      "Sam Rivers", "Room 2"),
                         consents=(Consent(ConsentCategory.FUNCTIONAL, EMPLOYER, "Return to work", today),),
                         demands=replace(assessed_case(today).demands, lifting_tasks=(lifting,)))
    return replace(case, **changes)


def show_case(window: Any, case: Case, tab: str | None = None) -> Any:
    """Save a case, open it in the main window (on a tab of the case view, by attribute name) and return the case
    view."""
    saved = window.cases.save(case)
    window.open_case(saved.id)
    view = window.case_view
    if tab is not None:
        view.tabs.setCurrentWidget(getattr(view, tab))
    return view


def history(view: Any) -> list[str]:
    """The texts of the edits on a case view's undo stack, oldest first."""
    stack = view.undo_stack
    return [stack.text(i) for i in range(stack.count())]
