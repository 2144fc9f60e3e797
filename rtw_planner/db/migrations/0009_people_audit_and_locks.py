"""People and their changes: users' roles (SQLite) or group roles and grants (PostgreSQL), the append-only audit
trail and its triggers, evaluations locked by the documents issued from them, and the backup retention."""

from __future__ import annotations

from typing import Any

import peewee as pw


def _models(db: Any) -> list[Any]:
    """Frozen copies of the tables this migration creates."""

    class Base(pw.Model):
        class Meta:
            database = db
            legacy_table_names = False

    class AppUser(Base):
        name = pw.TextField(unique=True)
        role = pw.TextField()

        class Meta:
            table_name = "app_user"

    class AuditLog(Base):
        at = pw.DateTimeField()
        who = pw.TextField()
        action = pw.TextField()
        table_name = pw.TextField()
        row_id = pw.IntegerField()
        case_id = pw.IntegerField(null=True, index=True)
        changes = pw.TextField()

        class Meta:
            table_name = "audit_log"

    class AuditActor(Base):
        who = pw.TextField()

        class Meta:
            table_name = "audit_actor"

    return [AppUser, AuditLog, AuditActor]


def up(migrator: Any, db: Any) -> None:
    """Tables and columns first, then the locks (which lock what earlier documents were made from), the audit
    triggers, the server's roles, and on SQLite the user the triggers name."""
    from playhouse.migrate import migrate

    from rtw_planner.db import audit, identity, locks, roles

    db.create_tables(_models(db))
    migrate(
        migrator.add_column("evaluation", "issued_at", pw.DateTimeField(null=True)),
        migrator.add_column("clinic", "backup_retention_days",
                            pw.IntegerField(default=14, constraints=[pw.SQL("DEFAULT 14")])),
    )
    locks.install(db)
    audit.install(db)
    roles.install(db)
    identity.sign_in(db)
