"""The LM-MMH calculator: the paper's figures, percentiles and percent capable, validation and range warnings."""

from __future__ import annotations

import pytest

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.liberty_mutual import Kind, MmhTask, Sex, evaluate, from_display, to_display
from rtw_planner.domain.demands.liberty_mutual_constants import EQUATIONS

EXAMPLE = MmhTask(Kind.LIFT, Sex.FEMALE, 1.0, h=0.38, vrm=1.03, dv=0.51)


def test_the_worked_example_at_full_precision() -> None:
    result = evaluate(EXAMPLE)
    assert [round(v, 3) for v in result.factors.values()] == [0.766, 0.948, 0.907, 0.677, 1.0]
    assert result.mal == pytest.approx(15.5555, abs=1e-4)
    assert result.sd == pytest.approx(0.260 * result.mal)
    assert result.mal_for(75) == pytest.approx(12.83, abs=0.005)
    assert result.mal_for(50) == pytest.approx(result.mal)
    assert result.percent_capable(12.0) == pytest.approx(81.0, abs=0.05)
    assert result.percent_capable(result.mal) == pytest.approx(50.0)
    assert result.within_ranges
    assert result.warnings == ()


def test_every_kind_has_a_female_and_a_male_equation() -> None:
    assert set(EQUATIONS) == {(kind, sex) for kind in Kind for sex in Sex}
    assert {(k.value, s.value): e.rl for (k, s), e in EQUATIONS.items() if k is Kind.CARRY} == {
        ("carry", "female"): 28.6, ("carry", "male"): 74.9}


def test_handles_apply_the_coupling_factor() -> None:
    poor = evaluate(MmhTask(Kind.LOWER, Sex.MALE, 1.0, h=0.4, vrm=1.0, dv=0.5, handles="none"))
    good = evaluate(MmhTask(Kind.LOWER, Sex.MALE, 1.0, h=0.4, vrm=1.0, dv=0.5))
    assert poor.mal == pytest.approx(0.84 * good.mal)


def test_factors_are_not_capped_at_one() -> None:
    result = evaluate(MmhTask(Kind.PUSH_SUSTAINED, Sex.MALE, 1 / 480, v=1.0, dh=10.0))
    assert result.factors["f"] == pytest.approx(1.0005, abs=1e-4)
    assert result.within_ranges


def test_a_velocity_caution_keeps_the_result_valid() -> None:
    result = evaluate(MmhTask(Kind.LIFT, Sex.MALE, 8.0, h=0.4, vrm=1.0, dv=0.5))
    assert result.within_ranges
    assert result.warnings[0].startswith("mean velocity DV × F = 4.0 m/min: the paper advises caution")


def test_us_messages_show_inches() -> None:
    task = MmhTask(Kind.CARRY, Sex.FEMALE, 1.0, v=0.9, dh=12 * 0.0254 * 39.37, units="us")
    assert "in is outside the equation's range 82.7 in to 393.7 in" in evaluate(task).warnings[0]
    assert from_display(to_display(12.0, "us"), "us") == pytest.approx(12.0)
    assert to_display(1.0, "us") == pytest.approx(2.20462, abs=1e-5)


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"kind": "jump"}, "kind"),
    ({"sex": "other"}, "sex"),
    ({"v": 1.0}, "v"),
    ({"dv": None}, "dv"),
    ({"h": -0.1}, "h"),
    ({"f": float("inf")}, "f"),
    ({"load": 0}, "load"),
    ({"handles": "maybe"}, "handles"),
    ({"vrm": 0.2}, "vrm"),
])
def test_invalid_tasks_name_the_field(kwargs: dict[str, object], field: str) -> None:
    values: dict[str, object] = {"kind": "lift", "sex": "female", "f": 1.0, "h": 0.38, "vrm": 1.03, "dv": 0.51}
    with pytest.raises(ValidationError) as info:
        MmhTask(**(values | kwargs))  # type: ignore[arg-type]
    assert info.value.field == field


def test_a_factor_at_or_below_zero_has_no_value() -> None:
    with pytest.raises(ValidationError) as info:
        evaluate(MmhTask(Kind.PUSH_INITIAL, Sex.FEMALE, 1.0, v=2.5, dh=10.0))
    assert info.value.field == "v"
    assert "the published range is 0.58 m to 1.33 m" in info.value.allowed
