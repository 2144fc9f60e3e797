"""`export-outcomes CASE_ID --out FILE.csv`: a case's outcome scores and home-practice log as CSV (owner-only)."""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any


def add_parser(subparsers: Any) -> None:
    """Register the command."""
    parser = subparsers.add_parser("export-outcomes", help="write a case's outcomes and practice log as CSV")
    parser.add_argument("case_id", metavar="CASE_ID")
    parser.add_argument("--out", required=True, type=Path, metavar="FILE.csv")


def run(args: argparse.Namespace) -> int:
    """Write the CSV."""
    from rtw_planner.cli import UsageError, check_output, database
    from rtw_planner.db.repository import CaseRepository, NotFoundError
    from rtw_planner.domain.csv_export import csv_text
    from rtw_planner.files import write_private

    if not re.fullmatch(r"[0-9]+", args.case_id) or int(args.case_id) < 1:
        raise UsageError(f"CASE_ID: {args.case_id!r} is not allowed; expected a positive whole number")
    check_output(args.out)
    db = database(args, create=False)
    if db is None:
        raise UsageError(f"--db: no database at {args.db or 'the default location'}")
    try:
        case = CaseRepository(db).get(int(args.case_id))
    except NotFoundError as exc:
        raise UsageError(f"CASE_ID: {exc}") from None
    write_private(args.out, csv_text(case).encode("utf-8"))
    return 0
