"""`import FILE`: validate a case file completely, then save it as a new case and print its id alone."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def add_parser(subparsers: Any) -> None:
    """Register the command."""
    parser = subparsers.add_parser("import", help="import a case file; prints the new case id")
    parser.add_argument("file", type=Path, metavar="FILE")


def run(args: argparse.Namespace) -> int:
    """Save the case and print its id."""
    from rtw_planner.commands._support import database, read_case_file
    from rtw_planner.db.repository import CaseRepository

    case = read_case_file(args.file)
    db = database(args)
    assert db is not None  # created when missing
    saved = CaseRepository(db).save(case)
    print(saved.id)
    return 0
