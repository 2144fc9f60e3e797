"""Times and periods drawn from a phased return, as a rota and a fit note need them: a phase's working time in
h:mm, the days each fit-note box covers, and the day a restriction ends."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from rtw_planner.domain.plan.phases import Duties, PhasedReturn, ScheduledPhase, fit_note_from_plan


def _decimal(value: float) -> Decimal:
    return Decimal(repr(value))


def clock(minutes: int) -> str:
    """Whole minutes as h:mm: 288 -> '4:48', 1440 -> '24:00'."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def day_minutes(hours: float | Decimal, quarter_hours: bool = False) -> int:
    """Hours in whole minutes, to the nearest minute or (a clinic setting) the nearest quarter hour, half up:
    4.8 -> 288 or 285."""
    step = 15 if quarter_hours else 1
    exact = (hours if isinstance(hours, Decimal) else _decimal(hours)) * 60 / step
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP)) * step


@dataclass(frozen=True)
class WorkingTime:
    """A phase's working time as printed: whole minutes a day and a week."""

    day_minutes: int
    week_minutes: int

    @property
    def per_day(self) -> str:
        """'4:48'."""
        return clock(self.day_minutes)

    @property
    def per_week(self) -> str:
        """'24:00'."""
        return clock(self.week_minutes)


def exact_hours_per_day(plan: PhasedReturn, phase: ScheduledPhase) -> Decimal:
    """A phase's hours a day before any rounding: contract hours x percentage / days."""
    return _decimal(plan.contract.hours_per_week) * _decimal(phase.percent) / 100 / _decimal(phase.days_per_week)


def working_time(plan: PhasedReturn, phase: ScheduledPhase, quarter_hours: bool = False) -> WorkingTime:
    """What a rota needs: minutes a day (to the minute, or the quarter hour as the clinic chose) and minutes a
    week worked out from that rounded day, so the two printed figures agree (24 h over 5 days: 4:48 and 24:00;
    by quarter hours 4:45 and 23:45)."""
    per_day = day_minutes(exact_hours_per_day(plan, phase), quarter_hours)
    per_week = (Decimal(per_day) * _decimal(phase.days_per_week)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return WorkingTime(per_day, int(per_week))


def at_contract_hours(plan: PhasedReturn, phase: ScheduledPhase) -> bool:
    """True when a phase works the contract's hours a day on the contract's days a week."""
    contract = plan.contract
    contract_day = _decimal(contract.hours_per_week) / _decimal(contract.days_per_week)
    return phase.days_per_week == contract.days_per_week and exact_hours_per_day(plan, phase) == contract_day


@dataclass(frozen=True)
class FitNoteAdvice:
    """One ticked fit-note box and the runs of days it covers."""

    option: str
    periods: tuple[tuple[date, date], ...]


def _runs(phases: list[ScheduledPhase], wanted: list[bool]) -> tuple[tuple[date, date], ...]:
    """The first and last day of each run of back-to-back phases that are wanted."""
    runs: list[tuple[date, date]] = []
    for phase, keep in zip(phases, wanted, strict=True):
        if not keep:
            continue
        if runs and runs[-1][1] + timedelta(days=1) == phase.first_day:
            runs[-1] = (runs[-1][0], phase.last_day)
        else:
            runs.append((phase.first_day, phase.last_day))
    return tuple(runs)


def fit_note_periods(plan: PhasedReturn, has_adjustments: bool) -> tuple[FitNoteAdvice, ...]:
    """Each ticked fit-note box with the days it covers: a phased return the part-time phases; altered hours the
    phases not at the contract's hours a day and days a week (it ends when hours are back to the contract's);
    amended duties the phases with other than usual duties or with restrictions; workplace adaptations the whole
    plan, as the adjustments apply throughout. A box the clinician ticked that no phase calls for covers the
    whole plan."""
    schedule = plan.schedule()
    calls_for = {
        "A phased return to work": [p.percent < 100 for p in schedule],
        "Altered hours": [not at_contract_hours(plan, p) for p in schedule],
        "Amended duties": [p.duties is not Duties.USUAL or bool(p.restrictions) for p in schedule],
        "Workplace adaptations": [True for _ in schedule],
    }
    out = []
    for option in fit_note_from_plan(plan, has_adjustments).selected:
        wanted = calls_for[option] if any(calls_for[option]) else [True for _ in schedule]
        out.append(FitNoteAdvice(option, _runs(schedule, wanted)))
    return tuple(out)


def restriction_ends(schedule: list[ScheduledPhase], carries: Callable[[ScheduledPhase], bool]) -> date | None:
    """The last day of the last phase that carries a restriction; None when every phase carries it (or none
    does), so it holds until the review."""
    carrying = [p for p in schedule if carries(p)]
    if not carrying or len(carrying) == len(schedule):
        return None
    return carrying[-1].last_day
