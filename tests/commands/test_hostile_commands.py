"""Hostile files and arguments through the command line: exit 0, or exit 2 with one line of at most 300 characters
naming the problem; never a traceback, never a partial write, never a name or diagnosis from the input."""

from __future__ import annotations

import errno
import json
import os
import random
import tempfile
from pathlib import Path

import pytest
from factories import case_data, case_text, followed_up_case, unassessed_case
from hostile_inputs import NUMBER_WORDS, mutated_case_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rtw_planner.cli import ERROR_LOG, main
from rtw_planner.db.database import open_database
from rtw_planner.db.repository import CaseRepository

FOLLOWED_UP = case_text(followed_up_case())


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """Exit status, standard output and standard error; argparse's exit counts as its status."""
    try:
        status = main(argv)
    except SystemExit as exc:
        status = exc.code if isinstance(exc.code, int) else 2
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def assert_clean_refusal(status: int, err: str) -> str:
    assert status == 2, err
    line = err.removesuffix("\n")
    assert line, err
    assert "\n" not in line, err
    assert len(line) <= 300, err
    assert "Traceback" not in line, err
    return line


def stored(db: Path | str) -> int:
    return CaseRepository(open_database(db)).count()


# --- the four import cases of the issue ----------------------------------------------------------------------------

def _import(tmp_path: Path, db: Path | str, text: str, capsys: pytest.CaptureFixture[str]) -> str:
    path = tmp_path / "hostile.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    status, out, err = run(["--db", str(db), "import", str(path)], capsys)
    assert out == ""
    line = assert_clean_refusal(status, err)
    assert line.startswith(f"rtw-planner import: invalid case file {path}: ")
    return line.removeprefix(f"rtw-planner import: invalid case file {path}: ")


def test_import_of_a_deeply_nested_file(tmp_path: Path, database_location: Path | str,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    text = FOLLOWED_UP.replace('"workers_comp_claim": false', '"workers_comp_claim": ' + "[" * 50_000 + "]" * 50_000)
    assert _import(tmp_path, database_location, text, capsys) == \
        "arrays and objects nested more than 32 deep; a case file nests at most 32 levels"
    assert stored(database_location) == 0


def test_import_of_a_5000_digit_number(tmp_path: Path, database_location: Path | str,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    text = FOLLOWED_UP.replace('"workers_comp_claim": false', '"workers_comp_claim": false, "revision": ' + "2" * 5000)
    assert _import(tmp_path, database_location, text, capsys) == \
        "a number written with 5000 digits; numbers in a case file have at most 24 digits"
    assert stored(database_location) == 0


def test_import_of_a_lone_surrogate(tmp_path: Path, database_location: Path | str,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    data = case_data(followed_up_case())
    data["plan"]["goals"][0]["title"] = "Walk the dog \ud83d"  # half of an emoji: could never be exported
    assert _import(tmp_path, database_location, json.dumps(data), capsys) == (
        "plan/goals/0/title: text holds a lone surrogate U+D83D; text in a case file may not hold control characters "
        "(other than tab and line breaks) or lone surrogates")
    assert stored(database_location) == 0


def test_import_of_a_50_mb_file(tmp_path: Path, database_location: Path | str,
                                capsys: pytest.CaptureFixture[str]) -> None:
    entry = json.dumps(case_data(followed_up_case())["practice_log"][0])
    text = FOLLOWED_UP.replace('"practice_log": [', '"practice_log": [' + (entry + ", ") * 602_625, 1)
    assert len(text) > 50_000_000
    assert _import(tmp_path, database_location, text, capsys) == \
        f"{len(text.encode()) / 1e6:.3g} MB is larger than the limit of 10 MB for a case file"
    assert stored(database_location) == 0


def test_the_longest_practice_log_the_schema_allows_imports(tmp_path: Path, database_location: Path | str,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    data = case_data(followed_up_case())
    data["practice_log"] = data["practice_log"] * 2500  # 10,000 entries
    path = tmp_path / "long.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    status, out, err = run(["--db", str(database_location), "import", str(path)], capsys)
    assert (status, out.strip(), err) == (0, "1", "")
    assert len(CaseRepository(open_database(database_location)).get(1).practice_log) == 10_000


# --- arguments -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("argv", "expected"), [
    (["quota", "--trials", "10", "--goal", "-inf"],
     "rtw-planner quota: --goal: '-inf' is not allowed; expected a number above 0 (min) (not infinity or NaN)"),
    (["quota", "--trials", "-1e5", "--goal", "30"],
     "rtw-planner quota: --trials: -100000 is not allowed; expected a number from 0 to 100000 min"),
    (["score", "PEG", "--answers", "5", "5", "5", "--age", "7" * 5000],
     f"rtw-planner score: --age: '{'7' * 39}…' is not allowed; expected a whole number of years written with at "
     "most 24 digits"),
    (["score", "PEG", "--answers", "-inf"],
     "rtw-planner score: --answers: PEG item 1 (pain): '-inf' is not allowed; expected a number from 0 to 10, or - "
     "for a missing answer (not infinity or NaN)"),
    (["classify", "--occasional-kg", "-5"],
     "rtw-planner classify: --occasional-kg: '-5' is not allowed; expected a number from 0 to 500 kg"),
    (["caseload", "--due-within", "²"],
     "rtw-planner caseload: --due-within: '²' is not allowed; expected a whole number of days from 0 to 366"),
    (["export", "9" * 5000, "--out", "x.json"],
     f"rtw-planner export: CASE_ID: '{'9' * 39}…' is not allowed; expected a positive whole number"),
])
def test_hostile_arguments_are_refused_in_one_line(argv: list[str], expected: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(argv, capsys)
    assert (status, out, err) == (2, "", expected + "\n")


def test_a_usage_error_from_argparse_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(["quota", "--trials"], capsys)
    assert (status, out) == (2, "")
    assert err == ("rtw-planner quota: argument --trials: expected at least one argument (see rtw-planner quota "
                   "--help)\n")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(st.sampled_from(NUMBER_WORDS), st.sampled_from(NUMBER_WORDS), st.integers(0, 6))
def test_fuzz_command_arguments(capsys: pytest.CaptureFixture[str], a: str, b: str, which: int) -> None:
    argv = [
        ["quota", "--trials", a, "10", "--goal", b],
        ["quota", "--trials", "10", "--goal", "30", "--target-weeks", a],
        ["score", "PEG", "--answers", a, b, "--age", b],
        ["classify", "--frequent-kg", a, "--occasional-kg", b],
        ["niosh", "--load-kg", a, "--h-cm", b, "--v-cm", "30", "--d-cm", "40", "--a-deg", a, "--freq", b,
         "--duration", "short", "--coupling", "good"],
        ["caseload", "--due-within", a],
        ["export-outcomes", a, "--out", b or "x.csv"],
    ][which]
    status, _out, err = run(argv, capsys)
    if status != 0:
        assert_clean_refusal(status, err)


# --- case files through import, match and plan ---------------------------------------------------------------------

@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(st.randoms(use_true_random=False))
def test_fuzz_case_files_through_the_commands(tmp_path: Path, database_location: Path | str,
                                              capsys: pytest.CaptureFixture[str], rng: random.Random) -> None:
    path = tmp_path / "fuzz.json"
    path.write_text(mutated_case_text(rng), encoding="utf-8", errors="surrogatepass")
    before = stored(database_location)
    status, out, err = run(["--db", str(database_location), "import", str(path)], capsys)
    if status == 0:
        assert stored(database_location) == before + 1
    else:
        assert_clean_refusal(status, err)
        assert stored(database_location) == before  # no partial write
    for argv in (["match", "--case", str(path)], ["plan", "--case", str(path), "--start", "2027-01-04"]):
        status, out, err = run(argv, capsys)
        if status != 0:
            assert_clean_refusal(status, err)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(st.randoms(use_true_random=False), st.sampled_from(["import", "match", "plan"]))
def test_fuzz_no_name_or_diagnosis_in_any_message(tmp_path: Path, database_location: Path | str,
                                                  capsys: pytest.CaptureFixture[str], rng: random.Random,
                                                  command: str) -> None:
    name, diagnosis = "Wojciech Szczepański", "Lumbar radiculopathy after a fall from a loading dock"
    data = case_data(followed_up_case(patient_name=name, diagnosis=diagnosis))
    key = rng.choice(("patient_name", "diagnosis"))
    data[key] = rng.choice((data[key] * 500, data[key] + "\x07", data[key] + "\ud800", [data[key]] * 3,
                            {"text": data[key]}, data[key] * 50_000))
    if rng.random() < 0.5:
        data["demands"]["lifting_carrying"][0]["load_kg"] = rng.choice((-1, 501, "23", None))
    path = tmp_path / "named.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    argv = {"import": ["--db", str(database_location), "import", str(path)],
            "match": ["match", "--case", str(path)], "plan": ["plan", "--case", str(path)]}[command]
    status, _out, err = run(argv, capsys)
    line = assert_clean_refusal(status, err)
    for secret in (name, diagnosis, "Wojciech", "Szczepański", "radiculopathy"):
        assert secret not in line


def test_an_unassessed_case_with_a_bad_name_is_refused_naming_the_rule(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    data = case_data(unassessed_case())
    data["patient_name"] = "Marek Dąbrowski\x00"
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    status, _out, err = run(["match", "--case", str(path)], capsys)
    assert assert_clean_refusal(status, err) == (
        f"rtw-planner match: invalid case file {path}: patient_name: text holds a control character U+0000; text in "
        "a case file may not hold control characters (other than tab and line breaks) or lone surrogates")


# --- output --------------------------------------------------------------------------------------------------------

@pytest.fixture
def stored_case(database_location: Path | str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = tmp_path / "case.json"
    path.write_text(FOLLOWED_UP, encoding="utf-8")
    assert main(["--db", str(database_location), "import", str(path)]) == 0
    capsys.readouterr()
    return str(database_location)


def _no_leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_output_without_permission(stored_case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()

    def refused(*args: object, **kwargs: object) -> tuple[int, str]:  # as a folder without write permission does
        raise PermissionError(errno.EACCES, "Permission denied", str(folder))

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    out = folder / "out.csv"
    for command in ("export-outcomes", "export"):
        status, stdout, err = run(["--db", stored_case, command, "1", "--out", str(out)], capsys)
        line = assert_clean_refusal(status, err)
        assert "Permission denied" in line
        assert str(folder) in line
        assert _no_leftovers(folder) == []


def test_output_on_a_full_disk_leaves_no_partial_file(stored_case: str, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    real_fsync = os.fsync

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    out = tmp_path / "out" / "case.csv"
    out.parent.mkdir()
    (out.parent / "case.csv").write_text("the earlier export\n", encoding="utf-8")
    status, _stdout, err = run(["--db", stored_case, "export-outcomes", "1", "--out", str(out)], capsys)
    assert assert_clean_refusal(status, err) == \
        f"rtw-planner export-outcomes: --out: cannot write {out}: No space left on device"
    assert _no_leftovers(out.parent) == ["case.csv"]
    assert out.read_text(encoding="utf-8") == "the earlier export\n"  # the old file is untouched
    monkeypatch.setattr(os, "fsync", real_fsync)


def test_output_into_a_missing_folder(stored_case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "missing" / "case.csv"
    status, _stdout, err = run(["--db", stored_case, "export-outcomes", "1", "--out", str(out)], capsys)
    assert assert_clean_refusal(status, err) == \
        f"rtw-planner export-outcomes: --out: folder {out.parent} does not exist"


# --- internal errors -----------------------------------------------------------------------------------------------

def test_an_unexpected_exception_is_an_internal_error_logged_without_patient_data(
        tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from rtw_planner.domain.match import job

    def broken(case: object, table: str) -> None:
        raise RuntimeError("Marek Dąbrowski: Chronic non-specific low back pain")

    monkeypatch.setattr(job, "job_match", broken)
    path = tmp_path / "case.json"
    path.write_text(FOLLOWED_UP, encoding="utf-8")
    status, out, err = run(["match", "--case", str(path)], capsys)
    log = data_dir / ERROR_LOG
    assert (status, out) == (1, "")
    assert err == f"rtw-planner match: internal error, please report (details, without patient data, in {log})\n"
    logged = log.read_text(encoding="utf-8")
    assert "builtins.RuntimeError" in logged
    assert "test_hostile_commands.py" in logged
    assert " in broken" in logged
    assert "Marek" not in logged
    assert "back pain" not in logged
    assert oct(log.stat().st_mode & 0o777) == "0o600"
