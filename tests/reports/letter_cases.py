"""Small cases for the employer-letter tests, built in code so every expected value can be worked out by hand."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

import pypdf

from rtw_planner.domain.capacity.evaluation import Evaluation
from rtw_planner.domain.case.model import Case, Clinic, Clinician
from rtw_planner.domain.demands.job import JobDemands, Task
from rtw_planner.domain.demands.profile import Activity, Frequency, PhysicalProfile, PostureTolerance
from rtw_planner.domain.plan.adjustments import Limitation, SelectedNote
from rtw_planner.domain.plan.fitness import FitnessOutcome, FitnessStatement
from rtw_planner.domain.plan.model import Plan
from rtw_planner.domain.plan.phases import Contract, Phase, PhasedReturn

DAY = date(2026, 12, 1)  # the letter's date
ASSESSED = date(2026, 11, 20)
START = date(2027, 1, 4)  # a Monday
REVIEW = date(2027, 1, 8)
CLINIC = Clinic("Leeds Rehab", "1 High Street\nLeeds", "0113 496 0000", "rtw@leeds.example")
CLINICIAN = Clinician("Ana Costa", "Physiotherapist", "HCPC PH000001", "0113 496 0999", "ana@leeds.example")
OCC, FREQ = Frequency.OCCASIONAL, Frequency.FREQUENT
FORTY_HOURS = Contract(40, 5)

# The job asks for: floor-to-waist lifts of 20 kg occasionally, carrying 10 kg frequently, pushing 150 N
# frequently, standing 60 minutes at a time and 420 a day, sitting 15 at a time and 60 a day.
DEMANDS = PhysicalProfile(
    {(Activity.LIFT_FLOOR_TO_WAIST, OCC): 20, (Activity.CARRY, FREQ): 10, (Activity.PUSH_SUSTAINED, FREQ): 150},
    {Activity.STAND: PostureTolerance(60, 420), Activity.SIT: PostureTolerance(15, 60)})
# The person managed: 12 kg (short), no carry test (not tested), 160 N (enough), standing 30 and 240 (short),
# sitting 30 and 240 (enough).
CAPACITY = PhysicalProfile(
    {(Activity.LIFT_FLOOR_TO_WAIST, OCC): 12, (Activity.PUSH_SUSTAINED, FREQ): 160},
    {Activity.STAND: PostureTolerance(30, 240), Activity.SIT: PostureTolerance(30, 240)})
TASKS = (
    Task("Pick orders", True, 50, (Activity.LIFT_FLOOR_TO_WAIST, Activity.STAND)),  # two mismatches: within limits
    Task("Return cages", True, 20, (Activity.CARRY, Activity.PUSH_SUSTAINED)),  # carry not tested: avoid
    Task("Desk admin", False, 10, (Activity.SIT,)),  # sitting matches: do
    Task("Push trolleys", False, 10, (Activity.PUSH_SUSTAINED,)),  # pushing matches: do
    Task("Team briefing", False, 10, ()),  # no demand item: nothing known
)
LIFT_LIMIT = "No lifting from floor to waist above 12 kg occasionally (up to a third of the day)"
STAND_LIMITS = ("Stand no longer than 30 minutes at a time", "No more than 4 hours of standing in a day")
NOTE = SelectedNote("stand-mat", "Lay anti-fatigue mats at the packing bench.", Limitation.STANDING_WALKING, "test")


def phases(*percents: float, restrictions: tuple[str, ...] = (LIFT_LIMIT, *STAND_LIMITS)) -> tuple[Phase, ...]:
    """One-week phases at these shares of contract hours, modified duties, the match's restrictions."""
    return tuple(Phase(1, p, restrictions=restrictions, progression_criteria=f"Criterion after {p}%")
                 for p in percents)


def make_case(*, outcome: FitnessOutcome | None = FitnessOutcome.MAY_BE_FIT, plan_phases: tuple[Phase, ...] | None
              = None, contract: Contract = FORTY_HOURS, evaluated: bool = True, notes: tuple[SelectedNote, ...]
              = (NOTE,), fitness: FitnessStatement | None = None, review: date | None = REVIEW,
              name: str = "Li Wei") -> Case:
    """A picker returning on 4 January 2027 over four weeks at 50, 60, 75 and 100% of a 40-hour week."""
    phased = PhasedReturn(contract, START, plan_phases or phases(50, 60, 75, 100))
    chosen = fitness or (FitnessStatement(outcome) if outcome else None)
    return Case(name, employer="Acme Foods", job_title="Picker", clinician=CLINICIAN, review_date=review,
                demands=JobDemands(DEMANDS, tasks=TASKS),
                evaluations=(Evaluation(ASSESSED, "Ana Costa", profile=CAPACITY),) if evaluated else (),
                plan=Plan(phased_return=phased, notes=notes, fitness=chosen))


def without_plan(case: Case) -> Case:
    """The same case with no phased return."""
    return replace(case, plan=replace(case.plan, phased_return=None))


def pdf_text(pdf: bytes) -> str:
    """Every page's text, runs of white space made single spaces."""
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    return re.sub(r"\s+", " ", "\n".join(page.extract_text() for page in pages))


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text, white space made single spaces."""
    return [re.sub(r"\s+", " ", page.extract_text()) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]
