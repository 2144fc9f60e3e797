"""What the caseload is computed from: the dates of the open cases and the employer letters to renew, read as the
signed-in role may: with consents and latest plans for clinicians and administrators, the case rows alone (reviews
and appointments) for reception, who may not read plans, consents or issued documents. A fixed number of queries
however many cases there are, and no whole case built: the home shows it at startup."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import peewee as pw

from rtw_planner.db.document_log import DocumentLog
from rtw_planner.db.roles import Action, current_role, guarded, may
from rtw_planner.db.session import snapshot
from rtw_planner.db.tables import CaseRow, ConsentRow, PlanVersionRow
from rtw_planner.domain.caseload.dated import AppointmentTime, CaseDates, NoPhases

if TYPE_CHECKING:
    from rtw_planner.domain.case.model import Consent
    from rtw_planner.domain.caseload.due import IssuedLetter
    from rtw_planner.domain.plan.model import Plan

NO_PLAN = NoPhases()


def _may_run_out(horizon: date | None) -> pw.ColumnBase:
    """Consents that may run out by horizon (all when None): not withdrawn, expiring on or before it."""
    if horizon is None:
        return pw.SQL("1 = 1")
    return ConsentRow.expiry.is_null(False) & ConsentRow.withdrawn_on.is_null() & (ConsentRow.expiry <= horizon)


def _wanted(clinical: bool, horizon: date | None) -> pw.SelectBase:
    """(id, name, review date, next appointment) of the open cases that may have something due by horizon (all
    open cases when None): a review on or before it, an appointment, and for clinicians a consent running out by
    then or a plan (its phases, its letters). A superset of the cases with due items, so the caseload is the same
    as from every case. The consents and plans in a second query, joined by UNION: in one WHERE with OR, SQLite
    took three times as long on 10,000 cases. No clinical column: reception may read these."""
    columns = (CaseRow.id, CaseRow.patient_name, CaseRow.review_date, CaseRow.next_appointment_json)
    open_case = CaseRow.archived_on.is_null()
    if horizon is None:
        return CaseRow.select(*columns).where(open_case)
    dated = CaseRow.select(*columns).where(
        open_case & ((CaseRow.review_date <= horizon) | CaseRow.next_appointment_json.is_null(False)))
    if not clinical:
        return dated
    expiring = ConsentRow.select(ConsentRow.case).where(_may_run_out(horizon))
    planned = PlanVersionRow.select(PlanVersionRow.case)
    return dated | CaseRow.select(*columns).where(open_case & (CaseRow.id.in_(expiring) | CaseRow.id.in_(planned)))


def _open_rows(wanted: pw.SelectBase) -> list[tuple[int, str, date | None, str | None]]:
    """The wanted rows (tables bound by the caller), fetched in one go, the review date converted here (SQLite
    keeps ISO text): peewee's per-row conversion cost as much as the query. In no particular order: the caseload
    sorts what is due itself."""
    fetched = CaseRow._meta.database.execute(wanted).fetchall()
    return [(int(case_id), name, date.fromisoformat(review) if isinstance(review, str) else review, appointment)
            for case_id, name, review, appointment in fetched]


def _appointment(stored: str | None) -> AppointmentTime | None:
    """When the next appointment is, from its stored form (the case list reads it the same way)."""
    if not stored:
        return None
    try:
        return AppointmentTime(datetime.fromisoformat(str(json.loads(stored)["when"])))
    except (ValueError, KeyError, TypeError):
        return None


def _consents(horizon: date | None) -> dict[int, list[Consent]]:
    """The open cases' consents that may run out by horizon (all when None), by case id, in recorded order."""
    query = (ConsentRow.select(ConsentRow.case, ConsentRow.category, ConsentRow.recipient, ConsentRow.purpose,
                               ConsentRow.date_given, ConsentRow.expiry, ConsentRow.withdrawn_on)
             .join(CaseRow).where(CaseRow.archived_on.is_null() & _may_run_out(horizon))
             .order_by(ConsentRow.id).tuples())
    rows: list[tuple[Any, ...]] = list(query)  # type: ignore[arg-type]  # tuples(), not rows
    found: dict[int, list[Consent]] = defaultdict(list)
    if rows:  # the case model loads only when there are consents to build
        from rtw_planner.db.case_rows import consent_from

        for row in rows:
            found[int(row[0])].append(consent_from(row[1:]))
    return found


def _latest_plans() -> dict[int, Plan]:
    """The open cases' latest plan versions by case id (cases without one are left out)."""
    latest = (PlanVersionRow.select(PlanVersionRow.case.alias("case_id"),
                                    pw.fn.MAX(PlanVersionRow.version).alias("last"))
              .group_by(PlanVersionRow.case).alias("latest"))
    query = (PlanVersionRow.select(PlanVersionRow.case, PlanVersionRow.data_json)
             .join(latest, on=((PlanVersionRow.case == latest.c.case_id) & (PlanVersionRow.version == latest.c.last)))
             .join(CaseRow, on=(PlanVersionRow.case == CaseRow.id)).where(CaseRow.archived_on.is_null()).tuples())
    rows: list[tuple[Any, str]] = list(query)  # type: ignore[arg-type]  # tuples(), not rows
    if not rows:
        return {}
    from rtw_planner.domain.plan.model import plan_from_dict  # the plan model loads only when there are plans

    return {int(case_id): plan_from_dict(json.loads(data)) for case_id, data in rows}


def open_cases(db: pw.Database, clinical: bool, horizon: date | None = None) -> list[CaseDates]:
    """The dates of the open cases that may have something due by horizon (every open case when None), read in
    one snapshot: for clinicians with their consents that may run out by then and their latest plan; for
    reception the case rows alone."""
    with guarded(db, Action.READ_CLINICAL if clinical else Action.READ_CASELOAD), snapshot(db):
        rows = _open_rows(_wanted(clinical, horizon))
        consents = _consents(horizon) if clinical else {}
        plans = _latest_plans() if clinical else {}
    return [CaseDates(case_id, name, review_date, _appointment(appointment), tuple(consents.get(case_id, ())),
                      plans.get(case_id, NO_PLAN)) for case_id, name, review_date, appointment in rows]


def caseload_inputs(db: pw.Database, horizon: date | None = None) -> tuple[list[CaseDates], list[IssuedLetter]]:
    """The open cases (archived ones left out) that may have something due by horizon (all when None), and the
    letters to renew."""
    clinical = may(current_role(db), Action.READ_CLINICAL)
    return open_cases(db, clinical, horizon), DocumentLog(db).letters_to_renew() if clinical else []
