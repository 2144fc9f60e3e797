"""Repositories: save and load domain objects; every save is one transaction and no peewee row escapes."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

import peewee as pw

from rtw_planner.db.tables import (
    CaseRow,
    ClinicianRow,
    ClinicRow,
    ConsentRow,
    EvaluationRow,
    JobDemandsRow,
    OutcomeRecordRow,
    PlanVersionRow,
    PostureEntryRow,
    PracticeEntryRow,
    StrengthEntryRow,
)
from rtw_planner.domain.case.summary import CaseSummary

if TYPE_CHECKING:
    from rtw_planner.domain.capacity.evaluation import Evaluation
    from rtw_planner.domain.case.model import Case, Clinic, Clinician
    from rtw_planner.domain.demands.job import JobDemands
    from rtw_planner.domain.demands.profile import PhysicalProfile
    from rtw_planner.domain.plan.model import Plan

DEMAND = "demand"
CAPACITY = "capacity"


@dataclass(frozen=True)
class PlanVersion:
    """A saved version of a plan."""

    version: int
    created_at: datetime
    issued_at: datetime | None
    plan: Plan


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
        # The full domain model loads on first use, so the case list can appear before it (startup).
        from rtw_planner.domain.capacity.grip import Sex
        from rtw_planner.domain.case.model import Case, Clinician, Consent, ConsentCategory
        from rtw_planner.domain.case.outcome_records import OutcomeRecord, PracticeEntry
        from rtw_planner.domain.plan.goals import appointment_from_dict

        row = CaseRow.get_or_none(CaseRow.id == case_id)
        if row is None:
            raise NotFoundError(f"case {case_id} does not exist")
        clinician = None
        if row.clinician_id is not None:
            c = ClinicianRow.get_by_id(row.clinician_id)
            clinician = Clinician(c.name, c.profession, c.registration_number, c.phone, c.email)
        consents = tuple(
            Consent(ConsentCategory(c.category), c.recipient, c.purpose, c.date_given, c.expiry, c.withdrawn_on)
            for c in ConsentRow.select().where(ConsentRow.case == case_id).order_by(ConsentRow.id)
        )
        return Case(
            id=row.id, patient_name=row.patient_name, date_of_birth=row.date_of_birth,
            sex=Sex(row.sex) if row.sex else None, employer=row.employer, job_title=row.job_title,
            clinician=clinician, diagnosis=row.diagnosis, review_date=row.review_date, consents=consents,
            demands=self._demands(case_id), evaluations=self._evaluations(case_id),
            rtw_start_date=row.rtw_start_date,
            next_appointment=appointment_from_dict(json.loads(row.next_appointment_json))
            if row.next_appointment_json else None,
            plan=self._latest_plan(case_id), workers_comp_claim=bool(row.workers_comp_claim),
            outcomes=tuple(
                OutcomeRecord(o.instrument_id, o.on, tuple(json.loads(o.answers_json)), o.score, o.band, o.notes)
                for o in OutcomeRecordRow.select().where(OutcomeRecordRow.case == case_id).order_by(
                    OutcomeRecordRow.on, OutcomeRecordRow.id)),
            practice_log=tuple(
                PracticeEntry(p.on, p.activity, p.quota, p.done, bool(p.completed))
                for p in PracticeEntryRow.select().where(PracticeEntryRow.case == case_id).order_by(
                    PracticeEntryRow.on, PracticeEntryRow.id)),
        )

    def _latest_plan(self, case_id: int) -> Plan:
        from rtw_planner.domain.plan.model import Plan, plan_from_dict

        row = PlanVersionRow.select().where(PlanVersionRow.case == case_id).order_by(
            PlanVersionRow.version.desc()).first()
        return plan_from_dict(json.loads(row.data_json)) if row else Plan()

    def plan_versions(self, case_id: int) -> list[PlanVersion]:
        """Every saved version of a case's plan, oldest first."""
        from rtw_planner.domain.plan.model import plan_from_dict

        rows = PlanVersionRow.select().where(PlanVersionRow.case == case_id).order_by(PlanVersionRow.version)
        return [PlanVersion(r.version, r.created_at, r.issued_at, plan_from_dict(json.loads(r.data_json)))
                for r in rows]

    def issue_plan(self, case_id: int) -> int:
        """Mark the latest plan version as issued (kept unchanged for good); returns its number."""
        with self.db.atomic():
            row = PlanVersionRow.select().where(PlanVersionRow.case == case_id).order_by(
                PlanVersionRow.version.desc()).first()
            if row is None:
                raise NotFoundError(f"case {case_id} has no plan to issue")
            if row.issued_at is None:
                PlanVersionRow.update(issued_at=datetime.now()).where(PlanVersionRow.id == row.id).execute()
            return int(row.version)

    def _demands(self, case_id: int) -> JobDemands:
        from rtw_planner.domain.case import records
        from rtw_planner.domain.demands.job import DemandSource, JobDemands

        row = JobDemandsRow.get_or_none(JobDemandsRow.case == case_id)
        profile = self._profile(case_id, DEMAND, None)
        if row is None:
            return JobDemands(profile=profile)
        return JobDemands(
            profile=replace(profile, carry_distance_m=row.carry_distance_m,
                            exposure=records.exposure_from_list(json.loads(row.exposure_json))),
            ratings=records.ratings_from_dict(json.loads(row.ratings_json)),
            shift_hours=row.shift_hours, days_per_week=row.days_per_week,
            tasks=records.tasks_from_list(json.loads(row.tasks_json)),
            lifting_tasks=tuple(records.lifting_task_from_dict(t) for t in json.loads(row.lifting_tasks_json)),
            source=DemandSource(row.source), template=row.template,
            arm_leg_controls=row.arm_leg_controls, production_pace=row.production_pace,
        )

    def _evaluations(self, case_id: int) -> tuple[Evaluation, ...]:
        from rtw_planner.domain.capacity.evaluation import Effort, Evaluation
        from rtw_planner.domain.case import records

        # In the order they were recorded: latest() decides which governs, by date.
        rows = EvaluationRow.select().where(EvaluationRow.case == case_id).order_by(EvaluationRow.id)
        return tuple(
            Evaluation(
                id=e.id, assessed_on=e.assessed_on, evaluator=e.evaluator, protocol=e.protocol,
                effort=Effort(e.effort), effort_notes=e.effort_notes, estimation_rule=e.estimation_rule,
                grip=records.grip_from_list(json.loads(e.grip_json)),
                profile=replace(self._profile(case_id, CAPACITY, e.id), carry_distance_m=e.carry_distance_m,
                                exposure=records.exposure_from_list(json.loads(e.exposure_json))),
            )
            for e in rows
        )

    def _profile(self, case_id: int, side: str, evaluation_id: int | None) -> PhysicalProfile:
        from rtw_planner.domain.demands.profile import Activity, Frequency, PhysicalProfile, PostureTolerance

        strength_rows = StrengthEntryRow.select().where(
            (StrengthEntryRow.case == case_id) & (StrengthEntryRow.side == side)
            & (StrengthEntryRow.evaluation.is_null() if evaluation_id is None
               else StrengthEntryRow.evaluation == evaluation_id))
        posture_rows = PostureEntryRow.select().where(
            (PostureEntryRow.case == case_id) & (PostureEntryRow.side == side)
            & (PostureEntryRow.evaluation.is_null() if evaluation_id is None
               else PostureEntryRow.evaluation == evaluation_id))
        strength = {(Activity(e.activity), Frequency(e.frequency)): e.value for e in strength_rows}
        postures = {Activity(p.activity): PostureTolerance(p.minutes_at_a_time, p.minutes_per_day)
                    for p in posture_rows}
        return PhysicalProfile(strength, postures)

    def save(self, case: Case) -> Case:
        """Insert or update a case in one transaction; returns it as stored, with its ids."""
        from rtw_planner.domain.plan.goals import appointment_to_dict

        now = datetime.now()
        with self.db.atomic():
            fields = {
                "patient_name": case.patient_name, "date_of_birth": case.date_of_birth,
                "sex": case.sex.value if case.sex else None, "employer": case.employer,
                "job_title": case.job_title, "clinician": self._clinician_id(case.clinician),
                "diagnosis": case.diagnosis, "review_date": case.review_date, "updated_at": now,
                "rtw_start_date": case.rtw_start_date,
                "next_appointment_json": json.dumps(appointment_to_dict(case.next_appointment))
                if case.next_appointment else None,
                "workers_comp_claim": case.workers_comp_claim,
            }
            if case.id is None:
                case_id = CaseRow.insert(**fields, created_at=now).execute()
            else:
                case_id = case.id
                if CaseRow.update(**fields).where(CaseRow.id == case_id).execute() != 1:
                    raise NotFoundError(f"case {case_id} does not exist")
                # Plan versions are history and are never deleted here.
                for table in (ConsentRow, StrengthEntryRow, PostureEntryRow, EvaluationRow, JobDemandsRow,
                              OutcomeRecordRow, PracticeEntryRow):
                    table.delete().where(table.case == case_id).execute()
            if case.consents:
                ConsentRow.insert_many([
                    {"case": case_id, "category": c.category.value, "recipient": c.recipient, "purpose": c.purpose,
                     "date_given": c.date_given, "expiry": c.expiry, "withdrawn_on": c.withdrawn_on}
                    for c in case.consents
                ]).execute()
            self._save_demands(case_id, case.demands)
            for evaluation in case.evaluations:
                self._save_evaluation(case_id, evaluation)
            self._save_plan(case_id, case.plan)
            if case.outcomes:
                OutcomeRecordRow.insert_many([
                    {"case": case_id, "instrument_id": o.instrument_id, "on": o.on, "answers_json": json.dumps(
                        list(o.answers)), "score": o.score, "band": o.band, "notes": o.notes} for o in case.outcomes
                ]).execute()
            if case.practice_log:
                PracticeEntryRow.insert_many([
                    {"case": case_id, "on": p.on, "activity": p.activity, "quota": p.quota, "done": p.done,
                     "completed": p.completed} for p in case.practice_log
                ]).execute()
        return self.get(case_id)

    def _save_plan(self, case_id: int, plan: Plan) -> None:
        """A new version when the plan changed; earlier versions, issued or not, stay as they were."""
        from rtw_planner.domain.plan.model import plan_to_dict

        data = json.dumps(plan_to_dict(plan), sort_keys=True)
        latest = PlanVersionRow.select().where(PlanVersionRow.case == case_id).order_by(
            PlanVersionRow.version.desc()).first()
        if latest is not None and latest.data_json == data:
            return
        if latest is None and plan.is_empty():
            return
        PlanVersionRow.insert(case=case_id, version=(latest.version + 1) if latest else 1, created_at=datetime.now(),
                              data_json=data).execute()

    def _save_demands(self, case_id: int, demands: JobDemands) -> None:
        from rtw_planner.domain.case import records

        JobDemandsRow.insert(
            case=case_id, source=demands.source.value, template=demands.template,
            shift_hours=demands.shift_hours, days_per_week=demands.days_per_week,
            arm_leg_controls=demands.arm_leg_controls, production_pace=demands.production_pace,
            carry_distance_m=demands.profile.carry_distance_m,
            exposure_json=json.dumps(records.exposure_to_list(demands.profile.exposure)),
            ratings_json=json.dumps(records.ratings_to_dict(demands.ratings)),
            tasks_json=json.dumps(records.tasks_to_list(demands.tasks)),
            lifting_tasks_json=json.dumps(records.lifting_tasks_to_list(demands.lifting_tasks)),
        ).execute()
        self._save_profile(case_id, DEMAND, None, demands.profile)

    def _save_evaluation(self, case_id: int, evaluation: Evaluation) -> None:
        from rtw_planner.domain.case import records

        evaluation_id = EvaluationRow.insert(
            case=case_id, assessed_on=evaluation.assessed_on, evaluator=evaluation.evaluator,
            protocol=evaluation.protocol, effort=evaluation.effort.value, effort_notes=evaluation.effort_notes,
            estimation_rule=evaluation.estimation_rule, grip_json=json.dumps(records.grip_to_list(evaluation.grip)),
            carry_distance_m=evaluation.profile.carry_distance_m,
            exposure_json=json.dumps(records.exposure_to_list(evaluation.profile.exposure)),
        ).execute()
        self._save_profile(case_id, CAPACITY, evaluation_id, evaluation.profile)

    def _save_profile(self, case_id: int, side: str, evaluation_id: int | None, profile: PhysicalProfile) -> None:
        strength = [{"case": case_id, "side": side, "evaluation": evaluation_id, "activity": a.value,
                     "frequency": f.value, "value": v} for (a, f), v in profile.strength.items()]
        if strength:
            StrengthEntryRow.insert_many(strength).execute()
        postures = [{"case": case_id, "side": side, "evaluation": evaluation_id, "activity": a.value,
                     "minutes_at_a_time": t.minutes_at_a_time, "minutes_per_day": t.minutes_per_day}
                    for a, t in profile.postures.items()]
        if postures:
            PostureEntryRow.insert_many(postures).execute()

    def _clinician_id(self, clinician: Clinician | None) -> int | None:
        if clinician is None:
            return None
        details = {"profession": clinician.profession, "phone": clinician.phone, "email": clinician.email}
        row, _ = ClinicianRow.get_or_create(
            name=clinician.name, registration_number=clinician.registration_number, defaults=details,
        )
        if any(getattr(row, k) != v for k, v in details.items()):
            for key, value in details.items():
                setattr(row, key, value)
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
        from rtw_planner.domain.case.jurisdiction import Jurisdiction
        from rtw_planner.domain.case.model import Clinic
        from rtw_planner.domain.demands.units import MassUnit

        row = ClinicRow.select().order_by(ClinicRow.id).first()
        if row is None:
            return Clinic()
        logo = bytes(row.logo_png) if row.logo_png is not None else None
        return Clinic(row.name, row.address, row.phone, row.email, logo, row.paper_size, Jurisdiction(row.jurisdiction),
                      MassUnit(row.mass_unit) if row.mass_unit else None, bool(row.quarter_hours),
                      int(row.draft_retention_days))

    def save(self, clinic: Clinic) -> None:
        """Replace the clinic details in one transaction."""
        with self.db.atomic():
            ClinicRow.delete().execute()
            ClinicRow.insert(name=clinic.name, address=clinic.address, phone=clinic.phone, email=clinic.email,
                             logo_png=clinic.logo_png, paper_size=clinic.paper_size,
                             jurisdiction=clinic.jurisdiction.value,
                             mass_unit=clinic.mass_unit.value if clinic.mass_unit else None,
                             quarter_hours=clinic.quarter_hours,
                             draft_retention_days=clinic.draft_retention_days).execute()
