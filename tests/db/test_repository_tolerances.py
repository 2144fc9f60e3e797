"""Tolerances stored with their evaluation (evaluation.tolerances_json), on SQLite and PostgreSQL alike."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import peewee as pw
from db_factories import full_case

from rtw_planner.db.database import open_database
from rtw_planner.db.repository import CaseRepository
from rtw_planner.domain.capacity.tolerances import Tolerance
from rtw_planner.domain.demands.ratings import RatedGroup, Rating

STOOPING = (RatedGroup.PHYSICAL, "stooping")
COLD = (RatedGroup.ENVIRONMENT, "extreme_cold")


def test_tolerances_are_stored_and_changed(database_location: Path | str) -> None:
    db = open_database(database_location)
    repo = CaseRepository(db)
    case = full_case()
    first, second = case.evaluations
    tolerances = {STOOPING: Tolerance(Rating.OCCASIONAL, "observed in FCE"),
                  COLD: Tolerance(Rating.NOT_PRESENT, "clinician rating")}
    saved = repo.save(replace(case, evaluations=(first, replace(second, tolerances=tolerances))))
    assert saved.id is not None
    stored = repo.get(saved.id)
    assert [e.tolerances for e in stored.evaluations] == [{}, tolerances]
    query = f"SELECT tolerances_json FROM evaluation WHERE case_id = {db.param} ORDER BY id"
    assert [None if v is None else json.loads(v) for (v,) in db.execute_sql(query, (saved.id,))] == [
        None, {"physical": {"stooping": {"tolerated": "O", "source": "observed in FCE"}},
             "environment": {"extreme_cold": {"tolerated": "N", "source": "clinician rating"}}}]
    fewer = {STOOPING: Tolerance(Rating.FREQUENT, "re-tested")}
    changed = repo.save(replace(stored, evaluations=(stored.evaluations[0],
                                                     replace(stored.evaluations[1], tolerances=fewer))))
    assert changed.id is not None
    assert repo.get(changed.id).evaluations[1].tolerances == fewer


def test_none_recorded_is_empty_as_in_rows_from_before_the_migration(database_location: Path | str) -> None:
    """So a row written before migration 0016 reads and writes back unchanged (an issued document's evaluation
    stays locked, untouched by a save)."""
    db: pw.Database = open_database(database_location)
    saved = CaseRepository(db).save(full_case())
    assert saved.id is not None
    query = f"SELECT tolerances_json FROM evaluation WHERE case_id = {db.param}"
    assert {v for (v,) in db.execute_sql(query, (saved.id,))} == {None}
