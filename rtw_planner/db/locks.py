"""Issued means locked: triggers that keep issued documents, the plan versions and the evaluations they were made
from exactly as they were sent, on both backends, whatever client writes."""

from __future__ import annotations

import peewee as pw

from rtw_planner.db.errors import StorageError
from rtw_planner.db.identity import is_server
from rtw_planner.db.session import reading
from rtw_planner.db.tables import EvaluationRow

# The messages the database raises with (a SQLite trigger can only raise a constant): each says what to do.
EVALUATION_LOCKED = ("an evaluation that an issued document used cannot be changed or deleted; "
                     "add a new evaluation instead")
PLAN_LOCKED = "an issued plan version cannot be changed or deleted; save the plan to make a new version"
DOCUMENT_LOCKED = "an issued document cannot be changed or deleted"
MESSAGES = (EVALUATION_LOCKED, PLAN_LOCKED, DOCUMENT_LOCKED)


class IssuedLockedError(StorageError):
    """A save tried to change or delete something an issued document was made from; nothing was written."""


# Every evaluation stored when a document is issued is locked: documents read all of them (the match report lists
# them, projections and effort flags span them), and a document renders from the case as saved.
_LOCK_ON_ISSUE = ('UPDATE evaluation SET issued_at = NEW.issued_at '
                  'WHERE case_id = NEW.case_id AND issued_at IS NULL')
# Deleting the whole case takes everything under it (the foreign keys cascade, after the case row is gone).
_CASE_KEPT = 'EXISTS (SELECT 1 FROM "case" WHERE id = OLD.case_id)'
_ISSUED_EVALUATION = "EXISTS (SELECT 1 FROM evaluation WHERE id = {row}.evaluation_id AND issued_at IS NOT NULL)"

# name, timing and table, condition (SQLite WHEN / PostgreSQL IF), message
_GUARDS: tuple[tuple[str, str, str, str], ...] = (
    ("evaluation_locked_update", "BEFORE UPDATE ON evaluation", "OLD.issued_at IS NOT NULL", EVALUATION_LOCKED),
    ("evaluation_locked_delete", "BEFORE DELETE ON evaluation", f"OLD.issued_at IS NOT NULL AND {_CASE_KEPT}",
     EVALUATION_LOCKED),
    *((f"{table}_locked_{action}", f"BEFORE {action.upper()} ON {table}", condition, EVALUATION_LOCKED)
      for table in ("strength_entry", "posture_entry")
      for action, condition in (
          ("insert", _ISSUED_EVALUATION.format(row="NEW")),
          ("update", f"{_ISSUED_EVALUATION.format(row='OLD')} OR {_ISSUED_EVALUATION.format(row='NEW')}"),
          ("delete", f"{_ISSUED_EVALUATION.format(row='OLD')} AND {_CASE_KEPT}"))),
    ("plan_version_locked_update", "BEFORE UPDATE ON plan_version", "OLD.issued_at IS NOT NULL", PLAN_LOCKED),
    ("plan_version_locked_delete", "BEFORE DELETE ON plan_version", f"OLD.issued_at IS NOT NULL AND {_CASE_KEPT}",
     PLAN_LOCKED),
    ("issued_document_locked_update", "BEFORE UPDATE ON issued_document", "TRUE", DOCUMENT_LOCKED),
    ("issued_document_locked_delete", "BEFORE DELETE ON issued_document", f"OLD.case_id IS NULL OR {_CASE_KEPT}",
     DOCUMENT_LOCKED),
)


def _sqlite_statements() -> list[str]:
    statements = [f"CREATE TRIGGER {name} {timing} WHEN {condition} "
                  f"BEGIN SELECT RAISE(ABORT, '{message}'); END" for name, timing, condition, message in _GUARDS]
    statements.append(f"CREATE TRIGGER issued_document_locks_evaluations AFTER INSERT ON issued_document "
                      f"WHEN NEW.case_id IS NOT NULL BEGIN {_LOCK_ON_ISSUE}; END")
    return statements


def _postgres_statements() -> list[str]:
    statements = []
    for name, timing, condition, message in _GUARDS:
        row = "OLD" if "DELETE" in timing else "NEW"
        statements += [
            f"CREATE OR REPLACE FUNCTION rtw_{name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF {condition} THEN RAISE EXCEPTION USING ERRCODE = 'integrity_constraint_violation', "
            f"MESSAGE = '{message}'; END IF; RETURN {row}; END $$",
            f"CREATE TRIGGER {name} {timing} FOR EACH ROW EXECUTE FUNCTION rtw_{name}()"]
    # Runs as its owner: a clinician issuing a document may not otherwise write issued_at.
    statements += [
        f"CREATE OR REPLACE FUNCTION rtw_issued_document_locks_evaluations() RETURNS trigger LANGUAGE plpgsql "
        f"SECURITY DEFINER SET search_path FROM CURRENT AS $$ BEGIN "
        f"IF NEW.case_id IS NOT NULL THEN {_LOCK_ON_ISSUE}; END IF; RETURN NULL; END $$",
        "CREATE TRIGGER issued_document_locks_evaluations AFTER INSERT ON issued_document FOR EACH ROW "
        "EXECUTE FUNCTION rtw_issued_document_locks_evaluations()"]
    return statements


def install(db: pw.Database) -> None:
    """Create the lock triggers (migration 0009), and lock the evaluations of documents issued before: those
    assessed on or before a document's issue date, the ones it can have been made from."""
    for statement in _postgres_statements() if is_server(db) else _sqlite_statements():
        db.execute_sql(statement)
    db.execute_sql("UPDATE evaluation SET issued_at = (SELECT MIN(d.issued_at) FROM issued_document d "
                   "WHERE d.case_id = evaluation.case_id AND d.issued_at >= evaluation.assessed_on) "
                   "WHERE issued_at IS NULL")


def locked_evaluation_ids(db: pw.Database, case_id: int) -> set[int]:
    """The ids of a case's evaluations that an issued document used, so a screen can say so before a save."""
    with reading(db):
        query = EvaluationRow.select(EvaluationRow.id).where(
            (EvaluationRow.case == case_id) & EvaluationRow.issued_at.is_null(False))
        return {int(row.id) for row in query}


def locked_error(exc: BaseException) -> IssuedLockedError | None:
    """The lock a database error reports, or None when it is about something else."""
    text = str(exc)
    for message in MESSAGES:
        if message in text:
            return IssuedLockedError(message[0].upper() + message[1:] + ".")
    return None
