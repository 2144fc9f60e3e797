"""Restrictions come from the current evaluation's mismatches, in employer wording, and never from a projection."""

from __future__ import annotations

import ast
import inspect
import re
from dataclasses import replace
from datetime import date

import pytest
from factories import mismatched_case
from hypothesis import given
from hypothesis import strategies as st

from rtw_planner.domain.capacity.evaluation import Evaluation
from rtw_planner.domain.case.model import Case
from rtw_planner.domain.demands.profile import Activity, Frequency, PhysicalProfile, PostureTolerance
from rtw_planner.domain.demands.units import MassUnit
from rtw_planner.domain.match import restrictions
from rtw_planner.domain.match.items import MatchItem, MatchStatus, PostureMeasure
from rtw_planner.domain.match.job import job_match
from rtw_planner.domain.match.projection import essential_mismatch_projections, item_history, project
from rtw_planner.domain.match.restrictions import (
    Restriction,
    duration_text,
    in_units,
    restrictions_from_match,
    same_text,
)

OCC, FREQ, CONST = Frequency.OCCASIONAL, Frequency.FREQUENT, Frequency.CONSTANT
F2W, STAND = Activity.LIFT_FLOOR_TO_WAIST, Activity.STAND
PICKER_TEXTS = [
    "No lifting from floor to waist above 12 kg occasionally (up to a third of the day)",
    "No lifting from floor to waist above 7 kg frequently",
    "No carrying above 15 kg occasionally (up to a third of the day)",
    "Stand no longer than 30 minutes at a time",
    "No more than 4 hours of standing in a day",
]


def texts(case: Case) -> list[str]:
    return [r.text for r in restrictions_from_match(job_match(case).items)]


def with_evaluation(case: Case, day: date, profile: PhysicalProfile) -> Case:
    return replace(case, evaluations=(*case.evaluations, Evaluation(day, "Priya Shah", profile=profile)))


def strength_item(activity: Activity, frequency: Frequency, demand: float, capacity: float | None,
                  status: MatchStatus = MatchStatus.MISMATCH, estimated_by: str | None = None) -> MatchItem:
    return MatchItem(activity, frequency, None, demand, capacity, frequency, status, estimated_by=estimated_by)


def posture_item(activity: Activity, measure: PostureMeasure, demand: float, capacity: float) -> MatchItem:
    return MatchItem(activity, None, measure, demand, capacity, None, MatchStatus.MISMATCH)


@pytest.fixture
def case() -> Case:
    return mismatched_case()


def test_restrictions_one_per_mismatch(case: Case) -> None:
    items = job_match(case).items
    found = restrictions_from_match(items)
    assert [r.text for r in found] == PICKER_TEXTS
    assert len(found) == sum(1 for item in items if item.status is MatchStatus.MISMATCH)
    assert found[0] == Restriction(F2W, PICKER_TEXTS[0], 12, "kg", OCC, None, False)
    assert (found[4].limit, found[4].unit, found[4].measure) == (240, "min", PostureMeasure.PER_DAY)


def test_not_tested_and_matching_items_give_no_restriction(case: Case) -> None:
    activities = {r.activity for r in restrictions_from_match(job_match(case).items)}
    assert Activity.PULL_INITIAL not in activities  # not tested
    assert Activity.LIFT_WAIST_TO_SHOULDER not in activities  # capacity meets the demand
    assert restrictions_from_match([strength_item(F2W, OCC, 10, None, MatchStatus.NOT_TESTED),
                                    strength_item(F2W, OCC, 0, 5, MatchStatus.NOT_REQUIRED),
                                    strength_item(F2W, OCC, 10, 12, MatchStatus.MATCH)]) == ()


def test_they_relax_when_a_newer_evaluation_measures_more(case: Case) -> None:
    better = PhysicalProfile({(F2W, OCC): 18, (F2W, FREQ): 10, (Activity.CARRY, OCC): 20},
                             postures={STAND: PostureTolerance(45, 300)})
    assert texts(with_evaluation(case, date(2027, 1, 15), better)) == [
        "No lifting from floor to waist above 18 kg occasionally (up to a third of the day)",
        "No lifting from floor to waist above 10 kg frequently",
        "Stand no longer than 45 minutes at a time",
        "No more than 5 hours of standing in a day",
    ]  # carrying 20 kg now meets the demand, so that restriction is gone


def test_a_newer_lower_measurement_tightens_them(case: Case) -> None:
    worse = PhysicalProfile({(F2W, OCC): 10, (F2W, FREQ): 5, (Activity.CARRY, OCC): 15},
                            postures={STAND: PostureTolerance(20, 150)})
    found = texts(with_evaluation(case, date(2027, 1, 15), worse))
    assert found[0] == "No lifting from floor to waist above 10 kg occasionally (up to a third of the day)"
    assert found[1] == "No lifting from floor to waist above 5 kg frequently"
    assert found[3:] == ["Stand no longer than 20 minutes at a time", "No more than 2 hours 30 minutes of standing "
                                                                       "in a day"]


def test_an_older_evaluation_with_more_changes_nothing(case: Case) -> None:
    earlier = PhysicalProfile({(F2W, OCC): 30, (F2W, FREQ): 20}, postures={STAND: PostureTolerance(90, 480)})
    assert texts(with_evaluation(case, date(2026, 10, 1), earlier)) == PICKER_TEXTS


def test_a_projection_never_changes_them(case: Case) -> None:
    projection = project(item_history(case, F2W, OCC), 23)
    assert projection is not None
    assert projection.estimated_date == date(2027, 4, 23)
    assert essential_mismatch_projections(case)  # projections exist for the essential mismatches ...
    assert texts(case) == PICKER_TEXTS  # ... and the wording still uses the measured 12 kg, 7 kg, 30 min, 4 h
    imported = {node.module for node in ast.walk(ast.parse(inspect.getsource(restrictions)))
                if isinstance(node, ast.ImportFrom)}
    assert "rtw_planner.domain.match.projection" not in imported


def test_estimated_capacity_still_restricts_and_says_so(case: Case) -> None:
    rule_eval = Evaluation(date(2027, 1, 15), "Priya Shah", profile=PhysicalProfile({(F2W, OCC): 14}),
                           estimation_rule="ns-wcb-lower")
    found = restrictions_from_match(job_match(replace(case, evaluations=(*case.evaluations, rule_eval))).items)
    frequent = next(r for r in found if r.activity is F2W and r.frequency is FREQ)
    assert frequent.text == "No lifting from floor to waist above 7 kg frequently (estimated, not measured)"
    assert frequent.estimated
    occasional = next(r for r in found if r.activity is F2W and r.frequency is OCC)
    assert not occasional.estimated
    assert "estimated" not in occasional.text


def test_push_and_pull_are_in_newtons_with_kgf() -> None:
    found = restrictions_from_match([strength_item(Activity.PUSH_INITIAL, OCC, 250, 200),
                                     strength_item(Activity.PULL_SUSTAINED, FREQ, 200, 150)])
    assert [r.text for r in found] == [
        "No pushing that needs more than 200 N (20.3 kgf) to start a load moving occasionally (up to a third of "
        "the day)",
        "No pulling that needs more than 150 N (15.2 kgf) to keep a load moving frequently",
    ]
    assert (found[0].limit, found[0].unit) == (200, "N")


def test_other_wordings() -> None:
    found = restrictions_from_match([
        strength_item(Activity.LIFT_ABOVE_SHOULDER, CONST, 5, 2.5),
        strength_item(Activity.LIFT_WAIST_TO_SHOULDER, OCC, 15, 12.25),
        posture_item(Activity.SIT, PostureMeasure.AT_A_TIME, 60, 20),
        posture_item(Activity.WALK, PostureMeasure.PER_DAY, 300, 105),
    ])
    assert [r.text for r in found] == [
        "No lifting above shoulder height above 2.5 kg constantly",
        "No lifting from waist to shoulder above 12.2 kg occasionally (up to a third of the day)",  # rounded down
        "Sit no longer than 20 minutes at a time",
        "No more than 1 hour 45 minutes of walking in a day",
    ]


def test_nothing_managed_means_none() -> None:
    found = restrictions_from_match([strength_item(F2W, OCC, 10, 0), strength_item(F2W, FREQ, 5, 0),
                                     posture_item(Activity.SIT, PostureMeasure.AT_A_TIME, 30, 0)])
    assert [r.text for r in found] == ["No lifting from floor to waist", "No lifting from floor to waist frequently",
                                       "No sitting"]


def test_duration_text() -> None:
    assert [duration_text(m) for m in (1, 30, 59.9, 60, 61, 240)] == [
        "1 minute", "30 minutes", "59 minutes", "1 hour", "1 hour 1 minute", "4 hours"]


@given(st.sampled_from([F2W, Activity.CARRY, Activity.LIFT_ABOVE_SHOULDER]), st.sampled_from(list(Frequency)),
       st.floats(0.1, 499, allow_nan=False))
def test_the_wording_never_allows_more_than_measured(activity: Activity, frequency: Frequency,
                                                     capacity: float) -> None:
    [found] = restrictions_from_match([strength_item(activity, frequency, 500, capacity)])
    assert found.limit == capacity
    shown = re.search(r"above ([\d.]+) kg", found.text)
    assert shown is not None
    assert capacity - 0.1 < float(shown.group(1)) <= capacity


# --- In the document's unit -------------------------------------------------------------------------------------


def test_loads_in_lb_and_forces_in_lbf_rounded_down() -> None:
    """12 kg = 26.455 lb -> 26.4; 7 kg = 15.432 lb -> 15.4; 200 N / 4.448 = 44.96 lbf -> 44 (never rounded up)."""
    found = restrictions_from_match([strength_item(F2W, OCC, 23, 12), strength_item(F2W, FREQ, 12, 7),
                                     strength_item(Activity.PUSH_INITIAL, OCC, 250, 200)], MassUnit.LB)
    assert [r.text for r in found] == [
        "No lifting from floor to waist above 26.4 lb occasionally (up to a third of the day)",
        "No lifting from floor to waist above 15.4 lb frequently",
        "No pushing that needs more than 44 lbf to start a load moving occasionally (up to a third of the day)",
    ]
    assert [(r.limit, r.unit) for r in found] == [(12, "kg"), (7, "kg"), (200, "N")]  # the limit itself stays SI
    assert not any("kg" in r.text or " N " in r.text for r in found)


def test_postures_read_the_same_in_either_unit() -> None:
    stand = posture_item(STAND, PostureMeasure.AT_A_TIME, 60, 30)
    assert restrictions_from_match([stand], MassUnit.LB) == restrictions_from_match([stand])


@given(st.floats(0.1, 499, allow_nan=False), st.floats(1, 4999, allow_nan=False))
def test_lb_wording_never_allows_more_than_measured(kg: float, newtons: float) -> None:
    mass, force = restrictions_from_match([strength_item(F2W, OCC, 500, kg),
                                           strength_item(Activity.PULL_SUSTAINED, OCC, 5000, newtons)], MassUnit.LB)
    shown_lb = re.search(r"above ([\d.]+) lb", mass.text)
    shown_lbf = re.search(r"more than (\d+) lbf", force.text)
    if shown_lb:
        assert kg * 2.20462262 - 0.1 < float(shown_lb.group(1)) <= kg * 2.20462262 + 1e-9
    else:
        assert kg * 2.20462262 < 0.1
        assert mass.text == "No lifting from floor to waist"
    if shown_lbf:
        assert newtons / 4.44822 - 1 < int(shown_lbf.group(1)) <= newtons / 4.44822 + 1e-9
    else:
        assert newtons / 4.44822 < 1


def test_a_stored_phase_restriction_is_reworded_in_lb(case: Case) -> None:
    items = job_match(case).items
    assert in_units(PICKER_TEXTS[0], MassUnit.LB, items) == ("No lifting from floor to waist above 26.4 lb "
                                                          "occasionally (up to a third of the day)")
    assert in_units(PICKER_TEXTS[0], MassUnit.KG, items) == PICKER_TEXTS[0]
    assert in_units(PICKER_TEXTS[3], MassUnit.LB, items) == PICKER_TEXTS[3]  # minutes stay minutes


def test_a_stale_generated_restriction_is_reworded_from_its_printed_number() -> None:
    """Generated from an older evaluation (12.2 kg), no longer in the match: 12.2 kg = 26.896 lb -> 26.8."""
    stale = "No carrying above 12.2 kg frequently (estimated, not measured)"
    assert in_units(stale, MassUnit.LB) == "No carrying above 26.8 lb frequently (estimated, not measured)"
    force = "No pulling that needs more than 150 N (15.2 kgf) to keep a load moving frequently."
    assert in_units(force, MassUnit.LB) == "No pulling that needs more than 33 lbf to keep a load moving frequently"


def test_text_the_clinician_typed_prints_as_written() -> None:
    for typed in ("Lift no more than 10 kg", "No lifting above 10 kg from the top shelf", "No night shifts"):
        assert in_units(typed, MassUnit.LB) == typed


def test_same_text_ignores_case_spaces_and_a_full_stop() -> None:
    assert same_text("Stand no longer than 30 minutes at a time.", " stand  no longer than 30 minutes at a time")
    assert not same_text("Stand no longer than 30 minutes at a time", "Stand no longer than 20 minutes at a time")
