"""The score command prints an instrument's score and band as JSON or text, and rejects unknown instruments and bad
answers with UsageError (exit 2)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from command_support import bind

from rtw_planner import cli
from rtw_planner.commands import score

ROOT = Path(__file__).resolve().parents[2]
TSK = ["1" if n in (4, 8, 12, 16) else "3" for n in range(1, 18)]


parse, run_json, usage_error = bind(score, "score")


def install_odi(data_dir: Path) -> None:
    doc = (ROOT / "docs" / "instruments.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```json\n(.*?)```", doc, flags=re.S) if '"id": "ODI"' in b)
    (data_dir / "instruments").mkdir()
    (data_dir / "instruments" / "odi.json").write_text(block, encoding="utf-8")


def test_peg_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(["PEG", "--answers", "7", "6", "8"], capsys)
    assert data["instrument"] == "PEG"
    assert data["score"] == 7.0
    assert data["band"] is None
    assert data["answered"] == 3
    assert isinstance(data["notes"], list)


def test_score_is_unrounded(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(["peg", "--answers", "5", "4", "5"], capsys)
    assert data["instrument"] == "PEG"
    assert data["score"] == 14 / 3
    assert data["score"] != 4.67


def test_tsk17_reference_example(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(["tsk-17", "--answers", *TSK], capsys)
    assert (data["score"], data["band"], data["answered"]) == (55, "high kinesiophobia", 17)


def test_psfs_missing_answers_and_the_minimum_of_three(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(["PSFS", "--answers", "4", "-", "6", "8"], capsys)
    assert (data["score"], data["answered"]) == (6.0, 3)
    data = run_json(["PSFS", "--answers", "4", "-", "6"], capsys)
    assert data["score"] is None
    assert data["band"] is None
    assert data["answered"] == 2
    assert any("fewer than 3" in note for note in data["notes"])


def test_missing_peg_answer_gives_null_score(capsys: pytest.CaptureFixture[str]) -> None:
    data = run_json(["PEG", "--answers", "7", "-", "8"], capsys)
    assert data["score"] is None
    assert data["answered"] == 2


def test_performance_tests_with_bands_and_norms(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_json(["TUG", "--answers", "13"], capsys)["band"] == "higher fall risk (STEADI)"
    chair = run_json(["CHAIR-STAND-30S", "--answers", "13", "--age", "62", "--sex", "female"], capsys)
    assert (chair["score"], chair["band"], chair["unit"]) == (13, "average", "repetitions")
    assert run_json(["chair-stand-30s", "--answers", "13", "--age", "62", "--sex", "Male"], capsys)["band"] == \
        "below average"
    young = run_json(["CHAIR-STAND-30S", "--answers", "13", "--age", "40", "--sex", "female"], capsys)
    assert young["band"] is None
    assert young["score"] == 13
    walk = run_json(["6mwt", "--answers", "412.5"], capsys)
    assert (walk["instrument"], walk["score"], walk["band"], walk["unit"]) == ("6MWT", 412.5, None, "m")


def test_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert score.run(parse(["PEG", "--answers", "5", "4", "5"])) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "PEG (Pain, Enjoyment of life, General activity) (PEG)"
    assert "Score: 4.67" in lines[1]
    assert "higher is worse" in lines[1]
    assert "Band: none" in lines[2]
    assert "Answered: 3 of 3" in lines[3]
    assert score.run(parse(["TSK-17", "--answers", *TSK])) == 0
    out = capsys.readouterr().out
    assert "Score: 55 " in out
    assert "Band: high kinesiophobia" in out
    assert "reverse-scored" in out


@pytest.mark.parametrize("instrument", ["ODI", "QuickDASH", "BPI", "PROMIS", "WAI", "nonsense"])
def test_unknown_or_not_installed_instruments_are_usage_errors(instrument: str) -> None:
    message = usage_error([instrument, "--answers", "1"])
    assert message.startswith("INSTRUMENT:")
    assert repr(instrument) in message
    assert "6MWT" in message
    assert "PEG" in message
    assert "TSK-17" in message


def test_licence_holders_odi_file_is_scored(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    install_odi(data_dir)
    full = run_json(["odi", "--answers", "2", "2", "2", "2", "2", "2", "1", "1", "1", "1"], capsys)
    assert full["score"] == pytest.approx(32.0)
    assert full["band"] == "moderate"
    skipped = run_json(["ODI", "--answers", "2", "2", "2", "2", "2", "2", "2", "1", "1", "-"], capsys)
    assert skipped["score"] == pytest.approx(16 / 45 * 100)
    assert skipped["answered"] == 9
    assert score.run(parse(["ODI", "--answers", "2", "2", "2", "2", "2", "2", "2", "1", "1", "-"])) == 0
    assert "Score: 35.56" in capsys.readouterr().out


@pytest.mark.parametrize(("argv", "expected"), [
    (["PEG", "--answers", "11", "6", "8"], "--answers: PEG item 1 (pain): 11 is not allowed; expected a number "
                                           "from 0 to 10 in steps of 1"),
    (["PEG", "--answers", "7", "abc", "8"], "--answers: PEG item 2 (enjoyment): 'abc' is not allowed"),
    (["PEG", "--answers", "7", "nan", "8"], "--answers: PEG item 2 (enjoyment): 'nan' is not allowed"),
    (["PEG", "--answers", "7", "6.5", "8"], "PEG item 2 (enjoyment): 6.5 is not allowed"),
    (["PEG", "--answers", "7", "6", "8", "9"], "--answers: 4 answers given; PEG has 3 items"),
    (["TUG", "--answers", "-3"], "--answers: TUG item 1 (time): -3 is not allowed"),
    (["CHAIR-STAND-30S", "--answers", "13", "--age", "sixty"], "--age: 'sixty' is not allowed"),
    (["CHAIR-STAND-30S", "--answers", "13", "--age", "130", "--sex", "female"], "--age: age: 130"),
    (["CHAIR-STAND-30S", "--answers", "13", "--sex", "other"], "--sex: sex: 'other' is not allowed"),
])
def test_bad_answers_are_usage_errors_naming_the_item(argv: list[str], expected: str) -> None:
    assert expected in usage_error(argv)


def test_a_broken_clinic_file_is_a_usage_error(data_dir: Path) -> None:
    (data_dir / "instruments").mkdir()
    (data_dir / "instruments" / "peg.json").write_text("{}", encoding="utf-8")
    assert "peg.json" in usage_error(["PEG", "--answers", "7", "6", "8"])


def test_cli_exits_2_for_an_instrument_that_is_not_installed(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["score", "ODI", "--answers", "1"]) == 2
    assert "INSTRUMENT" in capsys.readouterr().err
    assert cli.main(["score", "peg", "--answers", "7", "6", "8", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["score"] == 7.0
