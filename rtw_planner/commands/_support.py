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


def _ask_password(server: str) -> str | None:
    """The server's password typed on the terminal (not echoed); None when there is no terminal to ask on."""
    import getpass
    import sys

    if not sys.stdin.isatty():
        return None
    try:
        return getpass.getpass(f"Password for {server}: ")
    except (EOFError, KeyboardInterrupt):
        return None


def database(args: argparse.Namespace, create: bool = True) -> peewee.Database | None:
    """The database of --db, RTW_PLANNER_DB or the default file, migrated; None when create is False and there is
    no such file (a server database always exists once it is reachable)."""
    from rtw_planner.db.database import DatabaseError, default_location, is_server_location, open_database

    location = args.db or default_location()
    if not create and not is_server_location(location) and not Path(location).exists():
        return None
    try:
        return open_database(location, password_prompt=_ask_password)
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
        from rtw_planner.db.database import default_location

        raise UsageError(f"--db: no database at {args.db or default_location()}")
    try:
        return CaseRepository(db).get(int(args.case_id))
    except NotFoundError as exc:
        raise UsageError(f"CASE_ID: {exc}") from None
