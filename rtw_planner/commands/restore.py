"""`restore FILE --db TARGET`: a backup put back into an empty database, then brought up to this version's schema."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def add_parser(subparsers: Any) -> None:
    """Register the command. --db may also come before the command, as everywhere."""
    parser = subparsers.add_parser("restore", help="restore a backup into an empty database (--db TARGET)")
    parser.add_argument("file", type=Path, metavar="FILE", help="a file written by the backup command")
    parser.add_argument("--db", default=argparse.SUPPRESS, metavar="TARGET",
                        help="the empty database to fill: a new SQLite file, or postgresql://USER@HOST:PORT/DBNAME")


def run(args: argparse.Namespace) -> int:
    """Restore, then open the result (which applies newer migrations and the server's grants)."""
    from rtw_planner.commands._refusals import refused
    from rtw_planner.commands._support import UsageError, database
    from rtw_planner.db.backup import restore
    from rtw_planner.db.roles import install

    if not getattr(args, "db", None):
        raise UsageError("--db TARGET is required: the new, empty database to restore into")
    with refused():
        restore(args.file, str(args.db))
        db = database(args)
        assert db is not None  # it exists now
        try:
            install(db)  # a restored server database has its grants again (none are restored)
        finally:
            db.close()  # a SQLite file is then whole, with no -wal beside it, ready to be moved into place
    return 0
