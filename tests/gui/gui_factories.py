"""Small cases for GUI tests, dated relative to today so they never go stale."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from rtw_planner.domain.capacity.evaluation import Evaluation
from rtw_planner.domain.case.model import Case, Clinician
from rtw_planner.domain.demands.job import JobDemands, Task
from rtw_planner.domain.demands.profile import Activity, Frequency, PhysicalProfile
from rtw_planner.domain.plan.fitness import FitnessOutcome, FitnessStatement
from rtw_planner.domain.plan.model import Plan

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
