"""The DOT strength level is stored with the case and read back, and an edit of it alone is saved."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from db_factories import full_case

from rtw_planner.db.database import open_database
from rtw_planner.db.repository import CaseRepository
from rtw_planner.domain.demands.strength import StrengthLevel


def test_the_level_is_stored_and_changed(database_location: Path | str) -> None:
    repo = CaseRepository(open_database(database_location))
    case = full_case()
    saved = repo.save(replace(case, demands=replace(case.demands, strength_rating=StrengthLevel.LIGHT)))
    assert saved.id is not None
    assert repo.get(saved.id).demands.strength_rating is StrengthLevel.LIGHT
    changed = repo.save(replace(saved, demands=replace(saved.demands, strength_rating=None)))
    assert repo.get(saved.id).demands.strength_rating is None
    assert repo.get(saved.id) == changed
