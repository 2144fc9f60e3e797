"""Grip strength: three-trial mean, the Mathiowetz (1985) table as published, percent of norm and z-score (TV5e)."""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from rtw_planner.domain.capacity.grip import (
    GripNorms,
    GripTrials,
    Hand,
    Sex,
    age_on,
    compare,
    load_grip_norms,
)
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.units import kg_to_lb, lb_to_kg

# The reference table (job-demands-and-capacity.md, "Grip strength"), typed in again here: mean lb by band,
# in the order men right, men left, women right, women left.
REFERENCE = {
    (20, 24): (121.0, 104.5, 70.4, 61.0),
    (25, 29): (120.8, 110.5, 74.5, 63.5),
    (30, 34): (121.8, 110.4, 78.7, 68.0),
    (35, 39): (119.7, 112.9, 74.1, 66.3),
    (40, 44): (116.8, 112.8, 70.4, 62.3),
    (45, 49): (109.9, 100.8, 62.2, 56.0),
    (50, 54): (113.6, 101.9, 65.8, 57.3),
    (55, 59): (101.1, 83.2, 57.3, 47.3),
    (60, 64): (89.7, 76.8, 55.1, 45.7),
    (65, 69): (91.1, 76.8, 49.6, 41.0),
    (70, 74): (75.3, 64.8, 49.6, 41.5),
    (75, None): (65.7, 55.0, 42.6, 37.6),
}
COLUMNS = ((Sex.MALE, Hand.RIGHT), (Sex.MALE, Hand.LEFT), (Sex.FEMALE, Hand.RIGHT), (Sex.FEMALE, Hand.LEFT))
CELLS = [(band, sex, hand, means[i]) for band, means in REFERENCE.items() for i, (sex, hand) in enumerate(COLUMNS)]
NORMS_FILE = Path(__file__).resolve().parents[2] / "resources" / "norms" / "grip-mathiowetz-1985.json"


@pytest.fixture(scope="module")
def norms() -> GripNorms:
    return load_grip_norms()


# TV5(e): woman aged 47, right hand 40 lb -> 64% of norm, z ~ -1.47.

def test_tv5e_woman_47_right_40_lb_is_64_percent_of_norm_with_z_minus_1_47(norms: GripNorms) -> None:
    result = compare(lb_to_kg(40.0), 47, Sex.FEMALE, Hand.RIGHT, norms)
    assert result.mean_lb == pytest.approx(40.0)
    assert result.mean_kg == pytest.approx(18.1437, abs=1e-4)
    assert result.norm_mean_lb == 62.2
    assert result.percent_of_norm == pytest.approx(64.3, abs=0.05)
    assert round(result.percent_of_norm or 0) == 64
    assert result.z_score == pytest.approx(-1.47, abs=0.01)
    assert result.age_band == "45\u201349"
    assert result.source == "Mathiowetz (1985)"
    assert result.summary == ("Right grip 18.1 kg (40.0 lb) is 64% of the norm for women aged 45\u201349 (62.2 lb); "
                              "z = \u22121.47.")


def test_a_man_aged_30_left_hand_gets_a_percentage_but_no_z_score(norms: GripNorms) -> None:
    result = compare(50.0, 30, Sex.MALE, Hand.LEFT, norms)
    assert result.norm_mean_lb == 110.4
    assert result.percent_of_norm == pytest.approx(100 * kg_to_lb(50.0) / 110.4)
    assert result.z_score is None
    assert "z =" not in result.summary
    assert "no z-score" in result.summary
    assert "of the norm for men aged 30\u201334 (110.4 lb)" in result.summary


def test_a_grip_equal_to_the_norm_is_100_percent_and_z_zero(norms: GripNorms) -> None:
    result = compare(lb_to_kg(62.2), 45, Sex.FEMALE, Hand.RIGHT, norms)
    assert result.percent_of_norm == pytest.approx(100.0)
    assert result.z_score == pytest.approx(0.0, abs=1e-9)
    assert result.summary.endswith("is 100% of the norm for women aged 45\u201349 (62.2 lb); z = 0.00.")


# The table: every band, both sexes, both hands, as in the reference.

@pytest.mark.parametrize(("band", "sex", "hand", "mean_lb"), CELLS)
def test_every_cell_of_the_reference_table_is_loaded(norms: GripNorms, band: tuple[int, int | None], sex: Sex,
                                                     hand: Hand, mean_lb: float) -> None:
    low, high = band
    for age in (low, high if high is not None else 120):
        norm = norms.norm_for(age, sex, hand)
        assert norm is not None
        assert (norm.age_min, norm.age_max, norm.sex, norm.hand) == (low, high, sex, hand)
        assert norm.mean_lb == mean_lb


def test_the_table_has_48_rows_and_only_women_45_49_right_has_an_sd(norms: GripNorms) -> None:
    assert len(norms.rows) == len(CELLS) == 48
    with_sd = [(r.age_band, r.sex, r.hand, r.sd_lb) for r in norms.rows if r.sd_lb is not None]
    assert with_sd == [("45\u201349", Sex.FEMALE, Hand.RIGHT, 15.1)]


def test_the_file_states_its_source_unit_and_protocol(norms: GripNorms) -> None:
    assert norms.id == "grip-mathiowetz-1985"
    assert norms.unit == "lb"
    assert "Mathiowetz (1985)" in norms.citation
    assert norms.source == "https://manualshive.com/en/manual/fei/baseline-12-0247/3843416?page=5"
    for phrase in ("seated", "shoulder adducted", "elbow at 90°", "forearm neutral", "mean of 3 trials per hand"):
        assert phrase in norms.protocol


def test_under_20_is_outside_the_norm_population(norms: GripNorms) -> None:
    assert norms.norm_for(19, Sex.FEMALE, Hand.RIGHT) is None
    assert norms.norm_for(0, Sex.MALE, Hand.LEFT) is None
    result = compare(20.0, 19, Sex.FEMALE, Hand.RIGHT, norms)
    assert (result.norm_mean_lb, result.percent_of_norm, result.z_score, result.age_band) == (None, None, None, None)
    assert result.mean_lb == pytest.approx(kg_to_lb(20.0))
    assert "%" not in result.summary
    assert "no Mathiowetz (1985) norm applies to women aged 19" in result.summary


def test_the_75_plus_band_is_open_ended(norms: GripNorms) -> None:
    rows = {age: norms.norm_for(age, Sex.MALE, Hand.RIGHT) for age in (74, 75, 90, 120)}
    assert rows[74] is not None
    assert rows[74].mean_lb == 75.3
    assert rows[75] is not None
    assert rows[75].age_max is None
    assert rows[75].age_band == "75+"
    assert rows[75] == rows[90] == rows[120]
    assert compare(20.0, 101, Sex.MALE, Hand.RIGHT, norms).age_band == "75+"


def test_band_edges_switch_rows(norms: GripNorms) -> None:
    at_24, at_25 = norms.norm_for(24, Sex.MALE, Hand.LEFT), norms.norm_for(25, Sex.MALE, Hand.LEFT)
    assert at_24 is not None
    assert at_25 is not None
    assert (at_24.mean_lb, at_25.mean_lb) == (104.5, 110.5)


# Clinic override of the norm file.

def test_a_clinic_copy_of_the_norm_file_wins(data_dir: Path) -> None:
    data = json.loads(NORMS_FILE.read_text(encoding="utf-8"))
    data["name"] = "Clinic norms"
    data["rows"] = [{"age_min": 18, "age_max": None, "sex": "female", "hand": "right", "mean": 50.0, "sd": 10.0}]
    (data_dir / "norms").mkdir()
    (data_dir / "norms" / "grip-mathiowetz-1985.json").write_text(json.dumps(data), encoding="utf-8")
    result = compare(lb_to_kg(40.0), 19, Sex.FEMALE, Hand.RIGHT, load_grip_norms())
    assert result.source == "Clinic norms"
    assert result.percent_of_norm == pytest.approx(80.0)
    assert result.z_score == pytest.approx(-1.0)


@pytest.mark.parametrize(("change", "field"), [
    ({"unit": "kg"}, "grip norms unit"),
    ({"rows": [{"age_min": 20, "age_max": 29, "sex": "female", "hand": "right", "mean": 70.0, "sd": None},
               {"age_min": 25, "age_max": None, "sex": "female", "hand": "right", "mean": 60.0, "sd": None}]},
     "grip norms row 2 age band"),
    ({"rows": [{"age_min": 20, "age_max": 29, "sex": "woman", "hand": "right", "mean": 70.0, "sd": None}]},
     "grip norms row 1 sex"),
    ({"rows": [{"age_min": 20, "age_max": 29, "sex": "female", "hand": "right", "mean": -3, "sd": None}]},
     "grip norms row 1 mean"),
    ({"rows": [{"age_min": 30, "age_max": 29, "sex": "female", "hand": "right", "mean": 70.0, "sd": None}]},
     "grip norms row 1 age_max"),
])
def test_a_broken_clinic_norm_file_is_rejected_naming_the_field(data_dir: Path, change: dict[str, object],
                                                                field: str) -> None:
    data = json.loads(NORMS_FILE.read_text(encoding="utf-8")) | change
    (data_dir / "norms").mkdir()
    (data_dir / "norms" / "grip-mathiowetz-1985.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        load_grip_norms()
    assert caught.value.field == field


# Trials.

def test_the_recorded_result_is_the_mean_of_three_trials() -> None:
    trials = GripTrials(Hand.LEFT, (20.0, 22.0, 27.0))
    assert trials.mean_kg == pytest.approx(23.0)
    assert trials.hand is Hand.LEFT
    assert GripTrials(Hand.RIGHT, (0, 0, 0)).mean_kg == 0.0
    assert GripTrials(Hand.RIGHT, (100, 100, 100)).mean_kg == 100.0


@pytest.mark.parametrize("trials", [(20.0, 22.0), (20.0, 22.0, 27.0, 25.0), (), "abc"])
def test_anything_but_three_trials_is_rejected(trials: tuple[float, ...]) -> None:
    with pytest.raises(ValidationError) as caught:
        GripTrials(Hand.RIGHT, trials)  # type: ignore[arg-type]
    assert caught.value.field == "right grip trials"
    assert "exactly 3 trials" in str(caught.value)


@pytest.mark.parametrize("bad", [-0.5, 100.5, math.nan, math.inf, True, "20"])
def test_a_trial_outside_0_to_100_kg_is_rejected_naming_the_trial(bad: object) -> None:
    with pytest.raises(ValidationError) as caught:
        GripTrials(Hand.LEFT, (20.0, bad, 25.0))  # type: ignore[arg-type]
    assert caught.value.field == "left grip trial 2"
    assert caught.value.value is bad or caught.value.value != caught.value.value  # nan is not equal to itself
    assert "from 0 to 100 kg" in str(caught.value)


def test_an_unknown_hand_is_rejected() -> None:
    with pytest.raises(ValidationError) as caught:
        GripTrials("middle", (20.0, 22.0, 27.0))  # type: ignore[arg-type]
    assert caught.value.field == "grip hand"
    assert "right, left" in str(caught.value)


# Age.

@pytest.mark.parametrize("age", [150, 121, -1, 47.5, True, "47", None])
def test_an_age_that_is_not_a_whole_number_from_0_to_120_is_rejected(norms: GripNorms, age: object) -> None:
    for call in (lambda: norms.norm_for(age, Sex.FEMALE, Hand.RIGHT),  # type: ignore[arg-type]
                 lambda: compare(20.0, age, Sex.FEMALE, Hand.RIGHT, norms)):  # type: ignore[arg-type]
        with pytest.raises(ValidationError) as caught:
            call()
        assert caught.value.field == "age"
        assert caught.value.value == age
        assert "whole number from 0 to 120 years" in str(caught.value)


def test_age_150_message_names_field_value_and_range(norms: GripNorms) -> None:
    message = r"^age: 150 is not allowed; expected a whole number from 0 to 120 years$"
    with pytest.raises(ValidationError, match=message):
        norms.norm_for(150, Sex.MALE, Hand.RIGHT)


@pytest.mark.parametrize("mean", [-1.0, 100.1, math.nan])
def test_compare_rejects_a_mean_outside_0_to_100_kg(norms: GripNorms, mean: float) -> None:
    with pytest.raises(ValidationError) as caught:
        compare(mean, 40, Sex.MALE, Hand.RIGHT, norms)
    assert caught.value.field == "grip mean"


def test_compare_rejects_an_unknown_sex(norms: GripNorms) -> None:
    with pytest.raises(ValidationError) as caught:
        compare(20.0, 40, "x", Hand.RIGHT, norms)  # type: ignore[arg-type]
    assert caught.value.field == "sex"


@pytest.mark.parametrize(("born", "on", "age"), [
    (date(1978, 6, 15), date(2025, 6, 14), 46),
    (date(1978, 6, 15), date(2025, 6, 15), 47),
    (date(1978, 6, 15), date(2025, 12, 31), 47),
    (date(2000, 2, 29), date(2021, 2, 28), 20),
    (date(2000, 2, 29), date(2021, 3, 1), 21),
    (date(2025, 1, 1), date(2025, 1, 1), 0),
])
def test_age_on_counts_whole_years(born: date, on: date, age: int) -> None:
    assert age_on(born, on) == age


def test_age_on_rejects_a_date_before_birth() -> None:
    with pytest.raises(ValidationError) as caught:
        age_on(date(2000, 5, 1), date(1999, 5, 1))
    assert caught.value.field == "assessment date"
    assert "2000-05-01" in str(caught.value)


# Properties.

@given(st.integers(min_value=20, max_value=120), st.sampled_from(Sex), st.sampled_from(Hand),
       st.floats(min_value=0, max_value=100), st.floats(min_value=0, max_value=100))
def test_percent_of_norm_rises_strictly_with_the_measured_mean(age: int, sex: Sex, hand: Hand, a: float,
                                                               b: float) -> None:
    assume(b - a > 1e-9)
    norms = load_grip_norms()
    low, high = compare(a, age, sex, hand, norms), compare(b, age, sex, hand, norms)
    assert low.percent_of_norm is not None
    assert high.percent_of_norm is not None
    assert low.percent_of_norm < high.percent_of_norm
    if low.z_score is not None and high.z_score is not None:
        assert low.z_score < high.z_score


@given(st.lists(st.floats(min_value=0, max_value=100), min_size=3, max_size=3))
def test_the_mean_lies_between_the_lowest_and_highest_trial(trials: list[float]) -> None:
    mean = GripTrials(Hand.RIGHT, (trials[0], trials[1], trials[2])).mean_kg
    assert min(trials) <= mean <= max(trials)
