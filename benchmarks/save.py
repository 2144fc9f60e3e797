"""Save benchmark: a one-field edit of a case with 500 outcome records and 500 practice-log days, against
inserting the same case fresh, in the same run (interleaved)."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from runs import parse_runs  # benchmarks/ is on the path when a benchmark runs as a script

from rtw_planner.db.database import open_database
from rtw_planner.db.repository import CaseRepository
from rtw_planner.domain.capacity.evaluation import Evaluation
from rtw_planner.domain.case.model import Case, Clinician, Consent, ConsentCategory
from rtw_planner.domain.case.outcome_records import OutcomeRecord, PracticeEntry
from rtw_planner.domain.demands.job import JobDemands
from rtw_planner.domain.demands.profile import Activity, Frequency, PhysicalProfile, PostureTolerance
from rtw_planner.domain.plan.model import PersonalFlarePlan, Plan

ROWS = 500
TARGET_RATIO = 0.1
FIRST_DAY = date(2025, 1, 6)


def long_case(rows: int = ROWS) -> Case:
    """A case after months of treatment: demands, two evaluations, a plan, and `rows` outcome records and
    practice-log days."""
    lift = (Activity.LIFT_FLOOR_TO_WAIST, Frequency.OCCASIONAL)
    carry = (Activity.CARRY, Frequency.FREQUENT)
    sitting = {Activity.SIT: PostureTolerance(30, 240)}
    demands = JobDemands(PhysicalProfile({lift: 20, carry: 10}, sitting), shift_hours=8)
    evaluations = tuple(Evaluation(FIRST_DAY + timedelta(weeks=8 * n), "P. Shah", "FCE",
                                   profile=PhysicalProfile({lift: 10 + 5 * n, carry: 5 + n}, sitting))
                        for n in range(2))
    outcomes = tuple(OutcomeRecord("PSFS", FIRST_DAY + timedelta(days=n // 2), (3.0 + n % 5, 4.0, None), 3.5 + n % 5)
                     for n in range(rows))
    practice = tuple(PracticeEntry(FIRST_DAY + timedelta(days=n), "Walking" if n % 2 else "Sitting", 10.0 + n % 7,
                                   9.0 + n % 5, n % 3 != 0) for n in range(rows))
    consent = Consent(ConsentCategory.FUNCTIONAL, "Employer HR", "Return to work", FIRST_DAY)
    return Case("Benchmark Patient", employer="Acme Logistics", job_title="Picker",
                clinician=Clinician("P. Shah", "Physiotherapist"), consents=(consent,), demands=demands,
                evaluations=evaluations, outcomes=outcomes, practice_log=practice,
                plan=Plan(flare_plan=PersonalFlarePlan(triggers=("Long drives",))))


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options: --runs N (at least 15) or --quick for a 3-run smoke test."""
    return parse_runs(__doc__, argv)


def main(argv: list[str] | None = None) -> int:
    """Time interleaved fresh inserts and one-field edits, and print `name: value` lines."""
    args = parse_args(argv)
    case = long_case()
    with tempfile.TemporaryDirectory(prefix="rtw-bench-") as tmp:
        db = open_database(Path(tmp) / "bench.sqlite3")
        repository = CaseRepository(db)
        stored = repository.save(case)  # warm-up, and the case every edit changes
        repository.save(case)
        new_times: list[float] = []
        edit_times: list[float] = []
        for run in range(args.runs):  # interleaved A B A B ... so drift hits both alike
            start = time.perf_counter()
            repository.save(case)
            new_times.append(time.perf_counter() - start)
            edited = replace(stored, job_title=f"Picker {run}")  # built outside the timed part
            start = time.perf_counter()
            stored = repository.save(edited)
            edit_times.append(time.perf_counter() - start)
        db.close()
    new_ms = statistics.median(new_times) * 1000
    edit_ms = statistics.median(edit_times) * 1000
    ratio = edit_ms / new_ms
    print(f"save_outcome_rows: {ROWS}")
    print(f"save_practice_rows: {ROWS}")
    print(f"save_runs: {args.runs}")
    print(f"save_new_ms: {new_ms:.2f}")
    print(f"save_edit_ms: {edit_ms:.2f}")
    print(f"save_edit_ratio: {ratio:.3f}")
    print(f"save_target_met: {'yes' if ratio <= TARGET_RATIO else 'no'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
