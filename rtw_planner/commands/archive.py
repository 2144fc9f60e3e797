"""`archive CASE_ID [--restore]`: take a stored case off the case list and the caseload, keeping everything, or put
an archived case back."""

from __future__ import annotations

import argparse
from typing import Any


def add_parser(subparsers: Any) -> None:
    """Register the command."""
    parser = subparsers.add_parser("archive", help="archive a case (off the list and the caseload, all kept), or "
                                                   "restore it")
    parser.add_argument("case_id", metavar="CASE_ID")
    parser.add_argument("--restore", action="store_true", help="put an archived case back on the list")


def run(args: argparse.Namespace) -> int:
    """Archive or restore; prints what was done."""
    from rtw_planner.commands._refusals import refused
    from rtw_planner.commands._support import UsageError, case_id_argument, database
    from rtw_planner.db.errors import NotFoundError
    from rtw_planner.db.repository import CaseRepository

    case_id = case_id_argument("CASE_ID", args.case_id)
    db = database(args, create=False)
    if db is None:
        raise UsageError(f"--db: no database at {args.db or 'the default location'}")
    repository = CaseRepository(db)
    with refused():
        try:
            repository.set_archived(case_id, not args.restore)
        except NotFoundError:
            raise UsageError(f"CASE_ID: case {case_id} does not exist") from None
    print(f"case {case_id} {'restored' if args.restore else 'archived'}")
    return 0
