"""What the caseload is computed from: every open case and the employer letters to renew, read as the signed-in
role may: whole cases for clinicians and administrators, the case rows alone (reviews and appointments) for
reception, who may not read plans, consents or issued documents."""

from __future__ import annotations

from typing import TYPE_CHECKING

import peewee as pw

from rtw_planner.db.document_log import DocumentLog
from rtw_planner.db.errors import NotFoundError, PermissionDeniedError
from rtw_planner.db.repository import CaseRepository
from rtw_planner.db.roles import Action, current_role, may

if TYPE_CHECKING:
    from rtw_planner.domain.case.model import Case
    from rtw_planner.domain.caseload.due import IssuedLetter

PAGE = 500


def caseload_inputs(db: pw.Database) -> tuple[list[Case], list[IssuedLetter]]:
    """The open cases (archived ones left out) and the letters to renew; a case deleted meanwhile is skipped."""
    repository = CaseRepository(db)
    clinical = may(current_role(db), Action.READ_CLINICAL)
    read = repository.get if clinical else repository.caseload_view
    cases: list[Case] = []
    for offset in range(0, repository.count(), PAGE):
        for summary in repository.summaries(offset=offset, limit=PAGE):
            try:
                cases.append(read(summary.id))
            except (NotFoundError, PermissionDeniedError):
                continue
    return cases, DocumentLog(db).letters_to_renew() if clinical else []
