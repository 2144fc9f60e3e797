"""Rated demands: the N/S/O/F/C scale in order, the three groups' items and their file keys."""

from __future__ import annotations

import pytest

from rtw_planner.domain.demands.ratings import (
    COGNITIVE_DEMANDS,
    DOT_FACTORS,
    ENVIRONMENT_CONDITIONS,
    ITEMS,
    KEY_TO_NAME,
    RatedGroup,
    Rating,
    item_key,
)


def test_scale_codes_rank_and_words() -> None:
    assert [r.value for r in Rating] == ["N", "S", "O", "F", "C"]
    assert [r.rank for r in Rating] == [0, 1, 2, 3, 4]
    assert Rating("S").label == "Seldom"
    assert Rating.CONSTANT.label == "Constant"
    with pytest.raises(ValueError, match="'X' is not a valid Rating"):
        Rating("X")


def test_item_counts() -> None:
    assert (len(DOT_FACTORS), len(ENVIRONMENT_CONDITIONS), len(COGNITIVE_DEMANDS)) == (20, 14, 6)
    assert ITEMS[RatedGroup.PHYSICAL] == DOT_FACTORS
    assert {g.value for g in RatedGroup} == {"physical", "environment", "cognitive"}
    assert RatedGroup.ENVIRONMENT.label == "Environmental conditions (SCO)"


@pytest.mark.parametrize(("name", "key"), [
    ("Near Acuity", "near_acuity"), ("Tasting/Smelling", "tasting_smelling"), ("Strength", "strength"),
    ("Toxic/Caustic Chemicals", "toxic_caustic_chemicals"), ("Sustained concentration", "sustained_concentration"),
])
def test_item_keys(name: str, key: str) -> None:
    assert item_key(name) == key


def test_keys_are_unique_within_a_group_and_map_back_to_names() -> None:
    for group, names in ITEMS.items():
        assert len(KEY_TO_NAME[group]) == len(names)
        assert [KEY_TO_NAME[group][item_key(n)] for n in names] == list(names)
        assert all(k == k.lower() and " " not in k and "/" not in k for k in KEY_TO_NAME[group])
