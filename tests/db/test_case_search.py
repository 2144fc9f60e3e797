"""The stored search key: kept by every save, back-filled by migration 0012, found through the SQLite FTS5 trigram
table or without it, by a clinician's cases, and the same whichever index path a search takes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from db_factories import raw_database
from factories import unassessed_case
from playhouse.migrations import Runner

import rtw_planner.db.database
from rtw_planner.db import case_search, search_index
from rtw_planner.db.database import open_database
from rtw_planner.db.repository import CaseRepository
from rtw_planner.domain.case.model import Clinician

ZOE = "Zoë Łukasiewicz"


@pytest.fixture
def repo(database_location: Path | str) -> CaseRepository:
    return CaseRepository(open_database(database_location))


def _ids(repo: CaseRepository, text: str, **filters: object) -> list[int | None]:
    return [s.id for s in repo.summaries(text, **filters)]  # type: ignore[arg-type]


def _key(repo: CaseRepository, case_id: int) -> str:
    return str(repo.db.execute_sql(f'SELECT search_key FROM "case" WHERE id = {repo.db.param}', (case_id,))
               .fetchone()[0])


def test_the_key_follows_every_edit(repo: CaseRepository) -> None:
    saved = repo.save(unassessed_case(patient_name=ZOE, job_title="Nurse", employer="Städtisches Klinikum"))
    assert saved.id is not None
    assert _key(repo, saved.id) == "zoe lukasiewicz\x1fnurse\x1fstadtisches klinikum"
    assert _ids(repo, "klinikum") == [saved.id]
    moved = repo.save(replace(saved, job_title="Picker", employer="Acme"))
    assert _key(repo, saved.id) == "zoe lukasiewicz\x1fpicker\x1facme"
    assert (_ids(repo, "nurse"), _ids(repo, "PICKER"), _ids(repo, "klinikum")) == ([], [saved.id], [])
    repo.save(replace(moved, patient_name="Ana Núñez", review_date=date(2027, 1, 8)))
    assert (_ids(repo, "zoe"), _ids(repo, "nunez")) == ([], [saved.id])
    repo.delete(saved.id)
    assert _ids(repo, "nunez") == []


def test_short_texts_find_names_beginning_with_them(repo: CaseRepository) -> None:
    zoe = repo.save(unassessed_case(patient_name=ZOE)).id
    marek = repo.save(unassessed_case()).id  # Marek Dąbrowski, 12.03.1984
    assert (_ids(repo, "zo"), _ids(repo, "Z"), _ids(repo, "MA")) == ([zoe], [zoe], [marek])
    assert _ids(repo, "uk") == []  # inside a name: only from three characters on
    assert _ids(repo, "łuk") == [zoe]
    assert (zoe, _ids(repo, "1")) == (1, [zoe])  # case 1, though no name begins with a 1


def test_wildcards_are_literal(repo: CaseRepository) -> None:
    percent = repo.save(unassessed_case(employer="100% Care")).id
    repo.save(unassessed_case(employer="1000 Care"))
    underscore = repo.save(unassessed_case(patient_name="A_B Test")).id
    repo.save(unassessed_case(patient_name="AxB Test"))
    assert (_ids(repo, "0% c"), _ids(repo, "a_b"), _ids(repo, 'b "t')) == ([percent], [underscore], [])


def test_a_common_text_walks_the_list_order_with_the_same_result(repo: CaseRepository,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    nurses = [repo.save(unassessed_case(patient_name=f"Nurse {n}", job_title="Nurse")).id for n in range(4)]
    repo.save(unassessed_case(patient_name="Zed"))
    by_id = _ids(repo, "nurse")
    monkeypatch.setattr(case_search, "CANDIDATES", 2)  # four nurses are now "many"
    assert _ids(repo, "nurse") == by_id == nurses[::-1]  # most recently saved first
    assert _ids(repo, "nu", limit=3) == nurses[:0:-1]
    assert repo.summaries("nurse", offset=3, limit=3)[0].id == nurses[0]


def test_one_clinicians_cases(repo: CaseRepository) -> None:
    sam, ann = Clinician("Sam Lee", "OT", "OT1"), Clinician("Ann Ode", "Physiotherapist", "PT7")
    first = repo.save(unassessed_case(patient_name=ZOE, clinician=sam)).id
    second = repo.save(unassessed_case(clinician=ann)).id
    third = repo.save(unassessed_case(patient_name="Zoe Ode", clinician=sam)).id
    repo.save(unassessed_case(patient_name="No One"))
    clinicians = repo.clinicians()
    assert [name for _, name in clinicians] == ["Ann Ode", "Sam Lee"]
    sam_id, ann_id = (dict((name, i) for i, name in clinicians)[name] for name in ("Sam Lee", "Ann Ode"))
    assert _ids(repo, "", clinician_id=ann_id) == [second]
    assert _ids(repo, "", clinician_id=sam_id) == [third, first]
    assert _ids(repo, "zoe", clinician_id=sam_id) == [third, first]
    assert _ids(repo, "dabrowski", clinician_id=sam_id) == []
    assert repo.count(clinician_id=sam_id) == 2
    assert first is not None
    repo.set_archived(first, True)
    assert (_ids(repo, "zoe", clinician_id=sam_id), _ids(repo, "zoe", clinician_id=sam_id, archived=True)) == (
        [third], [first])


def test_the_migration_fills_the_key_of_an_old_files_cases(database_location: Path | str) -> None:
    db = raw_database(database_location)
    db.connect()
    Runner(db, directory=str(rtw_planner.db.database.MIGRATIONS_DIR)).up("0011_case_archive")
    for name, job, employer in ((ZOE, "Nurse", "Żabka"), ("Marek Dąbrowski", "Picker", "Acme")):
        db.execute_sql(f'INSERT INTO "case" (patient_name, employer, job_title, diagnosis, created_at, updated_at) '
                       f"VALUES ({db.param}, {db.param}, {db.param}, '', '2026-11-01 10:00:00', '2026-11-01 10:00:00')",
                       (name, employer, job))
    db.close()
    repo = CaseRepository(open_database(database_location))
    assert (_key(repo, 1), _key(repo, 2)) == ("zoe lukasiewicz\x1fnurse\x1fzabka", "marek dabrowski\x1fpicker\x1facme")
    assert (_ids(repo, "LUKAS"), _ids(repo, "zabka"), _ids(repo, "dąb"), _ids(repo, "ma")) == ([1], [1], [2], [2])


@pytest.mark.sqlite_only("the FTS5 table and its fallback")
def test_the_fts_table_stays_in_step_with_the_cases(repo: CaseRepository) -> None:
    saved = repo.save(unassessed_case(patient_name=ZOE))
    repo.save(replace(saved, patient_name="Ana Núñez"))
    repo.save(unassessed_case())
    assert saved.id is not None
    repo.delete(saved.id)
    assert search_index.in_use(repo.db)
    # FTS5 compares its index with the case table's keys; a trigger that missed a change fails it.
    repo.db.execute_sql("INSERT INTO case_search(case_search, rank) VALUES ('integrity-check', 1)")
    assert (_ids(repo, "dabrowski"), _ids(repo, "nunez")) == ([2], [])


@pytest.mark.sqlite_only("the FTS5 table and its fallback")
def test_without_fts5_trigram_the_same_cases_are_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search_index, "trigram_available", lambda: False)
    repo = CaseRepository(open_database(tmp_path / "old-sqlite.sqlite3"))
    assert not search_index.in_use(repo.db)
    assert not repo.db.table_exists("case_search")
    zoe = repo.save(unassessed_case(patient_name=ZOE, date_of_birth=date(1979, 2, 14), employer="100% Care")).id
    marek = repo.save(unassessed_case()).id
    assert (_ids(repo, "zoe"), _ids(repo, "LUKAS"), _ids(repo, "zo"), _ids(repo, "0% c")) == ([zoe], [zoe], [zoe],
                                                                                             [zoe])
    assert (_ids(repo, "14.02.1979"), _ids(repo, "#2"), _ids(repo, "dąbrowski")) == ([zoe], [marek], [marek])


@pytest.mark.sqlite_only("the FTS5 table and its fallback")
def test_a_file_opened_by_a_sqlite_without_trigram_still_saves_and_gets_its_index_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "made-by-a-newer-sqlite.sqlite3"
    zoe = CaseRepository(open_database(path)).save(unassessed_case(patient_name=ZOE))
    monkeypatch.setattr(search_index, "trigram_available", lambda: False)
    older = CaseRepository(open_database(path))
    assert not search_index.in_use(older.db)
    marek = older.save(unassessed_case()).id  # no trigger reaches for the missing tokenizer
    older.save(replace(zoe, patient_name="Ana Núñez"))
    assert (_ids(older, "dabrowski"), _ids(older, "nunez")) == ([marek], [zoe.id])
    older.db.close()
    monkeypatch.undo()
    newer = CaseRepository(open_database(path))
    assert search_index.in_use(newer.db)
    newer.db.execute_sql("INSERT INTO case_search(case_search, rank) VALUES ('integrity-check', 1)")
    assert (_ids(newer, "dabrowski"), _ids(newer, "nunez"), _ids(newer, "zoe")) == ([marek], [zoe.id], [])
