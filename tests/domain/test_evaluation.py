"""Evaluations: fields validate, one grip set per hand, named estimation rules, and which evaluation governs."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rtw_planner.domain.capacity.evaluation import Effort, Evaluation, estimation_rules, latest
from rtw_planner.domain.capacity.grip import GripTrials, Hand
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.profile import Activity, Frequency, PhysicalProfile, PostureTolerance

DAY = date(2026, 11, 20)
RULE = "ns-wcb-lower"
OCC, FREQ, CONST = Frequency.OCCASIONAL, Frequency.FREQUENT, Frequency.CONSTANT
LIFT = Activity.LIFT_FLOOR_TO_WAIST


def right(*trials: float) -> GripTrials:
    return GripTrials(Hand.RIGHT, trials)  # type: ignore[arg-type]


def test_defaults_and_stripped_text() -> None:
    evaluation = Evaluation(DAY, " Priya Shah ", " WorkWell FCE ", effort_notes="  steady  ")
    assert (evaluation.evaluator, evaluation.protocol, evaluation.effort_notes) == (
        "Priya Shah", "WorkWell FCE", "steady")
    assert evaluation.effort is Effort.NOT_RECORDED
    assert (evaluation.profile, evaluation.grip, evaluation.estimation_rule, evaluation.id) == (
        PhysicalProfile(), (), None, None)
    assert evaluation.rule is None
    assert evaluation.label == "20 Nov 2026, Priya Shah; WorkWell FCE"
    assert Evaluation(date(2026, 3, 5)).label == "5 Mar 2026"


def test_grip_holds_one_set_per_hand() -> None:
    left = GripTrials(Hand.LEFT, (30, 31, 32))
    assert Evaluation(DAY, grip=[right(40, 41, 42), left]).grip == (right(40, 41, 42), left)  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as caught:
        Evaluation(DAY, grip=(right(40, 41, 42), right(39, 40, 41)))
    assert (caught.value.field, caught.value.value) == ("grip", ["right", "right"])
    assert "one set of three trials per hand" in str(caught.value)


def test_unknown_estimation_rule_is_rejected_naming_the_shipped_ones() -> None:
    with pytest.raises(ValidationError) as caught:
        Evaluation(DAY, estimation_rule="rule-of-thumb")
    assert (caught.value.field, caught.value.value) == ("estimation rule", "rule-of-thumb")
    assert f"none or one of {RULE}" in str(caught.value)


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"assessed_on": None}, "evaluation date"),
    ({"assessed_on": "2026-11-20"}, "evaluation date"),
    ({"effort": "consistent"}, "effort"),
    ({"evaluator": "x" * 201}, "evaluator"),
    ({"protocol": 7}, "protocol"),
    ({"effort_notes": "n" * 10_001}, "effort notes"),
])
def test_bad_fields_are_rejected(kwargs: dict[str, object], field: str) -> None:
    arguments: dict[str, object] = {"assessed_on": DAY, **kwargs}
    with pytest.raises(ValidationError) as caught:
        Evaluation(**arguments)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_the_shipped_rule() -> None:
    rule = estimation_rules()[RULE]
    assert rule.name == "Nova Scotia WCB rule of thumb, lower bound"
    assert (rule.frequent_fraction_of_occasional, rule.constant_fraction_of_occasional) == (0.5, 0.25)
    assert rule.source.startswith("https://www.wcb.ns.ca/")
    assert (rule.estimate(20, FREQ), rule.estimate(20, CONST), rule.estimate(20, OCC)) == (10, 5, None)
    assert Evaluation(DAY, estimation_rule=RULE).rule is rule


def test_only_unmeasured_strength_cells_with_an_occasional_value_are_estimated() -> None:
    profile = PhysicalProfile({(LIFT, OCC): 20, (LIFT, CONST): 4, (Activity.PUSH_INITIAL, OCC): 300},
                              {Activity.SIT: PostureTolerance(30, 240)})
    evaluation = Evaluation(DAY, profile=profile, estimation_rule=RULE)
    assert evaluation.estimated(LIFT, FREQ) == 10
    assert evaluation.estimated(LIFT, CONST) is None  # measured: no estimate
    assert evaluation.estimated(LIFT, OCC) is None
    assert evaluation.estimated(Activity.PUSH_INITIAL, CONST) == 75
    assert evaluation.estimated(Activity.CARRY, FREQ) is None  # no occasional value to start from
    assert evaluation.estimated(Activity.SIT, FREQ) is None
    assert Evaluation(DAY, profile=profile).estimated(LIFT, FREQ) is None  # no rule chosen


def test_latest_date_governs_whatever_the_order() -> None:
    early, middle, late = (Evaluation(date(2026, m, 1), protocol=str(m)) for m in (3, 6, 9))
    assert latest(()) is None
    assert latest((late, early, middle)) is late
    assert latest((early, late, middle)) is late
    assert latest((middle,)) is middle


def test_on_the_same_date_the_last_recorded_governs() -> None:
    first, second = Evaluation(DAY, protocol="first"), Evaluation(DAY, protocol="second")
    earlier = Evaluation(date(2026, 1, 1), protocol="earlier")
    assert latest((first, second)) is second
    assert latest((second, first)) is first
    assert latest((first, second, earlier)) is second


@given(st.lists(st.dates(date(1900, 1, 1), date(2200, 12, 31)), min_size=1, max_size=6))
def test_latest_is_a_maximum_date_and_the_last_of_those(days: list[date]) -> None:
    evaluations = tuple(Evaluation(day, protocol=str(i)) for i, day in enumerate(days))
    chosen = latest(evaluations)
    assert chosen is not None
    assert chosen.assessed_on == max(days)
    assert int(chosen.protocol) == max(i for i, day in enumerate(days) if day == max(days))
