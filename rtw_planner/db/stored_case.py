"""A case's rows as stored, read in a fixed number of queries: the source of `get` and what a save compares with."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

import peewee as pw

from rtw_planner.db import case_rows as rows
from rtw_planner.db.case_rows import CAPACITY, DEMAND, Values
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
from rtw_planner.domain.case.model import Case
from rtw_planner.domain.demands.job import JobDemands
from rtw_planner.domain.plan.model import Plan, plan_from_dict

StoredRows = list[tuple[int, Values]]  # (row id, column values), in the order the case reads them back


@dataclass(frozen=True)
class StoredCase:
    """Every row of one case, each table's values in the order of its *_COLUMNS in case_rows."""

    id: int
    case: Values
    clinician: Values | None
    demands: tuple[int, Values] | None  # a case stored without demands reads default ones
    evaluations: StoredRows  # by id: the order they were recorded in
    strength: StoredRows  # both sides, every evaluation
    postures: StoredRows
    consents: StoredRows  # by id
    outcomes: StoredRows  # by date, then id
    practice: StoredRows  # by date, then id
    plan: tuple[int, str] | None  # the latest version's number and JSON
    skipped: frozenset[str] = frozenset()  # parts not read (PARTS below): known unchanged, left as stored

    @classmethod
    def empty(cls, case_id: int) -> StoredCase:
        """A case row with nothing under it yet."""
        return cls(case_id, (), None, None, [], [], [], [], [], [], None)

    def entries(self, side: str, evaluation_id: int | None) -> tuple[list[Values], list[Values]]:
        """The strength and posture rows of one side (and one evaluation, for capacity)."""
        return ([v for _, v in self.strength if v[0] == side and v[1] == evaluation_id],
                [v for _, v in self.postures if v[0] == side and v[1] == evaluation_id])

    def to_case(self) -> Case:
        """The domain case these rows hold (all of them: none skipped)."""
        assert not self.skipped, "a case read in part is only for a save to compare with"
        demand_strength, demand_postures = self.entries(DEMAND, None)
        if self.demands is None:
            demands = JobDemands(profile=rows.profile_from(demand_strength, demand_postures, None, "[]"))
        else:
            demands = rows.demands_from(self.demands[1], demand_strength, demand_postures)
        return Case(
            **rows.case_header(self.case), id=self.id,
            clinician=rows.clinician_from(self.clinician) if self.clinician else None,
            consents=tuple(rows.consent_from(v) for _, v in self.consents), demands=demands,
            evaluations=tuple(rows.evaluation_from(i, v, *self.entries(CAPACITY, i)) for i, v in self.evaluations),
            outcomes=tuple(rows.outcome_from(v) for _, v in self.outcomes),
            practice_log=tuple(rows.practice_from(v) for _, v in self.practice),
            plan=plan_from_dict(json.loads(self.plan[1])) if self.plan else Plan())


# Columns whose values the database driver may hand back in another type (SQLite keeps dates as text and
# booleans as integers); the drivers return text, numbers and ids as they are on every backend.
_CONVERTED = (pw.DateField, pw.DateTimeField, pw.BooleanField)
ISO_DATE_LENGTH = len("2026-12-31")


def _converter(column: pw.Field) -> Callable[[Any], Any]:
    """The column's own conversion, with a shortcut for the plain ISO dates every stored date is written as."""
    if type(column) is not pw.DateField:
        return cast("Callable[[Any], Any]", column.python_value)

    def to_date(value: Any) -> Any:
        if isinstance(value, str) and len(value) == ISO_DATE_LENGTH:
            return date.fromisoformat(value)
        return column.python_value(value)

    return to_date


def _rows(table: type[BaseTable], columns: Sequence[pw.Field], case_id: int,
          *order: pw.Field | pw.Ordering) -> StoredRows:
    """One table's rows of a case. Fetched in one go and converted only where a column needs it: a case with a
    long history has a thousand of these rows, and converting every value costs more than the query itself."""
    case_column = table._meta.fields["case"]
    query = table.select(table.id, *columns).where(case_column == case_id).order_by(*order, table.id)
    fetched = cast("list[Values]", table._meta.database.execute(query).fetchall())
    converters = [(n, _converter(c)) for n, c in enumerate(columns) if isinstance(c, _CONVERTED)]
    if not converters:
        return [(row[0], row[1:]) for row in fetched]
    result: StoredRows = []
    for row in fetched:
        values = list(row[1:])
        for n, convert in converters:
            values[n] = convert(values[n])
        result.append((row[0], tuple(values)))
    return result


MEASURES, CONSENTS, OUTCOMES, PRACTICE, PLAN = "measures", "consents", "outcomes", "practice", "plan"
PARTS = frozenset({MEASURES, CONSENTS, OUTCOMES, PRACTICE, PLAN})  # demands, evaluations and their entries: MEASURES


def unchanged_parts(case: Case, last: Case | None) -> frozenset[str]:
    """The parts of case that are the very values of last, the case as last read or saved at the same revision:
    domain values are immutable, so an edit builds new values only for what it changes, and the rest of the case
    is known to be stored as it is. Empty when last is None or at another revision."""
    if last is None or last.id != case.id or last.revision != case.revision:
        return frozenset()
    same = {MEASURES} if case.demands is last.demands and case.evaluations is last.evaluations else set()
    for part, mine, theirs in ((CONSENTS, case.consents, last.consents), (OUTCOMES, case.outcomes, last.outcomes),
                               (PRACTICE, case.practice_log, last.practice_log), (PLAN, case.plan, last.plan)):
        if mine is theirs:
            same.add(part)
    return frozenset(same)


def load(case_id: int, skip: frozenset[str] = frozenset()) -> StoredCase | None:
    """The stored rows of a case (tables bound by the caller), or None when there is no such case. The parts in
    skip are not read (their rows come back empty): a save that knows them unchanged leaves them alone."""
    header = CaseRow.select(*rows.CASE_COLUMNS).where(CaseRow.id == case_id).tuples().first()
    if header is None:
        return None
    clinician_id = header[rows.CLINICIAN_ID]
    clinician = None if clinician_id is None else ClinicianRow.select(*rows.CLINICIAN_COLUMNS).where(
        ClinicianRow.id == clinician_id).tuples().first()
    measures = MEASURES not in skip
    demands = _rows(JobDemandsRow, rows.DEMANDS_COLUMNS, case_id) if measures else []
    plan = None if PLAN in skip else PlanVersionRow.select(PlanVersionRow.version, PlanVersionRow.data_json).where(
        PlanVersionRow.case == case_id).order_by(PlanVersionRow.version.desc()).tuples().first()
    return StoredCase(
        id=case_id, case=header, clinician=clinician, demands=demands[0] if demands else None,
        evaluations=_rows(EvaluationRow, rows.EVALUATION_COLUMNS, case_id) if measures else [],
        strength=_rows(StrengthEntryRow, rows.STRENGTH_COLUMNS, case_id) if measures else [],
        postures=_rows(PostureEntryRow, rows.POSTURE_COLUMNS, case_id) if measures else [],
        consents=[] if CONSENTS in skip else _rows(ConsentRow, rows.CONSENT_COLUMNS, case_id),
        outcomes=[] if OUTCOMES in skip else _rows(OutcomeRecordRow, rows.OUTCOME_COLUMNS, case_id,
                                                   OutcomeRecordRow.on),
        practice=[] if PRACTICE in skip else _rows(PracticeEntryRow, rows.PRACTICE_COLUMNS, case_id,
                                                   PracticeEntryRow.on),
        plan=plan, skipped=skip)
