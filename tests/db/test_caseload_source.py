"""The caseload's read: only the open cases that may have something due by the horizon, in a fixed number of
queries, and the same caseload as from every case."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import peewee as pw
from factories import planned_case, unassessed_case

from rtw_planner.db.caseload_source import caseload_inputs
from rtw_planner.db.database import open_database
from rtw_planner.db.repository import CaseRepository
from rtw_planner.domain.case.model import Appointment, Consent, ConsentCategory
from rtw_planner.domain.caseload.due import DueReason, caseload
from rtw_planner.domain.plan.phases import Contract, Phase, PhasedReturn

TODAY = date(2026, 12, 6)
HORIZON = date(2026, 12, 13)  # a week ahead
PHASED = PhasedReturn(Contract(40, 5), date(2026, 12, 7), (Phase(2, 50), Phase(2, 100)))  # the first starts Monday


def _save(db: pw.Database, name: str, **changes: object) -> int:
    saved = CaseRepository(db).save(replace(unassessed_case(), patient_name=name, **changes))
    assert saved.id is not None
    return saved.id


def test_cases_with_nothing_due_by_the_horizon_are_not_read(database_location: Path | str) -> None:
    db = open_database(database_location)
    overdue = _save(db, "Ann Overdue", review_date=date(2026, 11, 2))
    _save(db, "Ben Later", review_date=date(2027, 1, 5))
    _save(db, "Cal Undated")
    seen = _save(db, "Dee Booked", next_appointment=Appointment(datetime(2026, 12, 8, 9, 0)))
    expiring = _save(db, "Eve Consent", consents=(
        Consent(ConsentCategory.FUNCTIONAL, "Employer HR", "Return to work", date(2026, 6, 1), date(2026, 12, 12)),))
    archived = _save(db, "Fay Archived", review_date=date(2026, 11, 2))
    CaseRepository(db).set_archived(archived, True)
    planned = CaseRepository(db).save(planned_case(patient_name="Gus Planned"))  # phases from 4 January
    replanned = CaseRepository(db).save(replace(planned, plan=replace(planned.plan, phased_return=PHASED)))
    within, _ = caseload_inputs(db, HORIZON)
    every, letters = caseload_inputs(db)
    assert sorted(case.id for case in within) == [overdue, seen, expiring, replanned.id]  # a plan: always read
    assert [case.plan for case in within if case.id == replanned.id] == [replanned.plan]  # the latest version
    assert len(every) == 6  # all open cases: the archived one left out
    assert caseload(within, TODAY, 7, letters) == caseload(every, TODAY, 7, letters)
    assert [(item.patient_name, item.reason) for item in caseload(within, TODAY, 7, letters)] == [
        ("Ann Overdue", DueReason.REVIEW_OVERDUE),  # 2 Nov, then by date:
        ("Gus Planned", DueReason.PHASE_STARTS),  # 7 Dec
        ("Dee Booked", DueReason.APPOINTMENT),  # 8 Dec
        ("Gus Planned", DueReason.APPOINTMENT),  # 11 Dec (planned_case's booking)
        ("Eve Consent", DueReason.CONSENT_EXPIRES)]  # 12 Dec
