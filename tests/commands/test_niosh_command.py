"""The niosh command prints the RWL, LI and multipliers as text or JSON, and rejects bad input with UsageError."""

from __future__ import annotations

import pytest
from command_support import bind

from rtw_planner.commands import niosh

TV3 = ["--load-kg", "8", "--h-cm", "40", "--v-cm", "30", "--d-cm", "50", "--a-deg", "30", "--freq", "3",
       "--duration", "moderate", "--coupling", "fair"]
TV3_DEST = [*TV3, "--h-dest-cm", "40", "--v-dest-cm", "80", "--control-at-destination"]
EXAMPLE_4 = ["--units", "us", "--load-lb", "20", "--h-in", "10", "--v-in", "22", "--d-in", "37", "--a-deg", "0",
             "--freq", "3", "--duration", "short", "--coupling", "fair"]
KEYS = {"rwl_kg", "li", "hm", "vm", "dm", "am", "fm", "cm", "warnings", "outside_equation"}


parse, run_json, usage_error = bind(niosh, "niosh", one_line=True)


def test_json_holds_the_contract_keys(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(TV3, capsys)
    assert set(data) == KEYS
    assert data["rwl_kg"] == pytest.approx(7.68, abs=0.005)
    assert data["li"] == pytest.approx(1.04, abs=0.005)
    assert (data["hm"], data["vm"], data["am"], data["fm"], data["cm"]) == pytest.approx((0.625, 0.865, 0.904,
                                                                                            0.79, 0.95))
    assert data["dm"] == pytest.approx(0.91)
    assert data["outside_equation"] is None
    assert data["warnings"] == ["Lifting index above 1.0: increased risk for some workers."]


def test_json_with_destination_reports_the_governing_end(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(TV3_DEST, capsys)
    assert set(data["origin"]) == KEYS
    assert set(data["destination"]) == KEYS
    assert data["destination"]["rwl_kg"] == pytest.approx(9.20, abs=0.005)
    assert data["destination"]["cm"] == 1.0
    assert data["governing"] == "origin"
    assert data["rwl_kg"] == data["origin"]["rwl_kg"]
    assert data["li"] == data["origin"]["li"]


def test_json_destination_governs_in_example_4(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json([*EXAMPLE_4, "--h-dest-in", "20", "--v-dest-in", "59", "--control-at-destination"], capsys)
    assert "rwl_kg" not in data
    assert data["origin"]["rwl_lb"] == pytest.approx(34.81, abs=0.05)
    assert data["destination"]["rwl_lb"] == pytest.approx(15.25, abs=0.01)
    assert data["governing"] == "destination"
    assert data["rwl_lb"] == data["destination"]["rwl_lb"]
    assert data["destination"]["warnings"] == data["warnings"] != data["origin"]["warnings"]


def test_us_units_report_rwl_lb(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(EXAMPLE_4, capsys)
    assert set(data) == KEYS - {"rwl_kg"} | {"rwl_lb"}
    assert data["rwl_lb"] == pytest.approx(34.81, abs=0.05)
    assert data["li"] == pytest.approx(20 / data["rwl_lb"])


def test_outside_the_equation_in_json(capsys: pytest.CaptureFixture[str]) -> None:
    argv = [*TV3]
    argv[argv.index("--h-cm") + 1] = "70"
    data = run_json(argv, capsys)
    assert data["rwl_kg"] == 0
    assert data["li"] is None
    assert data["hm"] == 0
    assert data["outside_equation"] == "H 70 cm is beyond 63 cm, so HM = 0"


def test_text_output_lists_rwl_li_and_each_multiplier(capsys: pytest.CaptureFixture[str]) -> None:
    assert niosh.run(parse(TV3_DEST)) == 0
    out = capsys.readouterr().out
    assert "Origin: RWL 7.7 kg (16.9 lb), LI 1.0" in out
    assert "Destination: RWL 9.2 kg" in out
    assert "HM 0.63  VM 0.87  DM 0.91  AM 0.90  FM 0.79  CM 0.95" in out
    assert "Governing: the origin" in out
    assert "Warning: Lifting index above 1.0" in out


def test_text_output_says_outside_the_equation(capsys: pytest.CaptureFixture[str]) -> None:
    argv = [*TV3]
    argv[argv.index("--freq") + 1] = "16"
    assert niosh.run(parse(argv)) == 0
    out = capsys.readouterr().out
    assert "outside the equation; LI undefined" in out
    assert "F 16/min is above Table 5" in out


@pytest.mark.parametrize(("flag", "word"), [("--one-handed", "One-handed"), ("--seated", "seated or kneeling"),
                                            ("--over-8-hours", "8 hours"), ("--restricted-space", "restricted"),
                                            ("--unstable-load", "unstable"), ("--carry-or-push", "carrying"),
                                            ("--wheelbarrow-or-shovel", "shovel"), ("--high-speed", "30 in/s"),
                                            ("--poor-floor-friction", "friction"),
                                            ("--unfavourable-environment", "humidity")])
def test_out_of_scope_flags_add_warnings(flag: str, word: str, capsys: pytest.CaptureFixture[str]) -> None:
    warnings = run_json([*TV3, flag], capsys)["warnings"]
    assert len(warnings) == 2
    assert word in warnings[0]


@pytest.mark.parametrize(("change", "words"), [
    (("--load-kg", "-5"), ["--load-kg", "'-5'", "0 to 500 kg"]),
    (("--load-kg", "abc"), ["--load-kg", "'abc'", "0 to 500 kg"]),
    (("--load-kg", "nan"), ["--load-kg", "'nan'", "0 to 500 kg"]),
    (("--h-cm", "0"), ["--h-cm", "'0'", "greater than 0"]),
    (("--v-cm", "400"), ["--v-cm", "'400'", "300 cm"]),
    (("--a-deg", "400"), ["--a-deg", "'400'", "360 degrees"]),
    (("--freq", "-1"), ["--freq", "'-1'", "lifts/min"]),
    (("--duration", "medium"), ["--duration", "'medium'", "short, moderate, long"]),
    (("--coupling", "great"), ["--coupling", "'great'", "good, fair, poor"]),
])
def test_invalid_values_name_option_value_and_range(change: tuple[str, str], words: list[str]) -> None:
    argv = [*TV3]
    argv[argv.index(change[0]) + 1] = change[1]
    message = usage_error(argv)
    for word in words:
        assert word in message


@pytest.mark.parametrize("option", ["--load-kg", "--h-cm", "--v-cm", "--d-cm", "--a-deg", "--freq", "--duration",
                                    "--coupling"])
def test_missing_options_are_named(option: str) -> None:
    argv = [*TV3]
    at = argv.index(option)
    del argv[at:at + 2]
    message = usage_error(argv)
    assert message.startswith(f"{option}: missing; expected ")


def test_mixing_metric_and_us_options_is_refused() -> None:
    message = usage_error([*TV3, "--h-in", "10"])
    assert "--h-in" in message
    assert "--units metric" in message
    us = usage_error([*EXAMPLE_4, "--v-cm", "30"])
    assert "--v-cm" in us
    assert "--units us" in us


def test_us_units_need_us_options() -> None:
    argv = [*EXAMPLE_4]
    at = argv.index("--load-lb")
    argv[at:at + 2] = ["--load-kg", "9"]
    assert "--load-kg" in usage_error(argv)


def test_bad_units_value() -> None:
    assert usage_error([*TV3, "--units", "imperial"]).startswith("--units: 'imperial'")


def test_us_values_are_checked_in_us_units() -> None:
    argv = [*EXAMPLE_4]
    argv[argv.index("--h-in") + 1] = "90"
    message = usage_error(argv)
    assert message.startswith("--h-in: '90' is not allowed")
    assert "78 in" in message


def test_destination_needs_both_values_and_control() -> None:
    assert usage_error([*TV3, "--h-dest-cm", "40", "--control-at-destination"]).startswith("--v-dest-cm: missing")
    assert "--control-at-destination" in usage_error([*TV3, "--h-dest-cm", "40", "--v-dest-cm", "80"])
    assert usage_error([*TV3_DEST[:-1], "--v-dest-cm", "-2", "--control-at-destination"]).startswith(
        "--v-dest-cm: '-2'")
