"""Safety-critical work (driving, machinery, heights) found in every job template, in words and in rated conditions."""

from __future__ import annotations

import pytest

from rtw_planner.domain.case.job_templates import apply_template, load_template, load_templates
from rtw_planner.domain.case.model import Case
from rtw_planner.domain.demands.job import JobDemands, Task
from rtw_planner.domain.demands.ratings import RatedGroup, Rating
from rtw_planner.domain.match.safety import SafetyCritical, safety_critical_evidence, safety_critical_work

DRIVING, MACHINERY, HEIGHTS = SafetyCritical.DRIVING, SafetyCritical.MACHINERY, SafetyCritical.HEIGHTS
# Worked out by reading each template file: a task that drives (or operates a forklift or tractor) is driving;
# Moving Mechanical Parts rated above N is machinery; High Exposed Places above N, or ladders, is heights.
EXPECTED = {
    "bus-driver": (DRIVING,),  # "Drive the bus on the route"
    "call-centre-agent": (),
    "care-home-support-worker": (),  # a patient hoist is a handling aid, not machinery
    "cleaner": (),
    "construction-labourer": (MACHINERY, HEIGHTS),  # rated Moving Mechanical Parts F, High Exposed Places O
    "cook": (MACHINERY,),  # rated Moving Mechanical Parts O (mixers, slicers)
    "delivery-driver": (DRIVING,),  # "Drive the delivery route"; the sack truck is pushed by hand
    "electrician": (HEIGHTS,),  # ladders; High Exposed Places O
    "farm-worker": (DRIVING, MACHINERY, HEIGHTS),  # drives tractors; machinery; High Exposed Places O
    "forklift-operator": (DRIVING, MACHINERY),  # forklift; Moving Mechanical Parts F
    "hairdresser": (),
    "hospital-porter": (),
    "kitchen-porter": (MACHINERY,),  # rated Moving Mechanical Parts O
    "nursing-assistant": (),
    "office-administrator": (),
    "plumber": (HEIGHTS,),  # High Exposed Places O; the van is named, but no task drives it
    "primary-teacher": (),
    "receptionist": (),
    "refuse-collector": (MACHINERY,),  # rides in the cab (not driving); Moving Mechanical Parts F
    "retail-cashier": (),
    "security-guard": (),
    "software-developer": (),
    "supermarket-shelf-stacker": (),
    "warehouse-order-picker": (MACHINERY,),  # Moving Mechanical Parts F; the pallet truck is not driving
}


def template_case(template_id: str) -> Case:
    template = load_template(template_id)
    return Case("Test Person", job_title=template.title, demands=apply_template(template))


def job(*tasks: str, title: str = "", environment: dict[str, Rating] | None = None) -> Case:
    ratings = {(RatedGroup.ENVIRONMENT, key): rating for key, rating in (environment or {}).items()}
    return Case("Test Person", job_title=title, demands=JobDemands(tasks=tuple(Task(t) for t in tasks),
                                                                   ratings=ratings))


def test_the_table_covers_every_bundled_template() -> None:
    assert {t.id for t in load_templates()} == set(EXPECTED)


@pytest.mark.parametrize(("template_id", "expected"), sorted(EXPECTED.items()))
def test_each_template_has_the_kinds_read_from_its_file(template_id: str,
                                                        expected: tuple[SafetyCritical, ...]) -> None:
    assert safety_critical_work(template_case(template_id)) == expected


def test_the_warehouse_picker_is_machinery_by_its_rating_alone() -> None:
    evidence = safety_critical_evidence(template_case("warehouse-order-picker"))
    assert evidence == {MACHINERY: ("rated condition Moving Mechanical Parts: frequent",)}


def test_evidence_names_the_task_and_the_title() -> None:
    evidence = safety_critical_evidence(job("Drive the bus on the route", "Deploy the ramp", title="Bus driver"))
    assert evidence == {DRIVING: ("job title 'Bus driver'", "task 'Drive the bus on the route'")}


@pytest.mark.parametrize("words", [
    "Move loads with a pallet truck", "Move pallets with a hand pallet truck", "Move heavy items with a sack truck",
    "Wheel bins to the lorry and back", "Ride in the cab between streets", "Carry materials and tools from the van",
    "Check the vehicle before and after the shift", "Work to data-driven targets", "Tighten screws with a screwdriver",
    "Load the washing machine", "Supervise the seesaw and climbing frame", "Press the call button for help",
    "Help residents with the hoist",
])
def test_words_that_are_not_safety_critical(words: str) -> None:
    assert safety_critical_work(job(words)) == ()


@pytest.mark.parametrize(("words", "kind"), [
    ("Drive the delivery route", DRIVING), ("Driving between client sites", DRIVING),
    ("Operate a reach truck", DRIVING), ("Fork-lift work in the yard", DRIVING), ("Operate the bus", DRIVING),
    ("Hitch trailers to the tractor", DRIVING), ("Cut timber with a circular saw", MACHINERY),
    ("Operate the packing machines", MACHINERY), ("Feed the meat slicer", MACHINERY),
    ("Clear jams on the conveyor", MACHINERY), ("Clean gutters from a ladder", HEIGHTS),
    ("Put up and take down scaffolding", HEIGHTS), ("Repair roofs", HEIGHTS),
])
def test_words_that_are_safety_critical(words: str, kind: SafetyCritical) -> None:
    assert safety_critical_work(job(words)) == (kind,)


@pytest.mark.parametrize("title", ["Taxi driver", "Courier", "HGV driver", "Chauffeur"])
def test_a_driving_title_alone_is_enough(title: str) -> None:
    assert safety_critical_work(job(title=title)) == (DRIVING,)


@pytest.mark.parametrize(("rating", "expected"), [
    (Rating.NOT_PRESENT, ()), (Rating.SELDOM, (HEIGHTS,)), (Rating.CONSTANT, (HEIGHTS,)),
])
def test_high_exposed_places_rated_present_at_any_frequency_is_heights(rating: Rating,
                                                                       expected: tuple[SafetyCritical, ...]) -> None:
    assert safety_critical_work(job(environment={"high_exposed_places": rating})) == expected


def test_kinds_come_in_a_fixed_order_whatever_order_they_are_found() -> None:
    case = job("Clean gutters from a ladder", "Operate the packing machines", "Drive the van")
    assert safety_critical_work(case) == (DRIVING, MACHINERY, HEIGHTS)


def test_what_to_discuss_names_licensing_for_driving_and_medication_for_every_kind() -> None:
    assert "licensing" in DRIVING.discuss
    assert all("medication" in kind.discuss for kind in SafetyCritical)
