"""match --json and match's text show each handling task's Liberty Mutual result for the person's sex."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factories import case_text
from mmh_factories import handling_case, paper_lift

from rtw_planner.cli import build_parser
from rtw_planner.commands import match
from rtw_planner.domain.capacity.grip import Sex as PersonSex


def test_match_shows_the_handling_tasks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "case.json"
    path.write_text(case_text(handling_case(paper_lift(), sex=PersonSex.FEMALE)), encoding="utf-8")
    assert match.run(build_parser().parse_args(["match", "--case", str(path), "--json"])) == 0
    (lift,) = json.loads(capsys.readouterr().out)["handling_tasks"]
    # The paper's worked example: 15.56 kg for 50% of females; 12 kg acceptable to 81.0%; 90%: 10.37 kg.
    assert (lift["kind"], lift["phase"], lift["sex"], lift["unit"], lift["load"]) == ("lift", None, "female", "kg", 12)
    assert lift["mal"] == pytest.approx(15.56, abs=0.005)
    assert lift["mal_p90"] == pytest.approx(10.37, abs=0.005)
    assert lift["percent_capable"] == pytest.approx(81.0, abs=0.05)
    assert lift["within_ranges"] is True
    assert match.run(build_parser().parse_args(["match", "--case", str(path)])) == 0
    assert ("Totes to the belt (lift): 12 kg is acceptable to 81.0% of females (50%: 15.6 kg, 90%: 10.4 kg)"
            in capsys.readouterr().out)
