"""On PostgreSQL, every insert, save or delete of a case notifies the channel rtw_case_changed with the case's id
alone (never a name or clinical text), so other clients' lists and open cases learn of it at once. SQLite has no
such channel: a window looks again when it gets focus."""

from __future__ import annotations

from typing import Any

import peewee as pw

CHANNEL = "rtw_case_changed"  # rtw_planner.db.notify listens on it


def up(migrator: Any, db: Any) -> None:
    """The trigger function and an AFTER trigger on the case table (statement-cheap: one NOTIFY per row)."""
    if not isinstance(db, pw.PostgresqlDatabase):
        return
    here = db.execute_sql("SELECT quote_ident(current_schema())").fetchone()[0]
    db.execute_sql(f"CREATE OR REPLACE FUNCTION {here}.rtw_notify_case() RETURNS trigger LANGUAGE plpgsql AS $$ "
                   f"BEGIN PERFORM pg_notify('{CHANNEL}', COALESCE(NEW.id, OLD.id)::text); RETURN NULL; END $$")
    db.execute_sql(f'CREATE TRIGGER case_notify AFTER INSERT OR UPDATE OR DELETE ON {here}."case" '
                   f"FOR EACH ROW EXECUTE FUNCTION {here}.rtw_notify_case()")


def down(migrator: Any, db: Any) -> None:
    """Drop the trigger and its function."""
    if isinstance(db, pw.PostgresqlDatabase):
        db.execute_sql('DROP TRIGGER IF EXISTS case_notify ON "case"')
        db.execute_sql("DROP FUNCTION IF EXISTS rtw_notify_case()")
