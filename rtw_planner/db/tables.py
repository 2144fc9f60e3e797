"""The peewee models of the current schema, declared unbound (session.py binds them); they never leave db/."""

from __future__ import annotations

import peewee as pw


class BaseTable(pw.Model):
    """Common settings: no database (a query made outside a unit of work fails at once), snake_case table names."""

    id = pw.AutoField()

    class Meta:
        database = None
        legacy_table_names = False


class ClinicRow(BaseTable):
    """The single row of clinic details."""

    name = pw.TextField(default="")
    address = pw.TextField(default="")
    phone = pw.TextField(default="")
    email = pw.TextField(default="")
    logo_png = pw.BlobField(null=True)
    paper_size = pw.TextField(default="a4")
    jurisdiction = pw.TextField(default="generic", constraints=[pw.SQL("DEFAULT 'generic'")])
    mass_unit = pw.TextField(null=True)
    quarter_hours = pw.BooleanField(default=False, constraints=[pw.SQL("DEFAULT FALSE")])
    draft_retention_days = pw.IntegerField(default=0, constraints=[pw.SQL("DEFAULT 0")])
    backup_retention_days = pw.IntegerField(default=14, constraints=[pw.SQL("DEFAULT 14")])

    class Meta:
        table_name = "clinic"


class ClinicianRow(BaseTable):
    """A clinician who signs documents."""

    name = pw.TextField()
    profession = pw.TextField(default="")
    registration_number = pw.TextField(default="")
    phone = pw.TextField(default="", constraints=[pw.SQL("DEFAULT ''")])
    email = pw.TextField(default="", constraints=[pw.SQL("DEFAULT ''")])

    class Meta:
        table_name = "clinician"
        indexes = ((("name", "registration_number"), True),)


class CaseRow(BaseTable):
    """A case; demands and capacity live in the entry tables."""

    patient_name = pw.TextField(index=True)
    date_of_birth = pw.DateField(null=True, index=True)  # searched for exactly (migration 0012)
    sex = pw.TextField(null=True)
    employer = pw.TextField(default="")
    job_title = pw.TextField(default="")
    clinician = pw.ForeignKeyField(ClinicianRow, null=True, on_delete="SET NULL", column_name="clinician_id")
    clinician_id: int | None  # the raw key, which peewee adds beside the relation
    diagnosis = pw.TextField(default="")
    review_date = pw.DateField(null=True)
    rtw_start_date = pw.DateField(null=True)
    next_appointment_json = pw.TextField(null=True)
    workers_comp_claim = pw.BooleanField(default=False, constraints=[pw.SQL("DEFAULT FALSE")])
    created_at = pw.DateTimeField()
    updated_at = pw.DateTimeField(index=True)  # the case list is ordered by it
    # Bumped by every save; a save naming an older revision is refused (no lost update). Who saved it last.
    revision = pw.IntegerField(default=1, constraints=[pw.SQL("DEFAULT 1")])
    updated_by = pw.TextField(default="", constraints=[pw.SQL("DEFAULT ''")])
    archived_on = pw.DateTimeField(null=True)  # set while the case is archived (migration 0011)
    # Name, job title and employer folded for search (db/folding.py), kept by every save (migration 0012).
    search_key = pw.TextField(default="", index=True, constraints=[pw.SQL("DEFAULT ''")])

    class Meta:
        table_name = "case"
        # The list's order with what it filters on: a common search walks it until a page is found.
        indexes = ((("archived_on", "updated_at", "clinician", "search_key"), False),)


class EvaluationRow(BaseTable):
    """A dated capacity evaluation; its measurements are entry rows pointing at it."""

    case = pw.ForeignKeyField(CaseRow, on_delete="CASCADE", column_name="case_id")
    assessed_on = pw.DateField()
    evaluator = pw.TextField(default="")
    protocol = pw.TextField(default="")
    effort = pw.TextField(default="not_recorded")
    effort_notes = pw.TextField(default="")
    estimation_rule = pw.TextField(null=True)
    grip_json = pw.TextField(default="[]")
    dominant_hand = pw.TextField(null=True)  # right, left or mixed; empty when not recorded
    carry_distance_m = pw.DoubleField(null=True)
    exposure_json = pw.TextField(default="[]")
    issued_at = pw.DateTimeField(null=True)  # set when a document is issued from the case: locked from then on
    tolerances_json = pw.TextField(null=True)  # rated items' tolerances as JSON; empty when none are recorded

    class Meta:
        table_name = "evaluation"


class JobDemandsRow(BaseTable):
    """The demands record of a case other than its strength and posture entries (JSON for the rated lists)."""

    case = pw.ForeignKeyField(CaseRow, on_delete="CASCADE", unique=True, column_name="case_id")
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
    mmh_tasks_json = pw.TextField(default="[]")  # handling tasks for the Liberty Mutual equations (0013)

    class Meta:
        table_name = "job_demands"


class PlanVersionRow(BaseTable):
    """One saved version of a case's plan; versions are never changed, and issued ones carry their date."""

    case = pw.ForeignKeyField(CaseRow, on_delete="CASCADE", column_name="case_id")
    version = pw.IntegerField()
    created_at = pw.DateTimeField()
    issued_at = pw.DateTimeField(null=True)
    data_json = pw.TextField()

    class Meta:
        table_name = "plan_version"
        indexes = ((("case", "version"), True),)


class IssuedDocumentRow(BaseTable):
    """The disclosure log: one row per issued document, with the exact PDF so it can be reprinted unchanged. A
    document issued from a case file has no stored case, and the file's SHA-256 instead."""

    case = pw.ForeignKeyField(CaseRow, null=True, on_delete="CASCADE", column_name="case_id")
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
    source_sha256 = pw.TextField(null=True)
    recipient_role = pw.TextField(default="", constraints=[pw.SQL("DEFAULT ''")])

    class Meta:
        table_name = "issued_document"


class OutcomeRecordRow(BaseTable):
    """One administration of an instrument or performance test."""

    case = pw.ForeignKeyField(CaseRow, on_delete="CASCADE", column_name="case_id")
    instrument_id = pw.TextField()
    on = pw.DateField()
    answers_json = pw.TextField()
    score = pw.DoubleField(null=True)
    band = pw.TextField(null=True)
    notes = pw.TextField(default="")

    class Meta:
        table_name = "outcome_record"


class PracticeEntryRow(BaseTable):
    """A day of the home-practice log."""

    case = pw.ForeignKeyField(CaseRow, on_delete="CASCADE", column_name="case_id")
    on = pw.DateField()
    activity = pw.TextField()
    quota = pw.DoubleField(null=True)
    done = pw.DoubleField(null=True)
    completed = pw.BooleanField()

    class Meta:
        table_name = "practice_entry"


class ConsentRow(BaseTable):
    """A recorded consent."""

    case = pw.ForeignKeyField(CaseRow, backref="consents", on_delete="CASCADE", column_name="case_id")
    category = pw.TextField()
    recipient = pw.TextField()
    purpose = pw.TextField()
    date_given = pw.DateField()
    expiry = pw.DateField(null=True)
    withdrawn_on = pw.DateField(null=True)

    class Meta:
        table_name = "consent"


class StrengthEntryRow(BaseTable):
    """One strength value: kg for lifting and carrying, N for pushing and pulling."""

    case = pw.ForeignKeyField(CaseRow, on_delete="CASCADE", column_name="case_id")
    side = pw.TextField()
    evaluation = pw.ForeignKeyField(EvaluationRow, null=True, on_delete="CASCADE", column_name="evaluation_id")
    activity = pw.TextField()
    frequency = pw.TextField()
    value = pw.DoubleField()

    class Meta:
        table_name = "strength_entry"
        indexes = ((("case", "side", "evaluation", "activity", "frequency"), True),)


class PostureEntryRow(BaseTable):
    """One posture tolerance, in minutes."""

    case = pw.ForeignKeyField(CaseRow, on_delete="CASCADE", column_name="case_id")
    side = pw.TextField()
    evaluation = pw.ForeignKeyField(EvaluationRow, null=True, on_delete="CASCADE", column_name="evaluation_id")
    activity = pw.TextField()
    minutes_at_a_time = pw.DoubleField()
    minutes_per_day = pw.DoubleField()

    class Meta:
        table_name = "posture_entry"
        indexes = ((("case", "side", "evaluation", "activity"), True),)


class AppUserRow(BaseTable):
    """A person's role in a SQLite file (the file's owner, unlisted, is its administrator). A server keeps roles
    as PostgreSQL group memberships instead, and leaves this table empty."""

    name = pw.TextField(unique=True)
    role = pw.TextField()

    class Meta:
        table_name = "app_user"


class AuditLogRow(BaseTable):
    """The audit trail, written by the database's own triggers and never changed: who changed which row of which
    table when, and each changed column's old and new value as JSON {column: [old, new]}."""

    at = pw.DateTimeField()  # UTC
    who = pw.TextField()
    action = pw.TextField()  # insert, update or delete
    table_name = pw.TextField()
    row_id = pw.IntegerField()
    case_id = pw.IntegerField(null=True, index=True)  # no foreign key: the trail outlives a deleted case
    changes = pw.TextField()

    class Meta:
        table_name = "audit_log"


class AuditActorRow(BaseTable):
    """SQLite only: the operating-system user who opened the file, for the audit triggers to name (a trigger
    cannot see a connection's own state). A server names its session's role instead."""

    who = pw.TextField()

    class Meta:
        table_name = "audit_actor"


ALL_TABLES: list[type[BaseTable]] = [
    ClinicRow, ClinicianRow, CaseRow, EvaluationRow, JobDemandsRow, PlanVersionRow, IssuedDocumentRow,
    OutcomeRecordRow, PracticeEntryRow, ConsentRow, StrengthEntryRow, PostureEntryRow, AppUserRow, AuditLogRow,
    AuditActorRow,
]
