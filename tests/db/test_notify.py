"""On a server, a saved, added or deleted case is announced on the change channel with its id alone; SQLite has no
listener (a window looks again on focus)."""

from __future__ import annotations

import select
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from factories import unassessed_case

from rtw_planner.db.database import open_database
from rtw_planner.db.notify import ChangeListener, listener_for
from rtw_planner.db.repository import CaseRepository


def wait_for_notices(listener: ChangeListener) -> set[int]:
    """What arrives within a few seconds (the socket turns readable when the server sends a notice)."""
    ready, _, _ = select.select([listener.fileno()], [], [], 5)
    return listener.pending() if ready else set()


def test_another_clients_saves_are_announced_by_case_id(server_databases: Callable[[], str]) -> None:
    url = server_databases()
    listening_db, saving = open_database(url), CaseRepository(open_database(url))
    listener = listener_for(listening_db)
    assert listener is not None
    try:
        saved = saving.save(unassessed_case(patient_name="Zoë Łukasiewicz"))
        assert wait_for_notices(listener) == {saved.id}
        assert listener.pending() == set()  # read once
        saving.save(replace(saved, job_title="Team leader"))
        assert wait_for_notices(listener) == {saved.id}
        assert saved.id is not None
        saving.delete(saved.id)
        assert wait_for_notices(listener) == {saved.id}
    finally:
        listener.close()


def test_a_file_has_no_listener(tmp_path: Path) -> None:
    db = open_database(tmp_path / "rtw.sqlite3")
    assert listener_for(db) is None
    with pytest.raises(ValueError, match="PostgreSQL"):
        ChangeListener(db)
