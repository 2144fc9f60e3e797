"""The quota command prints weekly quotas as text or JSON, and rejects bad input with UsageError (exit 2)."""

from __future__ import annotations

import json

import pytest
from command_support import bind

from rtw_planner import cli
from rtw_planner.commands import quota

WORKED = [8.0, 8.8, 9.68, 10.648, 11.7128, 12.88408, 14.172488, 15.0]


parse, run_json, usage_error = bind(quota, "quota", one_line=True)


def test_worked_example_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(["--trials", "8", "10", "12", "--goal", "15", "--start-percent", "80", "--weekly-percent", "10"],
                    capsys)
    assert data["weeks"] == pytest.approx(WORKED, rel=0, abs=1e-9)
    assert data["weeks"][-1] == 15
    assert data["weeks"][2] != round(data["weeks"][2], 1)  # unrounded: 9.680000000000001
    assert data["baseline"] == 10
    assert data["shown"] == ["8 min", "9 min", "9.5 min", "11 min", "12 min", "13 min", "14 min", "15 min"]


def test_defaults_are_80_and_10_percent(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(["--trials", "8", "10", "12", "--goal", "15"], capsys)
    assert (data["start_percent"], data["weekly_percent"], data["unit"]) == (80, 10, "min")
    assert data["weeks"] == pytest.approx(WORKED, rel=0, abs=1e-9)


def test_text_output_shows_week_numbers_and_rounded_quotas(capsys: pytest.CaptureFixture[str]) -> None:
    assert quota.run(parse(["--trials", "8", "10", "12", "--goal", "15"])) == 0
    lines = capsys.readouterr().out.splitlines()
    table = lines[lines.index("Week  Quota") + 1:][:8]
    assert table == ["   1  8 min", "   2  9 min", "   3  9.5 min", "   4  11 min", "   5  12 min", "   6  13 min",
                     "   7  14 min", "   8  15 min  (goal)"]
    assert lines[0].startswith("Baseline 10 min (mean of 3 trials)")


def test_dutch_example_linear_in_reps(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(["--trials", "10", "12", "14", "--goal", "14", "--start-percent", "70", "--target-weeks", "12",
                     "--unit", "reps"], capsys)
    assert data["weeks"][0] == pytest.approx(8.4)
    assert data["shown"][0] == "8 reps"
    assert data["weekly_step"] == pytest.approx(0.509, abs=5e-4)
    assert len(data["weeks"]) == 12
    assert data["weeks"][-1] == 14
    assert (data["progression"], data["weekly_percent"]) == ("linear", None)


def test_goal_below_the_first_quota_is_one_week(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_json(["--trials", "20", "--goal", "12"], capsys)["weeks"] == [12]


@pytest.mark.parametrize(("argv", "parts"), [
    (["--trials", "8", "ten", "--goal", "15"], ["--trials", "'ten'", "expected"]),
    (["--trials", "8", "-2", "--goal", "15"], ["--trials", "-2", "from 0"]),
    (["--trials", "8", "--goal", "0"], ["--goal", "0", "above 0"]),
    (["--trials", "8", "--goal", "inf"], ["--goal", "'inf'"]),
    (["--trials", "8", "--goal", "15", "--start-percent", "0"], ["--start-percent", "0", "above 0"]),
    (["--trials", "8", "--goal", "15", "--start-percent", "-80"], ["--start-percent", "-80", "above 0"]),
    (["--trials", "8", "--goal", "15", "--weekly-percent", "0"], ["--weekly-percent", "0", "above 0"]),
    (["--trials", "8", "--goal", "15", "--weekly-percent", "-10"], ["--weekly-percent", "-10", "above 0"]),
    (["--trials", "8", "10", "12", "--goal", "100", "--weekly-percent", "1"], ["--goal", "100", "104 weeks"]),
    (["--trials", "8", "--goal", "15", "--unit", "ft"], ["--unit", "'ft'", "min, m, reps, kg"]),
    (["--trials", "8", "--goal", "15", "--target-weeks", "0"], ["--target-weeks", "0", "1 to 104"]),
    (["--trials", "8", "--goal", "15", "--target-weeks", "six"], ["--target-weeks", "'six'", "whole number"]),
    (["--trials", "8", "--goal", "15", "--target-weeks", "6", "--weekly-percent", "5"], ["--target-weeks",
                                                                                        "--weekly-percent"]),
])
def test_bad_input_names_the_option_value_and_what_is_allowed(argv: list[str], parts: list[str]) -> None:
    message = usage_error(argv)
    assert message.startswith(parts[0] + ":")
    for part in parts[1:]:
        assert part in message


def test_required_options_are_enforced_by_the_parser() -> None:
    with pytest.raises(SystemExit) as info:
        parse(["--trials", "8"])
    assert info.value.code == 2


def test_through_main_exit_status(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["quota", "--trials", "8", "10", "12", "--goal", "15", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["weeks"][-1] == 15
    assert cli.main(["quota", "--trials", "8", "--goal", "15", "--weekly-percent", "0"]) == 2
    assert "--weekly-percent" in capsys.readouterr().err
    assert cli.main(["quota", "--trials", "8", "10", "12", "--goal", "100", "--weekly-percent", "1"]) == 2
