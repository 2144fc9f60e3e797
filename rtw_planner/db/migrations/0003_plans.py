"""Plans: the return-to-work start date and next appointment on the case, and every saved version of its plan."""

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

    class PlanVersion(Base):
        case = pw.ForeignKeyField(Case, on_delete="CASCADE")
        version = pw.IntegerField()
        created_at = pw.DateTimeField()
        issued_at = pw.DateTimeField(null=True)
        data_json = pw.TextField()

        class Meta:
            table_name = "plan_version"
            indexes = ((("case", "version"), True),)

    return PlanVersion


def up(migrator: Any, db: Any) -> None:
    """Add the columns and the versions table."""
    from playhouse.migrate import migrate

    db.create_tables([_models(db)])
    migrate(
        migrator.add_column("case", "rtw_start_date", pw.DateField(null=True)),
        migrator.add_column("case", "next_appointment_json", pw.TextField(null=True)),
    )
