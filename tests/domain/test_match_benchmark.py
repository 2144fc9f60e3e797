"""The match benchmark runs and prints its figures as `name: value` lines (no timing is asserted)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_quick_run_prints_every_figure() -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))  # this tree's package, not an installed one
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "match.py"), "--quick"], capture_output=True,
                            text=True, timeout=120, env=env, check=False)
    assert result.returncode == 0, result.stderr
    figures = dict(line.split(": ", 1) for line in result.stdout.splitlines())
    assert set(figures) == {"match_case", "match_items", "match_runs", "match_first_ms", "match_job_ms", "match_ms",
                            "match_calibration_ms", "match_per_calibration", "match_target_met"}
    assert (figures["match_case"], figures["match_runs"]) == ("demo", "3")
    assert figures["match_items"] == "16"  # the demo's demands: 16 items required or measured (match --case demo)
    match_ms, calibration_ms = float(figures["match_ms"]), float(figures["match_calibration_ms"])
    assert match_ms > 0
    assert abs(float(figures["match_per_calibration"]) - match_ms / calibration_ms) < 0.01  # rounded figures
    assert figures["match_target_met"] in {"yes", "no"}
