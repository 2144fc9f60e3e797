"""Initial schema: clinic, clinicians, cases, consents, strength and posture entries."""

from __future__ import annotations

from typing import Any

import peewee as pw


def _models(db: Any) -> list[type[pw.Model]]:
    """Frozen copies of the tables as they were at this migration."""

    class Base(pw.Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Clinic(Base):
        name = pw.TextField(default="")
        address = pw.TextField(default="")
        phone = pw.TextField(default="")
        email = pw.TextField(default="")
        logo_png = pw.BlobField(null=True)
        paper_size = pw.TextField(default="a4")

    class Clinician(Base):
        name = pw.TextField()
        profession = pw.TextField(default="")
        registration_number = pw.TextField(default="")

        class Meta:
            indexes = ((("name", "registration_number"), True),)

    class Case(Base):
        patient_name = pw.TextField(index=True)
        date_of_birth = pw.DateField(null=True)
        employer = pw.TextField(default="")
        job_title = pw.TextField(default="")
        clinician = pw.ForeignKeyField(Clinician, null=True, on_delete="SET NULL")
        diagnosis = pw.TextField(default="")
        review_date = pw.DateField(null=True)
        capacity_assessed_on = pw.DateField(null=True)
        capacity_evaluator = pw.TextField(default="")
        created_at = pw.DateTimeField()
        updated_at = pw.DateTimeField(index=True)  # the case list is ordered by it

    class Consent(Base):
        case = pw.ForeignKeyField(Case, backref="consents", on_delete="CASCADE")
        category = pw.TextField()
        recipient = pw.TextField()
        purpose = pw.TextField()
        date_given = pw.DateField()
        expiry = pw.DateField(null=True)
        withdrawn_on = pw.DateField(null=True)

    class StrengthEntry(Base):
        case = pw.ForeignKeyField(Case, on_delete="CASCADE")
        side = pw.TextField()  # "demand" or "capacity"
        activity = pw.TextField()
        frequency = pw.TextField()
        value = pw.DoubleField()  # kg for lifting and carrying, N for pushing and pulling

        class Meta:
            indexes = ((("case", "side", "activity", "frequency"), True),)

    class PostureEntry(Base):
        case = pw.ForeignKeyField(Case, on_delete="CASCADE")
        side = pw.TextField()
        activity = pw.TextField()
        minutes_at_a_time = pw.DoubleField()
        minutes_per_day = pw.DoubleField()

        class Meta:
            indexes = ((("case", "side", "activity"), True),)

    return [Clinic, Clinician, Case, Consent, StrengthEntry, PostureEntry]


def up(migrator: Any, db: Any) -> None:
    """Create the first tables."""
    db.create_tables(_models(db))


def down(migrator: Any, db: Any) -> None:
    """Drop them again."""
    db.drop_tables(list(reversed(_models(db))))
