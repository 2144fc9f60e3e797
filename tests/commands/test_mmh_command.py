"""The mmh command against the paper's worked example and an independent implementation of the LM-MMH equations."""

from __future__ import annotations

import contextlib
import io
import json
import math
from statistics import NormalDist
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rtw_planner.cli import build_parser, main
from rtw_planner.commands import mmh as mmh_command

IN = 0.0254  # m per inch
LB = 2.2046226218487757  # lb per kg
ARM = {"female": 1.96, "male": 2.14}
KINDS = [("lift", None), ("lower", None), ("push", "initial"), ("push", "sustained"), ("pull", "initial"),
         ("pull", "sustained"), ("carry", None)]
PARSER = build_parser()
EXAMPLE = ["--task", "lift", "--sex", "female", "--h-m", "0.38", "--vrm-m", "1.03", "--dv-m", "0.51", "--freq", "1"]


def reference(task: str, phase: str | None, sex: str, x: dict[str, float]) -> tuple[float, float, list[float]]:
    """RL, CV and the scale factors, typed from the paper's sections 3.1-3.3 (Potvin et al. 2021), in SI."""
    ln, fe = math.log, sex == "female"
    if task in ("lift", "lower"):
        h, vrm, dv, f = x["h"], x["vrm"], x["dv"], x["f"]
        if fe:
            sf = [1.2602 - h / 0.7686, 0.9877 + vrm / 13.69 - vrm**2 / 9.221, 0.8199 - ln(dv) / 7.696,
                  0.6767 - ln(f) / 12.59 - ln(f) ** 2 / 228.2]
            return (34.9, 0.260, sf) if task == "lift" else (37.0, 0.307, sf)
        shape = [1.3532 - h / 0.7079, 0.7746 + vrm / 1.912 - vrm**2 / 3.296, 0.8695 - ln(dv) / 10.62]
        if task == "lift":
            return 82.6, 0.276, [*shape, 0.6259 - ln(f) / 9.092 - ln(f) ** 2 / 125.0]
        return 95.9, 0.304, [*shape, 0.5773 - ln(f) / 10.80 - ln(f) ** 2 / 255.9]
    v, dh, f = x["v"], x["dh"], x["f"]
    if task == "carry" and fe:
        return 28.6, 0.231, [1.1645 - v / 4.437, 1.0101 - dh / 207.8, 0.6224 - ln(f) / 16.33]
    if task == "carry":
        return 74.9, 0.278, [1.5505 - v / 1.417, 1.1172 - ln(dh) / 6.332, 0.5149 - ln(f) / 7.958 - ln(f) ** 2 / 131.1]
    if fe and phase == "initial":
        sf = [-0.5304 + v / 0.3361 - v**2 / 0.6915, 1.0286 - dh / 72.22 + dh**2 / 9782,
              0.7251 - ln(f) / 13.19 - ln(f) ** 2 / 197.3]
        return 36.9, 0.214 if task == "push" else 0.234, sf
    if fe:
        sf = [-0.6539 + v / 0.2941 - v**2 / 0.5722, 1.0391 - dh / 52.91 + dh**2 / 7975,
              0.6086 - ln(f) / 11.95 - ln(f) ** 2 / 304.4]
        return 25.5, 0.286 if task == "push" else 0.298, sf
    if phase == "initial":
        dh_f = [1.0790 - ln(dh) / 9.392, 0.6281 - ln(f) / 13.07 - ln(f) ** 2 / 379.5]
        if task == "push":
            return 70.3, 0.231, [1.2737 - v / 1.335 + v**2 / 2.576, *dh_f]
        return 69.8, 0.238, [1.7186 - v / 0.6888 + v**2 / 2.025, *dh_f]
    dh_f = [1.1035 - ln(dh) / 7.170, 0.4896 - ln(f) / 10.20 - ln(f) ** 2 / 403.9]
    if task == "push":
        return 65.3, 0.267, [2.2940 - v / 0.3345 + v**2 / 0.6887, *dh_f]
    return 61.0, 0.257, [2.1977 - v / 0.3850 + v**2 / 0.9047, *dh_f]


def mmh(argv: list[str], *, fast: bool = False) -> tuple[int, dict[str, Any]]:
    """Run `mmh ARGV --json` through the real command line (fast: the command alone, with the parser built once):
    the exit status and the JSON object."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        if fast:
            status = mmh_command.run(PARSER.parse_args(["mmh", *argv, "--json"]))
        else:
            status = main(["mmh", *argv, "--json"])
    return status, json.loads(out.getvalue()) if status == 0 else {}


@st.composite
def tasks(draw: st.DrawFn, task: str, sex: str) -> dict[str, float]:
    """A task inside every printed input range of the equation (metres, per minute)."""
    fe = sex == "female"
    if task in ("lift", "lower"):
        f = draw(st.floats(1 / 480, 20))
        dv = draw(st.floats(0.25, min(ARM[sex], 11 / f)))
        low, high = (0.20, 0.68) if fe else (0.25, 0.73)
        return {"h": draw(st.floats(low, high)), "vrm": draw(st.floats(dv / 2, ARM[sex] - dv / 2)), "dv": dv, "f": f}
    f = draw(st.floats(1 / 480, 10))
    if task == "carry":
        v, top, speed = ((0.71, 1.03) if fe else (0.78, 1.10)), 10.0, 29.0
    else:
        v, top, speed = ((0.58, 1.33) if fe else (0.63, 1.44)), 61.0, 37.0
    return {"v": draw(st.floats(*v)), "dh": draw(st.floats(2.1, min(top, speed / f))), "f": f}


@pytest.mark.parametrize("units", ["metric", "us"])
@pytest.mark.parametrize("sex", ["female", "male"])
@pytest.mark.parametrize(("task", "phase"), KINDS)
@settings(max_examples=40, deadline=None)
@given(data=st.data(), load_ratio=st.floats(0.2, 2.0))
def test_json_agrees_with_the_published_equations(task: str, phase: str | None, sex: str, units: str,
                                                  data: st.DataObject, load_ratio: float) -> None:
    x = data.draw(tasks(task, sex))
    rl, cv, factors = reference(task, phase, sex, x)
    mal = rl * math.prod(factors)
    scale = LB if units == "us" else 1.0
    load = load_ratio * mal * scale
    argv = ["--task", task, "--sex", sex, "--units", units, "--freq", repr(x["f"]), "--load", repr(load)]
    argv += ["--phase", phase] if phase else []
    for name in ("h", "vrm", "dv", "v", "dh"):
        if name in x:
            argv += [f"--{name}-m", repr(x[name] / IN if units == "us" else x[name])]
    status, out = mmh(argv, fast=True)
    assert status == 0
    assert out["within_ranges"] is True, out["warnings"]
    assert out["unit"] == ("lb" if units == "us" else "kg") + ("f" if task in ("push", "pull") else "")
    assert out["cv"] == pytest.approx(cv)
    assert [out["factors"][k] for k in x] == pytest.approx(factors, rel=0.005)
    assert out["mal"] == pytest.approx(mal * scale, rel=0.005)
    for percent, key in ((0.75, "mal_p75"), (0.90, "mal_p90")):
        assert out[key] == pytest.approx(mal * scale * (1 - cv * NormalDist().inv_cdf(percent)), rel=0.005)
    capable = 100 * (1 - NormalDist(mal, cv * mal).cdf(load / scale))
    assert out["percent_capable"] == pytest.approx(capable, rel=0.005, abs=0.01)


def test_the_papers_worked_example() -> None:
    status, out = mmh([*EXAMPLE, "--load", "12"])
    assert status == 0
    assert out["mal"] == pytest.approx(34.9 * 0.766 * 0.948 * 0.907 * 0.677, rel=0.005)
    assert round(out["mal"], 2) == 15.56
    assert (out["unit"], out["cv"], out["warnings"]) == ("kg", 0.26, [])
    assert [round(out["factors"][k], 3) for k in ("h", "vrm", "dv", "f")] == [0.766, 0.948, 0.907, 0.677]
    assert round(out["mal_p75"], 2) == 12.83  # 15.56 [1 − (0.260)(0.675)] in the paper
    assert round(out["percent_capable"], 1) == 81.0  # "acceptable to 81.0% of females"


def test_us_units_take_inches_and_give_pounds() -> None:
    inches = ["--h-m", str(0.38 / IN), "--vrm-m", str(1.03 / IN), "--dv-m", str(0.51 / IN)]
    status, out = mmh(["--task", "lift", "--sex", "female", "--freq", "1", "--units", "us", *inches])
    assert (status, out["unit"]) == (0, "lb")
    assert out["mal"] == pytest.approx(15.5555 * LB, rel=1e-4)
    status, out = mmh(["--task", "pull", "--phase", "sustained", "--sex", "male", "--v-m", "47", "--dh-m", "787",
                       "--freq", "1", "--units", "us"])
    assert (status, out["unit"]) == (0, "lbf")


@pytest.mark.parametrize(("argv", "warning"), [
    (["--task", "lift", "--sex", "female", "--h-m", "0.70", "--vrm-m", "1", "--dv-m", "0.5", "--freq", "1"],
     "horizontal reach H 0.70 m is outside the equation's range 0.20 m to 0.68 m (female)"),
    (["--task", "lift", "--sex", "male", "--h-m", "0.4", "--vrm-m", "1", "--dv-m", "0.5", "--freq", "25"],
     "frequency F 25/min is outside"),
    (["--task", "lower", "--sex", "male", "--h-m", "0.4", "--vrm-m", "1", "--dv-m", "0.8", "--freq", "15"],
     "mean velocity DV × F = 12.0 m/min is above the equation's limit 11.0 m/min"),
    (["--task", "lift", "--sex", "female", "--h-m", "0.4", "--vrm-m", "1.8", "--dv-m", "0.5", "--freq", "1"],
     "highest hand height VRM + DV/2 = 2.05 m is above the arm reach 1.96 m"),
    (["--task", "push", "--phase", "initial", "--sex", "female", "--v-m", "1.40", "--dh-m", "10", "--freq", "1"],
     "hand height V 1.40 m is outside the equation's range 0.58 m to 1.33 m (female)"),
    (["--task", "carry", "--sex", "male", "--v-m", "1", "--dh-m", "12", "--freq", "1"],
     "horizontal distance DH 12.00 m is outside the equation's range 2.10 m to 10.00 m (male)"),
    (["--task", "carry", "--sex", "female", "--v-m", "1", "--dh-m", "8", "--freq", "4", "--units", "us"],
     "horizontal distance DH 8.0 in is outside the equation's range 82.7 in to 393.7 in (female)"),
])
def test_outside_the_ranges_warns_and_gives_no_valid_figure(argv: list[str], warning: str) -> None:
    status, out = mmh([*argv, "--load", "10"])
    assert status == 0
    assert any(w.startswith(warning) for w in out["warnings"]), out["warnings"]
    assert out["within_ranges"] is False
    assert [out[k] for k in ("mal", "mal_p75", "mal_p90", "percent_capable")] == [None] * 4
    assert out["extrapolated"]["mal"] > 0


@pytest.mark.parametrize(("argv", "message"), [
    (["--h-m", "1.0", "--vrm-m", "1", "--dv-m", "0.5", "--freq", "1"], "--h-m: '1.0' is not allowed; expected a "
     "value where the horizontal reach H scale factor is above 0"),
    (["--h-m", "0.4", "--vrm-m", "1", "--dv-m", "0", "--freq", "1"], "--dv-m: '0' is not allowed"),
    (["--h-m", "0.4", "--vrm-m", "1", "--dv-m", "0.5", "--freq", "0"], "--freq: '0' is not allowed"),
    (["--h-m", "0.4", "--vrm-m", "0.2", "--dv-m", "0.5", "--freq", "1"], "--vrm-m: '0.2' is not allowed; expected "
     "at least DV/2 = 0.25 m, or the lower hand height is below the floor"),
    (["--h-m", "0.4", "--vrm-m", "1", "--freq", "1"], "--dv-m: missing"),
    (["--h-m", "0.4", "--vrm-m", "1", "--dv-m", "0.5", "--dh-m", "3", "--freq", "1"], "--dh-m: '3' is not allowed "
     "with --task lift"),
    (["--h-m", "0.4", "--vrm-m", "1", "--dv-m", "0.5", "--freq", "1", "--phase", "initial"], "--phase:"),
    (["--h-m", "0.4", "--vrm-m", "1", "--dv-m", "0.5", "--freq", "1", "--units", "imperial"], "--units:"),
    (["--h-m", "x", "--vrm-m", "1", "--dv-m", "0.5", "--freq", "1"], "--h-m: 'x' is not allowed"),
    (["--h-m", "0.4", "--vrm-m", "1", "--dv-m", "0.5", "--freq", "1", "--load", "-3"], "--load: '-3'"),
])
def test_where_the_equation_has_no_value_exit_2_with_one_line(argv: list[str], message: str,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["mmh", "--task", "lift", "--sex", "female", *argv]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"rtw-planner mmh: {message}")
    assert captured.err.count("\n") == 1


def test_push_and_pull_need_a_phase(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["mmh", "--task", "pull", "--sex", "male", "--v-m", "1", "--dh-m", "5", "--freq", "1"]) == 2
    assert "--phase: missing; expected one of initial, sustained" in capsys.readouterr().err


def test_text_reads_as_sentences(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["mmh", *EXAMPLE, "--load", "12"]) == 0
    text = capsys.readouterr().out
    assert "Maximum acceptable load for 50% of females: 15.56 kg (SD 4.04 kg, CV 0.260)" in text
    assert "Acceptable to 75% of females: 12.83 kg; to 90%: 10.37 kg" in text
    assert "A load of 12.00 kg is acceptable to 81.0% of females" in text
    assert main(["mmh", "--task", "push", "--phase", "initial", "--sex", "female", "--v-m", "1.4", "--dh-m", "10",
                 "--freq", "1"]) == 0
    text = capsys.readouterr().out
    assert "no valid result" in text
    assert "NOT valid" in text
    assert "kgf" in text
