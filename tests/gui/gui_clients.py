"""Two people's repositories over one database file, each on its own connection, for the tests of refused saves:
the storage layer checks revisions itself, so a save that started from an older revision raises ConflictError."""

from __future__ import annotations

from pathlib import Path

from rtw_planner.db.database import open_database
from rtw_planner.db.repository import CaseRepository
from rtw_planner.gui.team.people import current_user


def two_people(path: Path) -> tuple[CaseRepository, CaseRepository, str]:
    """Two people's repositories on the database file at path and the name the first person's saves are recorded
    under (on a file both are the operating-system user: what tells them apart here is the revision read)."""
    first, second = CaseRepository(open_database(path)), CaseRepository(open_database(path))
    return first, second, current_user(first.db)
