"""The case list tells people apart and finds them: date of birth, case number and next appointment in each row;
search by a case number or a date of birth as well as by name, job or employer, folding case and accents."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from factories import unassessed_case

from rtw_planner.db.database import open_database
from rtw_planner.db.errors import NotFoundError
from rtw_planner.db.repository import CaseRepository
from rtw_planner.domain.case.model import Appointment


@pytest.fixture
def repo(database_location: Path | str) -> CaseRepository:
    return CaseRepository(open_database(database_location))


def test_each_row_carries_date_of_birth_and_next_appointment(repo: CaseRepository) -> None:
    visit = Appointment(datetime(2026, 12, 11, 10, 30), "Priya Shah", "Room 2")
    repo.save(unassessed_case(next_appointment=visit))
    (row,) = repo.summaries()
    assert (row.date_of_birth, row.next_appointment) == (date(1984, 3, 12), datetime(2026, 12, 11, 10, 30))


def test_search_by_case_number_date_of_birth_or_folded_name(repo: CaseRepository) -> None:
    marek = repo.save(unassessed_case()).id
    zoe = repo.save(unassessed_case(patient_name="Zoë Łukasiewicz", date_of_birth=date(1979, 2, 14))).id
    assert (marek, zoe) == (1, 2)
    assert [s.id for s in repo.summaries("zoe")] == [zoe]
    assert [s.id for s in repo.summaries("LUKAS")] == [zoe]
    assert [s.id for s in repo.summaries("1979-02-14")] == [zoe]
    assert [s.id for s in repo.summaries("14/02/1979")] == [zoe]
    assert [s.id for s in repo.summaries("12.03.1984")] == [marek]
    assert [s.id for s in repo.summaries("#2")] == [zoe]
    assert repo.count("1") == 1  # case 1 (no name, job or employer holds a "1")
    assert repo.summaries("31/02/1979") == []  # no such day: searched as text, found nowhere


def test_an_archived_case_leaves_the_list_keeps_everything_and_comes_back(repo: CaseRepository) -> None:
    kept = repo.save(unassessed_case())
    closed = repo.save(unassessed_case(patient_name="Zoë Łukasiewicz", date_of_birth=date(1979, 2, 14)))
    assert closed.id is not None
    repo.set_archived(closed.id, True)
    assert [s.id for s in repo.summaries()] == [kept.id]
    assert (repo.count(), repo.count(archived=True)) == (1, 1)
    assert [s.id for s in repo.summaries("zoe", archived=True)] == [closed.id]
    assert repo.summaries("zoe") == []
    assert repo.is_archived(closed.id)
    stored = repo.get(closed.id)
    assert stored == replace(closed, revision=2)  # everything kept; archiving is a change like any other
    repo.set_archived(closed.id, False)
    assert not repo.is_archived(closed.id)
    assert sorted(s.id for s in repo.summaries()) == sorted([kept.id, closed.id])
    with pytest.raises(NotFoundError):
        repo.set_archived(99, True)
