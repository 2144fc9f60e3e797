"""The headless command line: every calculation and document without a display."""

from __future__ import annotations

import argparse
import os
import re
import sys
from typing import NoReturn

from rtw_planner import __version__

MAX_MESSAGE = 300  # characters of the one line a refused command prints
EXIT_INTERNAL = 1
ERROR_LOG = "rtw-planner-errors.log"  # in the user's data folder: where an internal error is recorded
# What argparse should read as a negative number, not as an option: -5, -.5, -1e5, -inf, -Infinity, -nan.
NEGATIVE_NUMBER = re.compile(r"^-(?:[0-9.][0-9_.]*(?:[eE][-+]?[0-9]*)?|inf(?:inity)?|nan)$", re.IGNORECASE)


class ArgumentParser(argparse.ArgumentParser):
    """argparse with a usage error on one line (exit status 2), and negative numbers such as -inf or -1e5 read as
    values, so a number parser can accept them or refuse them with a message."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._negative_number_matcher = NEGATIVE_NUMBER  # argparse's own knows only -5 and -.5

    def error(self, message: str) -> NoReturn:
        self.exit(2, one_line(f"{self.prog}: {message} (see {self.prog} --help)") + "\n")


def one_line(message: str) -> str:
    """A message as one line of at most MAX_MESSAGE characters (the last resort: messages are short already)."""
    from rtw_planner.domain.data.errors import ascii_safe

    flat = ascii_safe(" ".join(message.split()))
    return flat if len(flat) <= MAX_MESSAGE else flat[:MAX_MESSAGE - 1] + "…"


def short_lines(message: str, most: int = 40) -> str:
    """A message's lines, each made one line of at most MAX_MESSAGE characters: a refusal is one line, except a
    list a command makes on purpose (what blocks issuing a document, one item a line)."""
    lines = [one_line(line) for line in message.splitlines() if line.strip()][:most]
    return "\n".join(lines)


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

    parser = _global_options(ArgumentParser(
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
    global_args, rest = _global_options(ArgumentParser(add_help=False)).parse_known_args(argv)
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
        print(short_lines(f"rtw-planner {args.command}: {exc}"), file=sys.stderr)
        return EXIT_CONFLICT if isinstance(exc, ConflictUsageError) else EXIT_INVALID
    except OSError as exc:  # the system refused a file: a folder without permission, a full disk
        where = f" {exc.filename}" if exc.filename else ""
        print(one_line(f"rtw-planner {args.command}: cannot use{where}: {exc.strerror or type(exc).__name__}"),
              file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        print(f"rtw-planner {args.command}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: never a traceback on the user's terminal
        logged = _log_internal_error(args.command, exc)
        print(one_line(f"rtw-planner {args.command}: internal error, please report"
                       + (f" (details, without patient data, in {logged})" if logged else "")), file=sys.stderr)
        return EXIT_INTERNAL


def _log_internal_error(command: str, exc: BaseException) -> str | None:
    """Append the error to the log in the user's data folder: when, which command, the exception's type and where
    it was raised (file, line, function), but not its message or any value, which may hold patient data. The log's
    path, or None when it cannot be written."""
    import traceback
    from datetime import datetime

    from rtw_planner.assets import data_dir

    frames = traceback.extract_tb(exc.__traceback__)
    lines = [f"{datetime.now().isoformat(timespec='seconds')} rtw-planner {__version__} {command}: "
             f"{type(exc).__module__}.{type(exc).__qualname__}"]
    lines += [f"  {os.path.basename(f.filename)}:{f.lineno} in {f.name}" for f in frames[-12:]]
    try:
        folder = data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / ERROR_LOG
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
    except OSError:
        return None
    return str(path)
