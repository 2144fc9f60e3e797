"""Repositories: domain objects in and out of the one database each was given; no peewee row escapes."""

from __future__ import annotations

import json
import operator
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import reduce
from typing import TYPE_CHECKING, Any

import peewee as pw

from rtw_planner.db.errors import NotFoundError
from rtw_planner.db.roles import CLINICAL_CASE_COLUMNS, Action, guarded
from rtw_planner.db.session import reading, snapshot, writing
from rtw_planner.db.tables import CaseRow, ClinicRow, PlanVersionRow
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


def _matching(text: str) -> pw.Expression:
    """Cases whose name, job title or employer holds text, ignoring case and accents (Zoë = zoe). Both sides go
    through rtw_fold(): on SQLite a Python function (database.py registers it), on PostgreSQL lower(unaccent()),
    which the trigram index of migration 0008 covers. The text is folded by the same function, in SQL, so the two
    always agree, and escaped after folding, so % and _ stay literal whatever folding makes of the text."""
    folded = pw.fn.rtw_fold(text)
    for special in ("\\", "%", "_"):
        folded = pw.fn.replace(folded, special, "\\" + special)
    pattern = pw.NodeList((pw.Value("%").concat(folded).concat("%"), pw.SQL("ESCAPE"), pw.Value("\\")))
    columns = (CaseRow.patient_name, CaseRow.job_title, CaseRow.employer)
    # ILIKE, as peewee's contains() uses: LIKE on SQLite (peewee's LIKE is SQLite's case-sensitive GLOB).
    found = [pw.Expression(pw.fn.rtw_fold(column), pw.OP.ILIKE, pattern) for column in columns]
    number = text.removeprefix("#").strip()
    if number.isdigit() and len(number) <= 9:  # a case number
        found.append(CaseRow.id == int(number))
    born = _typed_date(text)
    if born is not None:  # a date of birth, typed as ISO or day.month.year / day/month/year
        found.append(CaseRow.date_of_birth == born)
    return reduce(operator.or_, found)


def _typed_date(text: str) -> date | None:
    """1979-02-14, 14.02.1979 or 14/02/1979 (day first, as most clinics outside the US write it); else None."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    parts = text.replace("/", ".").split(".")
    if len(parts) == 3 and all(p.isdigit() for p in parts) and len(parts[2]) == 4:
        try:
            return date(int(parts[2]), int(parts[1]), int(parts[0]))
        except ValueError:
            return None
    return None


def _appointment_time(stored: str | None) -> datetime | None:
    """When the next appointment is, from its stored form; None when there is none or it cannot be read."""
    if not stored:
        return None
    try:
        return datetime.fromisoformat(str(json.loads(stored)["when"]))
    except (ValueError, KeyError, TypeError):
        return None


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

    def _filtered(self, search: str, archived: bool = False) -> pw.ModelSelect[CaseRow]:
        query = CaseRow.select(CaseRow.id, CaseRow.patient_name, CaseRow.job_title, CaseRow.employer,
                               CaseRow.review_date, CaseRow.date_of_birth, CaseRow.next_appointment_json)
        query = query.where(CaseRow.archived_on.is_null(not archived))
        text = search.strip()
        return query.where(_matching(text)) if text else query

    def count(self, search: str = "", archived: bool = False) -> int:
        """How many open cases (archived ones, when asked) match the search text: name, job title, employer, case
        number or date of birth."""
        with reading(self.db):
            return int(self._filtered(search, archived).count())

    def summaries(self, search: str = "", offset: int = 0, limit: int = 200,
                  archived: bool = False) -> list[CaseSummary]:
        """A page of the case list (open cases, or the archived ones), most recently updated first."""
        with reading(self.db):
            query = (self._filtered(search, archived).order_by(CaseRow.updated_at.desc(), CaseRow.id.desc())
                     .offset(offset).limit(limit).tuples())
            rows: list[tuple[Any, ...]] = list(query)  # type: ignore[arg-type]  # tuples(), not models
            return [CaseSummary(row[0], row[1], row[2], row[3], row[4], row[5], _appointment_time(row[6]))
                    for row in rows]

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
                 "created_at": now, "updated_at": now} for c in cases]
        with writing(self.db):
            for start in range(0, len(rows), 500):
                CaseRow.insert_many(rows[start:start + 500]).execute()


class ClinicRepository:
    """The clinic's letterhead details (a single row)."""

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
