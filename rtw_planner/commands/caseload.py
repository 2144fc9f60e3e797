"""`caseload [--due-within DAYS] [--json]`: what is due across the cases: overdue and due reviews, appointments,
phases starting or ending, consents running out and letters to renew; overdue reviews first."""

from __future__ import annotations

import argparse
import json
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rtw_planner.domain.caseload.due import DueItem



def add_parser(subparsers: Any) -> None:
    """Register the command."""
    parser = subparsers.add_parser("caseload", help="list what is due across the cases, overdue reviews first")
    parser.add_argument("--due-within", type=str, default="7", metavar="DAYS",
                        help="look this many days ahead (default 7; overdue reviews are always listed)")
    parser.add_argument("--json", action="store_true", help="print a JSON list of {case_id, patient_name, reason, "
                        "date, detail}")


def _days(value: str) -> int:
    from rtw_planner.commands._support import whole_argument
    from rtw_planner.domain.caseload.due import MAX_DUE_DAYS

    return whole_argument("--due-within", value, f"a whole number of days from 0 to {MAX_DUE_DAYS}",
                          high=MAX_DUE_DAYS)


def due(args: argparse.Namespace, today: date) -> list[DueItem]:
    """Every case's due items from the database of --db (none when there is no database yet)."""
    from rtw_planner.commands._support import database
    from rtw_planner.db.caseload_source import caseload_inputs
    from rtw_planner.domain.caseload.due import caseload

    within = _days(args.due_within)
    db = database(args, create=False)
    if db is None:
        return []
    try:
        cases, letters = caseload_inputs(db, today + timedelta(days=within))
        return caseload(cases, today, within, letters)
    finally:
        db.close()


def run(args: argparse.Namespace) -> int:
    """Print the caseload as a table, or as JSON."""
    items = due(args, date.today())
    if args.json:
        print(json.dumps([item.to_dict() for item in items], indent=2, ensure_ascii=False))
        return 0
    if not items:
        print(f"Nothing is due in the next {args.due_within} days.")
    for item in items:
        print(f"{item.date.isoformat()}  {item.reason.label:<16}  {item.case_id:>6}  {item.patient_name}"
              + (f"  ({item.detail})" if item.detail else ""))
    return 0
