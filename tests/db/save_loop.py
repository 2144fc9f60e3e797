"""A process for test_busy: saves one stored case over and over until a deadline, each save adding a practice day
named after the process and the attempt, and prints as JSON which saves succeeded, how many were refused as
conflicts, and every other error (there should be none)."""

from __future__ import annotations

import json
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from rtw_planner.db.database import open_database
from rtw_planner.db.errors import ConflictError
from rtw_planner.db.repository import CaseRepository
from rtw_planner.domain.case.outcome_records import PracticeEntry

PRACTICE_DAY = date(2026, 11, 2)


def save_until(location: str, case_id: int, start_at: float, stop_at: float, name: str) -> dict[str, object]:
    """Start at start_at (a time.time() value, so both processes begin together) and save until stop_at."""
    repo = CaseRepository(open_database(location if location.startswith("postgresql://") else Path(location)))
    saved: list[str] = []
    conflicts = 0
    failures: list[str] = []
    time.sleep(max(0.0, start_at - time.time()))
    attempt = 0
    while time.time() < stop_at:
        attempt += 1
        entry = PracticeEntry(PRACTICE_DAY, f"{name} {attempt}", None, float(attempt), False)
        try:
            case = repo.get(case_id)
            repo.save(replace(case, practice_log=(*case.practice_log, entry)))
        except ConflictError:
            conflicts += 1
        except Exception as exc:  # noqa: BLE001 - every other error is what the test looks for
            failures.append(f"{type(exc).__module__}.{type(exc).__name__}: {exc}")
        else:
            saved.append(entry.activity)
    return {"saved": saved, "conflicts": conflicts, "failures": failures}


if __name__ == "__main__":
    location, case_id, start_at, stop_at, name = sys.argv[1:]
    print(json.dumps(save_until(location, int(case_id), float(start_at), float(stop_at), name)))
