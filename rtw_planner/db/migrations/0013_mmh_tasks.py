"""Handling tasks of a job for the Liberty Mutual equations: `job_demands.mmh_tasks_json`, a JSON list (empty for
every case stored before)."""

from __future__ import annotations

from typing import Any

import peewee as pw


def up(migrator: Any, db: Any) -> None:
    """Add the column; SQLite's audit triggers name each column, so they are rebuilt to record its changes."""
    from playhouse.migrate import migrate

    from rtw_planner.db import audit

    migrate(migrator.add_column("job_demands", "mmh_tasks_json", pw.TextField(default="[]")))
    if not isinstance(db, pw.PostgresqlDatabase):
        audit.install(db)


def down(migrator: Any, db: Any) -> None:
    """Drop the column."""
    from playhouse.migrate import migrate

    migrate(migrator.drop_column("job_demands", "mmh_tasks_json"))
