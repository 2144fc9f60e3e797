"""What the commands share: the usage error (exit 2), reading a case file, reading numbers typed as arguments,
opening the database, checking and writing --out."""

from __future__ import annotations

import argparse
import math
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


def shown(typed: str) -> str:
    """What the user typed, quoted to at most 40 characters (for an option that holds no patient data)."""
    from rtw_planner.domain.data.errors import quoted

    return quoted(typed)


def read_case_text(path: Path) -> str:
    """The text of a case file, refused before it is read in full when it is larger than the limit. Raises
    UsageError naming the file and the problem."""
    from rtw_planner.domain.case.casefile import MAX_CASE_FILE_BYTES

    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_CASE_FILE_BYTES + 1)
        if len(data) > MAX_CASE_FILE_BYTES:
            size = path.stat().st_size
            raise UsageError(f"invalid case file {path}: {size / 1_000_000:.3g} MB is larger than the limit of "
                             f"{MAX_CASE_FILE_BYTES / 1_000_000:.3g} MB for a case file")
        return data.decode("utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read case file {path}: {exc.strerror or type(exc).__name__}") from None
    except UnicodeDecodeError as exc:
        raise UsageError(f"cannot read case file {path}: not UTF-8 text (byte {exc.start + 1})") from None


def read_case_file(path: Path) -> Case:
    """The case in a case file. Raises UsageError naming the file and the problem."""
    from rtw_planner.domain.case.casefile import CaseFileError, parse

    text = read_case_text(path)
    try:
        return parse(text)
    except CaseFileError as exc:
        raise UsageError(f"invalid case file {path}: {exc}") from None


def number_argument(option: str, typed: str, allowed: str, *, low: float = -math.inf, high: float = math.inf,
                    whole: bool = False, infinite: bool = False) -> float:
    """A number typed for an option: ASCII digits (at most 24), within [low, high]; "-inf" or "inf" only where
    `infinite` says infinity means something. Raises UsageError naming the option, quoting at most 40 characters
    of what was typed and saying what is allowed."""
    from rtw_planner.domain.data.errors import ValidationError
    from rtw_planner.domain.data.validation import number_from_text

    try:
        value = number_from_text(option, typed, allowed, whole=whole, infinite=infinite)
    except ValidationError as exc:
        raise UsageError(str(exc)) from None
    if not low <= value <= high:
        raise UsageError(f"{option}: {shown(typed)} is not allowed; expected {allowed}")
    return value


def whole_argument(option: str, typed: str, allowed: str, *, low: int = 0, high: int = 2**31 - 1) -> int:
    """A whole number typed for an option, within [low, high]. Raises UsageError as number_argument does."""
    return int(number_argument(option, typed, allowed, low=low, high=high, whole=True))


def check_output(path: Path) -> None:
    """Refuse an --out whose folder is missing or that is a folder."""
    if not path.parent.is_dir():
        raise UsageError(f"--out: folder {path.parent} does not exist")
    if path.is_dir():
        raise UsageError(f"--out: {path} is a folder; give a file name")


def write_output(path: Path, data: bytes) -> None:
    """Write --out owner-only and whole (a temporary file in the same folder, renamed): a missing folder, no
    permission or a full disk become a UsageError of one line, and no partial file is left."""
    from rtw_planner.files import write_private

    try:
        write_private(path, data)
    except OSError as exc:
        raise UsageError(f"--out: cannot write {path}: {exc.strerror or type(exc).__name__}") from None


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


def case_id_argument(option: str, typed: str) -> int:
    """A stored case's id as typed: a whole number from 1 to 2147483647. Raises UsageError."""
    if not re.fullmatch(r"[0-9]{1,10}", typed, re.ASCII) or not 1 <= int(typed) <= 2**31 - 1:
        raise UsageError(f"{option}: {shown(typed)} is not allowed; expected a positive whole number")
    return int(typed)


def saved_case(args: argparse.Namespace) -> Case:
    """The case CASE_ID from the database, after checking --out. Raises UsageError naming the problem."""
    from rtw_planner.db.repository import CaseRepository, NotFoundError

    case_id = case_id_argument("CASE_ID", args.case_id)
    check_output(args.out)
    db = database(args, create=False)
    if db is None:
        from rtw_planner.db.database import default_location

        raise UsageError(f"--db: no database at {args.db or default_location()}")
    try:
        return CaseRepository(db).get(case_id)
    except NotFoundError as exc:
        raise UsageError(f"CASE_ID: {exc}") from None
