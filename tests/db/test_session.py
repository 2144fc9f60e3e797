"""Each repository reaches the database it was given and no other: two open databases (files or server databases)
never see each other's writes, a transaction on one really protects it, and a table used outside a unit of work fails
at once."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import peewee as pw
import pytest
from db_factories import full_case, row_count

from rtw_planner.db.database import open_database
from rtw_planner.db.document_log import DocumentLog
from rtw_planner.db.repository import CaseRepository, ClinicRepository
from rtw_planner.db.tables import CaseRow
from rtw_planner.domain.case.model import Case, Clinic

CHILD_TABLES = ("consent", "evaluation", "job_demands", "strength_entry", "posture_entry", "outcome_record",
                "practice_entry", "plan_version")


@pytest.fixture
def locations(new_database: Callable[[], Path | str]) -> dict[str, Path | str]:
    return {"a": new_database(), "b": new_database()}


@pytest.fixture
def a(locations: dict[str, Path | str]) -> pw.Database:
    return open_database(locations["a"])


@pytest.fixture
def b(locations: dict[str, Path | str]) -> pw.Database:
    open_database(locations["b"])
    return open_database(locations["b"])  # opened last, as the bug with one global binding needed


def test_a_repository_writes_only_to_its_own_database(a: pw.Database, b: pw.Database) -> None:
    saved = CaseRepository(a).save(full_case())
    ClinicRepository(a).save(Clinic("Riverside"))
    DocumentLog(a).record(saved.id, "employer_letter", "HR", "sent", ["functional"], "P. Shah", b"%PDF-1.7")
    for table in ("case", "clinic", "clinician", "issued_document", *CHILD_TABLES):
        assert row_count(a, table) > 0, table
        assert row_count(b, table) == 0, table
    assert (CaseRepository(a).count(), CaseRepository(b).count()) == (1, 0)
    assert ClinicRepository(b).get() == Clinic()
    assert DocumentLog(b).entries(saved.id) == []  # type: ignore[arg-type]
    assert (DocumentLog(a).count(), DocumentLog(b).count()) == (1, 0)


def test_edits_and_deletes_stay_in_their_database(a: pw.Database, b: pw.Database) -> None:
    """The same case id in both files: editing and deleting through A leaves B's case as it was."""
    in_a = CaseRepository(a).save(full_case())
    in_b = CaseRepository(b).save(full_case(patient_name="Bea Other"))
    assert in_a.id == in_b.id
    CaseRepository(a).save(replace(in_a, job_title="Team leader", outcomes=()))
    assert CaseRepository(b).get(in_b.id) == in_b  # type: ignore[arg-type]
    CaseRepository(a).delete(in_a.id)  # type: ignore[arg-type]
    assert CaseRepository(b).get(in_b.id) == in_b  # type: ignore[arg-type]
    assert (row_count(a, "case"), row_count(b, "case")) == (0, 1)


def test_rolling_back_a_transaction_on_a_undoes_the_save(a: pw.Database, b: pw.Database) -> None:
    with a.atomic() as transaction:
        CaseRepository(a).save(full_case())
        CaseRepository(b).save(Case("Bea Other"))  # its own transaction on B, untouched by A's
        assert row_count(a, "case") == 1
        transaction.rollback()
    for table in ("case", *CHILD_TABLES):
        assert row_count(a, table) == 0, table
    assert [s.patient_name for s in CaseRepository(b).summaries()] == ["Bea Other"]


def test_an_error_inside_a_transaction_on_a_undoes_every_repository(a: pw.Database) -> None:
    def save_and_log_then_fail() -> None:
        with a.atomic():
            saved = CaseRepository(a).save(full_case())
            DocumentLog(a).record(saved.id, "employer_letter", "HR", "sent", [], "P. Shah", b"%PDF-1.7")
            raise RuntimeError("printer on fire")

    with pytest.raises(RuntimeError, match="printer on fire"):
        save_and_log_then_fail()
    assert (row_count(a, "case"), row_count(a, "issued_document")) == (0, 0)


def test_tables_outside_a_unit_of_work_reach_no_database(a: pw.Database) -> None:
    CaseRepository(a).save(Case("Ann"))
    with pytest.raises(pw.InterfaceError):
        CaseRow.select().count()
    with pytest.raises(pw.InterfaceError):
        CaseRow.insert(patient_name="Stray").execute()
    assert row_count(a, "case") == 1


def test_threads_saving_to_two_databases_never_cross(a: pw.Database, b: pw.Database,
                                                     locations: dict[str, Path | str]) -> None:
    """Binding is process-wide state; units of work take turns, so each thread's rows land in its own file."""
    errors: list[BaseException] = []

    def work(path: Path | str, name: str) -> None:
        db = open_database(path)  # a connection of this thread's own
        try:
            repository = CaseRepository(db)
            for n in range(40):
                repository.save(Case(f"{name} {n}", outcomes=full_case().outcomes))
        except BaseException as exc:  # noqa: BLE001 # reported by the test, not lost in the thread
            errors.append(exc)
        finally:
            db.close()

    threads = [threading.Thread(target=work, args=(locations[name], name)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    for db, name in ((a, "a"), (b, "b")):
        names = {s.patient_name.split()[0] for s in CaseRepository(db).summaries(limit=100)}
        assert names == {name}
        assert row_count(db, "case") == 40
        assert row_count(db, "outcome_record") == 40 * len(full_case().outcomes)
