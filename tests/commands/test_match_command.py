"""`match --json`: the rated demands beside the measured items, each with its status, gap and restriction."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from command_support import bind
from factories import case_text, mismatched_case

from rtw_planner.commands import match
from rtw_planner.domain.capacity.tolerances import Tolerance
from rtw_planner.domain.demands.ratings import RatedGroup, Rating

_parse, run_json, _usage = bind(match, "match")


def test_rated_items_in_the_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = mismatched_case()
    tolerances = {(RatedGroup.PHYSICAL, "stooping"): Tolerance(Rating.OCCASIONAL, "observed in FCE"),
                  (RatedGroup.ENVIRONMENT, "extreme_cold"): Tolerance(Rating.NOT_PRESENT, "clinician rating"),
                  (RatedGroup.ENVIRONMENT, "noise"): Tolerance(Rating.CONSTANT, "clinician rating")}
    case = replace(case, evaluations=(case.evaluations[0], replace(case.evaluations[1], tolerances=tolerances)))
    path = tmp_path / "case.json"
    path.write_text(case_text(case), encoding="utf-8")
    data = run_json(["--case", str(path)], capsys)
    rated = {item["key"]: item for item in data["rated_items"]}
    assert len(rated) == 25  # 17 DOT factors, 3 conditions and 5 cognitive demands rated above N
    assert rated["stooping"] == {
        "item": "Stooping", "group": "physical", "key": "stooping", "demand": "F", "tolerated": "O",
        "status": "mismatch", "gap": "needs Frequent, tolerates Occasional",
        "restriction": "Stooping: no more than occasionally (up to a third of the day)",
        "provenance": "observed in FCE (20 Nov 2026, Priya Shah, Physiotherapist; WorkWell FCE (re-test))"}
    assert (rated["extreme_cold"]["status"], rated["extreme_cold"]["restriction"]) == ("mismatch",
                                                                                      "Avoid extreme cold")
    assert (rated["noise"]["status"], rated["noise"]["restriction"]) == ("match", None)
    assert (rated["memory"]["status"], rated["memory"]["tolerated"]) == ("not_tested", None)
    measured = [item["status"] for item in data["items"]]
    counts = data["summary"]["counts"]
    assert counts["mismatch"] == measured.count("mismatch") + 2
    assert counts["match"] == measured.count("match") + 1
    assert counts["not_tested"] == measured.count("not_tested") + 22
