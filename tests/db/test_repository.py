"""Repositories: whole cases round-trip, saves are all-or-nothing, search is literal, deletes cascade."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import peewee as pw
import pytest
from db_factories import full_case, row_count

from rtw_planner.db import case_writer
from rtw_planner.db.database import open_database
from rtw_planner.db.errors import NotFoundError
from rtw_planner.db.repository import CaseRepository, ClinicRepository
from rtw_planner.db.tables import PostureEntryRow, StrengthEntryRow
from rtw_planner.domain.case.model import Case, Clinic, Consent, ConsentCategory
from rtw_planner.domain.demands.profile import Activity, Frequency

PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000020000000108020000007b40e8dd0000000f49444154"
                    "789c6394f7ab6460600000043200e849211d0f0000000049454e44ae426082")


@pytest.fixture
def db(database_location: Path | str) -> pw.Database:
    return open_database(database_location)


@pytest.fixture
def repo(db: pw.Database) -> CaseRepository:
    return CaseRepository(db)


@pytest.fixture
def full() -> Case:
    consent = Consent(ConsentCategory.FUNCTIONAL, "Northgate HR", "Return to work", date(2026, 11, 1),
                      date(2027, 6, 1))
    return full_case(patient_name="Zoë Łódź-Müller", consents=(consent,))


def test_save_and_get_round_trip(repo: CaseRepository, full: Case) -> None:
    saved = repo.save(full)
    assert saved.id is not None
    assert saved.with_id(None) == full
    assert repo.get(saved.id) == saved
    assert repo.count() == 1


def test_update_replaces_entries(repo: CaseRepository, full: Case) -> None:
    saved = repo.save(full)
    profile = saved.demands.profile.with_strength(Activity.CARRY, Frequency.FREQUENT, None)
    edited = replace(saved, job_title="Team leader", consents=(), demands=replace(saved.demands, profile=profile),
                     evaluations=saved.evaluations[1:])
    stored = repo.save(edited)
    assert stored.id == edited.id
    assert stored.with_id(None) == edited.with_id(None)  # evaluation ids are the database's to give
    assert repo.get(edited.id) == stored  # type: ignore[arg-type]
    assert (Activity.CARRY, Frequency.FREQUENT) not in stored.demands.profile.strength
    assert len(stored.evaluations) == 1
    assert repo.count() == 1


def test_missing_case(repo: CaseRepository, full: Case) -> None:
    with pytest.raises(NotFoundError, match="case 99 does not exist"):
        repo.get(99)
    with pytest.raises(NotFoundError):
        repo.save(full.with_id(99))
    assert repo.count() == 0


@pytest.mark.parametrize("target", ["insert_many", "_save_plan"])
def test_failed_save_leaves_the_case_unchanged(repo: CaseRepository, full: Case,
                                              monkeypatch: pytest.MonkeyPatch, target: str) -> None:
    saved = repo.save(full)

    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    if target == "insert_many":  # a strength entry is added after the case row and the consents changed
        monkeypatch.setattr(StrengthEntryRow, "insert_many", boom)
    else:  # the last write of a save: everything else has been written by then
        monkeypatch.setattr(case_writer, "_save_plan", boom)
    profile = saved.demands.profile.with_strength(Activity.LIFT_WAIST_TO_SHOULDER, Frequency.OCCASIONAL, 9)
    edited = replace(saved, patient_name="Someone Else", employer="Other Ltd", consents=(),
                     demands=replace(saved.demands, profile=profile), outcomes=saved.outcomes[1:],
                     plan=replace(saved.plan, quotas=saved.plan.quotas[:1]))
    with pytest.raises(RuntimeError, match="disk on fire"):
        repo.save(edited)
    monkeypatch.undo()
    assert repo.get(saved.id) == saved  # type: ignore[arg-type]
    assert [s.patient_name for s in repo.summaries()] == ["Zoë Łódź-Müller"]


def test_failed_insert_adds_no_row(db: pw.Database, repo: CaseRepository, full: Case,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(PostureEntryRow, "insert_many", lambda *_a, **_k: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        repo.save(full)
    assert repo.count() == 0
    assert row_count(db, "consent") == 0


def make(repo: CaseRepository, name: str, job: str = "", employer: str = "") -> int:
    case_id = repo.save(Case(name, job_title=job, employer=employer)).id
    assert case_id is not None
    return case_id


def test_search_by_name_job_and_employer(repo: CaseRepository) -> None:
    ann = make(repo, "Ann Smith", "Driver", "Acme")
    bob = make(repo, "Bob Jones", "Picker", "Northgate")
    assert [s.id for s in repo.summaries("smith")] == [ann]
    assert [s.id for s in repo.summaries("PICK")] == [bob]
    assert [s.id for s in repo.summaries("northgate")] == [bob]
    assert {s.id for s in repo.summaries("  ")} == {ann, bob}
    assert (repo.count("acme"), repo.count("nobody"), repo.count()) == (1, 0, 2)
    [summary] = repo.summaries("Ann")
    assert (summary.patient_name, summary.job_title, summary.employer, summary.review_date) == (
        "Ann Smith", "Driver", "Acme", None)


def test_percent_and_underscore_are_literal(repo: CaseRepository) -> None:
    percent = make(repo, "Cara", "100% fit")
    underscore = make(repo, "Dan", employer="A_B Ltd")
    make(repo, "Eve", "1000 fit", "AxB Ltd")
    make(repo, "Back\\slash")
    assert [s.id for s in repo.summaries("% f")] == [percent]
    assert [s.id for s in repo.summaries("0% f")] == [percent]
    assert [s.id for s in repo.summaries("_b l")] == [underscore]
    assert [s.id for s in repo.summaries("A_B")] == [underscore]
    assert (repo.count("% f"), repo.count("_b l"), repo.count("k\\s")) == (1, 1, 1)
    # One or two characters find names beginning with them (migration 0012): none begins with these.
    assert (repo.count("%"), repo.count("_"), repo.count("\\")) == (0, 0, 0)


def test_summaries_are_paged_newest_first(repo: CaseRepository) -> None:
    ids = [make(repo, f"Person {n}") for n in range(5)]
    assert [s.id for s in repo.summaries(limit=2)] == ids[::-1][:2]
    assert [s.id for s in repo.summaries(offset=4)] == [ids[0]]


def test_delete_cascades(db: pw.Database, repo: CaseRepository, full: Case) -> None:
    keep = repo.save(full)
    gone = repo.save(full)
    repo.delete(gone.id)  # type: ignore[arg-type]
    with pytest.raises(NotFoundError):
        repo.get(gone.id)  # type: ignore[arg-type]
    for table in ("consent", "strength_entry", "posture_entry", "evaluation", "job_demands", "outcome_record",
                  "practice_entry", "plan_version"):
        assert row_count(db, table, gone.id) == 0, table
        assert row_count(db, table, keep.id) > 0, table
    assert repo.get(keep.id) == keep  # type: ignore[arg-type]


def test_clinic_round_trip_with_logo(db: pw.Database) -> None:
    clinics = ClinicRepository(db)
    assert clinics.get() == Clinic()
    clinic = Clinic("Smith & <b>Jones</b>", "1 High St\nŁódź", "+44 1", "a@b.example", PNG, "letter")
    clinics.save(clinic)
    clinics.save(clinic)
    assert clinics.get() == clinic
    assert isinstance(clinics.get().logo_png, bytes)
    clinics.save(replace(clinic, logo_png=None))
    assert clinics.get().logo_png is None
