"""What the commands share: the usage error (exit 2), reading a case file, opening the database, checking --out."""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import peewee

    from rtw_planner.domain.case.model import Case

EXIT_INVALID = 2
EXIT_CONFLICT = 3


class UsageError(Exception):
    """Invalid input: reported on standard error with exit status 2, and nothing is written."""


class ConflictUsageError(UsageError):
    """The stored case changed since the file was exported: reported with exit status 3, and nothing is written."""


def read_case_file(path: Path) -> Case:
    """The case in a case file. Raises UsageError naming the file and the problem."""
    from rtw_planner.domain.case.casefile import CaseFileError, parse

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read case file {path}: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        return parse(text)
    except CaseFileError as exc:
        raise UsageError(f"invalid case file {path}: {exc}") from None


def check_output(path: Path) -> None:
    """Refuse an --out whose folder is missing or that is a folder."""
    if not path.parent.is_dir():
        raise UsageError(f"--out: folder {path.parent} does not exist")
    if path.is_dir():
        raise UsageError(f"--out: {path} is a folder; give a file name")


def database(args: argparse.Namespace, create: bool = True) -> peewee.SqliteDatabase | None:
    """The database of --db (or the default), migrated; None when create is False and there is none."""
    from rtw_planner.db.database import DatabaseError, default_database_path, open_database

    path = args.db or default_database_path()
    if not create and not Path(path).exists():
        return None
    try:
        return open_database(path)
    except DatabaseError as exc:
        raise UsageError(str(exc)) from None


def saved_case(args: argparse.Namespace) -> Case:
    """The case CASE_ID from the database, after checking --out. Raises UsageError naming the problem."""
    from rtw_planner.db.repository import CaseRepository, NotFoundError

    if not re.fullmatch(r"[0-9]+", args.case_id) or int(args.case_id) < 1:
        raise UsageError(f"CASE_ID: {args.case_id!r} is not allowed; expected a positive whole number")
    check_output(args.out)
    db = database(args, create=False)
    if db is None:
        raise UsageError(f"--db: no database at {args.db or 'the default location'}")
    try:
        return CaseRepository(db).get(int(args.case_id))
    except NotFoundError as exc:
        raise UsageError(f"CASE_ID: {exc}") from None
