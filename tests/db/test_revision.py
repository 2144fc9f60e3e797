"""Every case carries a revision: a save names the one it was read at, is refused when the stored case moved on
(naming who changed it and when) and then writes nothing; a successful save bumps it and records who saved."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import peewee as pw
import pytest
from db_factories import FIRST_DAY, full_case, row_count

from rtw_planner.db import stored_case
from rtw_planner.db.database import open_database
from rtw_planner.db.errors import ConflictError, NotFoundError
from rtw_planner.db.repository import CaseRepository
from rtw_planner.domain.case.model import Case
from rtw_planner.domain.case.outcome_records import OutcomeRecord
from rtw_planner.domain.data.errors import ValidationError

CHILD_TABLES = ("consent", "evaluation", "job_demands", "strength_entry", "posture_entry", "outcome_record",
                "practice_entry", "plan_version")


@pytest.fixture
def db(tmp_path: Path) -> pw.Database:
    return open_database(tmp_path / "rtw.sqlite3")


@pytest.fixture
def repo(db: pw.Database) -> CaseRepository:
    return CaseRepository(db)


@pytest.fixture(autouse=True)
def saver(monkeypatch: pytest.MonkeyPatch) -> str:
    """Who saves: the operating-system user (on SQLite), here 'sam'."""
    monkeypatch.setattr("getpass.getuser", lambda: "sam")
    return "sam"


def stamp_row(db: pw.Database, case_id: int) -> tuple[int, str]:
    row = db.execute_sql('SELECT revision, updated_by FROM "case" WHERE id = ?', (case_id,)).fetchone()
    return int(row[0]), str(row[1])


def all_rows(db: pw.Database) -> dict[str, int]:
    return {table: row_count(db, table) for table in ("case", "clinician", *CHILD_TABLES)}


def test_a_new_case_is_at_revision_1_and_says_who_saved_it(db: pw.Database, repo: CaseRepository) -> None:
    saved = repo.save(full_case())
    assert saved.id is not None
    assert saved.revision == 1
    assert repo.get(saved.id).revision == 1
    assert stamp_row(db, saved.id) == (1, "sam")


def test_each_save_moves_the_revision_on_by_one(db: pw.Database, repo: CaseRepository,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    case = repo.save(full_case())
    monkeypatch.setattr("getpass.getuser", lambda: "kim")
    for expected in (2, 3, 4):
        case = repo.save(replace(case, job_title=f"Picker {expected}"))
        assert case.revision == expected
        assert repo.get(case.id).revision == expected  # type: ignore[arg-type]
    assert stamp_row(db, case.id) == (4, "kim")  # type: ignore[arg-type]


def test_a_save_from_an_older_revision_is_refused_and_writes_nothing(db: pw.Database, repo: CaseRepository) -> None:
    """The issue's two windows: one adds an outcome record and saves; the other, opened before, edits a field."""
    saved = repo.save(full_case())
    assert saved.id is not None
    first_window = repo.get(saved.id)
    second_window = repo.get(saved.id)
    extra = OutcomeRecord("NPRS", FIRST_DAY + timedelta(days=40), (3.0,), 3.0)
    first = repo.save(replace(first_window, outcomes=(*first_window.outcomes, extra)))
    before = all_rows(db)
    with pytest.raises(ConflictError) as refused:
        repo.save(replace(second_window, job_title="Team leader", outcomes=()))
    assert (refused.value.case_id, refused.value.your_revision, refused.value.stored_revision) == (saved.id, 1, 2)
    assert refused.value.changed_by == "sam"
    assert f"Case {saved.id} was changed by sam at " in str(refused.value)
    assert "since you opened it (revision 1, now 2)" in str(refused.value)
    assert all_rows(db) == before
    assert repo.get(saved.id) == first
    assert len(first.outcomes) == len(saved.outcomes) + 1  # the first window's record is kept


def test_the_refusal_names_neither_the_patient_nor_clinical_text(repo: CaseRepository) -> None:
    saved = repo.save(full_case())
    repo.save(replace(saved, diagnosis="Lumbar radiculopathy"))
    with pytest.raises(ConflictError) as refused:
        repo.save(replace(saved, employer="Other Ltd"))
    for private in ("Zoë", "Łódź", "Lumbar", "back pain", "Northgate", "Other Ltd"):
        assert private not in str(refused.value)


def test_a_case_that_cannot_say_its_revision_is_never_written_blindly(db: pw.Database, repo: CaseRepository) -> None:
    saved = repo.save(full_case())
    with pytest.raises(ConflictError, match=r"\(revision unknown, now 1\)"):
        repo.save(replace(saved, revision=None, job_title="Team leader"))
    assert repo.get(saved.id) == saved  # type: ignore[arg-type]
    assert stamp_row(db, saved.id) == (1, "sam")  # type: ignore[arg-type]


def test_saving_a_deleted_case_is_not_found(db: pw.Database, repo: CaseRepository) -> None:
    saved = repo.save(full_case())
    repo.delete(saved.id)  # type: ignore[arg-type]
    with pytest.raises(NotFoundError, match=f"case {saved.id} does not exist"):
        repo.save(replace(saved, job_title="Team leader"))
    assert row_count(db, "case") == 0


def test_delete_at_a_revision_refuses_a_case_changed_since(db: pw.Database, repo: CaseRepository) -> None:
    saved = repo.save(full_case())
    assert saved.id is not None
    newer = repo.save(replace(saved, job_title="Team leader"))
    with pytest.raises(ConflictError, match=r"\(revision 1, now 2\)"):
        repo.delete(saved.id, revision=1)
    assert repo.get(saved.id) == newer
    repo.delete(saved.id, revision=2)
    assert row_count(db, "case") == 0
    with pytest.raises(NotFoundError):
        repo.delete(saved.id, revision=2)


def test_a_copy_is_a_new_case_at_revision_1(repo: CaseRepository) -> None:
    saved = repo.save(replace(repo.save(full_case()), job_title="Team leader"))
    assert saved.revision == 2
    copy = repo.save(saved.with_id(None))
    assert (copy.id, copy.revision) == (2, 1)
    assert repo.get(1).revision == 2


def test_a_read_sees_one_committed_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another connection commits a save while get is half-way through its queries: the case read is the one
    before that save, with the revision it had then, so saving it is refused rather than mixing the two."""
    path = tmp_path / "shared.sqlite3"
    here, elsewhere = CaseRepository(open_database(path)), CaseRepository(open_database(path))
    saved = here.save(full_case())
    assert saved.id is not None
    load = stored_case.load
    saved_meanwhile: list[Case] = []

    def load_then_someone_saves(case_id: int) -> stored_case.StoredCase | None:
        rows = load(case_id)
        monkeypatch.setattr(stored_case, "load", load)  # once
        saved_meanwhile.append(elsewhere.save(replace(elsewhere.get(case_id), job_title="Changed elsewhere")))
        return rows

    monkeypatch.setattr(stored_case, "load", load_then_someone_saves)
    read = here.get(saved.id)
    assert saved_meanwhile[0].revision == 2
    assert read == saved  # the job title and the revision from before the other save
    with pytest.raises(ConflictError, match=r"\(revision 1, now 2\)"):
        here.save(replace(read, employer="Other Ltd"))
    assert here.get(saved.id) == saved_meanwhile[0]


def test_the_message_says_when() -> None:
    today = datetime.now().replace(hour=14, minute=5)
    assert "changed by sam at 14:05 since" in str(ConflictError(12, 5, 4, "sam", today))
    earlier = datetime(2020, 2, 6, 9, 30)
    assert "changed by sam at 2020-02-06 09:30 since" in str(ConflictError(12, 5, 4, "sam", earlier))
    unknown = str(ConflictError(12, 5, 4, "", earlier))  # saved before revisions recorded who
    assert unknown.startswith("Case 12 was changed at 2020-02-06 09:30 since you opened it (revision 4, now 5).")


def test_revision_is_part_of_the_case_value() -> None:
    case = Case("Ann Example", id=3, revision=4)
    assert case != replace(case, revision=5)
    assert case.with_id(None).revision is None
    assert case.with_id(None) == Case("Ann Example")
    assert case.with_id(8).revision == 4
    for wrong in (0, -1, True, "4", 2.0):
        with pytest.raises(ValidationError, match="case revision"):
            Case("Ann Example", revision=wrong)  # type: ignore[arg-type]


def test_an_older_file_without_revisions_gets_revision_1(tmp_path: Path) -> None:
    """Cases stored before migration 0007 start at revision 1, saved by nobody known."""
    db = open_database(tmp_path / "rtw.sqlite3")
    db.execute_sql("INSERT INTO \"case\" (patient_name, employer, job_title, diagnosis, created_at, updated_at) "
                   "VALUES ('Ann Example', '', '', '', ?, ?)", (datetime.now(), datetime.now()))
    repo = CaseRepository(db)
    assert (repo.get(1).revision, stamp_row(db, 1)) == (1, (1, ""))
    assert repo.save(replace(repo.get(1), review_date=date(2027, 1, 8))).revision == 2
