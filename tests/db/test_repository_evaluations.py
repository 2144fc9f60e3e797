"""Stored evaluations and job demands: ids come back, entries point at their evaluation, saves replace."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import peewee as pw
import pytest
from db_factories import RETEST, full_case, row_count

from rtw_planner.db.case_rows import CAPACITY, DEMAND
from rtw_planner.db.database import open_database
from rtw_planner.db.repository import CaseRepository
from rtw_planner.domain.capacity.evaluation import Evaluation
from rtw_planner.domain.case.model import Case
from rtw_planner.domain.demands.job import DemandSource, JobDemands
from rtw_planner.domain.demands.profile import Activity, Exposure, Frequency, PhysicalProfile

LIFT = (Activity.LIFT_FLOOR_TO_WAIST, Frequency.OCCASIONAL)


@pytest.fixture
def db(database_location: Path | str) -> pw.Database:
    return open_database(database_location)


@pytest.fixture
def repo(db: pw.Database) -> CaseRepository:
    return CaseRepository(db)


@pytest.fixture
def evaluation_ids(db: pw.Database) -> Callable[[int], list[int]]:
    def ids(case_id: int) -> list[int]:
        query = f"SELECT id FROM evaluation WHERE case_id = {db.param} ORDER BY id"
        return [i for (i,) in db.execute_sql(query, (case_id,))]

    return ids


def test_full_case_round_trips_with_evaluation_ids(repo: CaseRepository,
                                                   evaluation_ids: Callable[[int], list[int]]) -> None:
    case = full_case()
    saved = repo.save(case)
    assert saved.id is not None
    ids = [e.id for e in saved.evaluations]
    assert all(isinstance(i, int) for i in ids)
    assert ids == evaluation_ids(saved.id)
    assert saved.with_id(None) == case  # ratings, tasks, lifting tasks, grip and both evaluations
    assert repo.get(saved.id) == saved
    assert saved.current_evaluation is not None
    assert saved.current_evaluation.id == ids[1]
    assert saved.current_evaluation.protocol == RETEST


def test_entries_point_at_their_evaluation(db: pw.Database, repo: CaseRepository) -> None:
    saved = repo.save(full_case())
    first, retest = saved.evaluations
    for table in ("strength_entry", "posture_entry"):
        owners = db.execute_sql(f"SELECT evaluation_id FROM {table} WHERE case_id = {db.param} AND side = {db.param}",
                                (saved.id, DEMAND)).fetchall()
        assert owners
        assert set(owners) == {(None,)}
    capacity = db.execute_sql("SELECT evaluation_id, activity, frequency FROM strength_entry "
                              f"WHERE case_id = {db.param} AND side = {db.param}", (saved.id, CAPACITY)).fetchall()
    by_evaluation = {e.id: sorted((activity, frequency) for owner, activity, frequency in capacity if owner == e.id)
                     for e in (first, retest)}
    assert by_evaluation[first.id] == sorted((a.value, f.value) for a, f in first.profile.strength)
    assert by_evaluation[retest.id] == sorted((a.value, f.value) for a, f in retest.profile.strength)
    assert len(capacity) == len(first.profile.strength) + len(retest.profile.strength)


def test_saving_again_replaces_evaluations(db: pw.Database, repo: CaseRepository,
                                           evaluation_ids: Callable[[int], list[int]]) -> None:
    saved = repo.save(full_case())
    entries = row_count(db, "strength_entry")
    again = repo.save(saved)
    assert again.with_id(None) == saved.with_id(None)
    assert len(evaluation_ids(saved.id)) == 2  # type: ignore[arg-type]
    assert [e.id for e in again.evaluations] == evaluation_ids(saved.id)  # type: ignore[arg-type]
    assert row_count(db, "evaluation") == 2
    assert row_count(db, "job_demands") == 1
    assert row_count(db, "strength_entry") == entries
    third = Evaluation(date(2026, 12, 18), "P. Shah", profile=PhysicalProfile({LIFT: 20}))
    grown = repo.save(replace(again, evaluations=(*again.evaluations, third)))
    assert row_count(db, "evaluation") == 3
    assert grown.capacity.strength == {LIFT: 20}
    assert grown.current_evaluation is not None
    assert grown.current_evaluation.id == max(evaluation_ids(saved.id))  # type: ignore[arg-type]


def test_the_governing_evaluation_survives_storage_in_any_order(repo: CaseRepository) -> None:
    day = date(2026, 11, 20)
    evaluations = (Evaluation(day, protocol="morning", profile=PhysicalProfile({LIFT: 10})),
                   Evaluation(date(2026, 9, 25), protocol="earlier"),
                   Evaluation(day, protocol="afternoon", profile=PhysicalProfile({LIFT: 11})))
    case = Case("Ann", evaluations=evaluations)
    stored = repo.save(case)
    assert sorted(e.protocol for e in stored.evaluations) == ["afternoon", "earlier", "morning"]
    assert stored.current_evaluation is not None
    assert stored.current_evaluation.protocol == "afternoon" == case.current_evaluation.protocol  # type: ignore[union-attr]
    assert stored.capacity.strength == {LIFT: 11}


def test_template_demands_rule_and_partial_exposure_are_stored(repo: CaseRepository) -> None:
    demands = JobDemands(PhysicalProfile({LIFT: 15}, carry_distance_m=30,
                                         exposure={Activity.CARRY: Exposure(hours_per_shift=2)}),
                         source=DemandSource.GENERIC_TEMPLATE, template="Warehouse operative", shift_hours=10.5)
    evaluation = Evaluation(date(2026, 11, 20), estimation_rule="ns-wcb-lower",
                            profile=PhysicalProfile({LIFT: 12}, exposure={Activity.CARRY: Exposure(reps_per_hour=30)},
                                                    carry_distance_m=5))
    case = Case("Ann", demands=demands, evaluations=(evaluation,))
    stored = repo.save(case)
    assert stored.with_id(None) == case
    assert stored.demands.from_template
    assert stored.evaluations[0].estimation_rule == "ns-wcb-lower"


def test_a_case_without_a_demands_row_reads_default_demands(repo: CaseRepository) -> None:
    repo.insert_many_for_benchmark([Case("Bulk", job_title="Picker")])
    [summary] = repo.summaries()
    case = repo.get(summary.id)
    assert (case.patient_name, case.demands, case.evaluations) == ("Bulk", JobDemands(), ())


def test_dominant_hand_is_stored_and_changed(repo: CaseRepository, db: pw.Database) -> None:
    from rtw_planner.domain.capacity.grip import Handedness

    case = full_case()
    first, second = case.evaluations
    saved = repo.save(replace(case, evaluations=(first, replace(second, dominant_hand=Handedness.LEFT))))
    assert saved.id is not None
    stored = repo.get(saved.id)
    assert [e.dominant_hand for e in stored.evaluations] == [None, Handedness.LEFT]
    query = f"SELECT dominant_hand FROM evaluation WHERE case_id = {db.param} ORDER BY id"
    assert [v for (v,) in db.execute_sql(query, (saved.id,))] == [None, "left"]
    changed = repo.save(replace(stored, evaluations=(stored.evaluations[0],
                                                     replace(stored.evaluations[1], dominant_hand=Handedness.MIXED))))
    assert repo.get(changed.id).evaluations[1].dominant_hand is Handedness.MIXED  # type: ignore[arg-type]
