"""Reception's caseload: reviews and appointments from the case rows alone, never the diagnosis, plan, consents or
letters, on a file (roles checked by the repositories) and on a server (its grants)."""

from __future__ import annotations

import getpass
from collections.abc import Callable, Iterator
from datetime import date, datetime
from urllib.parse import urlsplit, urlunsplit

import peewee as pw
import pytest
from factories import planned_case

from rtw_planner.db import users
from rtw_planner.db.caseload_source import caseload_inputs
from rtw_planner.db.database import open_database
from rtw_planner.db.repository import CaseRepository
from rtw_planner.db.roles import Role
from rtw_planner.domain.case.model import Appointment, Consent, ConsentCategory
from rtw_planner.domain.caseload.due import DueReason, caseload

TODAY = date(2026, 12, 6)


CONSENT = Consent(ConsentCategory.FUNCTIONAL, "Employer HR", "Return to work", date(2026, 12, 1), date(2026, 12, 10))


def stored_case(db: pw.Database) -> int:
    case = planned_case(review_date=date(2026, 12, 1), diagnosis="Chronic low back pain", consents=(CONSENT,),
                        next_appointment=Appointment(datetime(2026, 12, 9, 10, 30), "Priya Shah", "Room 2"))
    saved = CaseRepository(db).save(case)
    assert saved.id is not None
    return saved.id


def reasons(db: pw.Database) -> tuple[list[DueReason], list[object]]:
    """What is due for reception, and what reception read of the plan and the consents (nothing)."""
    cases, letters = caseload_inputs(db)
    assert letters == []
    assert [case.consents for case in cases] == [()]
    return [item.reason for item in caseload(cases, TODAY, 7)], [case.plan.phased_return for case in cases]


def test_reception_on_a_file_sees_the_review_and_the_appointment(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    db = open_database(tmp_path / "rtw.sqlite3")
    stored_case(db)
    users.set_role(db, "frontdesk", Role.RECEPTION)
    monkeypatch.setattr(getpass, "getuser", lambda: "frontdesk")
    found, phased_returns = reasons(db)
    # The review passed on 1 Dec; the appointment is on 9 Dec; the plan's phases are not reception's to read.
    assert found == [DueReason.REVIEW_OVERDUE, DueReason.APPOINTMENT]
    assert phased_returns == [None]


@pytest.fixture
def reception_url(server_databases: Callable[[], str]) -> Iterator[str]:
    url = str(server_databases())
    owner = open_database(url)
    stored_case(owner)
    name = "frontdesk_caseload"
    users.set_role(owner, name, Role.RECEPTION)
    owner.close()
    parts = urlsplit(url)
    yield urlunsplit(parts._replace(netloc=f"{name}@{parts.hostname}:{parts.port}"))
    import psycopg

    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", (name,))
        admin.execute(f'DROP ROLE IF EXISTS "{name}"')


def test_reception_on_the_server_sees_the_review_and_the_appointment(reception_url: str) -> None:
    db = open_database(reception_url)
    try:
        found, phased_returns = reasons(db)  # the server's grants refuse the diagnosis: it is never selected
    finally:
        db.close()
    assert found == [DueReason.REVIEW_OVERDUE, DueReason.APPOINTMENT]
    assert phased_returns == [None]


def test_a_clinician_reads_the_plan_and_the_consents_too(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = open_database(tmp_path / "rtw.sqlite3")
    stored_case(db)
    cases, letters = caseload_inputs(db)
    # The review passed on 1 Dec, the appointment is on 9 Dec, the consent runs out on 10 Dec (worked by hand).
    assert [item.reason for item in caseload(cases, TODAY, 7, letters)] == [
        DueReason.REVIEW_OVERDUE, DueReason.APPOINTMENT, DueReason.CONSENT_EXPIRES]
    assert cases[0].plan == planned_case().plan  # which reception never reads
    assert cases[0].consents == (CONSENT,)
    assert not hasattr(cases[0], "diagnosis")  # the caseload needs no clinical text
