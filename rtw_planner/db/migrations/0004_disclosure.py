"""Disclosure: the workers' compensation flag on cases, the clinic's jurisdiction, and the log of issued documents
with the exact PDF of each."""

from __future__ import annotations

from typing import Any

import peewee as pw


def _models(db: Any) -> Any:
    """A frozen copy of the table this migration creates."""

    class Base(pw.Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Case(Base):
        class Meta:
            table_name = "case"

    class IssuedDocument(Base):
        case = pw.ForeignKeyField(Case, on_delete="CASCADE")
        kind = pw.TextField()
        issued_at = pw.DateTimeField()
        recipient = pw.TextField()
        delivery = pw.TextField()
        categories_json = pw.TextField()
        clinician = pw.TextField(default="")
        patient_offered_on = pw.DateField(null=True)
        diagnosis_by_scheme = pw.BooleanField(default=False)
        plan_version = pw.IntegerField(null=True)
        sha256 = pw.TextField()
        pdf = pw.BlobField()

        class Meta:
            table_name = "issued_document"

    return IssuedDocument


def up(migrator: Any, db: Any) -> None:
    """Add the columns and the log."""
    from playhouse.migrate import migrate

    false = "FALSE" if isinstance(db, pw.PostgresqlDatabase) else "0"  # PostgreSQL takes no 0 for a boolean
    db.create_tables([_models(db)])
    migrate(
        # SQL defaults too, so rows written without these columns (older code, raw SQL) stay valid.
        migrator.add_column("case", "workers_comp_claim",
                            pw.BooleanField(default=False, constraints=[pw.SQL(f"DEFAULT {false}")])),
        migrator.add_column("clinic", "jurisdiction",
                            pw.TextField(default="generic", constraints=[pw.SQL("DEFAULT 'generic'")])),
    )
