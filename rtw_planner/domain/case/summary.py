"""One row of the case list; a module of its own so the list loads without the whole domain model."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class CaseSummary:
    """One row of the case list."""

    id: int
    patient_name: str
    job_title: str
    employer: str
    review_date: date | None
    date_of_birth: date | None = None
    next_appointment: datetime | None = None
