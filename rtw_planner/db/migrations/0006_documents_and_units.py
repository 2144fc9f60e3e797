"""Documents: the clinician's direct contact, the clinic's units and draft retention, and documents issued from a
case file (logged against the file's SHA-256, with no stored case) with the recipient's role."""

from __future__ import annotations

from typing import Any

import peewee as pw


def up(migrator: Any, db: Any) -> None:
    """Add the columns; a logged document may have no stored case."""
    from playhouse.migrate import migrate

    false = "FALSE" if isinstance(db, pw.PostgresqlDatabase) else "0"  # PostgreSQL takes no 0 for a boolean
    migrate(
        # SQL defaults too, so rows written without these columns (older code, raw SQL) stay valid.
        migrator.add_column("clinician", "phone", pw.TextField(default="", constraints=[pw.SQL("DEFAULT ''")])),
        migrator.add_column("clinician", "email", pw.TextField(default="", constraints=[pw.SQL("DEFAULT ''")])),
        migrator.add_column("clinic", "mass_unit", pw.TextField(null=True)),
        migrator.add_column("clinic", "quarter_hours",
                            pw.BooleanField(default=False, constraints=[pw.SQL(f"DEFAULT {false}")])),
        migrator.add_column("clinic", "draft_retention_days",
                            pw.IntegerField(default=0, constraints=[pw.SQL("DEFAULT 0")])),
        migrator.add_column("issued_document", "source_sha256", pw.TextField(null=True)),
        migrator.add_column("issued_document", "recipient_role",
                            pw.TextField(default="", constraints=[pw.SQL("DEFAULT ''")])),
        migrator.drop_not_null("issued_document", "case_id"),
    )
