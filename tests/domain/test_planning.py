"""Adjustments that fit the job (its settings from words, ratings, lifting tasks and walking), and generating a plan
that chooses no adjustment for the clinician."""

from __future__ import annotations

from datetime import date

import pytest

from rtw_planner.domain.capacity.evaluation import Evaluation
from rtw_planner.domain.case.job_templates import apply_template, load_template, load_templates
from rtw_planner.domain.case.model import Case
from rtw_planner.domain.demands.job import JobDemands, Task
from rtw_planner.domain.demands.niosh import LiftingTask
from rtw_planner.domain.demands.profile import Activity, Frequency, PhysicalProfile, PostureTolerance
from rtw_planner.domain.demands.ratings import RatedGroup, Rating
from rtw_planner.domain.match.accommodations import WorkSetting, load_library
from rtw_planner.domain.match.planning import generate_plan, job_settings, regeneration_changes, suggest_for_case
from rtw_planner.domain.plan.adjustments import SelectedNote
from rtw_planner.domain.plan.fitness import FitnessOutcome, FitnessStatement
from rtw_planner.domain.plan.model import PersonalFlarePlan, Plan, SafetyReview

START = date(2027, 1, 4)
LIFT = (Activity.LIFT_FLOOR_TO_WAIST, Frequency.OCCASIONAL)
WAREHOUSE_KIT = {"lift-hoist", "lift-push-pull-device", "reach-overhead-lift", "bend-raise-stock", "stand-scooter"}
DESK_KIT = {"sit-sit-stand-desk", "sit-monitor-armrests", "sit-mix-tasks", "conc-fewer-distractions"}
S = WorkSetting


def job_case(title: str = "", *tasks: str, lift_kg: float | None = None, can_lift_kg: float = 0.5,
             sit: tuple[float, float] | None = None, walk_per_day: float | None = None,
             environment: dict[str, Rating] | None = None, shift_hours: float | None = None,
             lifting_tasks: tuple[LiftingTask, ...] = ()) -> Case:
    """A case whose job asks for `lift_kg` and `sit` (minutes at a time, per day) against a person who can lift
    `can_lift_kg` and sit a fifth of that, so each demand given is a mismatch."""
    strength = {LIFT: lift_kg} if lift_kg is not None else {}
    postures = {}
    if sit is not None:
        postures[Activity.SIT] = PostureTolerance(*sit)
    if walk_per_day is not None:
        postures[Activity.WALK] = PostureTolerance(10, walk_per_day)
    ratings = {(RatedGroup.ENVIRONMENT, key): rating for key, rating in (environment or {}).items()}
    demands = JobDemands(PhysicalProfile(strength, postures), ratings, shift_hours=shift_hours,
                         tasks=tuple(Task(t) for t in tasks), lifting_tasks=lifting_tasks)
    capacity = PhysicalProfile({LIFT: can_lift_kg} if lift_kg is not None else {},
                               {Activity.SIT: PostureTolerance(sit[0] / 5, sit[1] / 5)} if sit else {})
    return Case("Test Person", job_title=title, demands=demands,
                evaluations=(Evaluation(date(2026, 11, 1), profile=capacity),))


def ids(case: Case) -> set[str]:
    return {s.note.id for s in suggest_for_case(case)}


def bus_driver() -> Case:
    return job_case("Bus driver", "Drive the bus on the route", "Check the vehicle before and after the shift",
                    lift_kg=8, sit=(120, 420))


def test_a_bus_driver_gets_no_warehouse_equipment_desk_or_hoist() -> None:
    suggestions = suggest_for_case(bus_driver())
    offered = {s.note.id for s in suggestions}
    assert not offered & (WAREHOUSE_KIT | DESK_KIT)
    assert not any(word in s.note.text.lower() for s in suggestions for word in ("pallet", "desk", "hoist", "rack"))
    assert {"sit-vehicle-seat", "sit-driving-spells", "lift-co-worker", "sit-build-up"} <= offered
    assert {s.fits for s in suggestions} == {(S.ANY,), (S.VEHICLE,)}


def test_a_warehouse_picker_gets_pallet_equipment() -> None:
    case = job_case("Warehouse order picker", "Pick cases from racking to pallet", "Move loads with a pallet truck",
                    lift_kg=23)
    by_id = {s.note.id: s for s in suggest_for_case(case)}
    assert {"lift-push-pull-device", "bend-raise-stock", "lift-hoist", "lift-trolley"} <= set(by_id)
    assert by_id["lift-push-pull-device"].fits == (S.WAREHOUSE,)
    assert "sit-vehicle-seat" not in by_id  # the pallet truck is walked, not driven


def test_an_office_worker_gets_desk_notes_and_no_pallet_equipment() -> None:
    offered = ids(job_case("Office administrator", "Computer work: email and records", sit=(120, 360)))
    assert {"sit-sit-stand-desk", "sit-monitor-armrests", "sit-chair", "sit-mix-tasks"} <= offered
    assert not offered & (WAREHOUSE_KIT | {"sit-vehicle-seat", "sit-driving-spells"})


def test_a_care_worker_gets_patient_handling_and_no_pallet_truck() -> None:
    offered = ids(job_case("Nursing assistant", "Help patients wash, dress and move", lift_kg=25))
    assert {"lift-care-handling-plan", "lift-care-allocation"} <= offered
    assert "lift-push-pull-device" not in offered
    assert "lift-care-handling-plan" not in ids(bus_driver())


def test_a_job_whose_setting_is_not_recognised_is_offered_every_note_unfiltered() -> None:
    case = job_case("Artist", "Paint murals", sit=(120, 360))
    suggestions = suggest_for_case(case)
    sitting = {n.id for n in load_library() if n.limitation.value == "sitting"}
    assert job_settings(case) == ()
    assert {s.note.id for s in suggestions} == sitting
    assert all(s.fits == () for s in suggestions)


@pytest.mark.parametrize(("case", "expected"), [
    (job_case("", "Drive the bus"), (S.VEHICLE,)),
    (job_case("Office administrator"), (S.DESK, S.WORKSTATION)),  # desk work is done at a workstation
    (job_case("", "Clean offices and kitchens"), ()),  # the place alone is not the work
    (job_case("", "Teach lessons to the class"), (S.CLASSROOM,)),
    (job_case("", "Cook dishes during service"), (S.WORKSTATION, S.GOODS, S.KITCHEN)),
    (job_case("", "Move roll cages from the warehouse"), (S.GOODS, S.WAREHOUSE, S.SITE)),
    (job_case("", "Fit and repair pipes"), (S.GOODS, S.CONSTRUCTION)),
    (job_case("", "Help residents move about"), (S.CARE,)),
])
def test_settings_from_the_jobs_words(case: Case, expected: tuple[WorkSetting, ...]) -> None:
    assert job_settings(case) == expected


@pytest.mark.parametrize(("environment", "expected"), [
    ({"extreme_heat": Rating.FREQUENT, "wet_humid": Rating.CONSTANT}, (S.WORKSTATION, S.GOODS, S.KITCHEN)),
    ({"extreme_heat": Rating.FREQUENT, "wet_humid": Rating.OCCASIONAL}, ()),
    ({"high_exposed_places": Rating.SELDOM}, (S.GOODS, S.CONSTRUCTION)),
    ({"moving_mechanical_parts": Rating.CONSTANT}, ()),  # safety-critical, but no setting of its own
])
def test_settings_from_rated_conditions(environment: dict[str, Rating], expected: tuple[WorkSetting, ...]) -> None:
    assert job_settings(job_case(environment=environment)) == expected


@pytest.mark.parametrize(("shift_hours", "walk", "expected"), [
    (9, 181, (S.SITE,)), (9, 180, ()),  # a third of 540 minutes is 180: more than that is a large site
    (None, 161, (S.SITE,)), (None, 160, ()),  # no shift recorded: 8 hours, a third is 160
])
def test_walking_more_than_a_third_of_the_shift_is_a_large_site(shift_hours: float | None, walk: float,
                                                                expected: tuple[WorkSetting, ...]) -> None:
    assert job_settings(job_case(walk_per_day=walk, shift_hours=shift_hours)) == expected


def test_a_lifting_task_means_goods_handling() -> None:
    task = LiftingTask.metric(load_kg=10, h_cm=40, v_cm=30, d_cm=50, a_deg=0, frequency_per_min=1,
                              duration="short", coupling="fair")  # unnamed: no words
    assert job_settings(job_case(lifting_tasks=(task,))) == (S.GOODS,)


DESK_JOB = (S.DESK, S.WORKSTATION)
# Worked out by reading each template: its title and tasks, its Extreme Heat, Wet/Humid and High Exposed Places
# ratings, and whether walking per day is more than a third of its shift.
TEMPLATE_SETTINGS = {
    "bus-driver": (S.VEHICLE,),
    "call-centre-agent": DESK_JOB, "office-administrator": DESK_JOB, "software-developer": DESK_JOB,
    "receptionist": (*DESK_JOB, S.GOODS),  # sorts post and deliveries
    "security-guard": (*DESK_JOB, S.GOODS, S.SITE),  # CCTV; helps with deliveries; patrols grounds
    "warehouse-order-picker": (*DESK_JOB, S.GOODS, S.WAREHOUSE, S.SITE),  # "Scanner and paperwork at the desk"
    "forklift-operator": (S.GOODS, S.WAREHOUSE, S.VEHICLE, S.SITE),
    "supermarket-shelf-stacker": (S.GOODS, S.WAREHOUSE, S.SITE),  # roll cages from the warehouse
    "delivery-driver": (S.GOODS, S.VEHICLE),  # parcels; drives the route
    "farm-worker": (S.GOODS, S.VEHICLE, S.CONSTRUCTION, S.SITE),
    "construction-labourer": (S.GOODS, S.CONSTRUCTION, S.SITE),
    "electrician": (S.GOODS, S.CONSTRUCTION), "plumber": (S.GOODS, S.CONSTRUCTION),
    "care-home-support-worker": (S.GOODS, S.CARE, S.SITE), "hospital-porter": (S.GOODS, S.CARE, S.SITE),
    "nursing-assistant": (S.GOODS, S.CARE, S.SITE),
    "cook": (S.WORKSTATION, S.GOODS, S.KITCHEN),
    "kitchen-porter": (S.WORKSTATION, S.GOODS, S.KITCHEN, S.SITE),
    "hairdresser": (S.WORKSTATION, S.GOODS), "retail-cashier": (S.WORKSTATION, S.GOODS),  # restocking
    "cleaner": (S.GOODS, S.SITE),  # bins and rubbish; cleaning offices and kitchens is neither desk nor kitchen work
    "refuse-collector": (S.GOODS, S.SITE),  # rides in the cab, does not drive
    "primary-teacher": (S.CLASSROOM,),
}


def test_the_settings_table_covers_every_bundled_template() -> None:
    assert {t.id for t in load_templates()} == set(TEMPLATE_SETTINGS)


@pytest.mark.parametrize(("template_id", "expected"), sorted(TEMPLATE_SETTINGS.items()))
def test_settings_of_templates(template_id: str, expected: tuple[WorkSetting, ...]) -> None:
    template = load_template(template_id)
    case = Case("Test Person", job_title=template.title, demands=apply_template(template))
    assert job_settings(case) == expected


def test_generate_plan_chooses_no_adjustment() -> None:
    case = bus_driver()
    assert suggest_for_case(case)
    assert generate_plan(case, START).notes == ()
    assert generate_plan(case, START, Plan()).notes == ()


def test_generate_plan_keeps_exactly_the_adjustments_the_clinician_chose() -> None:
    case = bus_driver()
    chosen = SelectedNote.from_note(next(n for n in load_library() if n.id == "sit-build-up"))
    chosen = chosen.edit("Limit sitting to 30 minutes at a time at first.")
    generated = generate_plan(case, START, Plan(notes=(chosen,)))
    assert generated.notes == (chosen,)
    assert regeneration_changes(Plan(notes=(chosen,)), generated) == []


def test_generate_plan_keeps_fitness_flare_plan_and_safety_review() -> None:
    current = Plan(fitness=FitnessStatement(FitnessOutcome.MAY_BE_FIT),
                   flare_plan=PersonalFlarePlan(triggers=("Long drives",)),
                   safety_review=SafetyReview(date(2026, 11, 20), "No sedating medication."))
    generated = generate_plan(bus_driver(), START, current)
    assert (generated.fitness, generated.flare_plan, generated.safety_review) == (
        current.fitness, current.flare_plan, current.safety_review)
    assert generated.phased_return is not None
    assert generated.phased_return.start == START
