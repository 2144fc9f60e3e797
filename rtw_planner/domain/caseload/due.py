"""What is due in a case within the next days: reviews, the next appointment, phases starting or ending, consents
running out, letters whose review date has passed; overdue reviews come first. Imports only what a light
CaseDates needs, so the home can list what is due before the full case model is loaded."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from rtw_planner.domain.data.errors import ValidationError

if TYPE_CHECKING:
    from rtw_planner.domain.caseload.dated import Dated
    from rtw_planner.domain.checks.plausibility import Tab
    from rtw_planner.domain.plan.model import Plan

DEFAULT_DUE_DAYS = 7  # "this week"
MAX_DUE_DAYS = 366


class DueReason(StrEnum):
    """Why a case is on today's list; the values are the `caseload --json` reasons."""

    REVIEW_OVERDUE = "review_overdue"
    REVIEW_DUE = "review_due"
    APPOINTMENT = "appointment"
    PHASE_STARTS = "phase_starts"
    PHASE_ENDS = "phase_ends"
    CONSENT_EXPIRES = "consent_expires"
    LETTER_RENEW = "letter_renew"

    @property
    def label(self) -> str:
        """Plain words for the caseload screen."""
        return {"review_overdue": "Review overdue", "review_due": "Review due", "appointment": "Appointment",
                "phase_starts": "Phase starts", "phase_ends": "Phase ends", "consent_expires": "Consent expires",
                "letter_renew": "Letter to renew"}[self.value]

    @property
    def tab(self) -> Tab:
        """The tab that holds what to change."""
        from rtw_planner.domain.checks.plausibility import Tab

        return {"review_overdue": Tab.DETAILS, "review_due": Tab.DETAILS, "appointment": Tab.PLAN,
                "phase_starts": Tab.PLAN, "phase_ends": Tab.PLAN, "consent_expires": Tab.DETAILS,
                "letter_renew": Tab.PLAN}[self.value]


@dataclass(frozen=True)
class IssuedLetter:
    """A letter from the disclosure log: when it went out and the review date the case had then (None: unknown)."""

    case_id: int
    issued_on: date
    review_date: date | None


def letter_review_date(plan: Plan) -> date | None:
    """When a letter issued from this plan needs renewing: the end of the fitness period it stated (the date set,
    or for 'may be fit' the phased return's last day); None when it stated none."""
    from rtw_planner.domain.plan.fitness import FitnessOutcome

    if plan.fitness is None:
        return None
    if plan.fitness.to_date is not None:
        return plan.fitness.to_date
    if plan.fitness.outcome is FitnessOutcome.MAY_BE_FIT and plan.phased_return is not None:
        schedule = plan.phased_return.schedule()
        return schedule[-1].last_day if schedule else None
    return None


@dataclass(frozen=True)
class DueItem:
    """One line of the caseload. `detail` is short and never clinical ('Phase 2', 'employer consent')."""

    case_id: int
    patient_name: str
    reason: DueReason
    date: date
    detail: str = ""

    @property
    def tab(self) -> Tab:
        """Where a click on the line opens the case."""
        return self.reason.tab

    def to_dict(self) -> dict[str, object]:
        """The `caseload --json` object."""
        return {"case_id": self.case_id, "patient_name": self.patient_name, "reason": self.reason.value,
                "date": self.date.isoformat(), "detail": self.detail}


def due_days(value: object) -> int:
    """The look-ahead in days, validated: a whole number from 0 to a year."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_DUE_DAYS:
        raise ValidationError("due within", value, f"a whole number of days from 0 to {MAX_DUE_DAYS}")
    return value


def due_items(case: Dated, today: date, within_days: int = DEFAULT_DUE_DAYS,
              letters: Iterable[IssuedLetter] = ()) -> list[DueItem]:
    """What in this case falls due from today to `within_days` ahead; a review already past is overdue however
    long ago, and a consent that ran out in the last `within_days` is listed too (letters cannot go out on it)."""
    if case.id is None:
        return []
    horizon = today + timedelta(days=due_days(within_days))

    def item(reason: DueReason, day: date, detail: str = "") -> DueItem:
        return DueItem(case.id or 0, case.patient_name, reason, day, detail)

    out: list[DueItem] = []
    if case.review_date is not None:
        if case.review_date < today:
            out.append(item(DueReason.REVIEW_OVERDUE, case.review_date))
        elif case.review_date <= horizon:
            out.append(item(DueReason.REVIEW_DUE, case.review_date))
    if case.next_appointment is not None and today <= case.next_appointment.when.date() <= horizon:
        out.append(item(DueReason.APPOINTMENT, case.next_appointment.when.date(),
                        case.next_appointment.when.strftime("%H:%M")))
    phased = case.plan.phased_return
    if phased is not None:
        schedule = phased.schedule()
        for phase in schedule:
            if today <= phase.first_day <= horizon:
                out.append(item(DueReason.PHASE_STARTS, phase.first_day, f"Phase {phase.number} of {len(schedule)}"))
            if today <= phase.last_day <= horizon:
                out.append(item(DueReason.PHASE_ENDS, phase.last_day, f"Phase {phase.number} of {len(schedule)}"))
    for consent in case.consents:
        if consent.withdrawn_on is None and consent.expiry is not None \
                and today - timedelta(days=within_days) <= consent.expiry <= horizon:
            out.append(item(DueReason.CONSENT_EXPIRES, consent.expiry, f"{consent.category.label} consent"))
    own = [letter for letter in letters if letter.case_id == case.id]
    if own:  # only the latest letter matters: it replaced the ones before it
        latest = max(own, key=lambda letter: letter.issued_on)
        if latest.review_date is not None and latest.review_date <= horizon:
            out.append(item(DueReason.LETTER_RENEW, latest.review_date, f"issued {latest.issued_on.isoformat()}"))
    return out


def sort_key(entry: DueItem) -> tuple[int, date, str, int]:
    """Overdue reviews first (oldest first), then everything else by date."""
    return (0 if entry.reason is DueReason.REVIEW_OVERDUE else 1, entry.date, entry.reason.value, entry.case_id)


def caseload(cases: Iterable[Dated], today: date, within_days: int = DEFAULT_DUE_DAYS,
             letters: Iterable[IssuedLetter] = ()) -> list[DueItem]:
    """Every case's due items, overdue reviews first, then by date."""
    by_case: defaultdict[int | None, list[IssuedLetter]] = defaultdict(list)
    for letter in letters:  # each case looks only at its own: thousands of cases, thousands of letters
        by_case[letter.case_id].append(letter)
    out = [entry for case in cases for entry in due_items(case, today, within_days, by_case.get(case.id, ()))]
    return sorted(out, key=sort_key)
