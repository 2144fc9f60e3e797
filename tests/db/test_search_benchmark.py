"""The search benchmark runs and prints its figures as `name: value` lines (no timing is asserted); its generated
cases carry the keys a save would give them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIGURES = ("median_ms", "p95_ms", "cpu_median_ms", "cpu_p95_ms")


def test_a_small_run_prints_every_figure() -> None:
    env = {k: v for k, v in os.environ.items() if k != "RTW_PLANNER_TEST_PG_URL"}  # the file's figures alone
    env["PYTHONPATH"] = str(ROOT)  # this tree's package, not an installed one
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "search.py"), "--cases", "300", "--rounds",
                             "1"], capture_output=True, text=True, timeout=300, env=env, check=False)
    assert result.returncode == 0, result.stderr
    figures = dict(line.split(": ", 1) for line in result.stdout.splitlines())
    keystrokes = sum(len(word) for word in ("zoe", "LUKAS", "müller", "nunez", "dabrowski", "obrien", "øberg", "celik",
                                            "angstrom", "ó súil", "nurse", "strassen", "societe", "zabka", "jorgensen",
                                            "wisniewska", "petrovic", "xyzzy", "kowalczyk", "bronte", "#12345",
                                            "14.02.1979", "van der", "ekstr"))
    assert (figures.pop("search_cases"), figures.pop("search_keystrokes")) == ("300", str(keystrokes))
    assert float(figures.pop("search_fill_s")) >= 0
    assert figures.pop("search_target_met") in {"yes", "no"}
    names = {f"{prefix}_{figure}" for prefix in ("search", "search_baseline", "search_baseline_like")
             for figure in FIGURES}
    assert set(figures) == names
    assert all(float(value) >= 0 for value in figures.values())
    assert float(figures["search_p95_ms"]) >= float(figures["search_median_ms"])


def test_generated_cases_are_found_as_saved_ones_are(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import search as benchmark  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    from rtw_planner.db.database import open_database
    from rtw_planner.db.repository import CaseRepository

    db = open_database(tmp_path / "bench.sqlite3")
    benchmark.fill(db, 40)
    repository = CaseRepository(db)
    listed = repository.summaries(limit=100)
    assert len(listed) == repository.count()  # the open ones (about a tenth are archived)
    first = listed[0]
    assert first.id in [s.id for s in repository.summaries(first.patient_name.split()[-1])]
    assert len(repository.clinicians()) == 5
