"""Unit conversions round-trip within floating-point tolerance, and numbers are formatted for reading."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rtw_planner.domain.demands.units import (
    ForceUnit,
    MassUnit,
    force_from_display,
    force_to_display,
    format_minutes,
    format_number,
    kg_to_lb,
    kgf_to_n,
    lb_to_kg,
    mass_from_display,
    mass_to_display,
    n_to_kgf,
)

amounts = st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False)


@given(amounts)
def test_kg_lb_round_trip(kg: float) -> None:
    assert math.isclose(lb_to_kg(kg_to_lb(kg)), kg, rel_tol=1e-12, abs_tol=1e-12)
    assert math.isclose(kg_to_lb(lb_to_kg(kg)), kg, rel_tol=1e-12, abs_tol=1e-12)


@given(amounts)
def test_newton_kgf_round_trip(newtons: float) -> None:
    assert math.isclose(kgf_to_n(n_to_kgf(newtons)), newtons, rel_tol=1e-12, abs_tol=1e-12)
    assert math.isclose(n_to_kgf(kgf_to_n(newtons)), newtons, rel_tol=1e-12, abs_tol=1e-12)


@given(amounts, st.sampled_from(MassUnit), st.sampled_from(ForceUnit))
def test_display_round_trip(value: float, mass_unit: MassUnit, force_unit: ForceUnit) -> None:
    assert math.isclose(mass_from_display(mass_to_display(value, mass_unit), mass_unit), value,
                        rel_tol=1e-12, abs_tol=1e-12)
    assert math.isclose(force_from_display(force_to_display(value, force_unit), force_unit), value,
                        rel_tol=1e-12, abs_tol=1e-12)


@given(st.floats(min_value=0.001, max_value=1e6))
def test_pounds_are_more_than_kilograms_and_kgf_less_than_newtons(value: float) -> None:
    assert kg_to_lb(value) > value
    assert n_to_kgf(value) < value


def test_known_conversions() -> None:
    assert kg_to_lb(1) == pytest.approx(2.20462262)
    assert lb_to_kg(100) == pytest.approx(45.359237)
    assert kgf_to_n(1) == pytest.approx(9.80665)
    assert mass_to_display(10, MassUnit.KG) == 10
    assert force_to_display(9.80665, ForceUnit.KGF) == pytest.approx(1)


@pytest.mark.parametrize(("value", "decimals", "text"), [
    (12.0, 1, "12"), (12.26, 1, "12.3"), (0.04, 1, "0"), (-0.04, 1, "0"),
    (1.5, 2, "1.5"), (1.0, 2, "1"), (250.4, 0, "250"), (100, 1, "100"),
])
def test_format_number(value: float, decimals: int, text: str) -> None:
    assert format_number(value, decimals) == text


def test_format_number_rounds_half_up_as_documented() -> None:
    # The docstring promises 12.25 -> '12.3'; f"{12.25:.1f}" rounds half to even and gives '12.2'.
    assert format_number(12.25) == "12.3"


@pytest.mark.parametrize(("minutes", "text"), [
    (0, "0 min"), (45, "45 min"), (60, "60 min (1 h)"), (90, "90 min (1.5 h)"), (100, "100 min (1.67 h)"),
])
def test_format_minutes(minutes: float, text: str) -> None:
    assert format_minutes(minutes) == text
