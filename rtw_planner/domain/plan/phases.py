"""Phased return to work: contract, phases at a share of contract hours, schedule, reviews and fit-note options."""

from __future__ import annotations

import math
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Any

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.data.validation import MAX_LONG_TEXT, a_date, number_in_range, text
from rtw_planner.domain.demands.units import format_number

MAX_CONTRACT_HOURS = 80.0
MAX_PHASE_WEEKS = 52
DEFAULT_MAX_WEEKS = 6  # a phased return typically lasts 4-6 weeks (York policy: normally at most 6)
FIRST_REVIEW_DAYS = 13  # the first review falls by the end of week 2: the start date + 13 days at the latest
CENT = Decimal("0.01")
WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
# Working days suggested for n days a week, spread so rest days fall between work days.
DEFAULT_WEEKDAYS = {1: (2,), 2: (1, 3), 3: (0, 2, 4), 4: (0, 1, 3, 4), 5: (0, 1, 2, 3, 4), 6: (0, 1, 2, 3, 4, 5),
                    7: (0, 1, 2, 3, 4, 5, 6)}


class Duties(StrEnum):
    """What work the person does during a phase."""

    USUAL = "usual"
    MODIFIED = "modified"
    ALTERNATIVE = "alternative"

    @property
    def label(self) -> str:
        """Plain words."""
        return {"usual": "Usual duties", "modified": "Modified duties", "alternative": "Alternative duties"}[self.value]


def _positive(field_name: str, value: object, high: float, unit: str) -> float:
    number = number_in_range(field_name, value, 0, high, unit)
    if number == 0:
        raise ValidationError(field_name, value, f"a number above 0 and up to {high:g} {unit}")
    return number


def _decimal(value: float) -> Decimal:
    return Decimal(repr(value))


def _cents(value: Decimal) -> float:
    return float(value.quantize(CENT, rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Contract:
    """Contracted hours a week (at most two decimals, so a share of them never rounds above them) and days."""

    hours_per_week: float
    days_per_week: float

    def __post_init__(self) -> None:
        hours = _positive("contract hours per week", self.hours_per_week, MAX_CONTRACT_HOURS, "h")
        exponent = _decimal(hours).normalize().as_tuple().exponent
        if isinstance(exponent, int) and exponent < -2:
            raise ValidationError("contract hours per week", self.hours_per_week,
                                  f"a number above 0 and up to {MAX_CONTRACT_HOURS:g} h with at most two decimals")
        object.__setattr__(self, "hours_per_week", hours)
        object.__setattr__(self, "days_per_week", _positive("contract days per week", self.days_per_week, 7, "days"))

    @property
    def hours_per_day(self) -> float:
        """Contract hours a day, rounded half up to two decimals."""
        return _cents(_decimal(self.hours_per_week) / _decimal(self.days_per_week))


@dataclass(frozen=True)
class Phase:
    """One phase: its length in weeks, the share of contract hours, days a week (None = as in the contract),
    duties, restrictions in employer wording and what must hold before moving on."""

    weeks: int
    percent: float
    days_per_week: float | None = None
    duties: Duties = Duties.MODIFIED
    restrictions: tuple[str, ...] = ()
    progression_criteria: str = ""
    step_down_intended: bool = False  # fewer hours than the phase before, on purpose (the letter says so)
    weekdays: tuple[int, ...] | None = None  # 0 = Monday; None = suggested from the days a week

    def __post_init__(self) -> None:
        if isinstance(self.weeks, bool) or not isinstance(self.weeks, int) or not 1 <= self.weeks <= MAX_PHASE_WEEKS:
            raise ValidationError("phase weeks", self.weeks, f"a whole number from 1 to {MAX_PHASE_WEEKS}")
        object.__setattr__(self, "percent", _positive("phase percentage of contract hours", self.percent, 100, "%"))
        if self.days_per_week is not None:
            object.__setattr__(self, "days_per_week", _positive("phase days per week", self.days_per_week, 7, "days"))
        if not isinstance(self.duties, Duties):
            raise ValidationError("phase duties", self.duties, ", ".join(d.value for d in Duties))
        if isinstance(self.restrictions, str):
            raise ValidationError("phase restrictions", self.restrictions, "a list of texts")
        object.__setattr__(self, "restrictions",
                           tuple(text("phase restriction", r, required=True) for r in self.restrictions))
        object.__setattr__(self, "progression_criteria",
                           text("progression criteria", self.progression_criteria, max_length=MAX_LONG_TEXT))
        if not isinstance(self.step_down_intended, bool):
            raise ValidationError("phase step down intended", self.step_down_intended, "true or false")
        if self.weekdays is not None:
            days = tuple(self.weekdays)
            if (not days or len(set(days)) != len(days)
                    or not all(isinstance(d, int) and not isinstance(d, bool) and 0 <= d <= 6 for d in days)):
                raise ValidationError("phase working days", days, "different days of the week, Monday 0 to Sunday 6")
            if self.days_per_week is not None and len(days) != math.ceil(self.days_per_week):
                raise ValidationError("phase working days", days,
                                      f"{math.ceil(self.days_per_week)} days, as many as the phase's days a week")
            object.__setattr__(self, "weekdays", tuple(sorted(days)))


def suggested_weekdays(days_per_week: float) -> tuple[int, ...]:
    """Working days for a number of days a week (a part day counts as a day): 3 -> Mon, Wed, Fri."""
    return DEFAULT_WEEKDAYS[min(7, max(1, math.ceil(days_per_week)))]


def weekday_names(days: tuple[int, ...]) -> str:
    """'Mon to Fri' for a run of three or more days, else 'Mon, Wed, Fri'."""
    ordered = sorted(days)
    if len(ordered) >= 3 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{WEEKDAY_NAMES[ordered[0]]} to {WEEKDAY_NAMES[ordered[-1]]}"
    return ", ".join(WEEKDAY_NAMES[d] for d in ordered)


def clock_hours(hours: float, quarter_hours: bool = False) -> str:
    """Hours as h:mm, to the nearest minute or (a clinic setting) the nearest quarter hour: 4.8 -> '4:48' or
    '4:45'; 3.3333 -> '3:20' or '3:15'."""
    step = 15 if quarter_hours else 1
    minutes = int(_decimal(hours * 60 / step).quantize(Decimal(1), rounding=ROUND_HALF_UP)) * step
    return f"{minutes // 60}:{minutes % 60:02d}"


def default_phases() -> tuple[Phase, ...]:
    """Four one-week phases at 50, 60, 75 and 100% of contract hours; modified duties until the last."""
    return (Phase(1, 50), Phase(1, 60), Phase(1, 75), Phase(1, 100, duties=Duties.USUAL))


@dataclass(frozen=True)
class FitNoteOptions:
    """The four combinable boxes of the UK fit note (Med3) under 'may be fit for work'."""

    phased_return: bool = False
    altered_hours: bool = False
    amended_duties: bool = False
    workplace_adaptations: bool = False

    def __post_init__(self) -> None:
        for name in ("phased_return", "altered_hours", "amended_duties", "workplace_adaptations"):
            if not isinstance(getattr(self, name), bool):
                raise ValidationError(f"fit note {name.replace('_', ' ')}", getattr(self, name), "true or false")

    @property
    def selected(self) -> tuple[str, ...]:
        """The ticked boxes in the form's words and order."""
        labels = (("phased_return", "A phased return to work"), ("altered_hours", "Altered hours"),
                  ("amended_duties", "Amended duties"), ("workplace_adaptations", "Workplace adaptations"))
        return tuple(label for name, label in labels if getattr(self, name))


@dataclass(frozen=True)
class ScheduledPhase:
    """A phase placed in the calendar, with its hours worked out."""

    number: int
    first_day: date
    last_day: date
    percent: float
    weekly_hours: float
    days_per_week: float
    hours_per_day: float
    duties: Duties
    restrictions: tuple[str, ...]
    progression_criteria: str
    weekdays: tuple[int, ...] = ()
    step_down_intended: bool = False

    @property
    def weekday_text(self) -> str:
        """'Mon to Fri', 'Mon, Wed, Fri'."""
        return weekday_names(self.weekdays)


@dataclass(frozen=True)
class PhasedReturn:
    """A phased return plan. `fit_note` holds the clinician's own choice of boxes; None means derive them."""

    contract: Contract
    start: date
    phases: tuple[Phase, ...] = field(default_factory=default_phases)
    max_weeks: int = DEFAULT_MAX_WEEKS
    fit_note: FitNoteOptions | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.contract, Contract):
            raise ValidationError("contract", self.contract, "contract hours and days per week")
        a_date("return-to-work start date", self.start, required=True)
        phases = tuple(self.phases)
        if not phases or not all(isinstance(p, Phase) for p in phases):
            raise ValidationError("phases", self.phases, "at least one phase")
        object.__setattr__(self, "phases", phases)
        mw = self.max_weeks
        if isinstance(mw, bool) or not isinstance(mw, int) or not 1 <= mw <= MAX_PHASE_WEEKS:
            raise ValidationError("longest duration", mw, f"a whole number of weeks from 1 to {MAX_PHASE_WEEKS}")
        if self.fit_note is not None and not isinstance(self.fit_note, FitNoteOptions):
            raise ValidationError("fit note options", self.fit_note, "the four fit-note options or none")
        a_date("return-to-work end date", self.end_date, required=True)

    @property
    def total_weeks(self) -> int:
        """The plan's length in weeks."""
        return sum(p.weeks for p in self.phases)

    @property
    def end_date(self) -> date:
        """The last day of the last phase."""
        return self.start + timedelta(days=7 * self.total_weeks - 1)

    def schedule(self) -> list[ScheduledPhase]:
        """Phases in order, back to back: each starts the day after the previous one ends. Weekly hours are
        contract hours x percentage, rounded half up to two decimals; hours a day are the unrounded weekly hours
        divided by the days, rounded the same way (so 28.125 h over 5 days gives 28.13 and 5.63)."""
        out: list[ScheduledPhase] = []
        first = self.start
        for number, phase in enumerate(self.phases, start=1):
            days = phase.days_per_week if phase.days_per_week is not None else self.contract.days_per_week
            weekly = _decimal(self.contract.hours_per_week) * _decimal(phase.percent) / 100
            last = first + timedelta(days=7 * phase.weeks - 1)
            out.append(ScheduledPhase(number, first, last, phase.percent, _cents(weekly), days,
                                      _cents(weekly / _decimal(days)), phase.duties, phase.restrictions,
                                      phase.progression_criteria, phase.weekdays or suggested_weekdays(days),
                                      phase.step_down_intended))
            first = last + timedelta(days=1)
        return out

    def step_downs(self) -> list[ScheduledPhase]:
        """Phases with fewer weekly hours than the phase before them."""
        schedule = self.schedule()
        return [p for before, p in zip(schedule, schedule[1:], strict=False) if p.weekly_hours < before.weekly_hours]

    def review_dates(self) -> list[date]:
        """The first review by the end of week 2 (start + 13 days, or the plan's end if sooner), then one at the
        end of every phase that ends after it; the last is at the end of the plan."""
        first = min(self.start + timedelta(days=FIRST_REVIEW_DAYS), self.end_date)
        return [first] + [p.last_day for p in self.schedule() if p.last_day > first]

    def warnings(self) -> list[str]:
        """Things the clinician should look at: a plan longer than its maximum, more days than the contract, a
        plan that ends below full hours."""
        out: list[str] = []
        if self.total_weeks > self.max_weeks:
            out.append(f"The plan lasts {self.total_weeks} weeks, longer than the maximum of {self.max_weeks} "
                       "weeks set for it.")
        for phase in self.schedule():
            if phase.days_per_week > self.contract.days_per_week:
                out.append(f"Phase {phase.number}: {format_number(phase.days_per_week, 2)} days a week is more than "
                           f"the contract's {format_number(self.contract.days_per_week, 2)}.")
        if self.phases[-1].percent < 100:
            out.append(f"The last phase is at {format_number(self.phases[-1].percent, 2)}% of contract hours: the "
                       "plan does not reach full hours.")
        return out


def fit_note_from_plan(phased_return: PhasedReturn, has_adjustments: bool) -> FitNoteOptions:
    """The fit-note boxes: the clinician's stored choice when there is one, else derived from the plan. Phased
    return when any phase is below 100%; altered hours when hours a day or days a week differ from the
    contract's; amended duties when any phase is not usual duties or has restrictions; workplace adaptations
    when adjustments were selected."""
    if phased_return.fit_note is not None:
        return phased_return.fit_note
    contract = phased_return.contract
    schedule = phased_return.schedule()
    return FitNoteOptions(
        phased_return=any(p.percent < 100 for p in phased_return.phases),
        altered_hours=any(p.hours_per_day != contract.hours_per_day or p.days_per_week != contract.days_per_week
                          for p in schedule),
        amended_duties=any(p.duties is not Duties.USUAL or p.restrictions for p in phased_return.phases),
        workplace_adaptations=bool(has_adjustments),
    )


def phased_return_to_dict(plan: PhasedReturn) -> dict[str, Any]:
    """The plan as plain data (dates as ISO text)."""
    fit_note = plan.fit_note
    return {
        "contract": {"hours_per_week": plan.contract.hours_per_week, "days_per_week": plan.contract.days_per_week},
        "start": plan.start.isoformat(),
        "max_weeks": plan.max_weeks,
        "phases": [{"weeks": p.weeks, "percent": p.percent, "days_per_week": p.days_per_week,
                    "duties": p.duties.value, "restrictions": list(p.restrictions),
                    "progression_criteria": p.progression_criteria,
                    **({"step_down_intended": True} if p.step_down_intended else {}),
                    **({"weekdays": list(p.weekdays)} if p.weekdays is not None else {})} for p in plan.phases],
        "fit_note": None if fit_note is None else {
            "phased_return": fit_note.phased_return, "altered_hours": fit_note.altered_hours,
            "amended_duties": fit_note.amended_duties, "workplace_adaptations": fit_note.workplace_adaptations},
    }


def _mapping(name: str, value: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValidationError(name, value, "an object")
    return value


def _duties(value: Any) -> Duties:
    try:
        return Duties(value)
    except ValueError:
        raise ValidationError("phase duties", value, ", ".join(d.value for d in Duties)) from None


def phased_return_from_dict(data: object) -> PhasedReturn:
    """A plan from plain data; raises ValidationError naming the field on any bad or missing value."""
    plan = _mapping("phased return", data)
    contract = _mapping("contract", plan.get("contract"))
    start: Any = plan.get("start")
    if isinstance(start, str):
        with suppress(ValueError):  # bad text stays text, and the constructor rejects it, naming the field
            start = date.fromisoformat(start)
    rows = plan.get("phases")
    if not isinstance(rows, list):
        raise ValidationError("phases", rows, "a list of phases")
    phases = []
    for row in rows:
        p = _mapping("phase", row)
        restrictions = p.get("restrictions", [])
        if not isinstance(restrictions, list):
            raise ValidationError("phase restrictions", restrictions, "a list of texts")
        weeks: Any = p.get("weeks")
        percent: Any = p.get("percent")
        weekdays = p.get("weekdays")
        if weekdays is not None and not isinstance(weekdays, list):
            raise ValidationError("phase working days", weekdays, "a list of days of the week, Monday 0")
        phases.append(Phase(weeks, percent, p.get("days_per_week"),
                            _duties(p.get("duties", Duties.MODIFIED.value)), tuple(restrictions),
                            p.get("progression_criteria", ""), p.get("step_down_intended", False),
                            None if weekdays is None else tuple(weekdays)))
    fit = plan.get("fit_note")
    fit_note = None if fit is None else FitNoteOptions(**{k: _mapping("fit note", fit).get(k, False) for k in (
        "phased_return", "altered_hours", "amended_duties", "workplace_adaptations")})
    hours: Any = contract.get("hours_per_week")
    days: Any = contract.get("days_per_week")
    return PhasedReturn(Contract(hours, days),
                        start, tuple(phases), plan.get("max_weeks", DEFAULT_MAX_WEEKS), fit_note)
