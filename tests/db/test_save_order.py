"""Rows kept in place still read back in the order given: consents and evaluations as listed, outcome records and
practice days by date and as listed within a day; ids never cross from one case to another."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import peewee as pw
import pytest
from db_factories import full_case, row_count

from rtw_planner.db.database import open_database
from rtw_planner.db.repository import CaseRepository
from rtw_planner.domain.capacity.evaluation import Evaluation
from rtw_planner.domain.case.model import Case, Consent, ConsentCategory
from rtw_planner.domain.case.outcome_records import OutcomeRecord


@pytest.fixture
def db(database_location: Path | str) -> pw.Database:
    return open_database(database_location)


@pytest.fixture
def repo(db: pw.Database) -> CaseRepository:
    return CaseRepository(db)


@pytest.fixture
def saved(repo: CaseRepository) -> Case:
    return repo.save(full_case())


def stored(repo: CaseRepository, case: Case) -> Case:
    """Save over what is stored now (these tests save one base case edited several ways, one after another); the
    case returned must be the one read back."""
    result = repo.save(case if case.id is None else replace(case, revision=repo.get(case.id).revision))
    assert result.id is not None
    assert repo.get(result.id) == result
    return result


def test_consents_read_back_as_reordered(repo: CaseRepository, saved: Case) -> None:
    extra = Consent(ConsentCategory.EFFORT, "Insurer", "Claim review", saved.consents[0].date_given)
    for consents in (saved.consents[::-1], (extra, *saved.consents), (saved.consents[0], extra, saved.consents[1]),
                     (saved.consents[1], saved.consents[1])):
        assert stored(repo, replace(saved, consents=consents)).consents == consents


def test_outcomes_on_one_day_keep_the_order_given(repo: CaseRepository, saved: Case) -> None:
    first = saved.outcomes[0]
    same_day = OutcomeRecord("NPRS", first.on, (4.0,), 4.0)
    for outcomes in ((same_day, *saved.outcomes), (first, same_day, *saved.outcomes[1:]),
                     (same_day, first, same_day, *saved.outcomes[1:])):
        assert stored(repo, replace(saved, outcomes=outcomes)).outcomes == outcomes


def test_outcomes_given_out_of_date_order_come_back_by_date(repo: CaseRepository, saved: Case) -> None:
    late = OutcomeRecord("PSFS", saved.outcomes[-1].on + timedelta(days=30), (9.0,), 9.0)
    result = stored(repo, replace(saved, outcomes=(late, *saved.outcomes[::-1])))
    assert result.outcomes == (*saved.outcomes, late)


def test_a_record_moved_to_another_day_moves(repo: CaseRepository, saved: Case) -> None:
    moved = replace(saved.outcomes[0], on=saved.outcomes[-1].on + timedelta(days=1))
    result = stored(repo, replace(saved, outcomes=(*saved.outcomes[1:], moved)))
    assert result.outcomes == (*saved.outcomes[1:], moved)


def test_evaluations_read_back_as_listed(db: pw.Database, repo: CaseRepository, saved: Case) -> None:
    first, second = saved.evaluations
    new = Evaluation(first.assessed_on - timedelta(days=7), "S. Lee", "Screen")
    for evaluations in ((second, first), (new, first, second), (first, new, second), (first, first)):
        result = stored(repo, replace(saved, evaluations=evaluations))
        assert [replace(e, id=None) for e in result.evaluations] == [replace(e, id=None) for e in evaluations]
        ids = [e.id for e in result.evaluations]
        assert len(set(ids)) == len(ids) == row_count(db, "evaluation")
        assert ids == sorted(ids)  # the order they read back in
    assert result.current_evaluation is not None


def test_a_copy_of_a_stored_case_gets_rows_of_its_own(db: pw.Database, repo: CaseRepository,
                                                       saved: Case) -> None:
    """A case saved with another case's evaluation ids (a copy, or ids from an import) takes none of its rows."""
    copy = stored(repo, replace(saved, id=None, patient_name="Copy"))
    assert {e.id for e in copy.evaluations}.isdisjoint({e.id for e in saved.evaluations})
    assert repo.get(saved.id) == saved  # type: ignore[arg-type]
    borrowed = stored(repo, replace(copy, evaluations=saved.evaluations[:1]))
    assert borrowed.evaluations[0].id not in {e.id for e in saved.evaluations}
    assert repo.get(saved.id) == saved  # type: ignore[arg-type]
    assert row_count(db, "evaluation") == len(saved.evaluations) + 1
