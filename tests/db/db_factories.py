"""Small cases for storage tests: one that fills every table, and one with a long treatment history."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import peewee as pw

from rtw_planner.db.drivers import load_psycopg
from rtw_planner.domain.capacity.evaluation import Effort, Evaluation
from rtw_planner.domain.capacity.grip import GripTrials, Hand, Sex
from rtw_planner.domain.case.model import Case, Clinician, Consent, ConsentCategory
from rtw_planner.domain.case.outcome_records import OutcomeRecord, PracticeEntry
from rtw_planner.domain.demands.job import JobDemands, Task
from rtw_planner.domain.demands.niosh import LiftingTask
from rtw_planner.domain.demands.niosh_constants import Coupling, Duration
from rtw_planner.domain.demands.profile import Activity, Exposure, Frequency, PhysicalProfile, PostureTolerance
from rtw_planner.domain.demands.ratings import RatedGroup, Rating
from rtw_planner.domain.plan.goals import Appointment
from rtw_planner.domain.plan.model import Plan
from rtw_planner.domain.plan.quota import QuotaActivity, QuotaUnit

LIFT = (Activity.LIFT_FLOOR_TO_WAIST, Frequency.OCCASIONAL)
CARRY = (Activity.CARRY, Frequency.FREQUENT)
PUSH = (Activity.PUSH_INITIAL, Frequency.OCCASIONAL)
FIRST_DAY = date(2026, 9, 7)
RETEST = "FCE (re-test)"


def _evaluation(day: date, protocol: str, lift: float, sit: float) -> Evaluation:
    return Evaluation(day, "P. Shah", protocol, Effort.CONSISTENT, "Full effort",
                      PhysicalProfile({LIFT: lift, CARRY: lift / 2, PUSH: 180},
                                      {Activity.SIT: PostureTolerance(sit, 4 * sit)},
                                      carry_distance_m=10, exposure={Activity.CARRY: Exposure(reps_per_hour=20)}),
                      (GripTrials(Hand.RIGHT, (30, 32, 31)), GripTrials(Hand.LEFT, (28, 27, 29))),
                      estimation_rule="ns-wcb-lower")


def full_case(**changes: Any) -> Case:
    """A case with something in every table: clinician, consents, demands with every part, two evaluations
    (the later one governs), a plan, outcome records and practice days."""
    demands = JobDemands(
        PhysicalProfile({LIFT: 23, CARRY: 10, PUSH: 250},
                        {Activity.SIT: PostureTolerance(15, 60), Activity.STAND: PostureTolerance(60, 420)},
                        carry_distance_m=15, exposure={Activity.LIFT_FLOOR_TO_WAIST: Exposure(3.5, 60)}),
        ratings={(RatedGroup.PHYSICAL, "stooping"): Rating.FREQUENT,
                 (RatedGroup.COGNITIVE, "memory"): Rating.OCCASIONAL},
        shift_hours=8, days_per_week=5,
        tasks=(Task("Pick cases", True, 60, (Activity.LIFT_FLOOR_TO_WAIST,)), Task("Wrap pallets", False, 10)),
        lifting_tasks=(LiftingTask(12, 40, 30, 60, 0, 2, Duration.MODERATE, Coupling.FAIR, name="Tote to conveyor"),),
        production_pace=True)
    plan = Plan(quotas=(QuotaActivity("Walking", QuotaUnit.MINUTES, (10, 12, 11), 45),
                        QuotaActivity("Sitting", QuotaUnit.MINUTES, (15, 15, 18), 60)))
    clinician = Clinician("Priya Shah", "Physiotherapist", "HCPC PH123456", "0161 496 0732")
    case = Case(
        "Zoë Łódź-Müller", date_of_birth=date(1984, 3, 12), sex=Sex.FEMALE, employer="Northgate Distribution Ltd",
        job_title="Order picker", clinician=clinician,
        diagnosis="Chronic low back pain", review_date=date(2027, 1, 8),
        consents=(Consent(ConsentCategory.FUNCTIONAL, "Northgate HR", "Return to work", FIRST_DAY, date(2027, 6, 1)),
                  Consent(ConsentCategory.DIAGNOSIS, "Dr Okafor", "Fitness note", FIRST_DAY)),
        demands=demands,
        evaluations=(_evaluation(FIRST_DAY, "FCE", 12, 20),
                     _evaluation(FIRST_DAY + timedelta(weeks=6), RETEST, 18, 30)),
        rtw_start_date=date(2027, 1, 4), next_appointment=Appointment(datetime(2026, 12, 11, 10, 30), "Priya Shah",
                                                                      "Riverside clinic, room 2"),
        workers_comp_claim=True, plan=plan,
        outcomes=tuple(OutcomeRecord("PSFS", FIRST_DAY + timedelta(weeks=n), (3.0 + n, 4.0, None), 3.5 + n / 2,
                                     notes="Better" if n else "") for n in range(3)),
        practice_log=tuple(PracticeEntry(FIRST_DAY + timedelta(days=n), "Walking", 10.0, 9.0 + n, n > 0)
                           for n in range(3)))
    return replace(case, **changes)


def long_case(rows: int, **changes: Any) -> Case:
    """A case after months of treatment: `rows` outcome records (two a day) and `rows` practice days."""
    outcomes = tuple(OutcomeRecord("PSFS", FIRST_DAY + timedelta(days=n // 2), (float(n % 7),), float(n % 7))
                     for n in range(rows))
    practice = tuple(PracticeEntry(FIRST_DAY + timedelta(days=n), "Walking", 10.0, float(n % 12), n % 12 >= 10)
                     for n in range(rows))
    return full_case(outcomes=outcomes, practice_log=practice, **changes)


def raw_database(location: Path | str) -> pw.Database:
    """A plain connection to a new database (a SQLite path or a server URL) with no migration run, for building the
    schemas of earlier versions."""
    if isinstance(location, str):
        load_psycopg()  # peewee may have been imported without it (rtw_planner.db.drivers)
        return pw.PostgresqlDatabase(location, prefer_psycopg3=True)
    location.parent.mkdir(parents=True, exist_ok=True)
    return pw.SqliteDatabase(str(location), pragmas={"foreign_keys": 1})


def row_count(db: pw.Database, table: str, case_id: int | None = None) -> int:
    """Rows in a table (of one case, given its id), read with plain SQL so nothing needs binding."""
    if case_id is None:
        return int(db.execute_sql(f'SELECT count(*) FROM "{table}"').fetchone()[0])
    return int(db.execute_sql(f'SELECT count(*) FROM "{table}" WHERE case_id = {db.param}', (case_id,)).fetchone()[0])


_PG_ACTIONS = {"c": "CASCADE", "n": "SET NULL", "a": "NO ACTION", "r": "RESTRICT", "d": "SET DEFAULT"}


def foreign_keys(db: pw.Database, table: str) -> set[tuple[str, str, str, str, str]]:
    """(column, referenced table, referenced column, ON UPDATE and ON DELETE actions) of each foreign key."""
    if isinstance(db, pw.PostgresqlDatabase):
        rows = db.execute_sql(
            "SELECT a.attname, target.relname, af.attname, c.confupdtype, c.confdeltype FROM pg_constraint c "
            "JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class target ON target.oid = c.confrelid "
            "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] "
            "JOIN pg_attribute af ON af.attrelid = c.confrelid AND af.attnum = c.confkey[1] "
            "WHERE c.contype = 'f' AND t.relname = %s AND t.relnamespace = current_schema()::regnamespace",
            (table,)).fetchall()
        return {(column, target, target_column, _PG_ACTIONS[update], _PG_ACTIONS[delete])
                for column, target, target_column, update, delete in rows}
    rows = db.execute_sql(f'PRAGMA foreign_key_list("{table}")').fetchall()
    return {(row[3], row[2], row[4], row[5], row[6]) for row in rows}
