"""Case files with the full demands record and evaluations: a full case reads back whole, bad new keys are named."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from factories import case_text, followed_up_case

from rtw_planner.domain.capacity.evaluation import Effort
from rtw_planner.domain.capacity.grip import GripTrials, Hand, Sex
from rtw_planner.domain.case.casefile import CaseFileError, dumps, from_dict, parse, to_dict
from rtw_planner.domain.case.model import Case
from rtw_planner.domain.demands.job import DemandSource, JobDemands
from rtw_planner.domain.demands.niosh import Coupling, Duration
from rtw_planner.domain.demands.profile import Activity, Exposure, Frequency, PhysicalProfile
from rtw_planner.domain.demands.ratings import RatedGroup, Rating
from rtw_planner.domain.demands.strength import StrengthLevel

OCC, FREQ = Frequency.OCCASIONAL, Frequency.FREQUENT


@pytest.fixture
def full_text() -> str:
    """The case file of a case with every part: demands with ratings, tasks and a lifting task, two evaluations."""
    return case_text(followed_up_case())


def test_every_part_of_the_demands_reads_back(full_text: str) -> None:
    case = parse(full_text)
    demands = case.demands
    assert case.sex is Sex.MALE
    assert (demands.source, demands.shift_hours, demands.days_per_week) == (DemandSource.JOB_SITE_ANALYSIS, 8, 5)
    assert (demands.production_pace, demands.arm_leg_controls) == (True, False)
    assert demands.profile.strength[(Activity.LIFT_ABOVE_SHOULDER, OCC)] == 5
    assert demands.profile.strength[(Activity.PUSH_SUSTAINED, FREQ)] == 150
    assert demands.profile.carry_distance_m == 15
    assert demands.profile.exposure == {Activity.LIFT_FLOOR_TO_WAIST: Exposure(3.5, 60)}
    counts = {g: sum(1 for group, _ in demands.ratings if group is g) for g in RatedGroup}
    # 19 DOT factors rated by frequency, and Strength by level
    assert counts == {RatedGroup.PHYSICAL: 19, RatedGroup.ENVIRONMENT: 3, RatedGroup.COGNITIVE: 6}
    assert demands.strength_rating is StrengthLevel.HEAVY
    assert demands.rating(RatedGroup.PHYSICAL, "tasting_smelling") is Rating.NOT_PRESENT
    assert demands.rating(RatedGroup.PHYSICAL, "handling") is Rating.CONSTANT
    assert demands.rating(RatedGroup.ENVIRONMENT, "noise") is Rating.FREQUENT
    assert [(t.name, t.essential, t.share_pct) for t in demands.tasks][1:3] == [
        ("Move pallet truck between aisles", True, 25), ("Carry returns to the returns bay", False, 10)]
    assert demands.essential_tasks_involving(Activity.CARRY) == []
    [lift] = demands.lifting_tasks
    assert (lift.name, lift.load_kg, lift.h_cm, lift.duration, lift.coupling) == (
        "Case from bottom rack to pallet", 12, 45, Duration.LONG, Coupling.FAIR)
    assert lift.a_dest_deg == 45  # defaults to the origin's angle


def test_evaluations_history_and_current(full_text: str) -> None:
    case = parse(full_text)
    first, retest = case.evaluations
    assert (first.assessed_on, first.effort, first.grip, first.id) == (
        date(2026, 9, 25), Effort.INCONSISTENT, (), None)
    assert first.profile.strength == {(Activity.LIFT_FLOOR_TO_WAIST, OCC): 8,
                                      (Activity.LIFT_WAIST_TO_SHOULDER, OCC): 10}
    assert case.current_evaluation is retest
    assert (retest.protocol, retest.effort, retest.estimation_rule) == (
        "WorkWell FCE (re-test)", Effort.CONSISTENT, None)
    assert retest.grip == (GripTrials(Hand.RIGHT, (40.5, 42.0, 41.0)), GripTrials(Hand.LEFT, (38.0, 39.5, 38.5)))
    assert case.capacity.strength[(Activity.LIFT_FLOOR_TO_WAIST, OCC)] == 12
    assert case.capacity.carry_distance_m == 10


def test_a_full_case_round_trips_whole(full_text: str) -> None:
    case = parse(full_text)
    text = dumps(case)
    again = parse(text)
    assert again == case
    assert dumps(again) == text
    assert to_dict(again)["demands"]["ratings"] == json.loads(full_text)["demands"]["ratings"]
    assert len(to_dict(again)["evaluations"]) == 2
    assert "capacity" not in to_dict(again)


def test_a_minimal_file_has_default_demands_and_no_evaluations() -> None:
    case = from_dict({"format": "rtw-planner-case", "version": 1, "patient_name": "Ann"})
    assert (case.demands, case.evaluations, case.sex) == (JobDemands(), (), None)


def test_partial_exposure_round_trips() -> None:
    # The value not recorded is written as null, which the schema must accept.
    profile = PhysicalProfile(exposure={Activity.CARRY: Exposure(hours_per_shift=2), Activity.PULL_INITIAL: Exposure()})
    case = Case("Ann", demands=JobDemands(profile))
    assert parse(dumps(case)) == case


def edited(text: str, change: Callable[[dict[str, Any]], object]) -> str:
    data = json.loads(text)
    change(data)
    return json.dumps(data)


def demands(data: dict[str, Any]) -> dict[str, Any]:
    part: dict[str, Any] = data["demands"]
    return part


def retest(data: dict[str, Any]) -> dict[str, Any]:
    part: dict[str, Any] = data["evaluations"][1]
    return part


BAD: list[tuple[str, Callable[[dict[str, Any]], object], str]] = [
    ("rating code X", lambda d: demands(d)["ratings"]["physical"].update(stooping="X"),
     r"^demands/ratings/physical/stooping: 'X' is not one of"),
    ("unknown rating item", lambda d: demands(d)["ratings"]["physical"].update(juggling="O"),
     r"^ratings/physical: 'juggling' is not allowed; expected one of strength, climbing, balancing, stooping, "
     r"kneeling, crouching, …$"),
    ("environment item as physical", lambda d: demands(d)["ratings"]["physical"].update(noise="O"),
     r"^ratings/physical: 'noise' is not allowed"),
    ("unknown rating group", lambda d: demands(d)["ratings"].update(social={}), r"^demands/ratings: .*'social'"),
    ("task share 150", lambda d: demands(d)["tasks"][0].update(share_pct=150), r"^demands/tasks/0/share_pct: 150 "),
    ("task shares over 100", lambda d: demands(d)["tasks"][1].update(share_pct=60),
     r"^task shares: 135\.0 is not allowed; expected a total of at most 100%"),
    ("task activity", lambda d: demands(d)["tasks"][0].update(activities=["juggle"]), r"^demands/tasks/0/activities/0"),
    # found by the fuzz: a list where an activity belongs; the 13 allowed activities are cut to one short line
    ("task activity as a list", lambda d: demands(d)["tasks"][0].update(activities=[["lift_floor_to_waist"]]),
     r"^demands/tasks/0/activities/0: \['lift_floor_to_waist'\] is not one of \['lift_floor_to_waist', .*, …\]$"),
    ("nameless task", lambda d: demands(d)["tasks"][0].pop("name"), r"'name' is a required property"),
    ("unknown source", lambda d: demands(d).update(source="guess"), r"^demands/source: 'guess' is not one of"),
    ("shift 25 h", lambda d: demands(d).update(shift_hours=25), r"^demands/shift_hours: 25 "),
    ("old push id", lambda d: demands(d)["pushing_pulling"][0].update(activity="push"),
     r"^demands/pushing_pulling/0/activity: 'push' is not one of"),
    ("exposure on a posture", lambda d: demands(d)["exposure"][0].update(activity="sit"), r"^demands/exposure/0"),
    ("carry distance", lambda d: demands(d).update(carry_distance_m=1001), r"^demands/carry_distance_m: 1001"),
    ("lifting task key", lambda d: demands(d)["lifting_tasks"][0].update(weight=3),
     r"^demands/lifting_tasks/0: .*'weight' was unexpected"),
    ("lifting task field", lambda d: demands(d)["lifting_tasks"][0].pop("coupling"), r"'coupling' is a required"),
    ("lifting task h 0", lambda d: demands(d)["lifting_tasks"][0].update(h_cm=0), r"^demands/lifting_tasks/0/h_cm: 0 "),
    ("lifting task load text", lambda d: demands(d)["lifting_tasks"][0].update(load_kg="12"),
     r"^demands/lifting_tasks/0/load_kg: '12' is not of type 'number'"),
    ("sex", lambda d: d.update(sex="other"), r"^sex: 'other' "),
    ("grip of 2 trials", lambda d: retest(d)["grip"][0].update(trials_kg=[40.5, 42.0]),
     r"^evaluations/1/grip/0/trials_kg: \[40\.5, 42\.0\] is too short"),
    ("grip hand twice", lambda d: retest(d)["grip"][1].update(hand="right"),
     r"^grip: \['right', 'right'\] is not allowed; expected one set of three trials per hand"),
    ("grip over 100 kg", lambda d: retest(d)["grip"][0].update(trials_kg=[40, 41, 101]), r"trials_kg/2: 101"),
    ("unknown effort", lambda d: retest(d).update(effort="lazy"), r"^evaluations/1/effort: 'lazy' is not one of"),
    ("unknown rule", lambda d: retest(d).update(estimation_rule="magic"),
     r"^estimation rule: 'magic' is not allowed; expected none or one of ns-wcb-lower"),
    ("undated evaluation", lambda d: retest(d).pop("assessed_on"), r"^evaluations/1: 'assessed_on' is a required"),
    ("impossible evaluation date", lambda d: retest(d).update(assessed_on="2026-02-30"),
     r"^evaluations/1/assessed_on: '2026-02-30' is not allowed; expected a real calendar date"),
    ("ratings in an evaluation", lambda d: retest(d).update(ratings={}), r"^evaluations/1: .*'ratings' was unexpected"),
    ("effort in demands", lambda d: demands(d).update(effort="consistent"), r"^demands: .*'effort' was unexpected"),
]


@pytest.mark.parametrize(("change", "message"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_new_keys_name_the_problem(full_text: str, change: Callable[[dict[str, Any]], object],
                                       message: str) -> None:
    with pytest.raises(CaseFileError, match=message):
        parse(edited(full_text, change))


@pytest.mark.parametrize(("field", "value"), [("duration", "forever"), ("coupling", "sticky"), ("units", "imperial")])
def test_bad_lifting_task_choice_is_a_case_file_error(full_text: str, field: str, value: str) -> None:
    # A plain ValueError from an Enum(...) conversion would escape as a crash instead of a named problem.
    with pytest.raises(CaseFileError, match=field):
        parse(edited(full_text, lambda d: demands(d)["lifting_tasks"][0].update({field: value})))
