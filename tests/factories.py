"""Small named cases for tests, built in code so no test depends on the shipped demo file.

One story runs through them, a warehouse order picker with chronic low back pain, written as of 6 December 2026:
`unassessed_case` (the name, job and employer only), `mismatched_case` (the job's demands and two evaluations, with
mismatches on lifting and standing), `planned_case` (with a plan: quotas, goals, a phased return, adjustments, a
fitness outcome), `followed_up_case` (with outcome scores and a practice log), `consented_case` (with consents to an
employer) and `unicode_case` (names from several scripts). `as_of` moves any of them to stand to another day as they
stand to 6 December 2026, and `case_text` writes one as a case file."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, time
from typing import Any

from rtw_planner.domain.capacity.evaluation import Effort, Evaluation
from rtw_planner.domain.capacity.grip import GripTrials, Hand, Sex
from rtw_planner.domain.case import casefile
from rtw_planner.domain.case.demo import shift_case_text
from rtw_planner.domain.case.model import Case, Clinician, Consent, ConsentCategory
from rtw_planner.domain.case.outcome_records import OutcomeRecord, PracticeEntry
from rtw_planner.domain.case.records import ratings_from_dict
from rtw_planner.domain.demands.job import JobDemands, Task
from rtw_planner.domain.demands.niosh import LiftingTask
from rtw_planner.domain.demands.profile import Activity, Exposure, Frequency, PhysicalProfile, PostureTolerance
from rtw_planner.domain.demands.strength import StrengthLevel
from rtw_planner.domain.match.accommodations import load_library
from rtw_planner.domain.match.planning import generate_plan
from rtw_planner.domain.plan.adjustments import SelectedNote
from rtw_planner.domain.plan.exposure import FearedActivity, FearExposure, FearHierarchy
from rtw_planner.domain.plan.fitness import FitnessOutcome, FitnessStatement
from rtw_planner.domain.plan.goals import Appointment, Goal, GoalStatus, Milestone
from rtw_planner.domain.plan.model import PersonalFlarePlan, Plan, SafetyReview
from rtw_planner.domain.plan.quota import QuotaActivity, QuotaUnit
from rtw_planner.domain.plan.treatment import TreatmentSession, TreatmentTime

AS_OF = date(2026, 12, 6)  # the day the story stands at: evaluations behind it, the return to work ahead
START = date(2027, 1, 4)  # the return to work, a Monday
FIRST_EVALUATION, RETEST = date(2026, 9, 25), date(2026, 11, 20)
EMPLOYER = "Northgate Distribution Ltd"
CLINICIAN = Clinician("Priya Shah", "Physiotherapist", "HCPC PH123456", "0161 496 0732",
                      "priya.shah@riverside-rehab.example")
DIAGNOSIS = "Chronic non-specific low back pain; off work for ten weeks. No red flags on assessment."
NOTE_IDS = ("lift-hoist", "lift-push-pull-device", "bend-raise-stock", "bend-low-stool", "stand-mat",
            "stand-lean-stool")
A, F = Activity, Frequency
RATINGS = {
    "physical": {"climbing": "O", "balancing": "O", "stooping": "F", "kneeling": "O",
                 "crouching": "F", "crawling": "N", "reaching": "F", "handling": "C", "fingering": "F", "feeling": "O",
                 "talking": "O", "hearing": "F", "tasting_smelling": "N", "near_acuity": "F", "far_acuity": "O",
                 "depth_perception": "O", "accommodation": "O", "color_vision": "O", "field_of_vision": "F"},
    "environment": {"extreme_cold": "O", "noise": "F", "moving_mechanical_parts": "F"},
    "cognitive": {"sustained_concentration": "F", "memory": "O", "multitasking": "O", "time_pressure": "F",
                  "public_contact": "N", "shift_work": "C"},
}
TSK_FIRST = (3, 3, 3, 1, 3, 3, 3, 1, 3, 3, 3, 1, 3, 3, 3, 1, 3)  # 55: high kinesiophobia
TSK_RETEST = (2, 3, 2, 2, 3, 2, 2, 2, 3, 2, 2, 2, 3, 2, 2, 2, 2)  # 42: still high
GOALS_NOTE = "Walk the dog; stand to cook; lift shopping"
OUTCOMES = (  # instrument, day, answers, score, band, notes
    ("PEG", "2026-09-25", (7, 6, 8), 7.0, None, ""), ("PSFS", "2026-09-25", (3, 4, 2), 3.0, None, GOALS_NOTE),
    ("TSK-17", "2026-09-25", TSK_FIRST, 55.0, "high kinesiophobia", ""),
    ("6MWT", "2026-09-25", (420,), 420.0, None, ""),
    ("PEG", "2026-10-23", (6, 5, 6), 17 / 3, None, ""), ("PSFS", "2026-10-23", (4, 5, 3), 4.0, None, ""),
    ("PEG", "2026-11-20", (5, 4, 5), 14 / 3, None, ""), ("PSFS", "2026-11-20", (5, 6, 5), 16 / 3, None, GOALS_NOTE),
    ("TSK-17", "2026-11-20", TSK_RETEST, 42.0, "high kinesiophobia", ""),
    ("6MWT", "2026-11-20", (515,), 515.0, None, ""),
)
PRACTICE = (("2026-11-23", 8.0, 8.0), ("2026-11-24", 8.0, 8.0), ("2026-11-25", 8.0, 8.0), ("2026-11-26", 8.0, 4.0))


def unassessed_case(**changes: Any) -> Case:
    """A case as first entered: who, where and what job; no demands, no evaluation, no plan."""
    return replace(Case("Marek Dąbrowski", date_of_birth=date(1984, 3, 12), sex=Sex.MALE, employer=EMPLOYER,
                        job_title="Warehouse order picker"), **changes)


def picker_demands() -> JobDemands:
    """The order picker's job, from a job-site analysis: lifting to 23 kg, pushing a pallet truck, standing."""
    profile = PhysicalProfile(
        strength={(A.LIFT_FLOOR_TO_WAIST, F.OCCASIONAL): 23, (A.LIFT_FLOOR_TO_WAIST, F.FREQUENT): 12,
                  (A.LIFT_WAIST_TO_SHOULDER, F.OCCASIONAL): 15, (A.LIFT_WAIST_TO_SHOULDER, F.FREQUENT): 8,
                  (A.LIFT_ABOVE_SHOULDER, F.OCCASIONAL): 5, (A.CARRY, F.OCCASIONAL): 20, (A.CARRY, F.FREQUENT): 10,
                  (A.PUSH_INITIAL, F.OCCASIONAL): 250, (A.PUSH_SUSTAINED, F.FREQUENT): 150,
                  (A.PULL_INITIAL, F.OCCASIONAL): 200},
        postures={A.SIT: PostureTolerance(15, 60), A.STAND: PostureTolerance(60, 420),
                  A.WALK: PostureTolerance(30, 300)},
        carry_distance_m=15, exposure={A.LIFT_FLOOR_TO_WAIST: Exposure(3.5, 60)})
    tasks = (Task("Pick cases from racking to pallet", True, 60,
                  (A.LIFT_FLOOR_TO_WAIST, A.LIFT_WAIST_TO_SHOULDER, A.LIFT_ABOVE_SHOULDER, A.STAND, A.WALK)),
             Task("Move pallet truck between aisles", True, 25,
                  (A.PUSH_INITIAL, A.PUSH_SUSTAINED, A.PULL_INITIAL, A.WALK)),
             Task("Carry returns to the returns bay", False, 10, (A.CARRY,)),
             Task("Scanner admin at the desk", False, 5, (A.SIT,)))
    lift = LiftingTask.metric(load_kg=12, h_cm=45, v_cm=20, d_cm=60, a_deg=45, frequency_per_min=1, duration="long",
                              coupling="fair", name="Case from bottom rack to pallet")
    return JobDemands(profile=profile, ratings=ratings_from_dict(RATINGS), shift_hours=8, days_per_week=5,
                      tasks=tasks, lifting_tasks=(lift,), production_pace=True, strength_rating=StrengthLevel.HEAVY)


def first_evaluation() -> Evaluation:
    """The first FCE: inconsistent effort, so a minimum; lifting 8 and 10 kg, standing 20 minutes."""
    return Evaluation(FIRST_EVALUATION, "Priya Shah, Physiotherapist", "WorkWell FCE (initial)", Effort.INCONSISTENT,
                      "Heart rate did not rise with load on the floor-to-waist lift; results are a minimum.",
                      PhysicalProfile(strength={(A.LIFT_FLOOR_TO_WAIST, F.OCCASIONAL): 8,
                                                (A.LIFT_WAIST_TO_SHOULDER, F.OCCASIONAL): 10},
                                      postures={A.STAND: PostureTolerance(20, 180)}))


def retest_evaluation() -> Evaluation:
    """The re-test eight weeks later: consistent effort, still short of the job on floor lifts, carrying, standing."""
    profile = PhysicalProfile(
        strength={(A.LIFT_FLOOR_TO_WAIST, F.OCCASIONAL): 12, (A.LIFT_FLOOR_TO_WAIST, F.FREQUENT): 7,
                  (A.LIFT_WAIST_TO_SHOULDER, F.OCCASIONAL): 15, (A.LIFT_WAIST_TO_SHOULDER, F.FREQUENT): 8,
                  (A.LIFT_ABOVE_SHOULDER, F.OCCASIONAL): 6, (A.CARRY, F.OCCASIONAL): 15,
                  (A.PUSH_INITIAL, F.OCCASIONAL): 260, (A.PUSH_SUSTAINED, F.CONSTANT): 160},
        postures={A.SIT: PostureTolerance(30, 240), A.STAND: PostureTolerance(30, 240),
                  A.WALK: PostureTolerance(40, 360)},
        carry_distance_m=10)
    grip = (GripTrials(Hand.RIGHT, (40.5, 42, 41)), GripTrials(Hand.LEFT, (38, 39.5, 38.5)))
    return Evaluation(RETEST, "Priya Shah, Physiotherapist", "WorkWell FCE (re-test)", Effort.CONSISTENT,
                      "Consistent effort: heart rate rose with load; coefficient of variation on grip under 15%.",
                      profile, grip)


def mismatched_case(**changes: Any) -> Case:
    """Assessed twice against the job's demands: the re-test still falls short on floor-to-waist lifts, carrying
    and standing. A clinician, diagnosis and review date, but no plan yet."""
    case = unassessed_case(clinician=CLINICIAN, diagnosis=DIAGNOSIS, review_date=date(2027, 1, 8),
                           demands=picker_demands(), evaluations=(first_evaluation(), retest_evaluation()))
    return replace(case, **changes)


def _quotas() -> tuple[QuotaActivity, ...]:
    return (QuotaActivity("Walking", QuotaUnit.MINUTES, (8, 10, 12), 30, goal_ids=("walk-dog",)),
            QuotaActivity("Standing", QuotaUnit.MINUTES, (20, 25, 30), 60, goal_ids=("stand-shift",)),
            QuotaActivity("Lifting a 5 kg box, floor to waist", QuotaUnit.REPETITIONS, (6, 8, 10), 20,
                          target_weeks=10, goal_ids=("lift-cases",)))


def _goals() -> tuple[Goal, ...]:
    return (Goal("walk-dog", "Walk the dog", "30 minutes each morning", date(2027, 3, 1), GoalStatus.IN_PROGRESS,
                 (Milestone("Walk to the park and back (15 minutes)", date(2027, 1, 17), amount=15),
                  Milestone("Walk 20 minutes without stopping", date(2027, 2, 7), amount=20)), "Walking", "6MWT"),
            Goal("stand-shift", "Stand at the picking station", "60 minutes at a time", date(2027, 3, 29),
                 GoalStatus.IN_PROGRESS, (Milestone("Stand 30 minutes while cooking dinner", date(2027, 2, 14),
                                                    amount=30),), "Standing"),
            Goal("lift-cases", "Lift cases from the bottom rack", "20 lifts of 5 kg with good technique",
                 date(2027, 3, 15), GoalStatus.NOT_STARTED,
                 (Milestone("Lift a 5 kg box from the floor 12 times", date(2027, 2, 7), amount=12),),
                 "Lifting a 5 kg box, floor to waist"))


def picker_plan(case: Case) -> Plan:
    """Graded quotas with the goals they serve, a phased return generated from the case's match, six adjustments
    chosen from the library, 'may be fit', a flare-up plan and a safety review."""
    notes = {note.id: note for note in load_library()}
    chosen = Plan(
        quotas=_quotas(), goals=_goals(), notes=tuple(SelectedNote.from_note(notes[i]) for i in NOTE_IDS),
        fitness=FitnessStatement(FitnessOutcome.MAY_BE_FIT),
        flare_plan=PersonalFlarePlan(
            ("Lifting boxes from the floor several times in a row", "Sitting in the car for more than an hour",
             "A poor night's sleep"),
            ("Stiffness in the lower back that lasts after a short walk", "Pain spreading into the buttock"),
            ("A warm shower, then gentle walking", "Lying on my back with knees bent for 10 minutes",
             "Telling my supervisor early")),
        safety_review=SafetyReview(RETEST, "Works next to moving conveyors and uses a powered pallet truck. Takes "
                                           "paracetamol and ibuprofen only; no sedating medication. Agreed to report "
                                           "any new medication before a shift."))
    return generate_plan(case, START, chosen)


def planned_case(**changes: Any) -> Case:
    """The mismatched case with a plan and a return to work on 4 January 2027, and the next appointment booked."""
    case = mismatched_case(rtw_start_date=START, next_appointment=Appointment(
        datetime(2026, 12, 11, 10, 30), "Priya Shah", "Riverside clinic, room 2"))
    return replace(case, plan=picker_plan(case), **changes)


def followed_up_case(**changes: Any) -> Case:
    """The planned case with outcome scores at three visits (PEG, PSFS, TSK-17, 6MWT) and four days of walking
    practice, the last one short of the quota."""
    outcomes = tuple(OutcomeRecord(i, date.fromisoformat(on), answers, score, band, notes)
                     for i, on, answers, score, band, notes in OUTCOMES)
    practice = tuple(PracticeEntry(date.fromisoformat(on), "Walking", quota, done, done >= quota)
                     for on, quota, done in PRACTICE)
    return replace(planned_case(), outcomes=outcomes, practice_log=practice, **changes)


def consented_case(*categories: ConsentCategory, recipient: str = EMPLOYER, **changes: Any) -> Case:
    """The followed-up case with consents given on 1 December 2026 to the recipient (the employer), for the return
    to work; functional information alone when no category is named."""
    consents = tuple(Consent(c, recipient, "Return to work", date(2026, 12, 1))
                     for c in categories or (ConsentCategory.FUNCTIONAL,))
    return followed_up_case(consents=consents, **changes)


def unicode_case(**changes: Any) -> Case:
    """The followed-up case with names and an employer in Polish, Greek, Arabic and Chinese letters."""
    return followed_up_case(patient_name="Zoë Łódź-Müller Δημήτρης", employer="شركة الشمال 北方物流",
                            job_title="Kommissionierer (Lager)", **changes)


PHYSIOTHERAPY = TreatmentSession("physiotherapy", (1, 3), time(10), time(11, 30), date(2027, 1, 5), date(2027, 1, 21))
PSYCHOLOGY = TreatmentSession("psychology", (2,), time(14), time(15), date(2027, 1, 6))


def with_treatment(case: Case, mode: TreatmentTime = TreatmentTime.WORK_TIME) -> Case:
    """The case with physiotherapy on Tuesdays and Thursdays 10:00-11:30 from 5 to 21 January 2027 (phases 1 to 3
    of the planned return) and psychology on Wednesdays 14:00-15:00 from 6 January 2027, open-ended."""
    return replace(case, plan=replace(case.plan, treatment=(PHYSIOTHERAPY, PSYCHOLOGY), treatment_time=mode))


FEARS = (FearedActivity("carry", "Carrying a full shopping bag", 60),
         FearedActivity("bend", "Bending to pick up a box from the floor", 80),
         FearedActivity("walk", "Walking for 20 minutes", 30))
EXPOSURES = (FearExposure("walk", date(2026, 11, 2), 30, 20), FearExposure("walk", date(2026, 11, 9), 25, 15),
             FearExposure("carry", date(2026, 11, 16), 60, 45), FearExposure("carry", date(2026, 11, 23), 50, 35))


def with_exposure(case: Case) -> Case:
    """The case with a fear hierarchy: walking (30), carrying a bag (60), bending to the floor (80). Walking is
    climbed (fear after 15, half the first 30); carrying is the current step (after 45, then 35: not yet half of
    60, nor twice at most 30)."""
    return replace(case, plan=replace(case.plan, exposure=FearHierarchy(FEARS, EXPOSURES)))


def case_text(case: Case) -> str:
    """A case as its case file's text."""
    return casefile.dumps(case)


def case_data(case: Case) -> dict[str, Any]:
    """A case as its case file's data, to edit before writing."""
    return json.loads(case_text(case))  # type: ignore[no-any-return]


def as_of(case: Case, today: date) -> Case:
    """The case moved by whole weeks to stand to `today` as it stands to 6 December 2026 (every date, the date of
    birth too): evaluations as long ago, the return to work as far ahead, still on a Monday."""
    weeks = ((today - AS_OF).days + 3) // 7
    return casefile.parse(shift_case_text(case_text(case), weeks * 7))
