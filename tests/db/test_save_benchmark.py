"""The save benchmark runs and prints its figures as `name: value` lines (no timing is asserted)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_quick_run_prints_every_figure() -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))  # this tree's package, not an installed one
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "save.py"), "--quick"], capture_output=True,
                            text=True, timeout=120, env=env, check=False)
    assert result.returncode == 0, result.stderr
    figures = dict(line.split(": ", 1) for line in result.stdout.splitlines())
    assert set(figures) == {"save_outcome_rows", "save_practice_rows", "save_runs", "save_new_ms", "save_edit_ms",
                            "save_edit_ratio", "save_target_met"}
    assert (figures["save_outcome_rows"], figures["save_practice_rows"], figures["save_runs"]) == ("500", "500", "3")
    new_ms, edit_ms = float(figures["save_new_ms"]), float(figures["save_edit_ms"])
    assert new_ms > 0
    assert abs(float(figures["save_edit_ratio"]) - edit_ms / new_ms) < 0.01  # the figures are rounded
    assert figures["save_target_met"] in {"yes", "no"}
