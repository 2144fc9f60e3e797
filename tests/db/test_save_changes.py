"""A save writes only what changed: counted statements for each kind of edit, a bound that does not grow with the
case's history, no read after the first write, and the case it returns is the case stored."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import peewee as pw
import pytest
from db_factories import CARRY, LIFT, full_case, long_case, row_count

from rtw_planner.db import case_writer, stored_case
from rtw_planner.db.database import open_database
from rtw_planner.db.errors import ConflictError, NotFoundError
from rtw_planner.db.repository import CaseRepository
from rtw_planner.db.session import reading, writing
from rtw_planner.domain.capacity.evaluation import Evaluation
from rtw_planner.domain.case.model import Case, Clinician
from rtw_planner.domain.case.outcome_records import OutcomeRecord, PracticeEntry
from rtw_planner.domain.demands.profile import Activity, PhysicalProfile, PostureTolerance

WRITE = re.compile(r'^(INSERT INTO|UPDATE|DELETE FROM) "(\w+)"')
CASE_ROW = ("UPDATE", "case")  # every save stamps the case row: revision, updated_at (the case list's order), by


@pytest.fixture
def db(database_location: Path | str) -> pw.Database:
    return open_database(database_location)


@pytest.fixture
def repo(db: pw.Database) -> CaseRepository:
    return CaseRepository(db)


@pytest.fixture
def statements(db: pw.Database, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every SQL statement db runs from now on (peewee sends each one through execute_sql)."""
    log: list[str] = []
    original = db.execute_sql

    def counted(sql: str, params: object = None) -> object:
        log.append(sql)
        return original(sql, params)

    monkeypatch.setattr(db, "execute_sql", counted)
    return log


def writes(log: list[str]) -> Counter[tuple[str, str]]:
    """(verb, table) of each write."""
    found = Counter[tuple[str, str]]()
    for sql in log:
        match = WRITE.match(sql)
        if match:
            found[(match[1].split()[0], match[2])] += 1
    return found


def save_counted(repo: CaseRepository, case: Case, log: list[str]) -> Case:
    """Save, leaving in log the save's statements alone."""
    log.clear()
    saved = repo.save(case)
    saves = list(log)
    assert saved.id is not None
    assert repo.get(saved.id) == saved  # the case returned without reading it back is the case stored
    log[:] = saves
    return saved


def test_a_one_field_edit_writes_the_case_row_alone(repo: CaseRepository, statements: list[str]) -> None:
    saved = repo.save(long_case(20))
    edited = save_counted(repo, replace(saved, job_title="Team leader"), statements)
    assert writes(statements) == {CASE_ROW: 1}
    assert not [sql for sql in statements if sql.startswith(("DELETE", "INSERT"))]
    update = next(s for s in statements if s.startswith("UPDATE")).replace("%s", "?")  # the server's placeholder
    # The search key folds the job title, so it follows it (migration 0012).
    assert 'SET "job_title" = ?, "updated_at" = ?, "revision" = ("case"."revision" + ?), "updated_by" = ?, ' \
           '"search_key" = ? WHERE (("case"."id" = ?) AND ("case"."revision" = ?))' in update
    assert edited == replace(saved, job_title="Team leader", revision=2)


def test_statements_do_not_grow_with_the_history(repo: CaseRepository, statements: list[str]) -> None:
    counts = []
    for rows in (1, 500):
        saved = repo.save(long_case(rows))
        assert len(saved.outcomes) == len(saved.practice_log) == rows
        save_counted(repo, replace(saved, diagnosis="Reviewed"), statements)
        counts.append(len(statements))
    assert counts[0] == counts[1]
    # The case row and its clinician, and one update: the edit replaced no part, so no other table is read.
    assert counts[1] == 3


def test_a_save_reads_only_the_parts_the_edit_replaced(db: pw.Database, repo: CaseRepository,
                                                       statements: list[str]) -> None:
    saved = repo.save(long_case(500))
    record = OutcomeRecord("PSFS", saved.outcomes[-1].on + timedelta(days=1), (6.0,), 6.0)
    save_counted(repo, replace(saved, outcomes=(*saved.outcomes, record)), statements)
    reads = [sql for sql in statements if sql.startswith("SELECT")]
    assert len(reads) == 3  # the case row, its clinician and the outcome records (worked from load())
    assert 'FROM "outcome_record"' in reads[2]
    assert writes(statements) == {CASE_ROW: 1, ("INSERT", "outcome_record"): 1}


def test_a_case_not_read_here_is_compared_whole(db: pw.Database, repo: CaseRepository,
                                                statements: list[str]) -> None:
    saved = repo.save(long_case(500))
    other = CaseRepository(db)  # knows nothing of the case's parts: reads every table to compare
    statements.clear()
    other.save(replace(saved, diagnosis="Reviewed"))
    assert len(statements) == 11  # the case's rows in ten reads, and one update
    assert writes(statements) == {CASE_ROW: 1}


def test_nothing_is_read_after_the_first_write(repo: CaseRepository, statements: list[str]) -> None:
    saved = repo.save(full_case())
    for case in (replace(saved, employer="Other Ltd", outcomes=saved.outcomes[1:]), full_case()):
        statements.clear()
        repo.save(case)
        first_write = next(i for i, sql in enumerate(statements) if WRITE.match(sql))
        assert not [sql for sql in statements[first_write:] if sql.startswith("SELECT")]


def _outcome(case: Case, days: int, notes: str = "") -> OutcomeRecord:
    return OutcomeRecord("PSFS", case.outcomes[0].on + timedelta(days=days), (5.0,), 5.0, notes=notes)


def _second_evaluation(case: Case, **changes: object) -> tuple[Evaluation, ...]:
    return case.evaluations[0], replace(case.evaluations[1], **changes)


EDITS: dict[str, tuple[Callable[[Case], Case], dict[tuple[str, str], int]]] = {
    "outcome notes": (lambda c: replace(c, outcomes=(*c.outcomes[:1], replace(c.outcomes[1], notes="Worse"),
                                                     *c.outcomes[2:])), {("UPDATE", "outcome_record"): 1}),
    "outcome removed": (lambda c: replace(c, outcomes=c.outcomes[:1] + c.outcomes[2:]),
                        {("DELETE", "outcome_record"): 1}),
    "outcome added last": (lambda c: replace(c, outcomes=(*c.outcomes, _outcome(c, 60))),
                           {("INSERT", "outcome_record"): 1}),
    "outcome added on an earlier, empty day": (lambda c: replace(c, outcomes=(_outcome(c, -3), *c.outcomes)),
                                               {("INSERT", "outcome_record"): 1}),
    "practice done": (lambda c: replace(c, practice_log=(*c.practice_log[:2], replace(c.practice_log[2], done=12.0)),
                                        ), {("UPDATE", "practice_entry"): 1}),
    "practice day added": (lambda c: replace(c, practice_log=(*c.practice_log, PracticeEntry(
        c.practice_log[-1].on + timedelta(days=1), "Walking", 10.0, 10.0, True))), {("INSERT", "practice_entry"): 1}),
    "consent purpose": (lambda c: replace(c, consents=(replace(c.consents[0], purpose="Phased return"),
                                                       c.consents[1])), {("UPDATE", "consent"): 1}),
    "consent withdrawn and removed": (lambda c: replace(c, consents=c.consents[1:]), {("DELETE", "consent"): 1}),
    "demand value": (lambda c: replace(c, demands=replace(c.demands, profile=c.demands.profile.with_strength(
        *LIFT, 25))), {("UPDATE", "strength_entry"): 1}),
    "demand added": (lambda c: replace(c, demands=replace(c.demands, profile=c.demands.profile.with_strength(
        Activity.LIFT_ABOVE_SHOULDER, LIFT[1], 5))), {("INSERT", "strength_entry"): 1}),
    "posture removed": (lambda c: replace(c, demands=replace(c.demands, profile=c.demands.profile.with_posture(
        Activity.STAND, None))), {("DELETE", "posture_entry"): 1}),
    "shift length": (lambda c: replace(c, demands=replace(c.demands, shift_hours=10)), {("UPDATE", "job_demands"): 1}),
    "evaluator": (lambda c: replace(c, evaluations=_second_evaluation(c, evaluator="S. Lee")),
                  {("UPDATE", "evaluation"): 1}),
    "capacity value": (lambda c: replace(c, evaluations=_second_evaluation(
        c, profile=c.evaluations[1].profile.with_strength(*CARRY, 11))), {("UPDATE", "strength_entry"): 1}),
    "capacity posture": (lambda c: replace(c, evaluations=_second_evaluation(
        c, profile=c.evaluations[1].profile.with_posture(Activity.SIT, PostureTolerance(35, 200)))),
                         {("UPDATE", "posture_entry"): 1}),
    "first evaluation removed": (lambda c: replace(c, evaluations=c.evaluations[1:]), {("DELETE", "evaluation"): 1}),
    "evaluation added": (lambda c: replace(c, evaluations=(*c.evaluations, Evaluation(
        c.evaluations[1].assessed_on + timedelta(weeks=4), profile=PhysicalProfile(
            {LIFT: 20, CARRY: 9}, {Activity.SIT: PostureTolerance(40, 240)})))),
                         {("INSERT", "evaluation"): 1, ("INSERT", "strength_entry"): 1,
                          ("INSERT", "posture_entry"): 1}),
    "plan changed": (lambda c: replace(c, plan=replace(c.plan, quotas=c.plan.quotas[:1])),
                     {("INSERT", "plan_version"): 1}),
    "clinician's phone": (lambda c: replace(c, clinician=replace(c.clinician, phone="0161 000")),
                          {("UPDATE", "clinician"): 1}),
    "another clinician": (lambda c: replace(c, clinician=Clinician("Sam Lee", "OT")),
                          {("INSERT", "clinician"): 1}),
}


@pytest.mark.parametrize("edit", EDITS)
def test_each_edit_writes_only_its_rows(repo: CaseRepository, statements: list[str], edit: str) -> None:
    change, expected = EDITS[edit]
    saved = repo.save(full_case())
    edited = change(saved)
    assert edited != saved
    stored = save_counted(repo, edited, statements)
    assert writes(statements) == {CASE_ROW: 1, **expected}
    assert stored.with_id(None) == replace(edited, outcomes=tuple(sorted(edited.outcomes, key=lambda o: o.on))
                                           ).with_id(None)
    kept_ids = {e.id for e in saved.evaluations} & {e.id for e in edited.evaluations}
    assert kept_ids <= {e.id for e in stored.evaluations}  # an evaluation edited in place keeps its id


def test_a_case_deleted_since_it_was_read_is_not_found(db: pw.Database, repo: CaseRepository) -> None:
    """As on a server, where a transaction's reads see other sessions' commits: nothing is written for it."""
    saved = repo.save(full_case())
    with reading(db):
        snapshot = stored_case.load(saved.id)  # type: ignore[arg-type]
    repo.delete(saved.id)  # type: ignore[arg-type]

    def save_from_the_old_snapshot() -> None:
        with writing(db):
            case_writer.save(replace(saved, job_title="Team leader"), snapshot, datetime.now())

    with pytest.raises(NotFoundError, match=f"case {saved.id} does not exist"):
        save_from_the_old_snapshot()
    assert (row_count(db, "case"), row_count(db, "consent"), row_count(db, "outcome_record")) == (0, 0, 0)


def test_an_edit_of_a_case_changed_elsewhere_meanwhile_is_refused(db: pw.Database, repo: CaseRepository) -> None:
    saved = repo.save(long_case(5))
    CaseRepository(db).save(replace(saved, employer="Other Ltd"))  # another window: revision 2
    with pytest.raises(ConflictError):
        repo.save(replace(saved, job_title="Team leader"))  # still at revision 1: its parts known here, but stale
    assert saved.id is not None
    assert repo.get(saved.id).job_title == saved.job_title
