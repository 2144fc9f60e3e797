"""Plan versions: a new version only when the plan changed, issued versions kept unchanged, deleted with the case."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import peewee as pw
import pytest
from db_factories import full_case, row_count
from factories import planned_case, with_exposure, with_treatment

from rtw_planner.db.database import open_database
from rtw_planner.db.errors import NotFoundError
from rtw_planner.db.repository import CaseRepository
from rtw_planner.domain.case.model import Case
from rtw_planner.domain.plan.goals import Appointment
from rtw_planner.domain.plan.model import Plan


@pytest.fixture
def db(database_location: Path | str) -> pw.Database:
    return open_database(database_location)


@pytest.fixture
def repo(db: pw.Database) -> CaseRepository:
    return CaseRepository(db)


@pytest.fixture
def saved(repo: CaseRepository) -> Case:
    return repo.save(full_case())


def case_id(case: Case) -> int:
    assert case.id is not None
    return case.id


def fewer_quotas(case: Case) -> Case:
    return replace(case, plan=replace(case.plan, quotas=case.plan.quotas[:1]))


def test_saving_a_case_creates_version_1(repo: CaseRepository, saved: Case) -> None:
    versions = repo.plan_versions(case_id(saved))
    assert [v.version for v in versions] == [1]
    assert versions[0].plan == full_case().plan
    assert versions[0].issued_at is None
    assert isinstance(versions[0].created_at, datetime)
    assert saved.plan == full_case().plan


def test_saving_unchanged_adds_no_version(repo: CaseRepository, saved: Case) -> None:
    again = repo.save(saved)
    repo.save(replace(again, job_title="Team leader"))
    assert [v.version for v in repo.plan_versions(case_id(saved))] == [1]


def test_changing_the_plan_adds_version_2(repo: CaseRepository, saved: Case) -> None:
    changed = repo.save(fewer_quotas(saved))
    versions = repo.plan_versions(case_id(saved))
    assert [v.version for v in versions] == [1, 2]
    assert versions[0].plan == saved.plan
    assert versions[1].plan == changed.plan
    assert len(versions[1].plan.quotas) == 1
    assert repo.get(case_id(saved)).plan == versions[1].plan


def test_issue_marks_the_latest_and_is_idempotent(repo: CaseRepository, saved: Case) -> None:
    repo.save(fewer_quotas(saved))
    assert repo.issue_plan(case_id(saved)) == 2
    first, second = repo.plan_versions(case_id(saved))
    assert first.issued_at is None
    assert second.issued_at is not None
    assert repo.issue_plan(case_id(saved)) == 2
    assert repo.plan_versions(case_id(saved))[1].issued_at == second.issued_at


def test_issued_version_survives_later_saves_unchanged(repo: CaseRepository, saved: Case) -> None:
    repo.issue_plan(case_id(saved))
    issued = repo.plan_versions(case_id(saved))[0]
    again = repo.save(saved)
    fewer = repo.save(fewer_quotas(again))
    repo.save(replace(fewer, plan=Plan()))  # saved's fields, an empty plan
    versions = repo.plan_versions(case_id(saved))
    assert [v.version for v in versions] == [1, 2, 3]
    assert versions[0] == issued
    assert versions[0].plan == saved.plan
    assert [v.issued_at is None for v in versions] == [False, True, True]
    assert versions[2].plan.is_empty()


def test_issue_without_a_plan_is_not_found(repo: CaseRepository) -> None:
    empty = repo.save(Case("Ann Example"))
    assert repo.plan_versions(case_id(empty)) == []
    with pytest.raises(NotFoundError):
        repo.issue_plan(case_id(empty))


def test_empty_plan_creates_no_version(db: pw.Database, repo: CaseRepository) -> None:
    stored = repo.save(full_case(plan=Plan()))
    assert repo.plan_versions(case_id(stored)) == []
    assert stored.plan == Plan()
    assert row_count(db, "plan_version") == 0


def test_deleting_the_case_removes_its_versions(db: pw.Database, repo: CaseRepository, saved: Case) -> None:
    other = repo.save(full_case())
    repo.save(fewer_quotas(saved))
    repo.issue_plan(case_id(saved))
    repo.delete(case_id(saved))
    assert repo.plan_versions(case_id(saved)) == []
    assert row_count(db, "plan_version", case_id(saved)) == 0
    assert [v.version for v in repo.plan_versions(case_id(other))] == [1]


def test_versions_belong_to_their_own_case(repo: CaseRepository, saved: Case) -> None:
    other = repo.save(full_case())
    repo.save(fewer_quotas(other))
    assert [v.version for v in repo.plan_versions(case_id(saved))] == [1]
    assert [v.version for v in repo.plan_versions(case_id(other))] == [1, 2]
    assert repo.get(case_id(saved)).plan == saved.plan


def test_start_date_and_next_appointment_round_trip(repo: CaseRepository, saved: Case) -> None:
    assert saved.rtw_start_date == date(2027, 1, 4)
    assert saved.next_appointment == Appointment(datetime(2026, 12, 11, 10, 30), "Priya Shah",
                                                 "Riverside clinic, room 2")
    moved = replace(saved, rtw_start_date=date(2027, 2, 1),
                    next_appointment=Appointment(datetime(2027, 1, 15, 9, 0), "Sam Lee", ""))
    assert repo.save(moved) == replace(moved, revision=2)  # as given, at the next revision
    cleared = repo.save(replace(saved, rtw_start_date=None, next_appointment=None, revision=2))
    assert (cleared.rtw_start_date, cleared.next_appointment) == (None, None)
    assert repo.get(case_id(saved)) == cleared


def test_treatment_and_exposure_are_kept_in_the_plan_version(repo: CaseRepository) -> None:
    """A case with treatment sessions and a fear hierarchy reads back from the database as saved."""
    case = with_treatment(with_exposure(planned_case()))
    stored = repo.get(repo.save(case).id).plan
    assert (stored.treatment, stored.treatment_time, stored.exposure) == (
        case.plan.treatment, case.plan.treatment_time, case.plan.exposure)
