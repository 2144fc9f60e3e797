"""Hand dominance with grip: `evaluation.dominant_hand` (right, left or mixed; empty when not recorded), so each
hand's grip is read against the hand the person uses most."""

from __future__ import annotations

from typing import Any

import peewee as pw


def up(migrator: Any, db: Any) -> None:
    """Add the column; SQLite's audit triggers are rebuilt so its changes are recorded too."""
    from playhouse.migrate import migrate

    from rtw_planner.db import audit

    migrate(migrator.add_column("evaluation", "dominant_hand", pw.TextField(null=True)))
    if not isinstance(db, pw.PostgresqlDatabase):
        audit.install(db)


def down(migrator: Any, db: Any) -> None:
    """Drop the column."""
    from playhouse.migrate import migrate

    migrate(migrator.drop_column("evaluation", "dominant_hand"))
