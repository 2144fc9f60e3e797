"""Tolerances for rated demands: `evaluation.tolerances_json` holds, for each DOT factor, environmental condition
and cognitive demand assessed, the highest frequency tolerated and its source (empty in rows from before it)."""

from __future__ import annotations

from typing import Any

import peewee as pw


def up(migrator: Any, db: Any) -> None:
    """Add the column; SQLite's audit triggers are rebuilt so its changes are recorded too."""
    from playhouse.migrate import migrate

    from rtw_planner.db import audit

    migrate(migrator.add_column("evaluation", "tolerances_json", pw.TextField(null=True)))
    if not isinstance(db, pw.PostgresqlDatabase):
        audit.install(db)


def down(migrator: Any, db: Any) -> None:
    """Drop the column."""
    from playhouse.migrate import migrate

    migrate(migrator.drop_column("evaluation", "tolerances_json"))
