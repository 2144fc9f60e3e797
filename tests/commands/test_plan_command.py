"""The plan command: quotas by week, phases, review dates and notes as JSON; a missing or bad start is exit 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from factories import case_text, followed_up_case

from rtw_planner.cli import main
from rtw_planner.domain.case.casefile import parse
from rtw_planner.domain.match.planning import generate_plan

ROOT = Path(__file__).resolve().parents[2]
KEYS = {"start", "end", "contract", "quotas", "phases", "review_dates", "warnings", "fit_note", "notes", "goals",
        "this_weeks_small_step", "projections", "job_settings", "suggestions", "safety_critical", "treatment",
        "exposure"}
LIFT_12 = "No lifting from floor to waist above 12 kg occasionally (up to a third of the day)"


@pytest.fixture
def picker_text() -> str:
    """The case file of a followed-up case: demands, two evaluations, a plan, outcome scores and practice."""
    return case_text(followed_up_case())


def write_case(tmp_path: Path, picker_text: str, **changes: Any) -> Path:
    """A copy of the case file with top-level keys (or plan keys, given as plan__key) replaced."""
    data = json.loads(picker_text)
    for key, value in changes.items():
        if key.startswith("plan__"):
            data["plan"][key.removeprefix("plan__")] = value
        else:
            data[key] = value
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def plan_json(argv: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert main(["plan", *argv, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert isinstance(data, dict)
    return data


def failure(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["plan", *argv]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    return captured.err


@pytest.fixture
def picker_file(tmp_path: Path, picker_text: str) -> Path:
    return write_case(tmp_path, picker_text)


def test_plan_json(picker_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = plan_json(["--case", str(picker_file)], capsys)
    assert set(data) == KEYS
    assert (data["start"], data["end"]) == ("2027-01-04", "2027-01-31")
    assert data["contract"] == {"hours_per_week": 40.0, "days_per_week": 5.0}
    walking = data["quotas"][0]
    assert walking["activity"] == "Walking"
    assert walking["weeks"][:3] == pytest.approx([8.0, 8.8, 9.68], rel=0, abs=1e-9)
    assert walking["weeks"][2] != round(walking["weeks"][2], 2)  # unrounded
    assert walking["weeks"][-1] == 30
    assert walking["shown"][:3] == ["8 min", "9 min", "9.5 min"]
    assert [q["activity"] for q in data["quotas"]] == ["Walking", "Standing", "Lifting a 5 kg box, floor to waist"]


def test_phases_reviews_and_notes(picker_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = plan_json(["--case", str(picker_file)], capsys)
    phases = data["phases"]
    assert phases[0]["first_day"] == "2027-01-04"
    assert [p["weekly_hours"] for p in phases] == [20.0, 24.0, 30.0, 40.0]
    assert [p["days_per_week"] for p in phases] == [5.0] * 4
    assert phases[0]["hours_per_day"] == 4.0
    assert all(LIFT_12 in p["restrictions"] for p in phases)
    assert phases[-1]["duties"] == "modified"
    assert date.fromisoformat(data["review_dates"][0]) <= date(2027, 1, 17)
    assert data["review_dates"][-1] == data["end"]
    assert data["warnings"] == []
    assert "A phased return to work" in data["fit_note"]
    assert len(data["notes"]) == 6
    assert data["notes"][0]["id"] == "lift-hoist"
    assert [g["id"] for g in data["goals"]] == ["walk-dog", "stand-shift", "lift-cases"]
    assert data["this_weeks_small_step"].startswith("This week: ")


def test_projections_are_labelled_as_never_for_employers(picker_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = plan_json(["--case", str(picker_file)], capsys)
    projections = data["projections"]
    assert "never in employer documents" in projections["note"]
    assert projections["items"]
    assert {"item", "demand", "unit", "estimated_date", "method", "reason"} <= set(projections["items"][0])
    assert all(isinstance(w, int) for w in projections["proposed_phase_weeks"])
    assert not any("2027-04-23" in r for p in data["phases"] for r in p["restrictions"])


def test_start_moves_the_first_day_and_every_review(picker_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = plan_json(["--case", str(picker_file)], capsys)
    after = plan_json(["--case", str(picker_file), "--start", "2027-02-01"], capsys)
    assert after["start"] == after["phases"][0]["first_day"] == "2027-02-01"
    shift = timedelta(days=28)
    assert [date.fromisoformat(d) for d in after["review_dates"]] == [
        date.fromisoformat(d) + shift for d in before["review_dates"]]
    assert after["review_dates"][0] == "2027-02-14"
    assert [p["weekly_hours"] for p in after["phases"]] == [p["weekly_hours"] for p in before["phases"]]


def test_no_start_anywhere_is_exit_2_naming_start(tmp_path: Path, picker_text: str,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = write_case(tmp_path, picker_text, rtw_start_date=None, plan={})
    err = failure(["--case", str(path), "--json"], capsys)
    assert "--start" in err
    assert err.startswith("rtw-planner plan: ")


def test_start_flag_is_enough_without_a_case_start(tmp_path: Path, picker_text: str,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = write_case(tmp_path, picker_text, rtw_start_date=None, plan={})
    data = plan_json(["--case", str(path), "--start", "2027-03-01"], capsys)
    assert data["phases"][0]["first_day"] == "2027-03-01"
    assert (data["quotas"], data["goals"]) == ([], [])
    assert data["notes"] == []  # nothing is chosen for the clinician
    assert {"lift-push-pull-device", "stand-mat"} <= {s["id"] for s in data["suggestions"]}


@pytest.mark.parametrize("start", ["2027-13-01", "tomorrow", "04/01/2027", ""])
def test_bad_start_is_exit_2(picker_file: Path, start: str, capsys: pytest.CaptureFixture[str]) -> None:
    err = failure(["--case", str(picker_file), "--start", start, "--json"], capsys)
    assert "--start" in err
    assert repr(start) in err


def test_bad_case_file_is_exit_2(tmp_path: Path, picker_text: str, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(picker_text)
    data["plan"]["quotas"][0]["start_percent"] = 0
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert "start percent" in failure(["--case", str(path), "--json"], capsys)


def test_without_phases_a_plan_is_generated(tmp_path: Path, picker_text: str,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    path = write_case(tmp_path, picker_text, plan__phased_return=None)
    data = plan_json(["--case", str(path)], capsys)
    case = parse(picker_text)
    expected = generate_plan(case, date(2027, 1, 4), case.plan).phased_return
    assert expected is not None
    assert [p["weekly_hours"] for p in data["phases"]] == [20.0, 24.0, 30.0, 40.0]
    assert [tuple(p["restrictions"]) for p in data["phases"]] == [p.restrictions for p in expected.phases]
    assert data["phases"][0]["first_day"] == "2027-01-04"
    assert [n["id"] for n in data["notes"]] == [n.note_id for n in case.plan.notes]
    assert len(data["quotas"]) == 3


def test_text_output(picker_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "--case", str(picker_file)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Phased return from 2027-01-04 to 2027-01-31 (contract 40 h over 5 days)"
    assert "  Phase 1: 2027-01-04 to 2027-01-10, 20 h a week (4 h a day, 5 days), modified duties" in lines
    assert "  Reviews: 2027-01-17, 2027-01-24, 2027-01-31" in lines
    assert "  Walking: 8 min, 9 min, 9.5 min" in "\n".join(lines)


def test_suggestions_are_listed_apart_from_the_chosen_notes(picker_file: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    data = plan_json(["--case", str(picker_file)], capsys)
    chosen = {n["id"] for n in data["notes"]}
    suggested = {s["id"] for s in data["suggestions"]}
    assert len(chosen) == 6
    assert not chosen & suggested
    assert "lift-trolley" in suggested  # the case's lifting mismatch, not among its six chosen notes
    trolley = next(s for s in data["suggestions"] if s["id"] == "lift-trolley")
    assert trolley["fits"] == ["goods"]
    assert "Lifting task 'Case from bottom rack to pallet': LI 2.06" in trolley["reasons"]
    assert {"warehouse", "goods"} <= set(data["job_settings"])


def test_text_output_marks_suggestions_as_not_chosen(tmp_path: Path, picker_text: str,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = write_case(tmp_path, picker_text, plan__notes=[])
    assert main(["plan", "--case", str(path)]) == 0
    out = capsys.readouterr().out
    assert "  Adjustments chosen by the clinician: none\n" in out
    heading = "  Suggested adjustments, not chosen (job settings: desk, workstation, goods, warehouse, site):\n"
    assert heading in out
    after = out[out.index(heading) + len(heading):].splitlines()
    assert after[0].startswith("    [ ] Provide a hoist")
    assert "Adjustment: " not in out


def test_safety_critical_work_is_shown_with_its_evidence(tmp_path: Path, picker_text: str,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    data = plan_json(["--case", str(write_case(tmp_path, picker_text))], capsys)
    assert data["safety_critical"] == [{
        "kind": "machinery", "label": "operating machinery or moving mechanical parts",
        "evidence": ["rated condition Moving Mechanical Parts: frequent"],
        "discuss": "whether pain, fatigue or medication slows reactions or dulls attention around machinery",
        "reviewed_on": "2026-11-20"}]
    driver = json.loads(picker_text)
    driver["job_title"] = "Bus driver"
    driver["demands"]["ratings"]["environment"] = {}
    driver["demands"]["tasks"] = [{"name": "Drive the bus on the route", "essential": True}]
    path = write_case(tmp_path, json.dumps(driver), plan__safety_review=None)
    assert main(["plan", "--case", str(path)]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if "Safety-critical" in line]
    assert lines == ["  Safety-critical work: professional driving (job title 'Bus driver'; task 'Drive the bus on "
                     "the route'); not yet discussed. Discuss fitness to drive under the licensing authority's medical "
                     "standards (stricter for bus, lorry and other professional licences) and whether pain or "
                     "medication affects driving, and record it on the Plan tab before anything goes to an employer."]


def test_subprocess_plan_json(picker_file: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "rtw_planner", "plan", "--case", str(picker_file), "--start",
                             "2027-02-01", "--json"], capture_output=True, text=True, env=env, cwd=ROOT,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == KEYS
    assert data["phases"][0]["first_day"] == "2027-02-01"
    assert data["quotas"][0]["weeks"][:2] == pytest.approx([8.0, 8.8])
