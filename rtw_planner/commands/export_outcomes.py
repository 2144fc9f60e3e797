"""`export-outcomes CASE_ID --out FILE.csv`: a case's outcome scores and home-practice log as CSV (owner-only)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def add_parser(subparsers: Any) -> None:
    """Register the command."""
    parser = subparsers.add_parser("export-outcomes", help="write a case's outcomes and practice log as CSV")
    parser.add_argument("case_id", metavar="CASE_ID")
    parser.add_argument("--out", required=True, type=Path, metavar="FILE.csv")


def run(args: argparse.Namespace) -> int:
    """Write the CSV."""
    from rtw_planner.commands._support import saved_case, write_output
    from rtw_planner.domain.outcomes.csv_export import csv_text

    write_output(args.out, csv_text(saved_case(args)).encode("utf-8"))
    return 0
