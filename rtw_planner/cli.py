"""The headless command line: every calculation and document without a display."""

from __future__ import annotations

import argparse
import importlib
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rtw_planner import __version__

if TYPE_CHECKING:
    import peewee

    from rtw_planner.domain.case import Case

EXIT_INVALID = 2


class UsageError(Exception):
    """Invalid input: reported on standard error with exit status 2, and nothing is written."""


def _global_options(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--version", action="version", version=f"rtw-planner {__version__}")
    parser.add_argument("--db", metavar="PATH", type=Path,
                        help="SQLite database file (default: rtw-planner.sqlite3 in the user's data folder)")
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; global options go before the command."""
    parser = _global_options(argparse.ArgumentParser(
        prog="rtw-planner", description="Return-to-work planning. Without a command, the desktop application starts."))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    imp = commands.add_parser("import", help="import a case file; prints the new case id")
    imp.add_argument("file", type=Path, metavar="FILE")

    exp = commands.add_parser("export", help="export a case to a case file")
    exp.add_argument("case_id", metavar="CASE_ID")
    exp.add_argument("--out", required=True, type=Path, metavar="FILE")

    for module in _command_modules():
        module.add_parser(commands)
    return parser


def _command_modules() -> list[Any]:
    """Command groups that live in rtw_planner.commands (each has add_parser and run)."""
    from rtw_planner.commands import classify, export_outcomes, match, niosh, plan, quota, render, score

    return [render, niosh, classify, match, quota, plan, score, export_outcomes]


def read_case_file(path: Path) -> Case:
    from rtw_planner.domain.casefile import CaseFileError, parse

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read case file {path}: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        return parse(text)
    except CaseFileError as exc:
        raise UsageError(f"invalid case file {path}: {exc}") from None


def check_output(path: Path) -> None:
    if not path.parent.is_dir():
        raise UsageError(f"--out: folder {path.parent} does not exist")
    if path.is_dir():
        raise UsageError(f"--out: {path} is a folder; give a file name")


def database(args: argparse.Namespace, create: bool = True) -> peewee.SqliteDatabase | None:
    from rtw_planner.db.database import DatabaseError, default_database_path, open_database

    path = args.db or default_database_path()
    if not create and not Path(path).exists():
        return None
    try:
        return open_database(path)
    except DatabaseError as exc:
        raise UsageError(str(exc)) from None


def cmd_import(args: argparse.Namespace) -> int:
    """Validate the file completely, then save it as a new case and print its id."""
    from rtw_planner.db.repository import CaseRepository

    case = read_case_file(args.file)
    db = database(args)
    assert db is not None  # created when missing
    saved = CaseRepository(db).save(case)
    print(saved.id)
    return 0


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


def cmd_export(args: argparse.Namespace) -> int:
    """Write one case to a case file (owner-only)."""
    from rtw_planner.domain.casefile import dumps
    from rtw_planner.files import write_private

    write_private(args.out, dumps(saved_case(args)).encode("utf-8"))
    return 0


def _display_available() -> bool:
    """False on Linux without X11, Wayland or an explicit Qt platform, where Qt would abort."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "import": cmd_import, "export": cmd_export, "render": lambda args: _run("render", args),
    "niosh": lambda args: _run("niosh", args), "classify": lambda args: _run("classify", args),
    "match": lambda args: _run("match", args), "quota": lambda args: _run("quota", args),
    "plan": lambda args: _run("plan", args),
    "export-outcomes": lambda args: _run("export_outcomes", args),
    "score": lambda args: _run("score", args),
}


def _run(name: str, args: argparse.Namespace) -> int:
    module = importlib.import_module(f"rtw_planner.commands.{name}")
    return int(module.run(args))


def main(argv: list[str] | None = None) -> int:
    """Run the command line; without a command, start the GUI."""
    argv = list(sys.argv[1:] if argv is None else argv)
    # Only the global options are parsed on the way to the GUI, so starting it loads no command modules.
    global_args, rest = _global_options(argparse.ArgumentParser(add_help=False)).parse_known_args(argv)
    args = build_parser().parse_args(argv) if rest else argparse.Namespace(command=None, db=global_args.db)
    if args.command is None:
        if not _display_available():
            print("rtw-planner: no display found, so the desktop app cannot open. The commands import, export "
                  "and render work without one (see --help); QT_QPA_PLATFORM=offscreen forces a hidden window.",
                  file=sys.stderr)
            return EXIT_INVALID
        from rtw_planner.gui.app import run

        return run(args.db)
    try:
        return COMMANDS[args.command](args)
    except BrokenPipeError:  # output piped into e.g. head, which stopped reading
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except UsageError as exc:
        print(f"rtw-planner {args.command}: {exc}", file=sys.stderr)
        return EXIT_INVALID
