"""Saving a case: compare it with its stored rows and write only the rows that differ, returning it as stored."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING

import peewee as pw

from rtw_planner.db import case_rows as rows
from rtw_planner.db import revisions
from rtw_planner.db.case_rows import CAPACITY, DEMAND, Values
from rtw_planner.db.folding import search_key
from rtw_planner.db.row_changes import RowChanges, grouped_changes, keyed_changes, ordered_changes
from rtw_planner.db.stored_case import CONSENTS, MEASURES, OUTCOMES, PLAN, PRACTICE, StoredCase
from rtw_planner.db.tables import (
    BaseTable,
    CaseRow,
    ClinicianRow,
    ConsentRow,
    EvaluationRow,
    JobDemandsRow,
    OutcomeRecordRow,
    PlanVersionRow,
    PostureEntryRow,
    PracticeEntryRow,
    StrengthEntryRow,
)
from rtw_planner.domain.plan.model import plan_to_dict

if TYPE_CHECKING:
    from rtw_planner.domain.capacity.evaluation import Evaluation
    from rtw_planner.domain.case.model import Case, Clinician
    from rtw_planner.domain.case.outcome_records import OutcomeRecord, PracticeEntry
    from rtw_planner.domain.plan.model import Plan

# Bound parameters per statement: SQLite before 3.32 allowed 999, so a batch never needs more, whatever the build.
MAX_VARIABLES = 999
_SEARCHED = frozenset({"patient_name", "job_title", "employer"})  # the columns the search key folds


def save(case: Case, stored: StoredCase | None, now: datetime, user: str = "") -> Case:
    """Write a case inside the caller's transaction, with the tables bound: a new one (revision 1) when stored is
    None, else only what differs from stored, and only when the stored case is still at the revision the case
    was read at (ConflictError, or NotFoundError when it is gone, and nothing written). Either way the revision,
    the time and who saved it (user) are recorded. Returns the case as `get` would now read it, ids and revision
    included, without reading."""
    clinician_id = _clinician_id(case.clinician, stored)
    values = rows.case_values(case, clinician_id)
    key = search_key(case.patient_name, case.job_title, case.employer)
    if stored is None:
        case_id = int(CaseRow.insert({**dict(zip(rows.CASE_COLUMNS, values, strict=True)), CaseRow.search_key: key,
                                      CaseRow.revision: 1,
                                      CaseRow.created_at: now, CaseRow.updated_at: now,
                                      CaseRow.updated_by: user}).execute())
        stored, revision = StoredCase.empty(case_id), 1
    else:
        case_id = stored.id
        changed = {column: value for column, was, value in zip(rows.CASE_COLUMNS, stored.case, values, strict=True)
                   if was != value}
        if any(column.name in _SEARCHED for column in changed):
            changed[CaseRow.search_key] = key  # kept current with what it folds
        # The case row first, on the revision the case was read at: the guard that holds even where nothing
        # locked the row, since a concurrent save that got there first has moved the revision on (and on a
        # server a read sees other sessions' commits: the case may even be gone).
        if CaseRow.update({**changed, CaseRow.revision: CaseRow.revision + 1, CaseRow.updated_at: now,
                           CaseRow.updated_by: user}).where(
                (CaseRow.id == case_id) & (CaseRow.revision == case.revision)).execute() != 1:
            revisions.refuse(case_id, case.revision)
        assert case.revision is not None  # the update matched it
        revision = case.revision + 1
    skip = stored.skipped
    evaluations = case.evaluations if MEASURES in skip else _save_measures(case_id, case, stored)
    if CONSENTS not in skip:
        _write(ConsentRow, rows.CONSENT_COLUMNS, case_id,
               ordered_changes(stored.consents, [rows.consent_values(c) for c in case.consents]))
    if OUTCOMES not in skip:
        _write(OutcomeRecordRow, rows.OUTCOME_COLUMNS, case_id,
               grouped_changes(stored.outcomes, [rows.outcome_values(o) for o in case.outcomes], _first))
    if PRACTICE not in skip:
        _write(PracticeEntryRow, rows.PRACTICE_COLUMNS, case_id,
               grouped_changes(stored.practice, [rows.practice_values(p) for p in case.practice_log], _first))
    if PLAN not in skip:
        _save_plan(case_id, case.plan, stored.plan, now)
    # As they read back: by date, and within a day in the order given (a stable sort); a skipped part was read
    # back so already.
    return replace(case, id=case_id, revision=revision, evaluations=evaluations,
                   outcomes=case.outcomes if OUTCOMES in skip else tuple(sorted(case.outcomes, key=_on)),
                   practice_log=case.practice_log if PRACTICE in skip else tuple(sorted(case.practice_log, key=_on)))


def _save_measures(case_id: int, case: Case, stored: StoredCase) -> tuple[Evaluation, ...]:
    """The demands, the evaluations and both sides' entries; returns the evaluations with their ids."""
    demands = rows.demands_values(case.demands)
    if stored.demands is None:
        JobDemandsRow.insert({JobDemandsRow.case: case_id, **dict(zip(rows.DEMANDS_COLUMNS, demands, strict=True))}
                             ).execute()
    elif stored.demands[1] != demands:
        _update(JobDemandsRow, rows.DEMANDS_COLUMNS, stored.demands[0], demands)
    return _save_evaluations(case_id, case, stored)


def _first(values: Values) -> object:
    return values[0]


def _on(record: OutcomeRecord | PracticeEntry) -> date:
    return record.on


def _save_evaluations(case_id: int, case: Case, stored: StoredCase) -> tuple[Evaluation, ...]:
    """Evaluations are matched by id and read back in id order. One kept as it is needs a stored id above the
    previous kept one and no new evaluation before it (a new row's id is above every stored one); any other is
    written as a new row, so the order given is the order read back."""
    stored_values = dict(stored.evaluations)
    saved: list[Evaluation] = []
    kept: set[int] = set()
    last_kept = 0
    appending = False
    for evaluation in case.evaluations:
        values = rows.evaluation_values(evaluation)
        evaluation_id = evaluation.id
        if not appending and evaluation_id is not None and evaluation_id in stored_values and evaluation_id > last_kept:
            if stored_values[evaluation_id] != values:
                _update(EvaluationRow, rows.EVALUATION_COLUMNS, evaluation_id, values)
            kept.add(evaluation_id)
            last_kept = evaluation_id
        else:
            appending = True
            evaluation_id = int(EvaluationRow.insert({
                EvaluationRow.case: case_id, **dict(zip(rows.EVALUATION_COLUMNS, values, strict=True))}).execute())
        saved.append(evaluation if evaluation.id == evaluation_id else replace(evaluation, id=evaluation_id))
    gone = [evaluation_id for evaluation_id in stored_values if evaluation_id not in kept]
    _write(EvaluationRow, rows.EVALUATION_COLUMNS, case_id, RowChanges(deletes=gone))  # their entries cascade
    _save_entries(case_id, case, saved, stored, kept)
    return tuple(saved)


def _save_entries(case_id: int, case: Case, evaluations: list[Evaluation], stored: StoredCase,
                  kept: set[int]) -> None:
    """Strength and posture entries, matched by side, evaluation and activity (and frequency)."""
    strength, postures = rows.entry_values(DEMAND, None, case.demands.profile)
    for evaluation in evaluations:
        more_strength, more_postures = rows.entry_values(CAPACITY, evaluation.id, evaluation.profile)
        strength += more_strength
        postures += more_postures
    alive = [(i, v) for i, v in stored.strength if v[1] is None or v[1] in kept]  # others went with their evaluation
    _write(StrengthEntryRow, rows.STRENGTH_COLUMNS, case_id,
           keyed_changes(alive, strength, lambda v: v[:rows.STRENGTH_KEY]))
    alive = [(i, v) for i, v in stored.postures if v[1] is None or v[1] in kept]
    _write(PostureEntryRow, rows.POSTURE_COLUMNS, case_id,
           keyed_changes(alive, postures, lambda v: v[:rows.POSTURE_KEY]))


def _save_plan(case_id: int, plan: Plan, latest: tuple[int, str] | None, now: datetime) -> None:
    """A new version when the plan changed; earlier versions, issued or not, stay as they were."""
    data = json.dumps(plan_to_dict(plan), sort_keys=True)
    if (latest is not None and latest[1] == data) or (latest is None and plan.is_empty()):
        return
    PlanVersionRow.insert(case=case_id, version=latest[0] + 1 if latest else 1, created_at=now,
                          data_json=data).execute()


def _clinician_id(clinician: Clinician | None, stored: StoredCase | None) -> int | None:
    """The clinician's row (found by name and registration number, its details kept current), made if new."""
    if clinician is None:
        return None
    values = rows.clinician_values(clinician)
    if stored is not None and stored.clinician == values:
        return int(stored.case[rows.CLINICIAN_ID])
    name, profession, registration_number, phone, email = values
    details = {"profession": profession, "phone": phone, "email": email}
    row, _ = ClinicianRow.get_or_create(name=name, registration_number=registration_number, defaults=details)
    if any(getattr(row, k) != v for k, v in details.items()):
        ClinicianRow.update(**details).where(ClinicianRow.id == row.id).execute()
    return int(row.id)


def _update(table: type[BaseTable], columns: Sequence[pw.Field], row_id: int, values: Values) -> None:
    table.update(dict(zip(columns, values, strict=True))).where(table.id == row_id).execute()


def _write(table: type[BaseTable], columns: Sequence[pw.Field], case_id: int, changes: RowChanges[Values]) -> None:
    """Deletes first and inserts last, so a row moving from one key to another never meets itself in an index."""
    for ids in pw.chunked(changes.deletes, MAX_VARIABLES):
        table.delete().where(table.id.in_(ids)).execute()
    for row_id, values in changes.updates:
        _update(table, columns, row_id, values)
    fields = [table._meta.fields["case"], *columns]
    for batch in pw.chunked(changes.inserts, MAX_VARIABLES // len(fields)):
        table.insert_many([(case_id, *values) for values in batch], fields=fields).execute()
