"""Strength levels on the DOT, ORS, NS WCB and ND WSI tables: TV5, exact limits, Light rules, 'between',
incomplete tables and monotonicity."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rtw_planner.assets import bundled_resources_dir
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.strength import (
    Certainty,
    Classification,
    StrengthLevel,
    StrengthTable,
    StrengthTableError,
    available_tables,
    classify_capacity,
    classify_job,
    load_table,
    meets,
)
from rtw_planner.domain.demands.units import lb_to_kg

SEDENTARY, LIGHT, MEDIUM, HEAVY, VERY_HEAVY = StrengthLevel
BUILT_IN = ("dot", "nd-wsi", "ns-wcb", "ors")
INCOMPLETE = {"ors": "BLS ORS", "ns-wcb": "Nova Scotia WCB", "nd-wsi": "North Dakota WSI"}


@cache
def table(table_id: str) -> StrengthTable:
    return load_table(table_id)


def kg(lb: float | None) -> float | None:
    return None if lb is None else lb_to_kg(lb)


def job(occ: float | None = None, freq: float | None = None, const: float | None = None, table_id: str = "dot",
        **flags: bool) -> Classification:
    """A job graded from loads in lb."""
    return classify_job(kg(occ), kg(freq), kg(const), table(table_id), **flags)


def capacity(occ: float | None = None, freq: float | None = None, const: float | None = None,
             table_id: str = "dot") -> Classification:
    """A capacity graded from loads in lb."""
    return classify_capacity(kg(occ), kg(freq), kg(const), table(table_id))


# TV5 (DOT Appendix C / SSA)

def test_tv5a_35_lb_occasional_and_15_lb_frequent_is_medium() -> None:
    result = job(35, 15)
    assert (result.level, result.between, result.certainty, result.label) == (MEDIUM, None, Certainty.EXACT, "Medium")
    assert (result.table_id, result.table_name, result.complete, result.notes) == ("dot", "DOT Appendix C", True, ())


def test_tv5b_negligible_weight_with_standing_most_of_the_day_is_light() -> None:
    assert job(0, 0, 0).level is SEDENTARY
    result = job(0, 0, 0, standing_walking_most_of_day=True)
    assert result.level is LIGHT
    assert any("standing or walking" in note for note in result.notes)


def test_tv5c_110_lb_occasional_is_very_heavy() -> None:
    result = job(110)
    assert (result.level, result.label, result.certainty) == (VERY_HEAVY, "Very Heavy", Certainty.EXACT)


def test_tv5d_capacity_25_occasional_10_frequent_is_between_light_and_medium_and_misses_a_medium_job() -> None:
    result = capacity(25, 10)
    assert (result.level, result.between, result.label) == (LIGHT, MEDIUM, "between Light and Medium")
    assert not meets(result, job(35, 15))
    assert meets(result, job(20, 10))


def test_published_cli_check_in_kg_is_medium() -> None:
    result = classify_job(15.9, 6.8, 0, table("dot"))
    assert result.level is MEDIUM
    assert result.loads_lb[0] == pytest.approx(35.05, abs=0.01)
    assert result.loads_lb[1] == pytest.approx(14.99, abs=0.01)


# Exact limits (DOT upper limits are inclusive; anything above needs the next level)

@pytest.mark.parametrize(("occ", "freq", "const", "level"), [
    (10, None, None, SEDENTARY), (10.01, None, None, LIGHT),
    (20, None, None, LIGHT), (20.01, None, None, MEDIUM),
    (50, None, None, MEDIUM), (50.01, None, None, HEAVY),
    (100, None, None, HEAVY), (100.01, None, None, VERY_HEAVY),
    (None, 0.01, None, LIGHT), (None, 10, None, LIGHT), (None, 10.01, None, MEDIUM),
    (None, 25, None, MEDIUM), (None, 25.01, None, HEAVY), (None, 50, None, HEAVY), (None, 50.01, None, VERY_HEAVY),
    (None, None, 0.01, MEDIUM), (None, None, 5, MEDIUM), (None, None, 10, MEDIUM), (None, None, 10.01, HEAVY),
    (None, None, 20, HEAVY), (None, None, 20.01, VERY_HEAVY),
])
def test_dot_boundaries(occ: float | None, freq: float | None, const: float | None, level: StrengthLevel) -> None:
    result = job(occ, freq, const)
    assert result.level is level
    assert result.notes == ()


def test_highest_cell_wins() -> None:
    assert job(5, None, 12).level is HEAVY
    assert job(60, 1, 0).level is HEAVY


def test_a_limit_typed_in_lb_or_kg_stays_on_the_limit() -> None:
    assert classify_job(9.0718474, None, None, table("dot")).level is LIGHT  # exactly 20 lb
    assert classify_job(9.0718474 + 1e-4, None, None, table("dot")).level is MEDIUM
    on_limit = job(75, table_id="nd-wsi")  # 75 lb -> kg -> lb is 75.00000000000001 without rounding
    assert (on_limit.level, on_limit.certainty) == (HEAVY, Certainty.EXACT)
    assert job(75.01, table_id="nd-wsi").certainty is Certainty.ABOVE


@pytest.mark.parametrize("bad", [-0.1, float("nan"), float("inf"), 501, "5", True])
def test_loads_are_validated(bad: object) -> None:
    with pytest.raises(ValidationError, match="occasional load"):
        classify_job(bad, None, None, table("dot"))  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="occasional load"):
        classify_capacity(bad, None, None, table("dot"))  # type: ignore[arg-type]


# Light rules

@pytest.mark.parametrize("flag", ["standing_walking_most_of_day", "arm_leg_controls", "production_pace"])
def test_dot_light_rules(flag: str) -> None:
    assert job(0, 0, 0, **{flag: True}).level is LIGHT
    assert job(2, **{flag: True}).level is LIGHT
    assert job(35, **{flag: True}).level is MEDIUM  # a rule never lowers a level


def test_ors_keeps_only_the_standing_rule() -> None:
    assert job(0, table_id="ors", standing_walking_most_of_day=True).level is LIGHT
    for flag in ("arm_leg_controls", "production_pace"):
        result = job(0, table_id="ors", **{flag: True})
        assert result.level is SEDENTARY
        assert any("does not use" in note for note in result.notes)


# ORS vs DOT

@pytest.mark.parametrize(("occ", "freq", "const", "dot", "ors"), [
    (22, None, None, MEDIUM, LIGHT),
    (25, None, None, MEDIUM, LIGHT), (25.01, None, None, MEDIUM, MEDIUM),
    (None, None, 25, VERY_HEAVY, HEAVY),
    (75, 30, 15, HEAVY, HEAVY),
    (10, None, None, SEDENTARY, SEDENTARY),
])
def test_ors_differs_from_dot(occ: float | None, freq: float | None, const: float | None, dot: StrengthLevel,
                              ors: StrengthLevel) -> None:
    assert job(occ, freq, const).level is dot
    assert job(occ, freq, const, table_id="ors").level is ors


def test_ors_cannot_grade_above_heavy() -> None:
    result = job(110, table_id="ors")
    assert (result.level, result.certainty, result.label) == (HEAVY, Certainty.ABOVE, "above Heavy")
    assert not meets(capacity(200, 100, 50, "ors"), result)
    strong = capacity(120, 60, 30, "ors")
    assert (strong.level, strong.between) == (HEAVY, VERY_HEAVY)
    assert any("Very Heavy limits" in note for note in strong.notes)


# Incomplete tables

@pytest.mark.parametrize("table_id", sorted(INCOMPLETE))
@pytest.mark.parametrize("grade", ["job", "capacity"])
@pytest.mark.parametrize("loads", [(0, 0, 0), (35, 15, 5), (None, None, None), (120, 60, 30)])
def test_each_incomplete_table_says_so_whenever_used(table_id: str, grade: str,
                                                     loads: tuple[float | None, ...]) -> None:
    result = job(*loads, table_id=table_id) if grade == "job" else capacity(*loads, table_id=table_id)
    assert result.complete is False
    assert result.notes[0].startswith(f"Table '{INCOMPLETE[table_id]}' is incomplete")


def test_the_complete_table_adds_no_incompleteness_note() -> None:
    assert not any("incomplete" in note for note in job(35, 15).notes + capacity(25, 10).notes)


def test_ors_note_names_the_missing_very_heavy_row() -> None:
    assert "Very Heavy row" in job(5, table_id="ors").notes[0]
    assert "above Heavy cannot be given" in job(5, table_id="ors").notes[0]


def test_missing_cells_are_graded_on_given_limits_and_say_so() -> None:
    nd = job(35, table_id="nd-wsi")
    assert (nd.level, nd.certainty) == (HEAVY, Certainty.EXACT)
    assert any("may be lower" in note for note in nd.notes)
    assert job(80, table_id="nd-wsi").label == "above Heavy"
    ns = job(None, 15, table_id="ns-wcb")
    assert ns.level is MEDIUM
    assert any("may be lower" in note for note in ns.notes)
    assert job(None, 20.5, table_id="ns-wcb").label == "above Medium"
    unknown = job(35, table_id="ns-wcb")
    assert (unknown.certainty, unknown.label) == (Certainty.NOT_GRADED, "not graded")
    assert any("gives no occasional limits" in note for note in unknown.notes)


@pytest.mark.parametrize("table_id", ["ns-wcb", "nd-wsi"])
def test_sparse_tables_cannot_confirm_a_capacity(table_id: str) -> None:
    result = capacity(120, 60, 30, table_id)
    assert (result.certainty, result.label) == (Certainty.NOT_GRADED, "not graded")
    assert not meets(result, job(0, table_id=table_id))


# Capacity

@pytest.mark.parametrize(("loads", "level", "between"), [
    ((20, 10, 0), LIGHT, None),
    ((20, 10, 5), LIGHT, MEDIUM),
    ((50, 25, 10), MEDIUM, None),
    ((60, 25, 10), MEDIUM, HEAVY),
    ((100, 50, 20), HEAVY, None),
    ((100.01, 50.01, 20.01), VERY_HEAVY, None),
    ((150, 50, 20), HEAVY, VERY_HEAVY),
    ((10, 0, 0), SEDENTARY, None),
    ((15, 0, 0), SEDENTARY, LIGHT),
])
def test_capacity_levels(loads: tuple[float, float, float], level: StrengthLevel,
                         between: StrengthLevel | None) -> None:
    result = capacity(*loads)
    assert (result.level, result.between, result.certainty) == (level, between, Certainty.EXACT)


def test_capacity_below_sedentary() -> None:
    result = capacity(8, 0, 0)
    assert (result.level, result.certainty, result.label) == (SEDENTARY, Certainty.BELOW, "below Sedentary")
    assert any("needs 10 lb" in note for note in result.notes)
    assert not meets(result, job(5))


def test_capacity_not_given_counts_as_zero_and_is_never_estimated() -> None:
    result = capacity(25)
    assert (result.level, result.between) == (SEDENTARY, LIGHT)
    assert sum("never estimated" in note for note in result.notes) == 2


def test_meets_compares_levels_on_one_table() -> None:
    assert meets(capacity(50, 25, 10), job(35, 15))
    assert meets(capacity(50, 25, 10), job(50, 25, 10))
    assert not meets(capacity(50, 25, 10), job(50.01))
    with pytest.raises(ValueError, match="use one table"):
        meets(capacity(50, 25, 10, "ors"), job(35))
    with pytest.raises(ValueError, match="in that order"):
        meets(job(35), capacity(50, 25, 10))


# Levels, tables and data files

def test_levels_are_ordered_by_strength_not_alphabet() -> None:
    assert sorted([VERY_HEAVY, LIGHT, HEAVY, SEDENTARY, MEDIUM]) == [SEDENTARY, LIGHT, MEDIUM, HEAVY, VERY_HEAVY]
    assert HEAVY > LIGHT
    assert LIGHT < HEAVY
    assert HEAVY >= HEAVY
    assert not HEAVY <= MEDIUM
    assert max(HEAVY, LIGHT) is HEAVY
    assert [level.value for level in StrengthLevel] == ["sedentary", "light", "medium", "heavy", "very heavy"]
    assert VERY_HEAVY.label == "Very Heavy"


def test_unknown_table_lists_the_known_ids() -> None:
    with pytest.raises(ValidationError, match="dot, nd-wsi, ns-wcb, ors"):
        load_table("osha")


@pytest.mark.parametrize("table_id", BUILT_IN)
def test_every_data_file_loads_with_source_and_missing(table_id: str) -> None:
    raw = json.loads((bundled_resources_dir() / "strength" / f"{table_id}.json").read_text(encoding="utf-8"))
    assert {"id", "name", "version", "unit", "source", "complete", "missing"} <= set(raw)
    assert raw["unit"] == "lb"
    assert raw["id"] == table_id
    assert raw["source"]
    assert all("http" in source["url"] for source in raw["source"])
    loaded = load_table(table_id)
    assert loaded.sources
    assert loaded.version >= 1
    assert loaded.complete is (table_id == "dot") is (not raw["missing"])
    assert len(loaded.limits) == len(StrengthLevel)


def test_dot_values_match_the_reference() -> None:
    inf = float("inf")
    assert load_table("dot").limits == ((10, 0, 0), (20, 10, 0), (50, 25, 10), (100, 50, 20), (inf, inf, inf))
    assert load_table("ors").limits[:4] == ((10, 0, 0), (25, 10, 0), (50, 25, 10), (100, 50, 25))
    assert load_table("ors").limits[4] == (None, None, None)
    assert load_table("ns-wcb").limits[2][1] == 20
    assert load_table("nd-wsi").limits[3][0] == 75


def test_available_tables_include_the_built_ins() -> None:
    assert set(BUILT_IN) <= set(available_tables())


def clinic_copy(data_dir: Path, table_id: str, **changes: object) -> None:
    raw = json.loads((bundled_resources_dir() / "strength" / "dot.json").read_text(encoding="utf-8"))
    raw.update(id=table_id, **changes)
    (data_dir / "strength").mkdir(exist_ok=True)
    (data_dir / "strength" / f"{table_id}.json").write_text(json.dumps(raw), encoding="utf-8")


def test_a_clinic_adds_a_table_by_dropping_a_file(data_dir: Path) -> None:
    clinic_copy(data_dir, "clinic", name="Clinic DOT")
    assert "clinic" in available_tables()
    result = classify_job(lb_to_kg(35), None, None, load_table("clinic"))
    assert (result.level, result.table_name) == (MEDIUM, "Clinic DOT")


def test_a_clinic_copy_overrides_the_bundled_table(data_dir: Path) -> None:
    clinic_copy(data_dir, "dot", name="DOT (clinic edition)", version=2)
    loaded = load_table("dot")
    assert (loaded.name, loaded.version) == ("DOT (clinic edition)", 2)


@pytest.mark.parametrize(("changes", "problem"), [
    ({"unit": "kg"}, "unit"),
    ({"source": []}, "source"),
    ({"complete": False}, "complete"),
    ({"levels": []}, "levels"),
    ({"version": "1"}, "version"),
    ({"light_rules": ["lunch_break"]}, "light_rules"),
])
def test_malformed_clinic_tables_are_refused(data_dir: Path, changes: dict[str, object], problem: str) -> None:
    clinic_copy(data_dir, "broken", **changes)
    with pytest.raises(StrengthTableError, match=problem):
        load_table("broken")


def test_falling_limits_and_bad_cells_are_refused(data_dir: Path) -> None:
    levels = json.loads((bundled_resources_dir() / "strength" / "dot.json").read_text(encoding="utf-8"))["levels"]
    levels[1] = {**levels[1], "occasional": 5}
    clinic_copy(data_dir, "falling", levels=levels)
    with pytest.raises(StrengthTableError, match="must not fall"):
        load_table("falling")
    levels[1] = {**levels[1], "occasional": "lots"}
    clinic_copy(data_dir, "text", levels=levels)
    with pytest.raises(StrengthTableError, match="'lots'"):
        load_table("text")


# Monotonicity

LOAD = st.floats(min_value=0, max_value=220, allow_nan=False)


def position(result: Classification) -> int:
    """A capacity's place on the scale: below < Sedentary < between Sedentary and Light < Light < ..."""
    if result.certainty is Certainty.BELOW:
        return -1
    return 2 * result.level.rank + (result.between is not None)


@given(st.sampled_from(BUILT_IN), st.tuples(LOAD, LOAD, LOAD), st.integers(0, 2), LOAD,
       st.booleans(), st.booleans(), st.booleans())
def test_a_jobs_level_never_falls_when_a_load_rises(table_id: str, loads: tuple[float, float, float], which: int,
                                                    rise: float, standing: bool, controls: bool, pace: bool) -> None:
    raised = list(loads)
    raised[which] += rise
    flags = {"standing_walking_most_of_day": standing, "arm_leg_controls": controls, "production_pace": pace}
    before = classify_job(*(lb_to_kg(x) for x in loads), table(table_id), **flags)
    after = classify_job(*(lb_to_kg(x) for x in raised), table(table_id), **flags)
    assert after.level >= before.level


@given(st.sampled_from(BUILT_IN), st.tuples(LOAD, LOAD, LOAD), st.integers(0, 2), LOAD)
def test_a_capacitys_level_never_falls_when_a_load_rises(table_id: str, loads: tuple[float, float, float],
                                                         which: int, rise: float) -> None:
    raised = list(loads)
    raised[which] += rise
    before = classify_capacity(*(lb_to_kg(x) for x in loads), table(table_id))
    after = classify_capacity(*(lb_to_kg(x) for x in raised), table(table_id))
    assert after.level >= before.level
    assert position(after) >= position(before)


@given(st.tuples(LOAD, LOAD, LOAD))
def test_a_dot_capacity_meets_the_job_made_of_the_same_loads_unless_between(loads: tuple[float, float, float]) -> None:
    in_kg = [lb_to_kg(x) for x in loads]
    cap, demand = classify_capacity(*in_kg, table("dot")), classify_job(*in_kg, table("dot"))
    assert cap.level <= demand.level
    assert meets(cap, demand) is (cap.level == demand.level and cap.certainty is Certainty.EXACT)


def test_a_table_that_cannot_grade_says_cannot_be_compared_not_no() -> None:
    """ND WSI gives no grade for this capacity: 'cannot be compared' (None), never 'does not meet' (False)."""
    assert meets(capacity(120, 60, 30, "nd-wsi"), job(0, table_id="nd-wsi")) is None
    assert meets(capacity(200, 100, 50, "ors"), job(110, table_id="ors")) is None  # a job above Heavy vs Heavy+
    assert meets(capacity(20, 10, 0, "ors"), job(110, table_id="ors")) is False  # Light is below Heavy anyway
    assert meets(capacity(8, 0, 0), job(5)) is False  # below Sedentary
    assert meets(capacity(50, 25, 10), job(35, 15)) is True
