"""A job's handling tasks are stored with the case and read back, an edit of them alone is saved, and migration 0013
gives every case stored before an empty list."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from db_factories import full_case, raw_database
from mmh_factories import pallet_push, paper_lift
from playhouse.migrations import Runner

import rtw_planner.db.database
from rtw_planner.db.database import open_database
from rtw_planner.db.repository import CaseRepository


def test_the_tasks_are_stored_and_changed(database_location: Path | str) -> None:
    repo = CaseRepository(open_database(database_location))
    case = full_case()
    saved = repo.save(replace(case, demands=replace(case.demands, mmh_tasks=(paper_lift(units="us"), pallet_push()))))
    assert saved.id is not None
    assert repo.get(saved.id).demands.mmh_tasks == (paper_lift(units="us"), pallet_push())
    changed = repo.save(replace(saved, demands=replace(saved.demands, mmh_tasks=(pallet_push(load=25),))))
    assert repo.get(saved.id).demands.mmh_tasks == (pallet_push(load=25),)
    assert repo.get(saved.id) == changed


def test_migration_0013_keeps_older_demands(database_location: Path | str) -> None:
    db = raw_database(database_location)
    db.connect()
    Runner(db, directory=str(rtw_planner.db.database.MIGRATIONS_DIR)).up("0011_case_archive")
    db.execute_sql('INSERT INTO "case" (patient_name, employer, job_title, diagnosis, created_at, updated_at) '
                   "VALUES ('Ann', 'Acme', 'Picker', '', '2026-11-01 10:00:00', '2026-11-01 10:00:00')")
    db.execute_sql("INSERT INTO job_demands (case_id, source, template, shift_hours, arm_leg_controls, "
                   "production_pace, exposure_json, ratings_json, tasks_json, lifting_tasks_json) "
                   "VALUES (1, 'job_site_analysis', '', 7.5, FALSE, FALSE, '[]', '{}', '[]', '[]')")
    db.close()
    case = CaseRepository(open_database(database_location)).get(1)
    assert case.demands.shift_hours == 7.5
    assert case.demands.mmh_tasks == ()
