"""The headless command line: every calculation and document without a display."""

from __future__ import annotations

import argparse
import os
import sys

from rtw_planner import __version__


def _global_options(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--version", action="version", version=f"rtw-planner {__version__}")
    # Text, not a Path: a Path would fold the two slashes of postgresql://.
    parser.add_argument("--db", metavar="PATH|URL",
                        help="SQLite database file, or a clinic server as postgresql://USER@HOST:PORT/DATABASE "
                             "(password from ~/.pgpass or asked; never on the command line). Default: "
                             "RTW_PLANNER_DB, else rtw-planner.sqlite3 in the user's data folder")
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; global options go before the command. Each command adds its own parser."""
    from rtw_planner.commands import MODULES, command_module

    parser = _global_options(argparse.ArgumentParser(
        prog="rtw-planner", description="Return-to-work planning. Without a command, the desktop application starts."))
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in MODULES:
        command_module(name).add_parser(subparsers)
    return parser


def _display_available() -> bool:
    """False on Linux without X11, Wayland or an explicit Qt platform, where Qt would abort."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


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
            return 2
        from rtw_planner.gui.app import run

        return run(args.db)
    from rtw_planner.commands import command_module
    from rtw_planner.commands._support import EXIT_CONFLICT, EXIT_INVALID, ConflictUsageError, UsageError
    from rtw_planner.db.errors import StorageError

    try:
        return int(command_module(args.command).run(args))
    except BrokenPipeError:  # output piped into e.g. head, which stopped reading
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except (UsageError, StorageError) as exc:  # storage: busy, damaged, refused; the message says what to do
        print(f"rtw-planner {args.command}: {exc}", file=sys.stderr)
        return EXIT_CONFLICT if isinstance(exc, ConflictUsageError) else EXIT_INVALID
