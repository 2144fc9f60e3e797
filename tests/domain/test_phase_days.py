"""Phases as HR reads them: working days, hours a day as h:mm, and steps down in hours."""

from __future__ import annotations

from datetime import date

import pytest

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.plan.phases import (
    Contract,
    Phase,
    PhasedReturn,
    clock_hours,
    phased_return_from_dict,
    phased_return_to_dict,
    suggested_weekdays,
    weekday_names,
)

START = date(2027, 1, 4)


@pytest.mark.parametrize(("hours", "exact", "quarter"), [
    (4.8, "4:48", "4:45"),  # 24 h over 5 days
    (3.75, "3:45", "3:45"),
    (10 / 3, "3:20", "3:15"),  # 3:20 is nearer 3:15 than 3:30
    (5.63, "5:38", "5:45"),  # 5.63 h = 337.8 min; 338 min; quarters: 337.8 / 15 = 22.52 -> 23 quarters
    (8.0, "8:00", "8:00"),
    (0.1, "0:06", "0:00"),
])
def test_clock_hours(hours: float, exact: str, quarter: str) -> None:
    assert clock_hours(hours) == exact
    assert clock_hours(hours, quarter_hours=True) == quarter


@pytest.mark.parametrize(("days", "names"), [(5, "Mon to Fri"), (3, "Mon, Wed, Fri"), (2, "Tue, Thu"),
                                             (4, "Mon, Tue, Thu, Fri"), (4.5, "Mon to Fri"), (6, "Mon to Sat")])
def test_suggested_days_are_spread_through_the_week(days: float, names: str) -> None:
    assert weekday_names(suggested_weekdays(days)) == names


def test_the_schedule_uses_chosen_days_or_suggests_them() -> None:
    plan = PhasedReturn(Contract(40, 5), START, (Phase(1, 60, 3, weekdays=(1, 2, 3)), Phase(1, 100)))
    first, second = plan.schedule()
    assert (first.weekday_text, second.weekday_text) == ("Tue to Thu", "Mon to Fri")
    assert first.hours_per_day == 8.0  # 24 h over 3 days


def test_chosen_days_must_match_the_days_a_week() -> None:
    with pytest.raises(ValidationError) as caught:
        Phase(1, 60, 3, weekdays=(0, 1))
    assert caught.value.field == "phase working days"
    with pytest.raises(ValidationError):
        Phase(1, 60, weekdays=(0, 0, 1))
    with pytest.raises(ValidationError):
        Phase(1, 60, weekdays=(7,))


def test_steps_down_are_found_and_the_intention_round_trips() -> None:
    plan = PhasedReturn(Contract(37.5, 5), START, (Phase(1, 60), Phase(1, 50, step_down_intended=True),
                                                   Phase(1, 75, weekdays=(0, 1, 2, 3, 4)), Phase(1, 70)))
    assert [p.number for p in plan.step_downs()] == [2, 4]
    assert [p.step_down_intended for p in plan.step_downs()] == [True, False]
    assert phased_return_from_dict(phased_return_to_dict(plan)) == plan
