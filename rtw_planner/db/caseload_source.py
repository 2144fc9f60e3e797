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


def _wanted(clinical: bool, horizon: date | None) -> pw.Expression:
    """The open cases that may have something due by horizon (all open cases when None): a review on or before
    it, an appointment, and for clinicians a consent running out by then or a plan (its phases, its letters). A
    superset of the cases with due items, so the caseload is the same as from every case."""
    wanted = CaseRow.archived_on.is_null()
    if horizon is None:
        return wanted
    may_be_due = (CaseRow.review_date <= horizon) | CaseRow.next_appointment_json.is_null(False)
    if clinical:
        expiring = ConsentRow.select(ConsentRow.case).where(
            ConsentRow.expiry.is_null(False) & ConsentRow.withdrawn_on.is_null() & (ConsentRow.expiry <= horizon))
        may_be_due = may_be_due | CaseRow.id.in_(expiring) | CaseRow.id.in_(PlanVersionRow.select(PlanVersionRow.case))
    return wanted & may_be_due


def _open_rows(wanted: pw.Expression) -> list[tuple[Any, ...]]:
    """(id, name, review date, next appointment) of the wanted cases by id (tables bound by the caller); the
    caseload sorts what is due itself, and the case list's order (by last update) costs a third more. No clinical
    column: reception may read these, and the caseload needs no more."""
    query = (CaseRow.select(CaseRow.id, CaseRow.patient_name, CaseRow.review_date, CaseRow.next_appointment_json)
             .where(wanted).order_by(CaseRow.id).tuples())
    return list(query)  # type: ignore[arg-type]  # tuples(), not rows


def _appointment(stored: str | None) -> AppointmentTime | None:
    """When the next appointment is, from its stored form (the case list reads it the same way)."""
    if not stored:
        return None
    try:
        return AppointmentTime(datetime.fromisoformat(str(json.loads(stored)["when"])))
    except (ValueError, KeyError, TypeError):
        return None


def _consents(wanted: pw.Expression) -> dict[int, list[Consent]]:
    """The wanted cases' consents by case id, in the order they were recorded."""
    query = (ConsentRow.select(ConsentRow.case, ConsentRow.category, ConsentRow.recipient, ConsentRow.purpose,
                               ConsentRow.date_given, ConsentRow.expiry, ConsentRow.withdrawn_on)
             .join(CaseRow).where(wanted).order_by(ConsentRow.id).tuples())
    rows: list[tuple[Any, ...]] = list(query)  # type: ignore[arg-type]  # tuples(), not rows
    found: dict[int, list[Consent]] = defaultdict(list)
    if rows:  # the case model loads only when there are consents to build
        from rtw_planner.db.case_rows import consent_from

        for row in rows:
            found[int(row[0])].append(consent_from(row[1:]))
    return found


def _latest_plans(wanted: pw.Expression) -> dict[int, Plan]:
    """The wanted cases' latest plan versions by case id (cases without one are left out)."""
    latest = (PlanVersionRow.select(PlanVersionRow.case.alias("case_id"),
                                    pw.fn.MAX(PlanVersionRow.version).alias("last"))
              .group_by(PlanVersionRow.case).alias("latest"))
    query = (PlanVersionRow.select(PlanVersionRow.case, PlanVersionRow.data_json)
             .join(latest, on=((PlanVersionRow.case == latest.c.case_id) & (PlanVersionRow.version == latest.c.last)))
             .join(CaseRow, on=(PlanVersionRow.case == CaseRow.id)).where(wanted).tuples())
    rows: list[tuple[Any, str]] = list(query)  # type: ignore[arg-type]  # tuples(), not rows
    if not rows:
        return {}
    from rtw_planner.domain.plan.model import plan_from_dict  # the plan model loads only when there are plans

    return {int(case_id): plan_from_dict(json.loads(data)) for case_id, data in rows}


def open_cases(db: pw.Database, clinical: bool, horizon: date | None = None) -> list[CaseDates]:
    """The dates of the open cases that may have something due by horizon (every open case when None), read in
    one snapshot: for clinicians with their consents and latest plan; for reception the case rows alone."""
    with guarded(db, Action.READ_CLINICAL if clinical else Action.READ_CASELOAD), snapshot(db):
        wanted = _wanted(clinical, horizon)
        rows = _open_rows(wanted)
        consents = _consents(wanted) if clinical else {}
        plans = _latest_plans(wanted) if clinical else {}
    return [CaseDates(case_id, name, review_date, _appointment(appointment), tuple(consents.get(case_id, ())),
                      plans.get(case_id, NO_PLAN)) for case_id, name, review_date, appointment in rows]


def caseload_inputs(db: pw.Database, horizon: date | None = None) -> tuple[list[CaseDates], list[IssuedLetter]]:
    """The open cases (archived ones left out) that may have something due by horizon (all when None), and the
    letters to renew."""
    clinical = may(current_role(db), Action.READ_CLINICAL)
    return open_cases(db, clinical, horizon), DocumentLog(db).letters_to_renew() if clinical else []
