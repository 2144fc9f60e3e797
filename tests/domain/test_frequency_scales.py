"""Frequency scales as data: DOT, ORS, WorkAbility, ND WSI and WSPS bands, raw values kept, gaps never guessed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rtw_planner.assets import bundled_resources_dir
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.frequency_scales import (
    FrequencyResult,
    ScaleError,
    available_scales,
    classify_hours,
    classify_rate,
    load_scale,
)

BUILT_IN = ("dot", "nd-wsi", "ors", "workability", "wsps")
ORDER = "NSOFCX"


def code(scale_id: str, hours: float, shift: float = 8) -> str:
    return classify_hours(hours, shift, load_scale(scale_id)).code


@pytest.mark.parametrize("scale_id", BUILT_IN)
def test_every_scale_file_loads_and_has_a_source(scale_id: str) -> None:
    raw = json.loads((bundled_resources_dir() / "frequency-scales" / f"{scale_id}.json").read_text(encoding="utf-8"))
    assert {"id", "name", "version", "source", "measure", "bands"} <= set(raw)
    assert all(source["url"].startswith("http") for source in raw["source"])
    scale = load_scale(scale_id)
    assert scale.id == scale_id
    assert scale.sources
    assert scale.bands
    assert set(BUILT_IN) <= set(available_scales())


@pytest.mark.parametrize(("hours", "expected"), [
    (0, "N"), (0.1, "O"), (2.5, "O"), (8 / 3, "O"), (2.7, "F"), (5.3, "F"), (16 / 3, "C"), (8, "C"),
])
def test_dot_share_of_the_day(hours: float, expected: str) -> None:
    assert code("dot", hours) == expected


def test_share_scales_use_the_shift_length() -> None:
    assert code("dot", 2, shift=10) == "O"
    assert code("dot", 5, shift=10) == "F"
    assert code("dot", 8, shift=12) == "C"


@pytest.mark.parametrize(("hours", "expected"), [(0, "N"), (0.1, "S"), (0.16, "S"), (0.17, "O"), (8 / 3, "O"),
                                                 (4, "F"), (6, "C")])
def test_ors_adds_seldom_up_to_two_percent(hours: float, expected: str) -> None:
    assert code("ors", hours) == expected


@pytest.mark.parametrize(("hours", "expected"), [
    (0, "N"), (0.19, "S"), (0.2, "O"), (2.49, "O"), (2.5, "F"), (5.49, "F"), (5.5, "C"), (8, "C"),
])
def test_workability_hours_per_shift(hours: float, expected: str) -> None:
    assert code("workability", hours) == expected


def test_workability_extra_time_above_eight_hours() -> None:
    result = classify_hours(9, 10, load_scale("workability"))
    assert (result.code, result.term) == ("X", "Extra time")


@pytest.mark.parametrize(("rate", "expected"), [(13, "F"), (20, "F"), (30, "F"), (30.01, "C"), (120, "C")])
def test_workability_lift_rate(rate: float, expected: str) -> None:
    result = classify_rate(rate, load_scale("workability"))
    assert result == FrequencyResult(expected, {"F": "Frequent", "C": "Constant"}[expected], rate, "per hour", None,
                                     rate, "workability")


def test_a_rate_below_the_published_bands_is_not_guessed() -> None:
    with pytest.raises(ScaleError, match="13–30 per hour"):
        classify_rate(12, load_scale("workability"))


def test_scales_without_rates_refuse_a_rate() -> None:
    with pytest.raises(ScaleError, match="no lift-rate bands"):
        classify_rate(20, load_scale("dot"))


@pytest.mark.parametrize(("hours", "expected"), [(0, "N"), (1, "O"), (3, "O"), (3.01, "F"), (6, "F"), (6.01, "C"),
                                                 (8, "C")])
def test_nd_wsi_hour_bands(hours: float, expected: str) -> None:
    assert code("nd-wsi", hours) == expected


def test_nd_wsi_has_no_band_beyond_eight_hours() -> None:
    with pytest.raises(ScaleError, match="North Dakota WSI"):
        code("nd-wsi", 9, shift=10)


@pytest.mark.parametrize(("percent", "expected"), [(0, "N"), (1, "S"), (3, "O"), (33, "O"), (34, "F"), (66, "F"),
                                                   (67, "C"), (100, "C")])
def test_wsps_percent_bands(percent: float, expected: str) -> None:
    assert code("wsps", percent * 0.2, shift=20) == expected


@pytest.mark.parametrize("percent", [2, 2.5, 33.5, 66.5])
def test_wsps_gaps_are_reported_not_guessed(percent: float) -> None:
    with pytest.raises(ScaleError, match="not in any band"):
        code("wsps", percent * 0.2, shift=20)


def test_the_raw_input_is_kept() -> None:
    result = classify_hours(3, 10, load_scale("dot"))
    assert result == FrequencyResult("O", "Occasionally", 3.0, "h per shift", 10.0, 0.3, "dot")


@pytest.mark.parametrize(("hours", "shift", "field"), [(-1, 8, "hours per shift"), (9, 8, "hours per shift"),
                                                       (1, 0, "shift length"), (1, 25, "shift length"),
                                                       (float("nan"), 8, "hours per shift")])
def test_invalid_hours_are_refused(hours: float, shift: float, field: str) -> None:
    with pytest.raises(ValidationError, match=field):
        classify_hours(hours, shift, load_scale("dot"))


def test_unknown_scale_lists_the_known_ids() -> None:
    with pytest.raises(ValidationError, match="dot, nd-wsi, ors, workability, wsps"):
        load_scale("onet")


def test_a_clinic_scale_with_overlapping_bands_is_refused(data_dir: Path) -> None:
    folder = data_dir / "frequency-scales"
    folder.mkdir()
    raw = json.loads((bundled_resources_dir() / "frequency-scales" / "dot.json").read_text(encoding="utf-8"))
    raw["bands"][2]["above"] = "1/4"
    (folder / "dot.json").write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(ScaleError, match="overlap"):
        load_scale("dot")


@given(st.sampled_from(["dot", "ors", "workability", "nd-wsi"]), st.floats(0, 8), st.floats(0, 8))
def test_more_hours_never_give_a_lower_code(scale_id: str, a: float, b: float) -> None:
    low, high = sorted((a, b))
    assert ORDER.index(code(scale_id, high)) >= ORDER.index(code(scale_id, low))
