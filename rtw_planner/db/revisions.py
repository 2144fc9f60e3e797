"""Case revisions: the stored one, who saved it and when, and why a write naming an older one matched nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NoReturn

import peewee as pw

from rtw_planner.db import identity
from rtw_planner.db.errors import ConflictError, NotFoundError
from rtw_planner.db.tables import CaseRow


@dataclass(frozen=True)
class Stamp:
    """A stored case's revision, and who saved that revision and when."""

    revision: int
    by: str
    at: datetime


def stamp(case_id: int) -> Stamp | None:
    """The case's stamp (tables bound by the caller), or None when there is no such case."""
    row = CaseRow.select(CaseRow.revision, CaseRow.updated_by, CaseRow.updated_at).where(
        CaseRow.id == case_id).tuples().first()
    if row is None:
        return None
    revision, by, at = row
    return Stamp(int(revision), str(by), CaseRow.updated_at.python_value(at))


def refuse(case_id: int, started_from: int | None) -> NoReturn:
    """After a write on the case row `WHERE id = ? AND revision = ?` matched nothing: NotFoundError when the case is
    gone, else ConflictError naming who saved it since and when (a caller that cannot say which revision it began
    from gets one too: never a blind overwrite)."""
    current = stamp(case_id)
    if current is None:
        raise NotFoundError(f"case {case_id} does not exist")
    raise ConflictError(case_id, current.revision, started_from, current.by, current.at)


def current_user(db: pw.Database) -> str:
    """Who is saving: the name the audit trail gives too (identity.py: the operating-system user on SQLite, the
    session's role on a server)."""
    return identity.current_user(db)
