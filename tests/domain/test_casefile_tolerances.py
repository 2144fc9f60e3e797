"""Tolerances in the case file: an optional key of each evaluation, checked against the schema."""

from __future__ import annotations

import json
from datetime import date

import pytest

from rtw_planner.domain.capacity.evaluation import Evaluation
from rtw_planner.domain.capacity.tolerances import Tolerance
from rtw_planner.domain.case.casefile import CaseFileError, dumps, parse, to_dict
from rtw_planner.domain.case.model import Case
from rtw_planner.domain.demands.ratings import RatedGroup, Rating

TOLERANCES = {(RatedGroup.PHYSICAL, "stooping"): Tolerance(Rating.OCCASIONAL, "observed in FCE"),
              (RatedGroup.ENVIRONMENT, "extreme_cold"): Tolerance(Rating.NOT_PRESENT, "clinician rating"),
              (RatedGroup.COGNITIVE, "memory"): Tolerance(None, "to test at review")}


def case() -> Case:
    return Case("A. Person", evaluations=(Evaluation(date(2026, 11, 20), tolerances=TOLERANCES),))


def test_tolerances_round_trip() -> None:
    data = to_dict(case())
    assert data["evaluations"][0]["tolerances"] == {
        "physical": {"stooping": {"tolerated": "O", "source": "observed in FCE"}},
        "environment": {"extreme_cold": {"tolerated": "N", "source": "clinician rating"}},
        "cognitive": {"memory": {"tolerated": None, "source": "to test at review"}},
    }
    assert parse(dumps(case())) == case()


def test_files_without_tolerances_still_read() -> None:
    data = to_dict(case())
    data["evaluations"][0].pop("tolerances")
    assert parse(json.dumps(data)).evaluations[0].tolerances == {}


@pytest.mark.parametrize(("group", "entry", "message"), [
    ("physical", {"stooping": {"tolerated": "X"}}, r"evaluations/0/tolerances/physical/stooping/tolerated: 'X'"),
    ("physical", {"juggling": {"tolerated": "O"}}, r"juggling"),
    ("social", {"stooping": {"tolerated": "O"}}, r"social"),
    ("cognitive", {"memory": {"tolerated": "O", "source": "x" * 201}}, r"source"),
])
def test_bad_tolerances_are_refused(group: str, entry: dict[str, object], message: str) -> None:
    data = to_dict(case())
    data["evaluations"][0]["tolerances"] = {group: entry}
    with pytest.raises(CaseFileError, match=message):
        parse(json.dumps(data))
