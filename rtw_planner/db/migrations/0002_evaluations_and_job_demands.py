"""Dated evaluations (capacity history), the full job-demands record, patient sex, and push/pull split into
initial and sustained force. Existing capacity becomes each case's first evaluation."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import peewee as pw


def _models(db: Any) -> tuple[Any, Any, Any]:
    """Frozen copies of the tables this migration creates."""

    class Base(pw.Model):
        class Meta:
            database = db
            legacy_table_names = False

    class Case(Base):
        class Meta:
            table_name = "case"

    class Evaluation(Base):
        case = pw.ForeignKeyField(Case, on_delete="CASCADE")
        assessed_on = pw.DateField()
        evaluator = pw.TextField(default="")
        protocol = pw.TextField(default="")
        effort = pw.TextField(default="not_recorded")
        effort_notes = pw.TextField(default="")
        estimation_rule = pw.TextField(null=True)
        grip_json = pw.TextField(default="[]")
        carry_distance_m = pw.DoubleField(null=True)
        exposure_json = pw.TextField(default="[]")

    class JobDemands(Base):
        case = pw.ForeignKeyField(Case, on_delete="CASCADE", unique=True)
        source = pw.TextField(default="job_site_analysis")
        template = pw.TextField(default="")
        shift_hours = pw.DoubleField(null=True)
        days_per_week = pw.DoubleField(null=True)
        arm_leg_controls = pw.BooleanField(default=False)
        production_pace = pw.BooleanField(default=False)
        carry_distance_m = pw.DoubleField(null=True)
        exposure_json = pw.TextField(default="[]")
        ratings_json = pw.TextField(default="{}")
        tasks_json = pw.TextField(default="[]")
        lifting_tasks_json = pw.TextField(default="[]")

    return Case, Evaluation, JobDemands


def up(migrator: Any, db: Any) -> None:
    """Create the new tables, move capacity into evaluations, then drop the old capacity columns."""
    from playhouse.migrate import migrate

    case, evaluation, job_demands = _models(db)
    db.create_tables([evaluation, job_demands])
    migrate(
        migrator.add_column("case", "sex", pw.TextField(null=True)),
        migrator.add_column("strength_entry", "evaluation_id",
                            pw.ForeignKeyField(evaluation, null=True, on_delete="CASCADE", field=evaluation.id)),
        migrator.add_column("posture_entry", "evaluation_id",
                            pw.ForeignKeyField(evaluation, null=True, on_delete="CASCADE", field=evaluation.id)),
        migrator.drop_index("strength_entry", "strength_entry_case_id_side_activity_frequency"),
        migrator.drop_index("posture_entry", "posture_entry_case_id_side_activity"),
    )
    db.execute_sql("UPDATE strength_entry SET activity = activity || '_initial' WHERE activity IN ('push', 'pull')")
    rows = db.execute_sql(
        "SELECT id, capacity_assessed_on, capacity_evaluator, created_at FROM \"case\" WHERE capacity_assessed_on "
        "IS NOT NULL OR id IN (SELECT case_id FROM strength_entry WHERE side = 'capacity' "
        "UNION SELECT case_id FROM posture_entry WHERE side = 'capacity')").fetchall()
    for case_id, assessed_on, evaluator, created_at in rows:
        when = assessed_on or str(created_at or datetime.now())[:10] or date.today().isoformat()
        evaluation_id = evaluation.insert(case=case_id, assessed_on=when, evaluator=evaluator or "", protocol="",
                                          effort="not_recorded", effort_notes="", grip_json="[]",
                                          exposure_json="[]").execute()
        for table in ("strength_entry", "posture_entry"):
            db.execute_sql(f"UPDATE {table} SET evaluation_id = {db.param} WHERE case_id = {db.param} "
                           "AND side = 'capacity'", (evaluation_id, case_id))
    # peewee's defaults live in Python, not in the table, so the copy names every NOT NULL column. FALSE, not 0:
    # PostgreSQL takes no integer for a boolean (SQLite stores FALSE as 0, as before).
    db.execute_sql("INSERT INTO job_demands (case_id, source, template, arm_leg_controls, production_pace, "
                   "exposure_json, ratings_json, tasks_json, lifting_tasks_json) "
                   "SELECT id, 'job_site_analysis', '', FALSE, FALSE, '[]', '{}', '[]', '[]' FROM \"case\"")
    migrate(
        migrator.drop_column("case", "capacity_assessed_on"),
        migrator.drop_column("case", "capacity_evaluator"),
        migrator.add_index("strength_entry", ("case_id", "side", "evaluation_id", "activity", "frequency"), True),
        migrator.add_index("posture_entry", ("case_id", "side", "evaluation_id", "activity"), True),
    )
