"""Outcomes over time: instrument and test records with their answers and scores, and the home-practice log."""

from __future__ import annotations

from typing import Any

import peewee as pw


def _models(db: Any) -> list[Any]:
    """Frozen copies of the tables this migration creates."""

    class Base(pw.Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Case(Base):
        class Meta:
            table_name = "case"

    class OutcomeRecord(Base):
        case = pw.ForeignKeyField(Case, on_delete="CASCADE")
        instrument_id = pw.TextField()
        on = pw.DateField()
        answers_json = pw.TextField()
        score = pw.DoubleField(null=True)
        band = pw.TextField(null=True)
        notes = pw.TextField(default="")

        class Meta:
            table_name = "outcome_record"

    class PracticeEntry(Base):
        case = pw.ForeignKeyField(Case, on_delete="CASCADE")
        on = pw.DateField()
        activity = pw.TextField()
        quota = pw.DoubleField(null=True)
        done = pw.DoubleField(null=True)
        completed = pw.BooleanField()

        class Meta:
            table_name = "practice_entry"

    return [OutcomeRecord, PracticeEntry]


def up(migrator: Any, db: Any) -> None:
    """Create the two tables."""
    db.create_tables(_models(db))
