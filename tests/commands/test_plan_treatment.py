"""Treatment times and graded exposure reach the commands: `plan --json` lists the sessions, the hours at work and
the exposure ladder; `render` prints the times."""

from __future__ import annotations

import json
from pathlib import Path

import pypdf
import pytest
from factories import case_text, followed_up_case, with_exposure, with_treatment

from rtw_planner.cli import main


@pytest.fixture
def treated_file(tmp_path: Path) -> Path:
    path = tmp_path / "case.json"
    path.write_text(case_text(with_treatment(followed_up_case())), encoding="utf-8")
    return path


def test_plan_json_lists_sessions_and_hours_at_work(treated_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "--case", str(treated_file), "--json"]) == 0
    treatment = json.loads(capsys.readouterr().out)["treatment"]
    assert treatment["time"] == "work_time"
    assert [(s["label"], s["weekdays"], s["start"], s["end"]) for s in treatment["sessions"]] == [
        ("Physiotherapy", [1, 3], "10:00", "11:30"), ("Psychology", [2], "14:00", "15:00")]
    assert [p["hours_at_work"] for p in treatment["phases"]] == [16.0, 20.0, 26.0, 39.0]


def test_plan_prints_the_sessions(treated_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "--case", str(treated_file)]) == 0
    assert "Treatment: Psychology, Wed 14:00 to 15:00, from 2027-01-06 to further notice (work_time)" in \
        capsys.readouterr().out


def test_a_bad_session_in_the_file_is_exit_2_naming_the_field(tmp_path: Path, treated_file: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(treated_file.read_text(encoding="utf-8"))
    data["plan"]["treatment"]["sessions"][0]["end"] = "09:00"
    treated_file.write_text(json.dumps(data), encoding="utf-8")
    assert main(["plan", "--case", str(treated_file), "--json"]) == 2
    err = capsys.readouterr().err
    assert "treatment end time" in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(("kind", "expected"), [
    ("employer-letter", "Tuesdays and Thursdays, 10:00–11:30, from 5 to 21 January 2027"),
    ("patient-handout", "Physiotherapy: every Tuesday and Thursday, 10:00 to 11:30")])
def test_render_prints_the_times(tmp_path: Path, treated_file: Path, kind: str, expected: str) -> None:
    out = tmp_path / "out.pdf"
    assert main(["--db", str(tmp_path / "rtw.sqlite3"), "render", kind, "--case", str(treated_file), "--out",
                 str(out)]) == 0
    text = " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(out).pages)
    assert expected in text


def test_plan_json_gives_the_exposure_ladder_and_current_step(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "case.json"
    path.write_text(case_text(with_exposure(followed_up_case())), encoding="utf-8")
    assert main(["plan", "--case", str(path), "--json"]) == 0
    exposure = json.loads(capsys.readouterr().out)["exposure"]
    assert [(s["number"], s["id"], s["fear"], s["exposures"], s["fear_dropped"]) for s in exposure["steps"]] == [
        (1, "walk", 30, 2, True), (2, "carry", 60, 2, False), (3, "bend", 80, 0, False)]
    assert exposure["current_step"] == "carry"
