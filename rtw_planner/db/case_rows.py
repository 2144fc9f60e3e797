"""The columns of each case table and the conversions between their values and the domain, both ways."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import peewee as pw

from rtw_planner.db.tables import (
    CaseRow,
    ClinicianRow,
    ConsentRow,
    EvaluationRow,
    JobDemandsRow,
    OutcomeRecordRow,
    PostureEntryRow,
    PracticeEntryRow,
    StrengthEntryRow,
)
from rtw_planner.domain.capacity.evaluation import Effort, Evaluation
from rtw_planner.domain.capacity.grip import Handedness, Sex
from rtw_planner.domain.capacity.tolerances import tolerances_from_dict, tolerances_to_dict
from rtw_planner.domain.case import records
from rtw_planner.domain.case.model import Case, Clinician, Consent, ConsentCategory
from rtw_planner.domain.case.outcome_records import OutcomeRecord, PracticeEntry
from rtw_planner.domain.demands.job import DemandSource, JobDemands
from rtw_planner.domain.demands.mmh_tasks import mmh_task_from_dict, mmh_tasks_to_list
from rtw_planner.domain.demands.profile import Activity, Frequency, PhysicalProfile, PostureTolerance
from rtw_planner.domain.plan.goals import appointment_from_dict, appointment_to_dict

Values = tuple[Any, ...]  # one row's column values, in the order of its table's *_COLUMNS

DEMAND = "demand"  # the side of a strength or posture entry
CAPACITY = "capacity"

CASE_COLUMNS: tuple[pw.Field, ...] = (
    CaseRow.patient_name, CaseRow.date_of_birth, CaseRow.sex, CaseRow.employer, CaseRow.job_title, CaseRow.clinician,
    CaseRow.diagnosis, CaseRow.review_date, CaseRow.rtw_start_date, CaseRow.next_appointment_json,
    CaseRow.workers_comp_claim)
CLINICIAN_ID = 5  # the index of CaseRow.clinician above (a peewee field's == builds SQL, so no .index())
CLINICIAN_COLUMNS: tuple[pw.Field, ...] = (
    ClinicianRow.name, ClinicianRow.profession, ClinicianRow.registration_number, ClinicianRow.phone,
    ClinicianRow.email)
DEMANDS_COLUMNS: tuple[pw.Field, ...] = (
    JobDemandsRow.source, JobDemandsRow.template, JobDemandsRow.shift_hours, JobDemandsRow.days_per_week,
    JobDemandsRow.arm_leg_controls, JobDemandsRow.production_pace, JobDemandsRow.carry_distance_m,
    JobDemandsRow.exposure_json, JobDemandsRow.ratings_json, JobDemandsRow.tasks_json, JobDemandsRow.lifting_tasks_json,
    JobDemandsRow.mmh_tasks_json)
EVALUATION_COLUMNS: tuple[pw.Field, ...] = (
    EvaluationRow.assessed_on, EvaluationRow.evaluator, EvaluationRow.protocol, EvaluationRow.effort,
    EvaluationRow.effort_notes, EvaluationRow.estimation_rule, EvaluationRow.grip_json, EvaluationRow.carry_distance_m,
    EvaluationRow.exposure_json, EvaluationRow.dominant_hand, EvaluationRow.tolerances_json)
# An entry's key (side, evaluation, activity[, frequency]) comes first: STRENGTH_KEY or POSTURE_KEY columns.
STRENGTH_COLUMNS: tuple[pw.Field, ...] = (
    StrengthEntryRow.side, StrengthEntryRow.evaluation, StrengthEntryRow.activity, StrengthEntryRow.frequency,
    StrengthEntryRow.value)
STRENGTH_KEY = 4
POSTURE_COLUMNS: tuple[pw.Field, ...] = (
    PostureEntryRow.side, PostureEntryRow.evaluation, PostureEntryRow.activity, PostureEntryRow.minutes_at_a_time,
    PostureEntryRow.minutes_per_day)
POSTURE_KEY = 3
CONSENT_COLUMNS: tuple[pw.Field, ...] = (
    ConsentRow.category, ConsentRow.recipient, ConsentRow.purpose, ConsentRow.date_given, ConsentRow.expiry,
    ConsentRow.withdrawn_on)
# Outcome records and practice days read back by date first: the date is their first column.
OUTCOME_COLUMNS: tuple[pw.Field, ...] = (
    OutcomeRecordRow.on, OutcomeRecordRow.instrument_id, OutcomeRecordRow.answers_json, OutcomeRecordRow.score,
    OutcomeRecordRow.band, OutcomeRecordRow.notes)
PRACTICE_COLUMNS: tuple[pw.Field, ...] = (
    PracticeEntryRow.on, PracticeEntryRow.activity, PracticeEntryRow.quota, PracticeEntryRow.done,
    PracticeEntryRow.completed)


def case_values(case: Case, clinician_id: int | None) -> Values:
    """The case row (CASE_COLUMNS) of a case whose clinician is stored under clinician_id."""
    appointment = json.dumps(appointment_to_dict(case.next_appointment)) if case.next_appointment else None
    return (case.patient_name, case.date_of_birth, case.sex.value if case.sex else None, case.employer,
            case.job_title, clinician_id, case.diagnosis, case.review_date, case.rtw_start_date, appointment,
            case.workers_comp_claim)


def clinician_values(clinician: Clinician) -> Values:
    """CLINICIAN_COLUMNS."""
    return (clinician.name, clinician.profession, clinician.registration_number, clinician.phone, clinician.email)


def demands_values(demands: JobDemands) -> Values:
    """DEMANDS_COLUMNS; the strength and posture entries are rows of their own (entry_values)."""
    return (demands.source.value, demands.template, demands.shift_hours, demands.days_per_week,
            demands.arm_leg_controls, demands.production_pace, demands.profile.carry_distance_m,
            json.dumps(records.exposure_to_list(demands.profile.exposure)),
            json.dumps(records.ratings_to_dict(demands.ratings, demands.strength_rating)),
            json.dumps(records.tasks_to_list(demands.tasks)),
            json.dumps(records.lifting_tasks_to_list(demands.lifting_tasks)),
            json.dumps(mmh_tasks_to_list(demands.mmh_tasks)))


def evaluation_values(evaluation: Evaluation) -> Values:
    """EVALUATION_COLUMNS; the measurements are entry rows of their own (entry_values)."""
    return (evaluation.assessed_on, evaluation.evaluator, evaluation.protocol, evaluation.effort.value,
            evaluation.effort_notes, evaluation.estimation_rule, json.dumps(records.grip_to_list(evaluation.grip)),
            evaluation.profile.carry_distance_m, json.dumps(records.exposure_to_list(evaluation.profile.exposure)),
            evaluation.dominant_hand.value if evaluation.dominant_hand else None,
            json.dumps(tolerances_to_dict(evaluation.tolerances)) if evaluation.tolerances else None)


def entry_values(side: str, evaluation_id: int | None, profile: PhysicalProfile) -> tuple[list[Values], list[Values]]:
    """The strength rows (STRENGTH_COLUMNS) and posture rows (POSTURE_COLUMNS) of one side of a case."""
    strength = [(side, evaluation_id, a.value, f.value, value) for (a, f), value in profile.strength.items()]
    postures = [(side, evaluation_id, a.value, t.minutes_at_a_time, t.minutes_per_day)
                for a, t in profile.postures.items()]
    return strength, postures


def consent_values(consent: Consent) -> Values:
    """CONSENT_COLUMNS."""
    return (consent.category.value, consent.recipient, consent.purpose, consent.date_given, consent.expiry,
            consent.withdrawn_on)


def outcome_values(record: OutcomeRecord) -> Values:
    """OUTCOME_COLUMNS."""
    return (record.on, record.instrument_id, json.dumps(list(record.answers)), record.score, record.band,
            record.notes)


def practice_values(entry: PracticeEntry) -> Values:
    """PRACTICE_COLUMNS."""
    return (entry.on, entry.activity, entry.quota, entry.done, entry.completed)


def case_header(values: Values) -> dict[str, Any]:
    """The case row's fields as Case arguments (clinician, consents and the rest are read separately)."""
    (name, born, sex, employer, job_title, _clinician_id, diagnosis, review_date, rtw_start, appointment,
     claim) = values
    return {"patient_name": name, "date_of_birth": born, "sex": Sex(sex) if sex else None, "employer": employer,
            "job_title": job_title, "diagnosis": diagnosis, "review_date": review_date, "rtw_start_date": rtw_start,
            "next_appointment": appointment_from_dict(json.loads(appointment)) if appointment else None,
            "workers_comp_claim": bool(claim)}


def clinician_from(values: Values) -> Clinician:
    """A clinician from CLINICIAN_COLUMNS."""
    return Clinician(*values)


def profile_from(strength: Iterable[Values], postures: Iterable[Values], carry_distance_m: float | None,
                 exposure_json: str) -> PhysicalProfile:
    """One side's profile from its entry rows and the carry distance and exposure of its owning row."""
    return PhysicalProfile(
        {(Activity(activity), Frequency(frequency)): value for _, _, activity, frequency, value in strength},
        {Activity(activity): PostureTolerance(at_a_time, per_day) for _, _, activity, at_a_time, per_day in postures},
        carry_distance_m, records.exposure_from_list(json.loads(exposure_json)))


def demands_from(values: Values, strength: Iterable[Values], postures: Iterable[Values]) -> JobDemands:
    """A case's demands from DEMANDS_COLUMNS and its demand-side entries."""
    (source, template, shift_hours, days_per_week, arm_leg, pace, carry, exposure, ratings, tasks, lifting,
     handling) = values
    return JobDemands(
        profile=profile_from(strength, postures, carry, exposure),
        ratings=records.ratings_from_dict(json.loads(ratings)),
        strength_rating=records.strength_rating_from_dict(json.loads(ratings)), shift_hours=shift_hours,
        days_per_week=days_per_week, tasks=records.tasks_from_list(json.loads(tasks)),
        lifting_tasks=tuple(records.lifting_task_from_dict(t) for t in json.loads(lifting)),
        mmh_tasks=tuple(mmh_task_from_dict(t) for t in json.loads(handling)),
        source=DemandSource(source), template=template, arm_leg_controls=arm_leg, production_pace=pace)


def evaluation_from(evaluation_id: int, values: Values, strength: Iterable[Values],
                    postures: Iterable[Values]) -> Evaluation:
    """An evaluation from EVALUATION_COLUMNS and its entries."""
    assessed_on, evaluator, protocol, effort, notes, rule, grip, carry, exposure, dominant, tolerances = values
    return Evaluation(assessed_on=assessed_on, evaluator=evaluator, protocol=protocol, effort=Effort(effort),
                      effort_notes=notes, estimation_rule=rule, grip=records.grip_from_list(json.loads(grip)),
                      profile=profile_from(strength, postures, carry, exposure),
                      dominant_hand=Handedness(dominant) if dominant else None, id=evaluation_id,
                      tolerances=tolerances_from_dict(json.loads(tolerances or "{}")))


def consent_from(values: Values) -> Consent:
    """A consent from CONSENT_COLUMNS."""
    category, recipient, purpose, given, expiry, withdrawn = values
    return Consent(ConsentCategory(category), recipient, purpose, given, expiry, withdrawn)


def outcome_from(values: Values) -> OutcomeRecord:
    """An outcome record from OUTCOME_COLUMNS."""
    on, instrument_id, answers, score, band, notes = values
    return OutcomeRecord(instrument_id, on, tuple(json.loads(answers)), score, band, notes)


def practice_from(values: Values) -> PracticeEntry:
    """A practice day from PRACTICE_COLUMNS."""
    on, activity, quota, done, completed = values
    return PracticeEntry(on, activity, quota, done, bool(completed))
