"""Match benchmark: everything the match derives from the demo case after an edit (the job match and its chart,
restrictions, task advice, adjustment suggestions, projections, safety-critical work), against a fixed
pure-Python calibration workload timed in the same run (interleaved), so a busy machine shows as such."""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date

from runs import parse_runs  # benchmarks/ is on the path when a benchmark runs as a script

from rtw_planner.domain.case.demo import demo_case
from rtw_planner.domain.case.model import Case
from rtw_planner.domain.match.job import chart_bars, job_match
from rtw_planner.domain.match.planning import suggest_for_case
from rtw_planner.domain.match.projection import essential_mismatch_projections
from rtw_planner.domain.match.restrictions import restrictions_from_match
from rtw_planner.domain.match.safety import safety_critical_work
from rtw_planner.domain.match.task_advice import advise_tasks

TARGET_MS = 16.0  # one frame at 60 Hz
CALIBRATION_SIZE = 20_000


def derive(case: Case) -> int:
    """What the case's tabs show of the match; returns the number of match items."""
    result = job_match(case)
    chart_bars(result.items)
    restrictions_from_match(result.items)
    advise_tasks(case.demands.tasks, result.items)
    suggest_for_case(case)
    essential_mismatch_projections(case)
    safety_critical_work(case)
    return len(result.items)


def calibration() -> int:
    """A fixed pure-Python workload (sorting and string formatting): the same work whatever the code base."""
    return len(sorted(f"{n * 7919 % CALIBRATION_SIZE:05d}" for n in range(CALIBRATION_SIZE)))


def timed(work: Callable[[], object]) -> float:
    """Seconds one call of work takes."""
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options: --runs N (at least 15) or --quick for a 3-run smoke test."""
    return parse_runs(__doc__, argv)


def main(argv: list[str] | None = None) -> int:
    """Time the first match, then interleaved matches, job matches alone and calibrations; print `name: value`."""
    args = parse_args(argv)
    case = demo_case(date.today())
    first = timed(lambda: derive(case))  # reads the strength tables, scales and library on first use
    items = derive(case)
    match_times: list[float] = []
    job_times: list[float] = []
    calibration_times: list[float] = []
    for _ in range(args.runs):  # interleaved A B C A B C ... so drift hits all alike
        match_times.append(timed(lambda: derive(case)))
        job_times.append(timed(lambda: job_match(case)))
        calibration_times.append(timed(calibration))
    match_ms = statistics.median(match_times) * 1000
    calibration_ms = statistics.median(calibration_times) * 1000
    print("match_case: demo")
    print(f"match_items: {items}")
    print(f"match_runs: {args.runs}")
    print(f"match_first_ms: {first * 1000:.2f}")
    print(f"match_job_ms: {statistics.median(job_times) * 1000:.2f}")
    print(f"match_ms: {match_ms:.2f}")
    print(f"match_calibration_ms: {calibration_ms:.2f}")
    print(f"match_per_calibration: {match_ms / calibration_ms:.3f}")
    print(f"match_target_met: {'yes' if match_ms <= TARGET_MS else 'no'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
