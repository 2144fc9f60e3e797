"""An employer letter needs renewing when the fitness period it stated ends: the caseload lists it, read from the
disclosure log and the plan version the letter was issued from."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from factories import AS_OF, planned_case

from rtw_planner.db.database import open_database
from rtw_planner.db.document_log import DocumentLog
from rtw_planner.db.repository import CaseRepository
from rtw_planner.domain.caseload.due import DueReason, IssuedLetter, due_items
from rtw_planner.domain.plan.fitness import FitnessOutcome, FitnessStatement


def test_the_letter_is_due_when_its_fitness_period_ends(database_location: Path | str) -> None:
    db = open_database(database_location)
    repo = CaseRepository(db)
    case = planned_case()
    not_fit = FitnessStatement(FitnessOutcome.NOT_FIT, to_date=date(2026, 12, 10))
    saved = repo.save(replace(case, plan=replace(case.plan, fitness=not_fit)))
    assert saved.id is not None
    log = DocumentLog(db)
    log.record(saved.id, "employer-letter", "Northgate HR", "patient_copy", ["functional"], "Priya Shah",
               b"%PDF-1.4 letter", plan_version=repo.issue_plan(saved.id))
    log.record(saved.id, "patient-handout", "Patient", "patient_copy", ["functional"], "Priya Shah", b"%PDF-1.4 h")
    (letter,) = log.letters_to_renew()  # the handout is no letter to an employer
    assert letter == IssuedLetter(saved.id, letter.issued_on, date(2026, 12, 10))
    due = [item for item in due_items(saved, AS_OF, 7, [letter]) if item.reason is DueReason.LETTER_RENEW]
    assert [(item.date, item.case_id) for item in due] == [(date(2026, 12, 10), saved.id)]  # 6 Dec + 7 days covers it
    assert not [item for item in due_items(saved, AS_OF, 3, [letter]) if item.reason is DueReason.LETTER_RENEW]
