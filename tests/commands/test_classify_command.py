"""The classify command: the published check, capacity 'between', tables, units, text output and refused input."""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from rtw_planner.assets import bundled_resources_dir
from rtw_planner.cli import build_parser
from rtw_planner.commands import classify
from rtw_planner.commands._support import UsageError


def parse(*argv: str) -> argparse.Namespace:
    return build_parser().parse_args(["classify", *argv])


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    assert classify.run(parse(*argv, "--json")) == 0
    out = capsys.readouterr().out
    document = json.loads(out)
    assert isinstance(document, dict)
    return document


def test_published_check(capsys: pytest.CaptureFixture[str]) -> None:
    document = run_json(capsys, "--occasional-kg", "15.9", "--frequent-kg", "6.8", "--constant-kg", "0")
    assert document["level"] == "medium"
    assert document["between"] is None
    assert (document["table"], document["complete"], document["notes"], document["as"]) == ("dot", True, [], "job")
    assert document["input"] == {"unit": "kg", "occasional": 15.9, "frequent": 6.8, "constant": 0.0}
    assert document["loads_lb"]["occasional"] == pytest.approx(35.05, abs=0.01)


@pytest.mark.parametrize("units", [["--units", "us"], []])
def test_capacity_in_lb_between_light_and_medium(capsys: pytest.CaptureFixture[str], units: list[str]) -> None:
    document = run_json(capsys, *units, "--as", "capacity", "--occasional-lb", "25", "--frequent-lb", "10",
                        "--constant-lb", "0")
    assert (document["level"], document["between"], document["label"]) == ("light", "medium",
                                                                          "between Light and Medium")
    assert document["input"]["unit"] == "lb"


def test_exact_limit_typed_in_lb_stays_on_the_limit(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_json(capsys, "--units", "us", "--occasional-lb", "20")["level"] == "light"
    assert run_json(capsys, "--units", "us", "--occasional-lb", "20.01")["level"] == "medium"


def test_table_choice(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_json(capsys, "--occasional-lb", "22")["level"] == "medium"
    ors = run_json(capsys, "--occasional-lb", "22", "--table", "ors")
    assert (ors["level"], ors["table"], ors["complete"]) == ("light", "ors", False)
    assert "Very Heavy" in ors["notes"][0]


@pytest.mark.parametrize("table", ["ors", "ns-wcb", "nd-wsi"])
def test_incomplete_tables_say_so(capsys: pytest.CaptureFixture[str], table: str) -> None:
    document = run_json(capsys, "--occasional-kg", "10", "--table", table)
    assert document["complete"] is False
    assert "incomplete" in document["notes"][0]
    assert document["level"] in {"sedentary", "light", "medium", "heavy", "very heavy"}


def test_very_heavy_and_above_heavy(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_json(capsys, "--occasional-lb", "110")["level"] == "very heavy"
    ors = run_json(capsys, "--occasional-lb", "110", "--table", "ors")
    assert (ors["level"], ors["label"], ors["certainty"]) == ("heavy", "above Heavy", "above")


@pytest.mark.parametrize("flag", ["--standing-walking-most-of-day", "--arm-leg-controls", "--production-pace"])
def test_job_flags_make_negligible_weight_light(capsys: pytest.CaptureFixture[str], flag: str) -> None:
    assert run_json(capsys, "--occasional-kg", "0")["level"] == "sedentary"
    assert run_json(capsys, "--occasional-kg", "0", flag)["level"] == "light"


def test_human_readable_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert classify.run(parse("--occasional-kg", "15.9", "--frequent-kg", "6.8", "--constant-kg", "0")) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "Job strength level: Medium"
    assert "DOT Appendix C" in out
    assert "35.1 lb (15.9 kg) occasional" in out
    assert classify.run(parse("--as", "capacity", "--occasional-lb", "25", "--frequent-lb", "10")) == 0
    assert capsys.readouterr().out.startswith("Capacity strength level: between Light and Medium\n")


@pytest.mark.parametrize(("argv", "expected"), [
    (["--occasional-kg", "-3"], "--occasional-kg: '-3' is not allowed"),
    (["--frequent-kg", "abc"], "--frequent-kg: 'abc' is not allowed"),
    (["--constant-kg", "nan"], "--constant-kg: 'nan' is not allowed"),
    (["--occasional-kg", "inf"], "--occasional-kg: 'inf' is not allowed"),
    (["--occasional-kg", "501"], "--occasional-kg: '501' is not allowed; expected a number from 0 to 500 kg"),
    (["--units", "us", "--frequent-lb", "-1"], "--frequent-lb: '-1' is not allowed"),
    (["--occasional-kg", "5", "--frequent-lb", "3"], "--frequent-lb cannot be combined with --occasional-kg"),
    (["--units", "us", "--occasional-kg", "5"], "--occasional-kg: --units us takes loads in lb"),
    (["--units", "metric", "--occasional-lb", "5"], "--occasional-lb: --units metric takes loads in kg"),
    (["--as", "capacity", "--occasional-kg", "5", "--arm-leg-controls"], "--arm-leg-controls describes a job"),
    (["--as", "capacity"], "--as capacity needs at least one"),
    (["--occasional-kg", "5", "--table", "osha"], "--table: 'osha' is not allowed; expected one of dot, nd-wsi"),
])
def test_invalid_input_is_a_usage_error(capsys: pytest.CaptureFixture[str], argv: list[str], expected: str) -> None:
    with pytest.raises(UsageError) as error:
        classify.run(parse(*argv, "--json"))
    assert str(error.value).startswith(expected)
    assert capsys.readouterr().out == ""


def test_unknown_role_is_refused_by_the_parser() -> None:
    with pytest.raises(SystemExit) as error:
        parse("--as", "employer")
    assert error.value.code == 2


def test_a_clinic_table_can_be_chosen(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    (data_dir / "strength").mkdir()
    raw = json.loads((bundled_resources_dir() / "strength" / "dot.json").read_text(encoding="utf-8"))
    raw.update(id="clinic", name="Clinic table")
    (data_dir / "strength" / "clinic.json").write_text(json.dumps(raw), encoding="utf-8")
    document = run_json(capsys, "--occasional-kg", "15.9", "--table", "clinic")
    assert (document["level"], document["table"], document["table_name"]) == ("medium", "clinic", "Clinic table")


def test_a_malformed_clinic_table_is_a_usage_error(data_dir: Path) -> None:
    (data_dir / "strength").mkdir()
    shutil.copy(bundled_resources_dir() / "strength" / "dot.json", data_dir / "strength" / "dot.json")
    (data_dir / "strength" / "dot.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(UsageError, match="--table: .*dot.json: cannot be read as JSON"):
        classify.run(parse("--occasional-kg", "5"))
