"""`history CASE_ID [--json]`: who changed a stored case, when, and each field's old and new value."""

from __future__ import annotations

import argparse
import json
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rtw_planner.db.audit import Change


def add_parser(subparsers: Any) -> None:
    """Register the command."""
    parser = subparsers.add_parser("history", help="who changed a case, when, with the old and new values")
    parser.add_argument("case_id", metavar="CASE_ID")
    parser.add_argument("--json", action="store_true", help="a JSON list of {when, who, what, field, old, new}")


def _value(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def line(change: Change) -> str:
    """One change as a line of text, in local time."""
    when = change.when.astimezone().strftime("%Y-%m-%d %H:%M")
    if change.field is not None:
        detail = f"{change.field}: {_value(change.old)} → {_value(change.new)}"
    else:
        detail = _value(change.new if change.old is None else change.old)
    return f"{when}  {change.who}  {change.what}  {detail}"


def run(args: argparse.Namespace) -> int:
    """Print the case's changes, oldest first."""
    from rtw_planner.commands._refusals import refused
    from rtw_planner.commands._support import UsageError, database
    from rtw_planner.db.audit import case_exists, history
    from rtw_planner.db.roles import Action, require

    if not re.fullmatch(r"[0-9]+", args.case_id) or int(args.case_id) < 1:
        raise UsageError(f"CASE_ID: {args.case_id[:40]!r} is not allowed; expected a positive whole number")
    case_id = int(args.case_id)
    db = database(args, create=False)
    if db is None:
        raise UsageError(f"--db: no database at {args.db or 'the default location'}")
    with refused():
        require(db, Action.READ_CLINICAL)
        changes = history(db, case_id)
        if not changes and not case_exists(db, case_id):
            raise UsageError(f"CASE_ID: case {case_id} does not exist and has no recorded history")
    if args.json:
        print(json.dumps([c.to_dict() for c in changes], ensure_ascii=False, indent=1))
    elif not changes:
        print(f"case {case_id}: no changes recorded since the database began keeping its audit trail")
    for change in [] if args.json else changes:
        print(line(change))
    return 0
