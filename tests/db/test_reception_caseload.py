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
from rtw_planner.domain.case.model import Appointment
from rtw_planner.domain.caseload.due import DueReason, caseload

TODAY = date(2026, 12, 6)


def stored_case(db: pw.Database) -> int:
    case = planned_case(review_date=date(2026, 12, 1), diagnosis="Chronic low back pain",
                        next_appointment=Appointment(datetime(2026, 12, 9, 10, 30), "Priya Shah", "Room 2"))
    saved = CaseRepository(db).save(case)
    assert saved.id is not None
    return saved.id


def reasons(db: pw.Database) -> tuple[list[DueReason], list[str]]:
    cases, letters = caseload_inputs(db)
    assert letters == []
    return [item.reason for item in caseload(cases, TODAY, 7)], [case.diagnosis for case in cases]


def test_reception_on_a_file_sees_the_review_and_the_appointment(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    db = open_database(tmp_path / "rtw.sqlite3")
    stored_case(db)
    users.set_role(db, "frontdesk", Role.RECEPTION)
    monkeypatch.setattr(getpass, "getuser", lambda: "frontdesk")
    found, diagnoses = reasons(db)
    # The review passed on 1 Dec; the appointment is on 9 Dec; the plan's phases are not reception's to read.
    assert found == [DueReason.REVIEW_OVERDUE, DueReason.APPOINTMENT]
    assert diagnoses == [""]


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
        found, diagnoses = reasons(db)
    finally:
        db.close()
    assert found == [DueReason.REVIEW_OVERDUE, DueReason.APPOINTMENT]
    assert diagnoses == [""]


def test_a_clinician_sees_the_whole_case(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = open_database(tmp_path / "rtw.sqlite3")
    stored_case(db)
    cases, _ = caseload_inputs(db)
    assert [case.diagnosis for case in cases] == ["Chronic low back pain"]
    assert cases[0].plan == planned_case().plan  # the plan too, which reception never reads
