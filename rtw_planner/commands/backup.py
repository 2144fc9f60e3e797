"""`backup --out FILE`: the whole database copied online to a new owner-only file (pg_dump's format on a server)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def add_parser(subparsers: Any) -> None:
    """Register the command."""
    parser = subparsers.add_parser("backup", help="copy the whole database to a new file, while it is in use")
    parser.add_argument("--out", required=True, type=Path, metavar="FILE",
                        help="the backup to write (never an existing file); `restore` reads it back")


def run(args: argparse.Namespace) -> int:
    """Write the backup."""
    from rtw_planner.commands._refusals import refused
    from rtw_planner.commands._support import UsageError, check_output, database
    from rtw_planner.db.backup import back_up
    from rtw_planner.db.roles import Action, require

    check_output(args.out)
    db = database(args, create=False)
    if db is None:
        raise UsageError(f"--db: no database at {args.db or 'the default location'}")
    with refused():
        require(db, Action.BACK_UP)
        back_up(db, args.out)
    return 0
