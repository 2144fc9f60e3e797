"""What the caseload reads of a case (Dated, which a whole Case is too), and CaseDates, the light form the home
reads for thousands of cases without building whole cases or loading the case model."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from rtw_planner.domain.case.model import Consent
    from rtw_planner.domain.plan.phases import PhasedReturn


class Timed(Protocol):
    """An appointment, as far as the caseload reads it."""

    @property
    def when(self) -> datetime: ...


class Phased(Protocol):
    """A plan, as far as the caseload reads it."""

    @property
    def phased_return(self) -> PhasedReturn | None: ...


class Dated(Protocol):
    """A case, as far as the caseload reads it."""

    @property
    def id(self) -> int | None: ...

    @property
    def patient_name(self) -> str: ...

    @property
    def review_date(self) -> date | None: ...

    @property
    def next_appointment(self) -> Timed | None: ...

    @property
    def consents(self) -> Sequence[Consent]: ...

    @property
    def plan(self) -> Phased: ...


@dataclass(frozen=True)
class AppointmentTime:
    """When the next appointment is (who with and where are not the caseload's business)."""

    when: datetime


@dataclass(frozen=True)
class NoPhases:
    """A case without a plan, or one whose plan the reader may not see."""

    phased_return: None = None


@dataclass(frozen=True)
class CaseDates:
    """One case's dates for the caseload, read from storage, which validated them when the case was saved."""

    id: int
    patient_name: str
    review_date: date | None = None
    next_appointment: Timed | None = None
    consents: Sequence[Consent] = ()
    plan: Phased = NoPhases()
