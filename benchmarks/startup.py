"""Startup benchmark on 10,000 cases against a bare QMainWindow: the time to the first window on screen (the main
window saying it is opening the caseload) and to the full window on the caseload, and the peak memory."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from runs import parse_runs  # benchmarks/ is on the path when a benchmark runs as a script

from rtw_planner.db.database import open_database
from rtw_planner.db.repository import CaseRepository
from rtw_planner.domain.case.model import Case

CASES = 10_000
TARGET_RATIO = 1.5
TARGET_EXTRA_RSS_MIB = 30.0  # peak memory within bare Qt's + this
HEAVY_MODULES = ("pyqtgraph", "numpy", "reportlab")
JOB_TITLES = ("Warehouse operative", "Nurse", "Bus driver", "Office administrator", "Electrician", "Chef")
EMPLOYERS = ("Acme Logistics", "City Hospital", "Metro Transit", "Northside Council", "Brightway Foods")
BARE_CODE = (
    "import sys\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication(sys.argv[:1])\n"
    "window = QMainWindow()\n"
    "window.show()\n"
    "app.processEvents()\n"
)


def build_database(path: Path, count: int = CASES) -> None:
    """Create a database at path holding count case headers, each with a review date in the next six months or
    the last three days: about 6% of them on the home's list of what is due this week."""
    today = date.today()
    cases = [Case(patient_name=f"Patient {i}", job_title=JOB_TITLES[i % len(JOB_TITLES)],
                  employer=EMPLOYERS[(i // 3) % len(EMPLOYERS)], review_date=today + timedelta(days=i % 183 - 3))
             for i in range(count)]
    db = open_database(path)
    try:
        CaseRepository(db).insert_many_for_benchmark(cases)
    finally:
        db.close()


def child_env(data_dir: Path, exit_when: str = "ready") -> dict[str, str]:
    """The environment for a child: offscreen Qt, quit once the first window is painted ("first") or the full window
    is up ("ready"), a private data folder, and bytecode caching on (the warm-up run writes it), as an installed
    application runs."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(QT_QPA_PLATFORM="offscreen", RTW_PLANNER_EXIT_WHEN_SHOWN=exit_when,
               RTW_PLANNER_DATA_DIR=str(data_dir))
    return env


def run_child(argv: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Run argv to its exit; return wall seconds, peak RSS in MiB and stderr. Exits if the child fails."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        sys.exit(f"benchmark child failed (exit {proc.returncode}): {' '.join(argv)}\n{stderr}")
    return elapsed, usage.ru_maxrss / 1024, stderr  # ru_maxrss is KiB on Linux


def heavy_imports(importtime_log: str) -> list[str]:
    """Heavy top-level packages named in a `python -X importtime` log."""
    found: set[str] = set()
    for line in importtime_log.splitlines():
        if line.startswith("import time:") and "|" in line:
            top = line.rsplit("|", 1)[1].strip().split(".")[0]
            if top in HEAVY_MODULES:
                found.add(top)
    return sorted(found)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options: --runs N (at least 15) or --quick for a 3-run smoke test."""
    return parse_runs(__doc__, argv)


def main(argv: list[str] | None = None) -> int:
    """Build the database, time interleaved first-window, full-window and bare runs, and print `name: value`."""
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="rtw-bench-") as tmp:
        db_path, data_dir = Path(tmp) / "bench.sqlite3", Path(tmp) / "data"
        data_dir.mkdir()
        build_database(db_path)
        first_env, ready_env = child_env(data_dir, "first"), child_env(data_dir, "ready")
        app_argv = [sys.executable, "-m", "rtw_planner", "--db", str(db_path)]
        bare_argv = [sys.executable, "-c", BARE_CODE]
        run_child(app_argv, ready_env)  # warm-up: migrations done, files cached
        run_child(bare_argv, ready_env)
        first_times: list[float] = []
        ready_times: list[float] = []
        bare_times: list[float] = []
        ready_rss: list[float] = []
        bare_rss: list[float] = []
        for _ in range(args.runs):  # interleaved so drift hits all three alike
            first_times.append(run_child(app_argv, first_env)[0])
            seconds, rss, _ = run_child(app_argv, ready_env)
            ready_times.append(seconds)
            ready_rss.append(rss)
            seconds, rss, _ = run_child(bare_argv, ready_env)
            bare_times.append(seconds)
            bare_rss.append(rss)
        _, _, log = run_child([sys.executable, "-X", "importtime", *app_argv[1:]], ready_env)
    heavy = heavy_imports(log)
    first_ms, ready_ms, bare_ms = (statistics.median(times) * 1000 for times in (first_times, ready_times, bare_times))
    ratio = first_ms / bare_ms
    extra_rss = statistics.median(ready_rss) - statistics.median(bare_rss)  # the full window's peak, not the frame's
    print(f"cases: {CASES}")
    print(f"runs: {args.runs}")
    print(f"bare_startup_ms: {bare_ms:.1f}")
    print(f"startup_ms: {first_ms:.1f}")
    print(f"startup_ratio: {ratio:.2f}")
    print(f"startup_ready_ms: {ready_ms:.1f}")
    print(f"startup_ready_ratio: {ready_ms / bare_ms:.2f}")
    print(f"startup_peak_rss_mib: {statistics.median(ready_rss):.1f}")
    print(f"bare_peak_rss_mib: {statistics.median(bare_rss):.1f}")
    print(f"heavy_imports_at_startup: {', '.join(heavy) if heavy else 'none'}")
    print(f"startup_extra_rss_mib: {extra_rss:.1f}")
    print(f"startup_target_met: {'yes' if ratio <= TARGET_RATIO else 'no'}")
    print(f"startup_rss_target_met: {'yes' if extra_rss <= TARGET_EXTRA_RSS_MIB else 'no'}")
    return 0

if __name__ == "__main__":
    sys.exit(main())
