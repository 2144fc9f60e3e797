"""Archived cases: a case closed for now keeps everything and leaves the case list and the caseload until it is
restored (`case.archived_on`, empty while the case is open)."""

from __future__ import annotations

from typing import Any

import peewee as pw


def up(migrator: Any, db: Any) -> None:
    """Add the column; SQLite's audit triggers are rebuilt so its changes are recorded, and on PostgreSQL reception
    may read it (the case list filters on it)."""
    from playhouse.migrate import migrate

    from rtw_planner.db import audit

    migrate(migrator.add_column("case", "archived_on", pw.DateTimeField(null=True)))
    if isinstance(db, pw.PostgresqlDatabase):
        exists = db.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = 'rtw_reception'").fetchone()
        if exists:
            db.execute_sql('GRANT SELECT (archived_on) ON "case" TO rtw_reception')
    else:
        audit.install(db)


def down(migrator: Any, db: Any) -> None:
    """Drop the column."""
    from playhouse.migrate import migrate

    migrate(migrator.drop_column("case", "archived_on"))
