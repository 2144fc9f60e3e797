"""Repositories: domain objects in and out of the one database each was given; no peewee row escapes."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import peewee as pw

from rtw_planner.db.backends import is_server
from rtw_planner.db.case_search import matching
from rtw_planner.db.errors import NotFoundError
from rtw_planner.db.folding import search_key
from rtw_planner.db.roles import CLINICAL_CASE_COLUMNS, Action, guarded
from rtw_planner.db.session import reading, snapshot, writing
from rtw_planner.db.tables import CaseRow, ClinicianRow, ClinicRow, PlanVersionRow
from rtw_planner.domain.case.summary import CaseSummary

if TYPE_CHECKING:
    from rtw_planner.domain.case.model import Case, Clinic
    from rtw_planner.domain.plan.model import Plan


LAST_CASES = 8  # cases a repository remembers as last read or saved


@dataclass(frozen=True)
class PlanVersion:
    """A saved version of a plan."""

    version: int
    created_at: datetime
    issued_at: datetime | None
    plan: Plan


def _appointment_time(stored: str | None) -> datetime | None:
    """When the next appointment is, from its stored form; None when there is none or it cannot be read."""
    if not stored:
        return None
    try:
        return datetime.fromisoformat(str(json.loads(stored)["when"]))
    except (ValueError, KeyError, TypeError):
        return None


_LISTED = "id, patient_name, job_title, employer, review_date, date_of_birth, next_appointment_json"


def _summary(row: tuple[Any, ...]) -> CaseSummary:
    """A case list row from (id, name, job title, employer, review date, date of birth, next appointment)."""
    return CaseSummary(int(row[0]), row[1], row[2], row[3], _date(row[4]), _date(row[5]), _appointment_time(row[6]))


def _date(stored: Any) -> date | None:
    """A date column as read without peewee: SQLite gives its text, PostgreSQL a date."""
    if stored is None or isinstance(stored, date):
        return stored
    return date.fromisoformat(str(stored)[:10])


class CaseRepository:
    """Cases, their consents, demands and capacity, in db and in no other database: each call binds the tables to
    db for its own length (session.py), and each write is one transaction on db."""

    def __init__(self, db: pw.Database) -> None:
        self.db = db
        # The cases as last read or saved, by id: a save of an edit of one compares only the parts the edit
        # replaced (stored_case.unchanged_parts). Immutable values, a few at a time.
        self._last: dict[int, Case] = {}

    def _remember(self, case: Case) -> Case:
        if case.id is not None:
            self._last.pop(case.id, None)
            self._last[case.id] = case
            while len(self._last) > LAST_CASES:
                del self._last[next(iter(self._last))]
        return case

    def _filtered(self, search: str, archived: bool, clinician_id: int | None) -> tuple[str, list[Any], bool]:
        """The listed cases' condition as SQL and its parameters, and whether it names them by id."""
        where, params = [f"archived_on IS {'NOT ' if archived else ''}NULL"], []
        if clinician_id is not None:
            where.append(f"clinician_id = {self.db.param}")
            params.append(clinician_id)
        text = search.strip()
        if not text:
            return " AND ".join(where), params, False
        found = matching(self.db, text)
        return " AND ".join([*where, f"({found.sql})"]), [*params, *found.params], found.by_id

    def count(self, search: str = "", archived: bool = False, clinician_id: int | None = None) -> int:
        """How many open cases (archived ones, when asked; one clinician's, when given) match the search text:
        name, job title, employer, case number or date of birth. Reads every match: the case list asks
        summaries() for one row more than it shows instead."""
        where, params, _ = self._filtered(search, archived, clinician_id)
        return int(self.db.execute_sql(f'SELECT count(*) FROM "case" WHERE {where}', params).fetchone()[0])

    def summaries(self, search: str = "", offset: int = 0, limit: int = 200, archived: bool = False,
                  clinician_id: int | None = None) -> list[CaseSummary]:
        """A page of the case list (open cases, or the archived ones; all clinicians' or one's), most recently
        updated first. Plain SQL, as a keystroke runs it: peewee took longer to build it than SQLite to answer."""
        where, params, by_id = self._filtered(search, archived, clinician_id)
        page = f"ORDER BY updated_at DESC, id DESC LIMIT {self.db.param} OFFSET {self.db.param}"
        params += [limit, offset]
        if is_server(self.db):  # the server reads a row's other columns only for the page
            sql = f'SELECT {_LISTED} FROM "case" WHERE {where} {page}'
        else:  # SQLite would read every row it passes over: the page's ids first, from an index alone (or by id)
            sql = (f'SELECT {_LISTED} FROM "case" WHERE id IN (SELECT id FROM "case"{" NOT INDEXED" if by_id else ""} '
                   f"WHERE {where} {page}) ORDER BY updated_at DESC, id DESC")
        return [_summary(row) for row in self.db.execute_sql(sql, params).fetchall()]

    def has_cases(self) -> bool:
        """Whether any case is stored, open or archived (one row read, however many there are)."""
        with reading(self.db):
            return bool(CaseRow.select(CaseRow.id).limit(1).exists())

    def clinicians(self) -> list[tuple[int, str]]:
        """Every clinician a case may name, as (id, name), by name: the case list filters by them."""
        with reading(self.db):
            rows: list[tuple[Any, ...]] = list(ClinicianRow.select(ClinicianRow.id, ClinicianRow.name).order_by(
                ClinicianRow.name, ClinicianRow.id).tuples())  # type: ignore[arg-type]
            return [(int(row[0]), str(row[1])) for row in rows]

    def get(self, case_id: int) -> Case:
        """Load a whole case with the revision it is at, all read from one committed state (a save elsewhere
        lands wholly before or wholly after). Raises NotFoundError."""
        # The full domain model loads on first use, so the case list can appear before it (startup).
        from rtw_planner.db import revisions, stored_case

        with guarded(self.db, Action.READ_CLINICAL), snapshot(self.db):
            stored = stored_case.load(case_id)
            stamp = revisions.stamp(case_id)
        if stored is None or stamp is None:
            raise NotFoundError(f"case {case_id} does not exist")
        return self._remember(replace(stored.to_case(), revision=stamp.revision))

    def caseload_view(self, case_id: int) -> Case:
        """The case as reception may see it, for the caseload: who, where, the review date, the return date and the
        next appointment, read from the case row alone (no diagnosis, plan, consents or measurements). Raises
        NotFoundError."""
        from rtw_planner.db import case_rows
        from rtw_planner.domain.case.model import Case

        visible = tuple(c for c in case_rows.CASE_COLUMNS if c.column_name not in CLINICAL_CASE_COLUMNS)
        with guarded(self.db, Action.READ_CASELOAD), reading(self.db):
            row = CaseRow.select(*visible).where(CaseRow.id == case_id).dicts().first()
        if row is None:
            raise NotFoundError(f"case {case_id} does not exist")
        values = tuple(row.get(c.name, "" if c.column_name in CLINICAL_CASE_COLUMNS else None)
                       for c in case_rows.CASE_COLUMNS)
        header = case_rows.case_header(values)
        return Case(id=case_id, **header)

    def plan_versions(self, case_id: int) -> list[PlanVersion]:
        """Every saved version of a case's plan, oldest first."""
        from rtw_planner.domain.plan.model import plan_from_dict

        with guarded(self.db, Action.READ_CLINICAL), reading(self.db):
            rows = list(PlanVersionRow.select().where(PlanVersionRow.case == case_id).order_by(PlanVersionRow.version))
        return [PlanVersion(r.version, r.created_at, r.issued_at, plan_from_dict(json.loads(r.data_json)))
                for r in rows]

    def issue_plan(self, case_id: int) -> int:
        """Mark the latest plan version as issued (kept unchanged for good); returns its number."""
        with guarded(self.db, Action.ISSUE_DOCUMENTS), writing(self.db):
            row = PlanVersionRow.select().where(PlanVersionRow.case == case_id).order_by(
                PlanVersionRow.version.desc()).first()
            if row is None:
                raise NotFoundError(f"case {case_id} has no plan to issue")
            if row.issued_at is None:
                PlanVersionRow.update(issued_at=datetime.now()).where(PlanVersionRow.id == row.id).execute()
            return int(row.version)

    def save(self, case: Case) -> Case:
        """Insert or update a case in one transaction, writing only the rows that changed; returns it as stored,
        with its ids and its new revision. A case with an id is saved only while the stored one is still at the
        case's revision: otherwise ConflictError names who changed it and when, and nothing is written. Raises
        NotFoundError when the case has an id that is not stored, BusyError when the database stayed locked,
        PermissionDeniedError when the role may not change cases, IssuedLockedError when the save would change
        an evaluation or plan version an issued document was made from (nothing is written)."""
        from rtw_planner.db import case_writer, revisions, stored_case

        with guarded(self.db, Action.EDIT_CASES), writing(self.db):
            stored = None
            if case.id is not None:
                # No lock needed: the case row's update is the first write, and it names the revision read (an
                # earlier commit has moved it on; a later one waits for this transaction and then finds it moved).
                same = stored_case.unchanged_parts(case, self._last.get(case.id))
                stored = stored_case.load(case.id, skip=same)
                if stored is None:
                    raise NotFoundError(f"case {case.id} does not exist")
            saved = case_writer.save(case, stored, datetime.now(), revisions.current_user(self.db))
        return self._remember(saved)  # once committed

    def set_archived(self, case_id: int, archived: bool) -> None:
        """Archive a case (it leaves the case list and the caseload, keeping everything) or restore it. A change of
        the case like any other: the revision moves on and the audit trail records it. Raises NotFoundError."""
        from rtw_planner.db import revisions

        with guarded(self.db, Action.EDIT_CASES), writing(self.db):
            changed = (CaseRow.update(archived_on=datetime.now() if archived else None, revision=CaseRow.revision + 1,
                                      updated_at=datetime.now(), updated_by=revisions.current_user(self.db))
                       .where(CaseRow.id == case_id).execute())
        if changed != 1:
            raise NotFoundError(f"case {case_id} does not exist")

    def is_archived(self, case_id: int) -> bool:
        """Whether the case is archived (False for a case that does not exist)."""
        with reading(self.db):
            return CaseRow.select().where((CaseRow.id == case_id) & CaseRow.archived_on.is_null(False)).exists()

    def delete(self, case_id: int, revision: int | None = None) -> None:
        """Remove a case and everything recorded under it (the tables' foreign keys cascade). Given the revision
        it was read at, only while it is still at that revision (ConflictError otherwise, nothing deleted).
        Administrators only (PermissionDeniedError)."""
        from rtw_planner.db import revisions

        with guarded(self.db, Action.DELETE_CASES), writing(self.db):
            if revision is None:
                CaseRow.delete().where(CaseRow.id == case_id).execute()
            elif CaseRow.delete().where((CaseRow.id == case_id) & (CaseRow.revision == revision)).execute() != 1:
                revisions.refuse(case_id, revision)

    def insert_many_for_benchmark(self, cases: list[Case]) -> None:
        """Bulk insert of case headers only (benchmarks and load tests)."""
        now = datetime.now()
        rows = [{"patient_name": c.patient_name, "employer": c.employer, "job_title": c.job_title,
                 "date_of_birth": c.date_of_birth, "review_date": c.review_date,
                 "search_key": search_key(c.patient_name, c.job_title, c.employer),
                 "created_at": now, "updated_at": now} for c in cases]
        with writing(self.db):
            for start in range(0, len(rows), 500):
                CaseRow.insert_many(rows[start:start + 500]).execute()


class ClinicRepository:
    """The clinic's letterhead details (a single row)."""

    def __init__(self, db: pw.Database) -> None:
        self.db = db

    def get(self) -> Clinic:
        """The clinic details, or empty ones if none were saved."""
        from rtw_planner.domain.case.jurisdiction import Jurisdiction
        from rtw_planner.domain.case.model import Clinic
        from rtw_planner.domain.demands.units import MassUnit

        with reading(self.db):
            row = ClinicRow.select().order_by(ClinicRow.id).first()
        if row is None:
            return Clinic()
        logo = bytes(row.logo_png) if row.logo_png is not None else None
        return Clinic(row.name, row.address, row.phone, row.email, logo, row.paper_size, Jurisdiction(row.jurisdiction),
                      MassUnit(row.mass_unit) if row.mass_unit else None, bool(row.quarter_hours),
                      int(row.draft_retention_days), int(row.backup_retention_days))

    def save(self, clinic: Clinic) -> None:
        """Replace the clinic details in one transaction (administrators only: PermissionDeniedError)."""
        with guarded(self.db, Action.EDIT_CLINIC), writing(self.db):
            ClinicRow.delete().execute()
            ClinicRow.insert(name=clinic.name, address=clinic.address, phone=clinic.phone, email=clinic.email,
                             logo_png=clinic.logo_png, paper_size=clinic.paper_size,
                             jurisdiction=clinic.jurisdiction.value,
                             mass_unit=clinic.mass_unit.value if clinic.mass_unit else None,
                             quarter_hours=clinic.quarter_hours,
                             draft_retention_days=clinic.draft_retention_days,
                             backup_retention_days=clinic.backup_retention_days).execute()
