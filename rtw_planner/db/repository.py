"""Repositories: save and load domain objects; every save is one transaction and no peewee row escapes."""

from __future__ import annotations

from datetime import datetime

import peewee as pw

from rtw_planner.db.tables import (
    CaseRow,
    ClinicianRow,
    ClinicRow,
    ConsentRow,
    PostureEntryRow,
    StrengthEntryRow,
)
from rtw_planner.domain.case import Capacity, Case, CaseSummary, Clinic, Clinician, Consent, ConsentCategory
from rtw_planner.domain.profile import Activity, Frequency, PhysicalProfile, PostureTolerance

DEMAND = "demand"
CAPACITY = "capacity"


class NotFoundError(LookupError):
    """No case has that id."""


class CaseRepository:
    """Cases, their consents, demands and capacity."""

    def __init__(self, db: pw.Database) -> None:
        self.db = db

    def _filtered(self, search: str) -> pw.ModelSelect[CaseRow]:
        query = CaseRow.select(CaseRow.id, CaseRow.patient_name, CaseRow.job_title, CaseRow.employer,
                               CaseRow.review_date)
        text = search.strip()
        if text:
            # SQLite's own LIKE folds ASCII case only; casefold() (registered in database.py) folds Ł and ł too.
            # contains() escapes % and _.
            folded = text.casefold()
            query = query.where(pw.fn.casefold(CaseRow.patient_name).contains(folded)
                                | pw.fn.casefold(CaseRow.job_title).contains(folded)
                                | pw.fn.casefold(CaseRow.employer).contains(folded))
        return query

    def count(self, search: str = "") -> int:
        """How many cases match the search text (name, job title or employer)."""
        return int(self._filtered(search).count())

    def summaries(self, search: str = "", offset: int = 0, limit: int = 200) -> list[CaseSummary]:
        """A page of the case list, most recently updated first."""
        query = (self._filtered(search).order_by(CaseRow.updated_at.desc(), CaseRow.id.desc())
                 .offset(offset).limit(limit).tuples())
        return [CaseSummary(*row) for row in query]  # type: ignore[misc] # rows are plain tuples here

    def get(self, case_id: int) -> Case:
        """Load a whole case. Raises NotFoundError."""
        row = CaseRow.get_or_none(CaseRow.id == case_id)
        if row is None:
            raise NotFoundError(f"case {case_id} does not exist")
        clinician = None
        if row.clinician_id is not None:
            c = ClinicianRow.get_by_id(row.clinician_id)
            clinician = Clinician(c.name, c.profession, c.registration_number)
        consents = tuple(
            Consent(ConsentCategory(c.category), c.recipient, c.purpose, c.date_given, c.expiry, c.withdrawn_on)
            for c in ConsentRow.select().where(ConsentRow.case == case_id).order_by(ConsentRow.id)
        )
        return Case(
            id=row.id, patient_name=row.patient_name, date_of_birth=row.date_of_birth, employer=row.employer,
            job_title=row.job_title, clinician=clinician, diagnosis=row.diagnosis, review_date=row.review_date,
            consents=consents, demands=self._profile(case_id, DEMAND),
            capacity=Capacity(self._profile(case_id, CAPACITY), row.capacity_assessed_on, row.capacity_evaluator),
        )

    def _profile(self, case_id: int, side: str) -> PhysicalProfile:
        strength = {
            (Activity(e.activity), Frequency(e.frequency)): e.value
            for e in StrengthEntryRow.select().where((StrengthEntryRow.case == case_id)
                                                     & (StrengthEntryRow.side == side))
        }
        postures = {
            Activity(p.activity): PostureTolerance(p.minutes_at_a_time, p.minutes_per_day)
            for p in PostureEntryRow.select().where((PostureEntryRow.case == case_id) & (PostureEntryRow.side == side))
        }
        return PhysicalProfile(strength, postures)

    def save(self, case: Case) -> Case:
        """Insert or update a case in one transaction; returns it with its id."""
        now = datetime.now()
        with self.db.atomic():
            fields = {
                "patient_name": case.patient_name, "date_of_birth": case.date_of_birth,
                "employer": case.employer, "job_title": case.job_title,
                "clinician": self._clinician_id(case.clinician), "diagnosis": case.diagnosis,
                "review_date": case.review_date, "capacity_assessed_on": case.capacity.assessed_on,
                "capacity_evaluator": case.capacity.evaluator, "updated_at": now,
            }
            if case.id is None:
                case_id = CaseRow.insert(**fields, created_at=now).execute()
            else:
                case_id = case.id
                if CaseRow.update(**fields).where(CaseRow.id == case_id).execute() != 1:
                    raise NotFoundError(f"case {case_id} does not exist")
                for table in (ConsentRow, StrengthEntryRow, PostureEntryRow):
                    table.delete().where(table.case == case_id).execute()
            if case.consents:
                ConsentRow.insert_many([
                    {"case": case_id, "category": c.category.value, "recipient": c.recipient, "purpose": c.purpose,
                     "date_given": c.date_given, "expiry": c.expiry, "withdrawn_on": c.withdrawn_on}
                    for c in case.consents
                ]).execute()
            for side, profile in ((DEMAND, case.demands), (CAPACITY, case.capacity.profile)):
                self._save_profile(case_id, side, profile)
        return case.with_id(case_id)

    def _save_profile(self, case_id: int, side: str, profile: PhysicalProfile) -> None:
        strength = [{"case": case_id, "side": side, "activity": a.value, "frequency": f.value, "value": v}
                    for (a, f), v in profile.strength.items()]
        if strength:
            StrengthEntryRow.insert_many(strength).execute()
        postures = [{"case": case_id, "side": side, "activity": a.value, "minutes_at_a_time": t.minutes_at_a_time,
                     "minutes_per_day": t.minutes_per_day} for a, t in profile.postures.items()]
        if postures:
            PostureEntryRow.insert_many(postures).execute()

    def _clinician_id(self, clinician: Clinician | None) -> int | None:
        if clinician is None:
            return None
        row, _ = ClinicianRow.get_or_create(
            name=clinician.name, registration_number=clinician.registration_number,
            defaults={"profession": clinician.profession},
        )
        if row.profession != clinician.profession:
            row.profession = clinician.profession
            row.save()
        return int(row.id)

    def delete(self, case_id: int) -> None:
        """Remove a case and everything recorded under it."""
        with self.db.atomic():
            CaseRow.delete().where(CaseRow.id == case_id).execute()

    def insert_many_for_benchmark(self, cases: list[Case]) -> None:
        """Bulk insert of case headers only (benchmarks and load tests)."""
        now = datetime.now()
        rows = [{"patient_name": c.patient_name, "employer": c.employer, "job_title": c.job_title,
                 "date_of_birth": c.date_of_birth, "review_date": c.review_date,
                 "created_at": now, "updated_at": now} for c in cases]
        with self.db.atomic():
            for start in range(0, len(rows), 500):
                CaseRow.insert_many(rows[start:start + 500]).execute()


class ClinicRepository:
    """The clinic's letterhead details (a single row)."""

    def __init__(self, db: pw.Database) -> None:
        self.db = db

    def get(self) -> Clinic:
        """The clinic details, or empty ones if none were saved."""
        row = ClinicRow.select().order_by(ClinicRow.id).first()
        if row is None:
            return Clinic()
        logo = bytes(row.logo_png) if row.logo_png is not None else None
        return Clinic(row.name, row.address, row.phone, row.email, logo, row.paper_size)

    def save(self, clinic: Clinic) -> None:
        """Replace the clinic details in one transaction."""
        with self.db.atomic():
            ClinicRow.delete().execute()
            ClinicRow.insert(name=clinic.name, address=clinic.address, phone=clinic.phone, email=clinic.email,
                             logo_png=clinic.logo_png, paper_size=clinic.paper_size).execute()
