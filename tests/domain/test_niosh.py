"""The Revised NIOSH Lifting Equation reproduces the reference's test vectors, tables, limits and properties."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.niosh import (
    CompositePart,
    Coupling,
    Duration,
    LiftingTask,
    Units,
    composite_from_parts,
    composite_lifting_index,
    coupling_multiplier,
    evaluate,
    frequency_multiplier,
)

# Table 5 as printed in the reference (section 4), typed again here so the module's data is checked against it.
TABLE_5 = """
0.2 | 1.00 / 1.00 | .95 / .95 | .85 / .85
0.5 | .97 / .97 | .92 / .92 | .81 / .81
1 | .94 / .94 | .88 / .88 | .75 / .75
2 | .91 / .91 | .84 / .84 | .65 / .65
3 | .88 / .88 | .79 / .79 | .55 / .55
4 | .84 / .84 | .72 / .72 | .45 / .45
5 | .80 / .80 | .60 / .60 | .35 / .35
6 | .75 / .75 | .50 / .50 | .27 / .27
7 | .70 / .70 | .42 / .42 | .22 / .22
8 | .60 / .60 | .35 / .35 | .18 / .18
9 | .52 / .52 | .30 / .30 | .00 / .15
10 | .45 / .45 | .26 / .26 | .00 / .13
11 | .41 / .41 | .00 / .23 | .00 / .00
12 | .37 / .37 | .00 / .21 | .00 / .00
13 | .00 / .34 | .00 / .00 | .00 / .00
14 | .00 / .31 | .00 / .00 | .00 / .00
15 | .00 / .28 | .00 / .00 | .00 / .00
"""
TABLE_5_CELLS = [
    (float(row[0]), duration, v_cm, float(cell))
    for row in (line.split(" | ") for line in TABLE_5.strip().splitlines())
    for duration, pair in zip(Duration, row[1:], strict=True)
    for v_cm, cell in zip((50.0, 80.0), pair.split(" / "), strict=True)
]


def example_4(**changes: Any) -> LiftingTask:
    """NIOSH Example 4 (package inspection), US units, with the destination under control."""
    values: dict[str, Any] = {"load_lb": 20, "h_in": 10, "v_in": 22, "d_in": 37, "a_deg": 0, "frequency_per_min": 3,
                              "duration": "short", "coupling": "fair", "h_dest_in": 20, "v_dest_in": 59,
                              "control_at_destination": True}
    return LiftingTask.us(**(values | changes))


def tv3(**changes: Any) -> LiftingTask:
    values: dict[str, Any] = {"load_kg": 8, "h_cm": 40, "v_cm": 30, "d_cm": 50, "a_deg": 30, "frequency_per_min": 3,
                              "duration": Duration.MODERATE, "coupling": Coupling.FAIR, "h_dest_cm": 40,
                              "v_dest_cm": 80, "control_at_destination": True}
    return LiftingTask.metric(**(values | changes))


def ideal(units: Units = Units.METRIC, **changes: Any) -> LiftingTask:
    """Every multiplier 1: H at its minimum, V at the knuckle height, D at its minimum, A 0, F 0.2 short, good."""
    build: Callable[..., LiftingTask]
    if units is Units.US:
        values: dict[str, Any] = {"load_lb": 10, "h_in": 10, "v_in": 30, "d_in": 10}
        build = LiftingTask.us
    else:
        values = {"load_kg": 10, "h_cm": 25, "v_cm": 75, "d_cm": 25}
        build = LiftingTask.metric
    values |= {"a_deg": 0, "frequency_per_min": 0.2, "duration": "short", "coupling": "good"}
    return build(**(values | changes))


# --- Published and derived test vectors -------------------------------------------------------------------

def test_tv1_example_4_origin_full_precision() -> None:
    origin = evaluate(example_4()).origin
    assert origin.rwl == pytest.approx(34.81, abs=0.05)
    assert (origin.hm, origin.vm, origin.am, origin.fm, origin.cm) == pytest.approx((1.0, 0.94, 1.0, 0.88, 0.95))
    assert origin.dm == pytest.approx(0.82 + 1.8 / 37)
    assert origin.rwl_lb == origin.rwl


def test_tv1_rounded_multipliers_give_the_published_34_9_lb() -> None:
    o = evaluate(example_4()).origin
    rounded = 51 * math.prod(round(m, 2) for m in (o.hm, o.vm, o.dm, o.am, o.fm, o.cm))
    assert round(rounded, 1) == 34.9


def test_tv1b_example_4_destination() -> None:
    result = evaluate(example_4())
    dest = result.destination
    assert dest is not None
    assert dest.hm == 0.5  # H 20 in, as the published HM .50 requires
    assert dest.vm == pytest.approx(0.7825)
    assert dest.cm == 1.0  # fair coupling with V ≥ 30 in
    assert dest.fm == 0.88
    assert 15.2 <= dest.rwl <= 15.3
    assert dest.rwl == pytest.approx(15.25, abs=0.01)
    rounded = 51 * math.prod(round(m, 2) for m in (dest.hm, dest.vm, dest.dm, dest.am, dest.fm, dest.cm))
    assert round(rounded, 1) == 15.2  # the published figure, from multipliers rounded to 2 dp
    assert result.governing is dest


def test_tv3_metric_origin_governs() -> None:
    result = evaluate(tv3())
    assert result.origin.rwl == pytest.approx(7.68, abs=0.005)
    assert result.origin.li == pytest.approx(1.04, abs=0.005)
    assert result.origin.fm == 0.79
    assert result.origin.cm == 0.95
    assert result.destination is not None
    assert result.destination.rwl == pytest.approx(9.20, abs=0.005)
    assert result.destination.cm == 1.0
    assert result.governing is result.origin
    assert result.origin.rwl_kg == result.origin.rwl


def test_tv4_composite_lifting_index_from_firwl() -> None:
    parts = [CompositePart(20, 2, 15, 15, low_origin=False, name="A"),
             CompositePart(30, 3, 12, 12, low_origin=False, name="B")]
    result = composite_from_parts(parts, Duration.LONG)
    a, b = result.tasks
    assert (a.strwl, b.strwl) == pytest.approx((13.0, 16.5))
    assert (a.stli, a.fili) == pytest.approx((1.154, 0.75), abs=0.0005)
    assert (b.stli, b.fili) == pytest.approx((0.727, 0.40), abs=0.0005)
    assert result.order == (0, 1)
    assert [step.fm for step in result.steps] == [0.65, 0.35]  # FM at 2/min, then at the summed 5/min
    assert result.cli == pytest.approx(1.154 + 0.40 * (1 / 0.35 - 1 / 0.65), abs=0.001)
    assert result.cli == pytest.approx(1.68, abs=0.005)
    assert result.outside_equation is None


def test_tv4_composite_lifting_index_from_tasks() -> None:
    common: dict[str, Any] = {"v_in": 30, "d_in": 10, "duration": "long", "coupling": "good"}
    task_a = LiftingTask.us(load_lb=15, h_in=20, a_deg=67.5, frequency_per_min=2, name="A", **common)  # FIRWL 20
    task_b = LiftingTask.us(load_lb=12, h_in=17, a_deg=0, frequency_per_min=3, name="B", **common)  # FIRWL 30
    result = composite_lifting_index([task_b, task_a])
    assert [t.firwl for t in result.tasks] == pytest.approx([30, 20], abs=0.01)
    assert result.order == (1, 0)
    assert result.cli == pytest.approx(1.68, abs=0.005)


@pytest.mark.parametrize(("v", "units"), [(50.0, Units.METRIC), (20.0, Units.US)])
def test_tv4_fm_interpolated_at_2_4_per_minute(v: float, units: Units) -> None:
    assert frequency_multiplier(2.4, Duration.LONG, v, units) == pytest.approx(0.61)


# --- Tables -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("f", "duration", "v_cm", "expected"), TABLE_5_CELLS)
def test_fm_table_exact_at_every_row(f: float, duration: Duration, v_cm: float, expected: float) -> None:
    assert frequency_multiplier(f, duration, v_cm, Units.METRIC) == expected
    assert frequency_multiplier(f, duration, v_cm / 2.5, Units.US) == expected


@pytest.mark.parametrize(("f", "duration", "v_cm", "expected"), [
    (0.1, Duration.SHORT, 50, 1.00), (0.0, Duration.LONG, 80, 0.85),  # below 0.2/min counts as 0.2
    (0.35, Duration.SHORT, 50, 0.985), (3.5, Duration.MODERATE, 50, 0.755),
    (8.5, Duration.LONG, 50, 0.09), (10.5, Duration.MODERATE, 50, 0.13),  # toward a .00 row, on the line
    (9.5, Duration.LONG, 80, 0.14), (15.01, Duration.SHORT, 80, 0.0), (40, Duration.SHORT, 80, 0.0),
])
def test_fm_between_rows_and_beyond_the_table(f: float, duration: Duration, v_cm: float, expected: float) -> None:
    assert frequency_multiplier(f, duration, v_cm, Units.METRIC) == pytest.approx(expected)


@pytest.mark.parametrize(("coupling", "v", "units", "expected"), [
    (Coupling.GOOD, 10, Units.METRIC, 1.0), (Coupling.GOOD, 100, Units.METRIC, 1.0),
    (Coupling.FAIR, 74.9, Units.METRIC, 0.95), (Coupling.FAIR, 75, Units.METRIC, 1.0),
    (Coupling.POOR, 10, Units.METRIC, 0.90), (Coupling.POOR, 100, Units.METRIC, 0.90),
    (Coupling.FAIR, 29.9, Units.US, 0.95), (Coupling.FAIR, 30, Units.US, 1.0),
])
def test_coupling_multiplier_table_7(coupling: Coupling, v: float, units: Units, expected: float) -> None:
    assert coupling_multiplier(coupling, v, units) == expected


def test_destination_uses_the_origin_v_for_fm_and_its_own_v_for_cm() -> None:
    # Short duration at 13/min: .34 in the V ≥ 75 column, .00 in the V < 75 one.
    result = evaluate(tv3(v_cm=80, v_dest_cm=30, d_cm=50, frequency_per_min=13, duration="short"))
    assert result.destination is not None
    assert result.origin.fm == result.destination.fm == 0.34
    assert (result.origin.cm, result.destination.cm) == (1.0, 0.95)
    assert result.destination.vm == pytest.approx(1 - 0.003 * 45)


# --- Limits: outside the equation ---------------------------------------------------------------------------

@pytest.mark.parametrize(("changes", "words"), [
    ({"h_cm": 70}, ["H 70 cm", "63 cm", "HM = 0"]),
    ({"v_cm": 176}, ["V 176 cm", "175 cm", "VM = 0"]),
    ({"d_cm": 180}, ["D 180 cm", "175 cm", "DM = 0"]),
    ({"a_deg": 140}, ["A 140°", "135°", "AM = 0"]),
    ({"frequency_per_min": 16}, ["F 16/min", "Table 5", "FM = 0"]),
    ({"frequency_per_min": 11, "duration": "moderate", "v_cm": 50}, ["F 11/min", "moderate", "V < 75 cm", "FM = 0"]),
])
def test_rwl_zero_is_outside_the_equation(changes: dict[str, Any], words: list[str]) -> None:
    origin = evaluate(ideal(**changes)).origin
    assert origin.rwl == 0
    assert origin.li is None
    assert origin.outside_equation is not None
    for word in words:
        assert word in origin.outside_equation


def test_us_limits_are_in_inches() -> None:
    origin = evaluate(ideal(Units.US, h_in=26, v_in=71)).origin
    assert origin.rwl == 0
    assert origin.outside_equation == "H 26 in is beyond 25 in, so HM = 0; V 71 in is above 70 in, so VM = 0"


@pytest.mark.parametrize("changes", [{"h_cm": 63}, {"v_cm": 175}, {"d_cm": 175}, {"a_deg": 135},
                                     {"frequency_per_min": 15, "v_cm": 80}])
def test_values_at_a_limit_are_inside_the_equation(changes: dict[str, Any]) -> None:
    origin = evaluate(ideal(**changes)).origin
    assert origin.rwl > 0
    assert origin.outside_equation is None
    assert origin.li == pytest.approx(10 / origin.rwl)


def test_us_values_at_a_limit_survive_the_conversion_to_cm() -> None:
    origin = evaluate(ideal(Units.US, h_in=25, v_in=70, d_in=70)).origin
    assert origin.hm == pytest.approx(0.4)
    assert origin.vm == pytest.approx(1 - 0.0075 * 40)
    assert origin.dm == pytest.approx(0.82 + 1.8 / 70)
    assert origin.outside_equation is None


def test_small_h_and_d_count_as_their_minimum() -> None:
    origin = evaluate(ideal(h_cm=5, d_cm=0)).origin
    assert (origin.hm, origin.dm) == (1.0, 1.0)


# --- Units --------------------------------------------------------------------------------------------------

def test_ideal_task_gives_the_load_constant_of_each_system() -> None:
    assert evaluate(ideal()).origin.rwl == pytest.approx(23.0)
    us = evaluate(ideal(Units.US)).origin
    assert us.rwl == pytest.approx(51.0)
    assert us.rwl_kg == pytest.approx(51 * 0.45359237)


def test_us_inputs_are_stored_exactly_in_si() -> None:
    task = example_4()
    assert task.units is Units.US
    assert task.load_kg == 20 * 0.45359237
    assert (task.h_cm, task.v_cm, task.d_cm) == (10 * 2.54, 22 * 2.54, 37 * 2.54)
    assert (task.h_dest_cm, task.v_dest_cm) == (20 * 2.54, 59 * 2.54)


def test_us_figures_are_the_typed_inches_and_pounds_without_float_noise() -> None:
    # 59 in and 15.5 lb do not survive the trip to cm or kg and back exactly; the computation must see 59 and 15.5.
    assert 59 * 2.54 / 2.54 != 59
    assert 15.5 * 0.45359237 / 0.45359237 != 15.5
    result = evaluate(example_4(load_lb=15.5))
    assert result.destination is not None
    assert result.destination.vm == 1 - 0.0075 * (59 - 30)
    assert result.origin.li == 15.5 / result.origin.rwl


def test_us_and_metric_constants_differ_slightly_for_the_same_physical_task() -> None:
    us = example_4(control_at_destination=False)
    metric = replace(us, units=Units.METRIC)
    us_kg, metric_kg = evaluate(us).origin.rwl_kg, evaluate(metric).origin.rwl_kg
    assert us_kg != pytest.approx(metric_kg, abs=0.05)
    assert abs(us_kg - metric_kg) / metric_kg < 0.03
    assert evaluate(metric).origin.rwl_lb == pytest.approx(metric_kg / 0.45359237)


# --- Destination, governing end and warnings ----------------------------------------------------------------

def test_destination_only_with_control() -> None:
    assert evaluate(tv3(control_at_destination=False)).destination is None
    task = tv3(a_deg=30)
    assert task.a_dest_deg == 30
    dest = evaluate(tv3(a_dest_deg=90)).destination
    assert dest is not None
    assert dest.am == pytest.approx(1 - 0.0032 * 90)


def test_governing_end_is_outside_the_equation_when_the_destination_is() -> None:
    result = evaluate(tv3(h_dest_cm=70))
    assert result.governing is result.destination
    assert result.governing.li is None
    assert result.origin.li is not None


FLAG_WORDS = {"one_handed": "One-handed", "seated_or_kneeling": "seated or kneeling", "over_8_hours": "8 hours",
              "restricted_space": "restricted space", "unstable_load": "unstable load",
              "combined_with_carry_push": "carrying, pushing", "wheelbarrow_or_shovel": "wheelbarrow",
              "high_speed": "30 in/s", "poor_floor_friction": "friction", "unfavourable_environment": "humidity"}


@pytest.mark.parametrize(("flag", "word"), FLAG_WORDS.items())
def test_each_out_of_scope_flag_adds_one_sentence(flag: str, word: str) -> None:
    flags: dict[str, Any] = {flag: True}
    warnings = evaluate(ideal(**flags)).warnings
    assert len(warnings) == 1
    assert word in warnings[0]
    assert "outside the scope" in warnings[0]
    assert warnings[0].endswith(".")


def test_no_warnings_for_a_safe_task_in_scope() -> None:
    assert evaluate(ideal()).warnings == ()


def test_frequency_above_the_table_warns() -> None:
    warnings = evaluate(ideal(frequency_per_min=16)).warnings
    assert len(warnings) == 1
    assert "above Table 5" in warnings[0]


@pytest.mark.parametrize(("load_kg", "band"), [(23.0, None), (23.1, "increased risk for some workers"),
                                               (69.0, "increased risk for some workers"),
                                               (69.1, "nearly all workers at increased risk")])
def test_lifting_index_bands(load_kg: float, band: str | None) -> None:
    warnings = evaluate(ideal(load_kg=load_kg)).warnings
    assert len(warnings) == (0 if band is None else 1)
    if band is not None:
        assert band in warnings[0]


def test_each_end_has_its_own_band() -> None:
    result = evaluate(example_4())
    assert result.destination is not None
    assert result.warnings_for(result.origin) == ()
    assert len(result.warnings_for(result.destination)) == 1
    assert result.warnings == result.warnings_for(result.destination)


# --- Composite lifting index --------------------------------------------------------------------------------

def test_composite_ties_go_to_the_higher_frequency() -> None:
    # Below 0.2/min F counts as 0.2, so all three have FM 1.0 and the same STLI; 0.2/min is the highest.
    parts = [CompositePart(20, 0.1, 10, 10, False), CompositePart(20, 0.1, 10, 10, False),
             CompositePart(20, 0.2, 10, 10, False)]
    result = composite_from_parts(parts, Duration.SHORT)
    assert {task.stli for task in result.tasks} == {0.5}
    assert result.order == (2, 0, 1)
    assert [step.summed_frequency for step in result.steps] == pytest.approx([0.2, 0.3, 0.4])
    assert [step.fm for step in result.steps] == pytest.approx([1.0, 0.99, 0.98])
    assert result.cli == pytest.approx(0.5 + 0.5 * (1 / 0.99 - 1) + 0.5 * (1 / 0.98 - 1 / 0.99))


def test_single_task_composite_is_its_stli() -> None:
    result = composite_lifting_index([tv3(control_at_destination=False)])
    assert result.cli == pytest.approx(evaluate(tv3()).origin.li)
    assert result.tasks[0].firwl == pytest.approx(evaluate(tv3()).origin.rwl / 0.79)


def test_composite_uses_the_lower_end_for_firwl_and_max_load_for_fili() -> None:
    task = tv3(h_dest_cm=50, max_load_kg=10)
    result = composite_lifting_index([task])
    dest = evaluate(task).destination
    assert dest is not None
    assert result.tasks[0].firwl == pytest.approx(min(evaluate(task).origin.rwl, dest.rwl) / 0.79)
    assert result.tasks[0].fili == pytest.approx(10 / result.tasks[0].firwl)
    assert result.tasks[0].stli == pytest.approx(8 / result.tasks[0].strwl)


def test_composite_outside_the_equation() -> None:
    summed = composite_from_parts([CompositePart(20, 8, 5, 5, True), CompositePart(20, 2, 5, 5, True)],
                                  Duration.LONG)
    assert summed.cli is None
    assert summed.outside_equation is not None
    assert "summed frequency 10/min" in summed.outside_equation
    zero = composite_lifting_index([tv3(h_cm=70)])
    assert zero.cli is None
    assert zero.tasks[0].fili is None


def test_composite_needs_one_duration_and_at_least_one_task() -> None:
    with pytest.raises(ValidationError) as info:
        composite_lifting_index([tv3(), tv3(duration="long")])
    assert info.value.field == "duration"
    with pytest.raises(ValidationError) as empty:
        composite_lifting_index([])
    assert empty.value.field == "tasks"


# --- Validation ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("changes", "field"), [
    ({"load_kg": -1}, "load_kg"), ({"load_kg": math.nan}, "load_kg"), ({"h_cm": 0}, "h_cm"),
    ({"h_cm": 201}, "h_cm"), ({"v_cm": -1}, "v_cm"), ({"v_cm": 301}, "v_cm"), ({"d_cm": -0.5}, "d_cm"),
    ({"a_deg": 361}, "a_deg"), ({"a_deg": -1}, "a_deg"), ({"frequency_per_min": -1}, "frequency_per_min"),
    ({"frequency_per_min": math.inf}, "frequency_per_min"), ({"duration": "medium"}, "duration"),
    ({"coupling": "excellent"}, "coupling"), ({"h_dest_cm": None}, "h_dest_cm"),
    ({"v_dest_cm": -3}, "v_dest_cm"), ({"max_load_kg": 7}, "max_load_kg"), ({"load_kg": True}, "load_kg"),
])
def test_validation_names_the_field_and_value(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        tv3(**changes)
    assert info.value.field == field
    assert str(info.value).startswith(f"{field}: ")
    assert "expected" in str(info.value)


@pytest.mark.parametrize(("changes", "field"), [({"load_lb": -1}, "load_lb"), ({"h_in": 0}, "h_in"),
                                                ({"v_in": 119}, "v_in"), ({"d_in": -1}, "d_in"),
                                                ({"v_dest_in": 200}, "v_dest_in")])
def test_us_validation_names_the_us_field(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        example_4(**changes)
    assert info.value.field == field
    assert " in" in info.value.allowed or " lb" in info.value.allowed


# --- Properties ---------------------------------------------------------------------------------------------

@st.composite
def metric_tasks(draw: st.DrawFn) -> LiftingTask:
    return LiftingTask.metric(
        load_kg=draw(st.floats(0, 500)), h_cm=draw(st.floats(0.1, 200)), v_cm=draw(st.floats(0, 300)),
        d_cm=draw(st.floats(0, 300)), a_deg=draw(st.floats(0, 360)), frequency_per_min=draw(st.floats(0, 100)),
        duration=draw(st.sampled_from(Duration)), coupling=draw(st.sampled_from(Coupling)))


@st.composite
def us_tasks(draw: st.DrawFn) -> LiftingTask:
    return LiftingTask.us(
        load_lb=draw(st.floats(0, 1100)), h_in=draw(st.floats(0.1, 78)), v_in=draw(st.floats(0, 118)),
        d_in=draw(st.floats(0, 118)), a_deg=draw(st.floats(0, 360)), frequency_per_min=draw(st.floats(0, 100)),
        duration=draw(st.sampled_from(Duration)), coupling=draw(st.sampled_from(Coupling)))


@given(metric_tasks())
def test_metric_rwl_is_between_0_and_23_kg(task: LiftingTask) -> None:
    origin = evaluate(task).origin
    assert 0 <= origin.rwl <= 23
    assert (origin.li is None) == (origin.rwl == 0) == (origin.outside_equation is not None)


@given(us_tasks())
def test_us_rwl_is_between_0_and_51_lb(task: LiftingTask) -> None:
    origin = evaluate(task).origin
    assert 0 <= origin.rwl <= 51
    assert (origin.li is None) == (origin.rwl == 0)


@given(metric_tasks(), st.sampled_from(["h_cm", "d_cm", "a_deg", "frequency_per_min"]), st.floats(0, 100))
def test_rwl_never_rises_as_h_d_a_or_frequency_rise(task: LiftingTask, field: str, step: float) -> None:
    top = {"h_cm": 200, "d_cm": 300, "a_deg": 360, "frequency_per_min": 100}[field]
    higher = replace(task, **{field: min(getattr(task, field) + step, top)})
    assert evaluate(higher).origin.rwl <= evaluate(task).origin.rwl


@given(us_tasks(), st.sampled_from(["h_cm", "d_cm", "a_deg", "frequency_per_min"]), st.floats(0, 50))
def test_us_rwl_never_rises_as_h_d_a_or_frequency_rise(task: LiftingTask, field: str, step: float) -> None:
    top = {"h_cm": 200, "d_cm": 300, "a_deg": 360, "frequency_per_min": 100}[field]
    higher = replace(task, **{field: min(getattr(task, field) + step, top)})
    assert evaluate(higher).origin.rwl <= evaluate(task).origin.rwl
