"""The audit trail: triggers that record every change of a clinic's data (raw SQL included) in an append-only
table, and a case's history read back from it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import peewee as pw

from rtw_planner.db.identity import is_server
from rtw_planner.db.session import reading
from rtw_planner.db.tables import ALL_TABLES, AuditLogRow, CaseRow

APPEND_ONLY = "the audit trail is append-only: its rows cannot be changed or deleted"
# The tables audited, and how each row names its case (None: not a case's row).
AUDITED: dict[str, str | None] = {
    "case": "id", "evaluation": "case_id", "job_demands": "case_id", "plan_version": "case_id",
    "issued_document": "case_id", "outcome_record": "case_id", "practice_entry": "case_id", "consent": "case_id",
    "strength_entry": "case_id", "posture_entry": "case_id", "clinic": None, "clinician": None, "app_user": None}
# Not recorded: binary data (the issued PDF keeps its SHA-256 beside it) and a search key derived from the name.
UNRECORDED = ("id", "pdf", "logo_png", "search_key")
ACTIONS = ("insert", "update", "delete")


def _sqlite_trigger(table: str, columns: list[str], action: str) -> str:
    """One trigger writing a row's changed columns as {column: [old, new]} (after playhouse.sqlite_changelog)."""
    row = "OLD" if action == "delete" else "NEW"
    old = {c: "NULL" if action == "insert" else f'OLD."{c}"' for c in columns}
    new = {c: "NULL" if action == "delete" else f'NEW."{c}"' for c in columns}
    pairs = ", ".join(f"json_array('{c}', {old[c]}, {new[c]})" for c in columns)
    when = " WHEN " + " OR ".join(f"{old[c]} IS NOT {new[c]}" for c in columns) if action == "update" else ""
    case_column = AUDITED[table]
    case_id = f'{row}."{case_column}"' if case_column else "NULL"
    return (f'CREATE TRIGGER "audit_{table}_{action}" AFTER {action.upper()} ON "{table}"{when} BEGIN '
            "INSERT INTO audit_log (at, who, action, table_name, row_id, case_id, changes) "
            "SELECT strftime('%Y-%m-%d %H:%M:%f', 'now'), "
            "COALESCE((SELECT who FROM audit_actor WHERE id = 1), 'unknown'), "
            f"'{action}', '{table}', {row}.id, {case_id}, json_group_object(col, json_array(old, new)) "
            "FROM (SELECT json_extract(value, '$[0]') AS col, json_extract(value, '$[1]') AS old, "
            f"json_extract(value, '$[2]') AS new FROM json_each(json_array({pairs})) WHERE old IS NOT new); END")


def _sqlite_statements(db: pw.Database) -> list[str]:
    statements = []
    for table in AUDITED:
        columns = [c.name for c in db.get_columns(table) if c.name not in UNRECORDED]
        for action in ACTIONS:
            statements += [f'DROP TRIGGER IF EXISTS "audit_{table}_{action}"',
                           _sqlite_trigger(table, columns, action)]
    statements += [f"CREATE TRIGGER IF NOT EXISTS audit_log_append_only_{action} BEFORE {action.upper()} ON audit_log "
                   f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END" for action in ("update", "delete")]
    return statements


# Runs as its owner, so no one needs (or has) a grant to write the trail; session_user is the login role, the
# person, whatever role the function itself runs as.
_POSTGRES_AUDIT = """
CREATE OR REPLACE FUNCTION rtw_audit() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
DECLARE
  old_row jsonb := '{}';
  new_row jsonb := '{}';
  changed jsonb;
  row_ref jsonb;
BEGIN
  IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(OLD) - ARRAY[%(unrecorded)s]; END IF;
  IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(NEW) - ARRAY[%(unrecorded)s]; END IF;
  SELECT jsonb_object_agg(key, jsonb_build_array(o.value, n.value)) INTO changed
    FROM jsonb_each(old_row) AS o FULL JOIN jsonb_each(new_row) AS n USING (key)
    WHERE COALESCE(o.value, 'null') IS DISTINCT FROM COALESCE(n.value, 'null');
  IF changed IS NULL THEN RETURN NULL; END IF;
  row_ref := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
  INSERT INTO audit_log (at, who, action, table_name, row_id, case_id, changes)
    VALUES (now() AT TIME ZONE 'UTC', session_user, lower(TG_OP), TG_TABLE_NAME, (row_ref ->> 'id')::bigint,
            (row_ref ->> TG_ARGV[0])::bigint, changed::text);
  RETURN NULL;
END $$"""
_POSTGRES_APPEND_ONLY = f"""
CREATE OR REPLACE FUNCTION rtw_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION USING ERRCODE = 'integrity_constraint_violation', MESSAGE = '{APPEND_ONLY}'; END $$"""


def _postgres_statements() -> list[str]:
    unrecorded = ", ".join(f"'{c}'" for c in UNRECORDED)
    statements = [_POSTGRES_AUDIT % {"unrecorded": unrecorded}, _POSTGRES_APPEND_ONLY]
    for table, case_column in AUDITED.items():
        statements += [f'DROP TRIGGER IF EXISTS audit ON "{table}"',
                       f'CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON "{table}" FOR EACH ROW '
                       f"EXECUTE FUNCTION rtw_audit('{case_column or 'none'}')"]
    statements += [
        "DROP TRIGGER IF EXISTS append_only ON audit_log",
        "CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW "
        "EXECUTE FUNCTION rtw_audit_append_only()",
        "DROP TRIGGER IF EXISTS append_only_truncate ON audit_log",
        "CREATE TRIGGER append_only_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT "
        "EXECUTE FUNCTION rtw_audit_append_only()"]
    return statements


def install(db: pw.Database) -> None:
    """Create (or re-create) the audit triggers. SQLite's name each column, so a later migration that adds a
    column to an audited table calls this again; PostgreSQL's record whole rows and need not."""
    for statement in _postgres_statements() if is_server(db) else _sqlite_statements(db):
        db.execute_sql(statement)


# Columns every save touches, or that only say which case a row belongs to: not news in a case's history.
BOOKKEEPING = frozenset({"case_id", "created_at", "updated_at", "revision", "updated_by"})
VERBS = {"insert": "added", "update": "changed", "delete": "removed"}
_FIELDS: dict[str, dict[str, pw.Field]] = {
    model._meta.table_name: {f.column_name: f for f in model._meta.sorted_fields} for model in ALL_TABLES}


@dataclass(frozen=True)
class Change:
    """One line of a case's history: a changed field with its old and new value, or a row added or removed
    whole (field None, and the row's values as a dict in new or old)."""

    when: datetime  # UTC
    who: str
    what: str  # "changed case 12", "added outcome record 31"
    field: str | None
    old: Any
    new: Any

    def to_dict(self) -> dict[str, Any]:
        """{when, who, what, field, old, new}, ready for JSON."""
        return {"when": self.when.isoformat(), "who": self.who, "what": self.what, "field": self.field,
                "old": self.old, "new": self.new}


def _plain(table: str, column: str, value: Any) -> Any:
    """A recorded value the same from both backends: SQLite keeps booleans as 0 and 1 and separates a date from
    its time with a space, PostgreSQL writes 23.0 as 23."""
    field = _FIELDS.get(table, {}).get(column)
    if value is None or field is None:
        return value
    if isinstance(field, pw.BooleanField):
        return bool(value)
    if isinstance(field, pw.DateTimeField):
        return datetime.fromisoformat(value).isoformat()
    if isinstance(field, pw.FloatField):
        return float(value)
    return value


def _changes(table: str, action: str, recorded: dict[str, list[Any]]) -> list[tuple[str | None, Any, Any]]:
    order = list(_FIELDS.get(table, {}))  # the table's own column order: a server's JSON sorts its keys
    columns = sorted((c for c in recorded if c not in BOOKKEEPING),
                     key=lambda c: (order.index(c) if c in order else len(order), c))
    values = {column: [_plain(table, column, v) for v in recorded[column]] for column in columns}
    if action == "update":
        return [(column, old, new) for column, (old, new) in values.items()]
    side = 1 if action == "insert" else 0
    row = {column: pair[side] for column, pair in values.items()}
    return [(None, None, row) if action == "insert" else (None, row, None)]


def history(db: pw.Database, case_id: int) -> list[Change]:
    """Every recorded change of a case and of the rows under it, oldest first; the trail outlives a deleted
    case. Fields only the save itself touches (revision, updated_at) are left out."""
    with reading(db):
        rows = list(AuditLogRow.select().where(AuditLogRow.case_id == case_id).order_by(AuditLogRow.id))
    result = []
    for row in rows:
        at = row.at if isinstance(row.at, datetime) else datetime.fromisoformat(row.at)
        what = f"{VERBS[row.action]} {row.table_name.replace('_', ' ')} {row.row_id}"
        result += [Change(at.replace(tzinfo=UTC), row.who, what, field, old, new)
                   for field, old, new in _changes(row.table_name, row.action, json.loads(row.changes))]
    return result


def case_exists(db: pw.Database, case_id: int) -> bool:
    """Whether a case is stored (a deleted one still has its history)."""
    with reading(db):
        return bool(CaseRow.select(CaseRow.id).where(CaseRow.id == case_id).exists())
