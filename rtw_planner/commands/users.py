"""`users [list | set NAME ROLE | remove NAME]`: who has which role (administrator, clinician, reception)."""

from __future__ import annotations

import argparse
from typing import Any

ROLES = ("administrator", "clinician", "reception")


def add_parser(subparsers: Any) -> None:
    """Register the command and its actions."""
    parser = subparsers.add_parser("users", help="list people and their roles, or (administrators) change them")
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.add_parser("list", help="everyone with a role (the default)")
    give = actions.add_parser("set", help="give NAME a role (on a server, making their login role if new; they "
                                          "then set a password with psql's \\password, never on a command line)")
    give.add_argument("name", metavar="NAME")
    give.add_argument("role", choices=ROLES)
    take = actions.add_parser("remove", help="take NAME's role away (the login stays, named in the audit trail)")
    take.add_argument("name", metavar="NAME")


def run(args: argparse.Namespace) -> int:
    """List, set or remove."""
    from rtw_planner.commands._refusals import refused
    from rtw_planner.commands._support import UsageError, database
    from rtw_planner.db import users
    from rtw_planner.db.roles import Role

    db = database(args, create=False)
    if db is None:
        raise UsageError(f"--db: no database at {args.db or 'the default location'}")
    with refused():
        if args.action == "set":
            users.set_role(db, args.name, Role(args.role))
        elif args.action == "remove" and not users.remove(db, args.name):
            raise UsageError(f"NAME: {args.name} has no role to remove")
        elif args.action in (None, "list"):
            for name, role in users.users(db):
                print(f"{name}\t{role.value}")
    return 0
