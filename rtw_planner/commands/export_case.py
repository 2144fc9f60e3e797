"""`export CASE_ID --out FILE`: one stored case as a case file (owner-only)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def add_parser(subparsers: Any) -> None:
    """Register the command."""
    parser = subparsers.add_parser("export", help="export a case to a case file")
    parser.add_argument("case_id", metavar="CASE_ID")
    parser.add_argument("--out", required=True, type=Path, metavar="FILE")


def run(args: argparse.Namespace) -> int:
    """Write the case file."""
    from rtw_planner.commands._support import saved_case
    from rtw_planner.domain.case.casefile import dumps
    from rtw_planner.files import write_private

    write_private(args.out, dumps(saved_case(args)).encode("utf-8"))
    return 0
