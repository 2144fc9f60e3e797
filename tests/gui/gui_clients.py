"""Two people's repositories over one database, for the tests of refused saves. Once the storage layer checks
revisions itself (db.errors has ConflictError), these are two real CaseRepository objects on two connections; until
then a small stand-in gives each person the agreed behaviour: a save that started from an older revision than the
stored one raises ConflictError naming who saved last and when, and writes nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from rtw_planner.db import errors as db_errors
from rtw_planner.db.database import open_database
from rtw_planner.db.repository import CaseRepository
from rtw_planner.domain.case.model import Case
from rtw_planner.gui.team import agreed

REAL_REVISIONS = hasattr(db_errors, "ConflictError")


@dataclass
class Ledger:
    """The stored revision of each case and who saved it when (the stand-in's part of the database)."""

    revisions: dict[int, tuple[int, str, datetime]]


class PersonRepository:
    """A CaseRepository as one person uses it: it remembers the revision each case had when this person read or
    saved it, and refuses a save when the stored revision moved on since."""

    def __init__(self, inner: CaseRepository, ledger: Ledger, user: str) -> None:
        self.inner, self.db, self._ledger, self.user = inner, inner.db, ledger, user
        self._seen: dict[int, int] = {}

    def get(self, case_id: int) -> Case:
        case = self.inner.get(case_id)
        self._seen[case_id] = self._ledger.revisions.get(case_id, (1, "", datetime.min))[0]
        return case

    def save(self, case: Case) -> Case:
        if case.id is not None and case.id in self._ledger.revisions:
            stored, by, at = self._ledger.revisions[case.id]
            mine = self._seen.get(case.id, stored)
            if mine != stored:
                raise agreed.ConflictError(case.id, stored, mine, by, at)
        saved = self.inner.save(case)
        assert saved.id is not None
        revision = self._ledger.revisions.get(saved.id, (0, "", datetime.min))[0] + 1
        self._ledger.revisions[saved.id] = (revision, self.user, datetime.now())
        self._seen[saved.id] = revision
        return saved

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def two_people(path: Path) -> tuple[Any, Any, str]:
    """Two people's repositories on the database file at path (each with its own connection when real) and the
    name the first person's saves are recorded under."""
    if REAL_REVISIONS:
        first, second = CaseRepository(open_database(path)), CaseRepository(open_database(path))
        return first, second, agreed.current_user(first.db)
    db = open_database(path)
    ledger = Ledger({})
    return PersonRepository(CaseRepository(db), ledger, "sam"), PersonRepository(CaseRepository(db), ledger, "kim"), \
        "sam"
