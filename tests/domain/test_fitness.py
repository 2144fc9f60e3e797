"""The fitness outcome and the plan's new parts: personal flare-up plan and safety review, through plain data."""

from __future__ import annotations

from datetime import date

import pytest

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.plan.fitness import FitnessOutcome, FitnessStatement, fitness_from_dict, fitness_to_dict
from rtw_planner.domain.plan.model import (
    MAX_PERSONAL_LINES,
    PersonalFlarePlan,
    Plan,
    SafetyReview,
    plan_from_dict,
    plan_to_dict,
)

DAY = date(2027, 1, 4)


def test_outcomes_use_the_forms_words() -> None:
    assert [o.label for o in FitnessOutcome] == ["Not fit for work", "May be fit for work with the advice below",
                                                 "Fit for usual work"]


def test_a_period_must_not_end_before_it_starts() -> None:
    with pytest.raises(ValidationError) as caught:
        FitnessStatement(FitnessOutcome.NOT_FIT, DAY, date(2027, 1, 3))
    assert caught.value.field == "fitness to"


def test_fit_for_usual_work_has_no_end_date() -> None:
    with pytest.raises(ValidationError):
        FitnessStatement(FitnessOutcome.FIT, DAY, date(2027, 2, 1))


@pytest.mark.parametrize("statement", [FitnessStatement(FitnessOutcome.NOT_FIT, DAY, date(2027, 1, 31)),
                                       FitnessStatement(FitnessOutcome.MAY_BE_FIT),
                                       FitnessStatement(FitnessOutcome.FIT, DAY)])
def test_round_trip(statement: FitnessStatement) -> None:
    assert fitness_from_dict(fitness_to_dict(statement)) == statement


@pytest.mark.parametrize(("data", "field"), [({"outcome": "maybe"}, "fitness outcome"),
                                              ({"outcome": "fit", "from": "4 Jan"}, "fitness from"),
                                              ({"outcome": "fit", "until": None}, "fitness key"),
                                              ("fit", "fitness")])
def test_bad_data_names_the_field(data: object, field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        fitness_from_dict(data)
    assert caught.value.field == field


def test_the_plan_carries_fitness_flare_plan_and_safety_review() -> None:
    plan = Plan(fitness=FitnessStatement(FitnessOutcome.FIT, DAY),
                flare_plan=PersonalFlarePlan(("Long drives",), ("Stiff in the morning",), ("A warm shower",)),
                safety_review=SafetyReview(DAY, "No sedating medication"))
    assert not plan.is_empty()
    data = plan_to_dict(plan)
    assert data["fitness"] == {"outcome": "fit", "from": "2027-01-04", "to": None}
    assert data["flare_plan"]["what_helps"] == ["A warm shower"]
    assert data["safety_review"] == {"reviewed_on": "2027-01-04", "note": "No sedating medication"}
    assert plan_from_dict(data) == plan
    assert plan_from_dict({}) == Plan()  # files written before these parts existed still read


def test_personal_lines_are_trimmed_and_blank_ones_dropped() -> None:
    assert PersonalFlarePlan(("  Long drives  ", " ")).triggers == ("Long drives",)


def test_too_many_personal_lines_are_refused_without_quoting_them() -> None:
    with pytest.raises(ValidationError) as caught:
        PersonalFlarePlan(tuple(f"private line {n}" for n in range(MAX_PERSONAL_LINES + 1)))
    assert "private line" not in str(caught.value)


def test_an_unknown_flare_plan_key_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        plan_from_dict({"flare_plan": {"triggers": [], "feelings": []}})
    assert caught.value.value == "feelings"
