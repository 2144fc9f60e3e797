"""What a refused save tells the user: the case, who saved it first and when, as db.errors.ConflictError says."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rtw_planner.db.errors import ConflictError
from rtw_planner.gui.kit.dates_text import when_text


@dataclass(frozen=True)
class Conflict:
    """Which case, who changed it and when (no patient data)."""

    case_id: int | None
    changed_by: str
    changed_at: datetime | None
    stored_revision: int | None = None
    your_revision: int | None = None

    @property
    def message(self) -> str:
        """Who changed the case and when, and that nothing was overwritten (no patient data)."""
        return (f"This case was changed by {self.changed_by}{when_text(self.changed_at)} since you opened it. "
                "Your save was refused, so nothing of theirs was overwritten, and your edits are still here.")

    @classmethod
    def of(cls, error: ConflictError) -> Conflict:
        """The details the storage layer's refusal carries."""
        return cls(error.case_id, error.changed_by or "someone else", error.changed_at, error.stored_revision,
                   error.your_revision)
