"""The DOT's Strength factor is rated by level (S, L, M, H, V), never by how often; older files with a frequency
there read as not rated."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from factories import case_text, planned_case

from rtw_planner.domain.case.casefile import parse
from rtw_planner.domain.case.records import ratings_from_dict, ratings_to_dict, strength_rating_from_dict
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.job import JobDemands
from rtw_planner.domain.demands.ratings import RatedGroup, Rating
from rtw_planner.domain.demands.strength import StrengthLevel


@pytest.mark.parametrize(("code", "level"), [("S", StrengthLevel.SEDENTARY), ("l", StrengthLevel.LIGHT),
                                             ("M", StrengthLevel.MEDIUM), ("H", StrengthLevel.HEAVY),
                                             (" v ", StrengthLevel.VERY_HEAVY)])
def test_each_dot_letter_names_its_level(code: str, level: StrengthLevel) -> None:
    assert StrengthLevel.from_code(code) is level
    assert level.code == code.strip().upper()


@pytest.mark.parametrize("code", ["C", "X", "", "Medium"])
def test_anything_else_is_refused_naming_the_levels(code: str) -> None:
    with pytest.raises(ValidationError, match="S, L, M, H or V"):
        StrengthLevel.from_code(code)


def test_strength_cannot_be_rated_by_frequency() -> None:
    """The issue's example: DOT Strength rated 'C Constant'."""
    with pytest.raises(ValidationError, match="DOT strength.*not how often"):
        JobDemands(ratings={(RatedGroup.PHYSICAL, "strength"): Rating.CONSTANT})


def test_a_level_is_written_among_the_physical_factors_and_read_back() -> None:
    ratings = {(RatedGroup.PHYSICAL, "stooping"): Rating.FREQUENT}
    written = ratings_to_dict(ratings, StrengthLevel.MEDIUM)
    assert written == {"physical": {"strength": "M", "stooping": "F"}}
    assert ratings_from_dict(written) == ratings
    assert strength_rating_from_dict(written) is StrengthLevel.MEDIUM


@pytest.mark.parametrize("legacy", ["N", "O", "F", "C"])
def test_a_frequency_from_an_older_file_reads_as_not_rated(legacy: str) -> None:
    assert strength_rating_from_dict({"physical": {"strength": legacy}}) is None
    assert ratings_from_dict({"physical": {"strength": legacy}}) == {}


def test_a_case_file_keeps_the_level() -> None:
    case = planned_case()
    rated = replace(case, demands=replace(case.demands, strength_rating=StrengthLevel.HEAVY))
    text = case_text(rated)
    assert json.loads(text)["demands"]["ratings"]["physical"]["strength"] == "H"
    assert parse(text).demands.strength_rating is StrengthLevel.HEAVY
