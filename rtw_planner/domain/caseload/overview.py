"""A case at a glance, as the case opens: the fitness outcome, the current phase and its hours, this week's small
step, the next date that matters, what blocks the employer letter, and the plausibility warnings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rtw_planner.domain.case.model import Case, Clinic
from rtw_planner.domain.caseload.due import DueItem, DueReason, due_items
from rtw_planner.domain.checks.plausibility import Plausibility, plausibility
from rtw_planner.domain.issuing.disclosure import DisclosureRequest, DocumentKind, RecipientRole
from rtw_planner.domain.issuing.preflight import Finding, preflight
from rtw_planner.domain.outcomes.progress import plan_start, quota_starts, return_date
from rtw_planner.domain.plan.goals import this_weeks_small_step
from rtw_planner.domain.plan.phases import clock_hours

NEXT_DATE_DAYS = 366  # the next date that matters is looked for up to a year ahead


@dataclass(frozen=True)
class CaseOverview:
    """What the case summary shows; every text is plain words, '' when there is nothing to say."""

    fitness: str
    phase: str
    small_step: str
    next_date: DueItem | None
    letter_blocks: tuple[Finding, ...]
    warnings: tuple[Plausibility, ...]

    @property
    def letter_ready(self) -> bool:
        """True when nothing blocks the employer letter."""
        return not self.letter_blocks


def _phase_text(case: Case, today: date, quarter_hours: bool) -> str:
    """'Phase 2 of 4 (to 2027-01-10): 4:48 a day, Mon to Fri, modified duties', or where the plan stands."""
    phased = case.plan.phased_return
    if phased is None:
        return ""
    schedule = phased.schedule()
    if today < phased.start:
        return f"The phased return starts on {phased.start.isoformat()} ({len(schedule)} phases)."
    if today > phased.end_date:
        return f"The phased return ended on {phased.end_date.isoformat()}."
    current = next(p for p in schedule if p.first_day <= today <= p.last_day)
    return (f"Phase {current.number} of {len(schedule)} (to {current.last_day.isoformat()}): "
            f"{clock_hours(current.hours_per_day, quarter_hours)} a day, {current.weekday_text}, "
            f"{current.duties.label.lower()}.")


def _next_date(case: Case, today: date) -> DueItem | None:
    """The earliest date ahead that matters; an overdue review before everything."""
    items = due_items(case, today, NEXT_DATE_DAYS)
    overdue = [i for i in items if i.reason is DueReason.REVIEW_OVERDUE]
    ahead = sorted((i for i in items if i.date >= today), key=lambda i: (i.date, i.reason.value))
    first = overdue or ahead
    return first[0] if first else None


def case_overview(case: Case, today: date, clinic: Clinic | None = None) -> CaseOverview:
    """The summary a case opens on. The letter check is the employer letter's pre-flight for the employer."""
    fitness = case.plan.fitness.outcome.label if case.plan.fitness is not None else ""
    quarter = clinic.quarter_hours if clinic is not None else False
    step = this_weeks_small_step(case.plan.goals, case.plan.quotas, plan_start(case, today), today,
                                 return_date=return_date(case), starts=quota_starts(case, today))
    request = DisclosureRequest(recipient=case.employer or "the employer", role=RecipientRole.EMPLOYER)
    check = preflight(DocumentKind.EMPLOYER_LETTER, case, request, today, clinic=clinic)
    return CaseOverview(fitness, _phase_text(case, today, quarter), step, _next_date(case, today), check.blocking,
                        tuple(plausibility(case, today)))
