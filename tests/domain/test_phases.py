"""Phased return: weekly hours half up, a contiguous schedule, reviews by week 2, warnings, fit-note options and
their periods, working days and hours a day as h:mm, and when a restriction ends."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.plan.phase_periods import (
    at_contract_hours,
    clock,
    day_minutes,
    fit_note_periods,
    restriction_ends,
    working_time,
)
from rtw_planner.domain.plan.phases import (
    Contract,
    Duties,
    FitNoteOptions,
    Phase,
    PhasedReturn,
    clock_hours,
    default_phases,
    fit_note_from_plan,
    phased_return_from_dict,
    phased_return_to_dict,
    suggested_weekdays,
    weekday_names,
)

START = date(2027, 1, 4)
CONTRACT = Contract(37.5, 5)


def plan(*phases: Phase, contract: Contract = CONTRACT, max_weeks: int = 6,
         fit_note: FitNoteOptions | None = None) -> PhasedReturn:
    return PhasedReturn(contract, START, phases or default_phases(), max_weeks, fit_note)


def test_reference_case_37_5_hours_at_50_60_75_100() -> None:
    schedule = plan().schedule()
    assert [p.weekly_hours for p in schedule] == [18.75, 22.5, 28.13, 37.5]
    assert [p.hours_per_day for p in schedule] == [3.75, 4.5, 5.63, 7.5]
    assert [p.days_per_week for p in schedule] == [5, 5, 5, 5]
    assert [p.percent for p in schedule] == [50, 60, 75, 100]


def test_rounding_is_half_up_not_to_even() -> None:
    assert round(28.125, 2) == 28.12  # what Python's round gives; the plan must not
    [phase] = plan(Phase(1, 75)).schedule()
    assert (phase.weekly_hours, phase.hours_per_day) == (28.13, 5.63)
    [odd] = PhasedReturn(Contract(10.54, 1), START, (Phase(1, 75),)).schedule()
    assert 10.54 * 75 / 100 < 7.905  # floating point falls just short of the half ...
    assert odd.weekly_hours == 7.91  # ... but 7.905 exactly is rounded half up


def test_default_phases_are_four_weeks_modified_then_usual() -> None:
    phases = default_phases()
    assert [(p.weeks, p.percent, p.days_per_week) for p in phases] == [(1, 50, None), (1, 60, None), (1, 75, None),
                                                                        (1, 100, None)]
    assert [p.duties for p in phases] == [Duties.MODIFIED, Duties.MODIFIED, Duties.MODIFIED, Duties.USUAL]


def test_default_schedule_dates_are_back_to_back() -> None:
    reference = plan()
    schedule = reference.schedule()
    assert [(p.number, p.first_day, p.last_day) for p in schedule] == [
        (1, date(2027, 1, 4), date(2027, 1, 10)), (2, date(2027, 1, 11), date(2027, 1, 17)),
        (3, date(2027, 1, 18), date(2027, 1, 24)), (4, date(2027, 1, 25), date(2027, 1, 31))]
    assert (reference.total_weeks, reference.end_date) == (4, date(2027, 1, 31))


def test_custom_number_length_percentages_and_days() -> None:
    custom = PhasedReturn(Contract(40, 5), START, (
        Phase(2, 40, days_per_week=3, progression_criteria="Works 5.33 h a day, 3 days a week, for two weeks"),
        Phase(2, 70, days_per_week=4, duties=Duties.ALTERNATIVE, restrictions=("Sit no longer than 30 minutes",)),
        Phase(3, 100, duties=Duties.USUAL)))
    schedule = custom.schedule()
    assert [(p.weekly_hours, p.days_per_week, p.hours_per_day) for p in schedule] == [(16, 3, 5.33), (28, 4, 7),
                                                                                      (40, 5, 8)]
    assert [(p.first_day, p.last_day) for p in schedule] == [
        (date(2027, 1, 4), date(2027, 1, 17)), (date(2027, 1, 18), date(2027, 1, 31)),
        (date(2027, 2, 1), date(2027, 2, 21))]
    assert schedule[1].duties is Duties.ALTERNATIVE
    assert schedule[1].restrictions == ("Sit no longer than 30 minutes",)
    assert schedule[0].progression_criteria.startswith("Works 5.33 h")
    assert custom.total_weeks == 7


def test_first_review_by_the_end_of_week_two_then_at_each_phase_end() -> None:
    assert plan().review_dates() == [date(2027, 1, 17), date(2027, 1, 24), date(2027, 1, 31)]
    long_first = plan(Phase(4, 50), Phase(2, 100, duties=Duties.USUAL))
    assert long_first.review_dates() == [START + timedelta(days=13), date(2027, 1, 31), date(2027, 2, 14)]
    short = plan(Phase(1, 100, duties=Duties.USUAL))
    assert short.review_dates() == [date(2027, 1, 10)]  # a one-week plan is reviewed at its end


def test_no_warnings_for_the_reference_plan() -> None:
    assert plan().warnings() == []


def test_warning_past_the_longest_duration() -> None:
    assert plan(max_weeks=4).warnings() == []
    [warning] = plan(max_weeks=3).warnings()
    assert warning == "The plan lasts 4 weeks, longer than the maximum of 3 weeks set for it."
    eight = plan(Phase(4, 50), Phase(4, 100, duties=Duties.USUAL))
    assert any("8 weeks" in w and "maximum of 6" in w for w in eight.warnings())


def test_warning_for_more_days_than_the_contract_and_for_ending_below_full_hours() -> None:
    warnings = plan(Phase(1, 50, days_per_week=6), Phase(1, 80)).warnings()
    assert warnings == ["Phase 1: 6 days a week is more than the contract's 5.",
                        "The last phase is at 80% of contract hours: the plan does not reach full hours."]


@pytest.mark.parametrize(("hours", "days", "field"), [
    (0, 5, "contract hours per week"), (80.01, 5, "contract hours per week"), (37.555, 5, "contract hours per week"),
    ("37.5", 5, "contract hours per week"), (37.5, 0, "contract days per week"), (37.5, 7.5, "contract days per week"),
])
def test_contract_is_validated(hours: object, days: object, field: str) -> None:
    with pytest.raises(ValidationError) as raised:
        Contract(hours, days)  # type: ignore[arg-type]
    assert raised.value.field == field


def test_contract_limits_are_accepted() -> None:
    assert (Contract(80, 7).hours_per_week, Contract(0.01, 0.5).days_per_week) == (80, 0.5)


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"weeks": 0, "percent": 50}, "phase weeks"), ({"weeks": True, "percent": 50}, "phase weeks"),
    ({"weeks": 1.5, "percent": 50}, "phase weeks"), ({"weeks": 1, "percent": 0}, "phase percentage of contract hours"),
    ({"weeks": 1, "percent": 100.5}, "phase percentage of contract hours"),
    ({"weeks": 1, "percent": 50, "days_per_week": 7.5}, "phase days per week"),
    ({"weeks": 1, "percent": 50, "duties": "usual"}, "phase duties"),
    ({"weeks": 1, "percent": 50, "restrictions": "No lifting"}, "phase restrictions"),
    ({"weeks": 1, "percent": 50, "restrictions": ("",)}, "phase restriction"),
])
def test_phase_is_validated(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as raised:
        Phase(**kwargs)  # type: ignore[arg-type]
    assert raised.value.field == field


def test_plan_is_validated() -> None:
    with pytest.raises(ValidationError, match="phases"):
        PhasedReturn(CONTRACT, START, ())
    with pytest.raises(ValidationError, match="longest duration"):
        PhasedReturn(CONTRACT, START, max_weeks=0)
    with pytest.raises(ValidationError, match="return-to-work start date"):
        PhasedReturn(CONTRACT, "2027-01-04")  # type: ignore[arg-type]


def test_fit_note_defaults_follow_the_plan() -> None:
    options = fit_note_from_plan(plan(), has_adjustments=False)
    assert options == FitNoteOptions(phased_return=True, altered_hours=True, amended_duties=True,
                                     workplace_adaptations=False)
    assert fit_note_from_plan(plan(), has_adjustments=True).workplace_adaptations
    assert options.selected == ("A phased return to work", "Altered hours", "Amended duties")


def test_fit_note_full_hours_usual_duties_ticks_nothing() -> None:
    assert fit_note_from_plan(plan(Phase(2, 100, duties=Duties.USUAL)), False) == FitNoteOptions()


def test_fit_note_fewer_longer_days_are_altered_hours_not_a_phased_return() -> None:
    options = fit_note_from_plan(plan(Phase(2, 100, days_per_week=4, duties=Duties.USUAL)), False)
    assert (options.phased_return, options.altered_hours, options.amended_duties) == (False, True, False)


def test_fit_note_restrictions_on_usual_duties_are_amended_duties() -> None:
    restricted = plan(Phase(2, 100, duties=Duties.USUAL, restrictions=("Stand no longer than 30 minutes at a time",)))
    assert fit_note_from_plan(restricted, False) == FitNoteOptions(amended_duties=True)


def test_fit_note_clinician_choice_wins() -> None:
    chosen = FitNoteOptions(phased_return=True, altered_hours=False, amended_duties=False, workplace_adaptations=True)
    assert fit_note_from_plan(plan(fit_note=chosen), has_adjustments=False) == chosen
    with pytest.raises(ValidationError, match="fit note altered hours"):
        FitNoteOptions(altered_hours="yes")  # type: ignore[arg-type]


def test_plain_dict_round_trip() -> None:
    original = PhasedReturn(Contract(37.5, 4.5), START, (
        Phase(2, 50, 3, Duties.ALTERNATIVE, ("Sit no longer than 30 minutes at a time",), "Manages 3 days"),
        Phase(1, 100, None, Duties.USUAL)), 8, FitNoteOptions(phased_return=True))
    data = phased_return_to_dict(original)
    assert data["start"] == "2027-01-04"
    assert data["phases"][0]["duties"] == "alternative"
    assert phased_return_from_dict(data) == original
    assert phased_return_from_dict(phased_return_to_dict(plan())) == plan()


@pytest.mark.parametrize(("change", "field"), [
    (lambda d: d.update(start="4 Jan 2027"), "return-to-work start date"),
    (lambda d: d["phases"][0].update(duties="light"), "phase duties"),
    (lambda d: d["phases"][0].update(percent=120), "phase percentage of contract hours"),
    (lambda d: d.pop("contract"), "contract"),
    (lambda d: d.update(phases="all"), "phases"),
])
def test_bad_plain_dicts_name_the_field(change: object, field: str) -> None:
    data = phased_return_to_dict(plan())
    change(data)  # type: ignore[operator]
    with pytest.raises(ValidationError) as raised:
        phased_return_from_dict(data)
    assert raised.value.field == field


hours_st = st.integers(1, 8000).map(lambda cents: cents / 100)  # contract hours have at most two decimals
days_st = st.integers(1, 14).map(lambda halves: halves / 2)
percent_st = st.floats(0, 100, exclude_min=True, allow_nan=False)
phase_st = st.builds(Phase, st.integers(1, 8), percent_st, st.none() | days_st)


@given(hours_st, days_st, st.lists(phase_st, min_size=1, max_size=8))
def test_weekly_hours_never_exceed_the_contract(hours: float, days: float, phases: list[Phase]) -> None:
    contract = Contract(hours, days)
    for phase in PhasedReturn(contract, START, tuple(phases), 52).schedule():
        assert 0 <= phase.weekly_hours <= contract.hours_per_week


@given(st.dates(date(2000, 1, 1), date(2100, 12, 31)), st.lists(phase_st, min_size=1, max_size=8))
def test_phases_never_overlap_and_are_contiguous(start: date, phases: list[Phase]) -> None:
    reference = PhasedReturn(CONTRACT, start, tuple(phases), 52)
    schedule = reference.schedule()
    assert schedule[0].first_day == start
    assert schedule[-1].last_day == reference.end_date
    for phase, source in zip(schedule, phases, strict=True):
        assert (phase.last_day - phase.first_day).days + 1 == 7 * source.weeks
    for earlier, later in zip(schedule, schedule[1:], strict=False):
        assert later.first_day == earlier.last_day + timedelta(days=1)
    reviews = reference.review_dates()
    assert reviews[0] <= start + timedelta(days=13)
    assert reviews == sorted(set(reviews))
    assert reviews[-1] == reference.end_date


@given(hours_st, days_st, st.lists(percent_st, min_size=1, max_size=8))
def test_hours_rise_or_stay_when_percentages_do(hours: float, days: float, percents: list[float]) -> None:
    phases = tuple(Phase(1, p) for p in sorted(percents))
    schedule = PhasedReturn(Contract(hours, days), START, phases, 52).schedule()
    weekly = [p.weekly_hours for p in schedule]
    daily = [p.hours_per_day for p in schedule]
    assert weekly == sorted(weekly)
    assert daily == sorted(daily)


# --- Working days and hours a day, as a rota prints them -------------------------------------------------------

FORTY = Contract(40, 5)


def test_the_issues_example_24_hours_over_5_days() -> None:
    """40 h over 5 days at 60% = 24 h a week = 4.8 h a day = 4 h 48 min; by quarter hours 4:45, and then the week
    is 5 x 4:45 = 23:45 so the two figures agree."""
    second = plan(Phase(1, 50), Phase(1, 60), contract=FORTY).schedule()[1]
    assert working_time(plan(Phase(1, 50), Phase(1, 60), contract=FORTY), second).per_day == "4:48"
    minutes = working_time(plan(Phase(1, 50), Phase(1, 60), contract=FORTY), second)
    assert (minutes.day_minutes, minutes.week_minutes, minutes.per_week) == (288, 1440, "24:00")
    quarter = working_time(plan(Phase(1, 50), Phase(1, 60), contract=FORTY), second, quarter_hours=True)
    assert (quarter.per_day, quarter.per_week) == ("4:45", "23:45")


def test_a_half_quarter_rounds_up_and_the_week_follows_the_day() -> None:
    """37.5 h at 75% = 28.125 h over 5 days = 5.625 h = 337.5 min: 5:38 to the minute (week 5 x 338 = 1690 min =
    28:10), and 5:45 by quarter hours (337.5 is half way between 330 and 345; week 28:45)."""
    reference = plan(Phase(1, 75))
    phase = reference.schedule()[0]
    assert (working_time(reference, phase).per_day, working_time(reference, phase).per_week) == ("5:38", "28:10")
    assert (working_time(reference, phase, True).per_day, working_time(reference, phase, True).per_week) == \
        ("5:45", "28:45")


def test_fewer_days_than_the_contract() -> None:
    """37.5 h at 40% = 15 h over 3 days = 5 h a day."""
    three_days = plan(Phase(2, 40, days_per_week=3))
    assert working_time(three_days, three_days.schedule()[0]).per_day == "5:00"
    assert working_time(three_days, three_days.schedule()[0]).per_week == "15:00"


def test_clock_and_day_minutes() -> None:
    assert [clock(m) for m in (0, 5, 288, 1440)] == ["0:00", "0:05", "4:48", "24:00"]
    assert [day_minutes(h) for h in (4.8, 3.3333, 7.5)] == [288, 200, 450]
    assert [day_minutes(h, True) for h in (4.8, 3.3333, 7.5, 7.625)] == [285, 195, 450, 465]
    assert (clock_hours(4.8), clock_hours(4.8, quarter_hours=True)) == ("4:48", "4:45")


def test_suggested_working_days() -> None:
    assert weekday_names(suggested_weekdays(3)) == "Mon, Wed, Fri"
    assert weekday_names(suggested_weekdays(5)) == "Mon to Fri"
    assert weekday_names(suggested_weekdays(4)) == "Mon, Tue, Thu, Fri"
    assert weekday_names(suggested_weekdays(2.5)) == "Mon, Wed, Fri"  # a part day is a day
    assert weekday_names((5, 6)) == "Sat, Sun"


def test_explicit_working_days_are_kept() -> None:
    chosen = plan(Phase(1, 50, days_per_week=3, weekdays=(4, 0, 1)))
    assert chosen.schedule()[0].weekday_text == "Mon, Tue, Fri"
    assert plan(Phase(1, 50, days_per_week=3)).schedule()[0].weekday_text == "Mon, Wed, Fri"


@given(st.floats(1, 80).map(lambda h: round(h, 2)), st.sampled_from([1, 2, 2.5, 3, 4, 5, 6]),
       st.floats(1, 100).map(lambda p: round(p, 1)), st.booleans())
def test_the_printed_week_is_the_printed_day_times_the_days(hours: float, days: float, percent: float,
                                                            quarters: bool) -> None:
    chosen = plan(Phase(1, percent, days_per_week=days), contract=Contract(hours, days))
    phase = chosen.schedule()[0]
    time = working_time(chosen, phase, quarters)
    exact_minutes = hours * percent / 100 / days * 60
    assert abs(time.day_minutes - exact_minutes) <= (7.5 if quarters else 0.5) + 1e-6
    assert not quarters or time.day_minutes % 15 == 0
    assert abs(time.week_minutes - time.day_minutes * days) <= 0.5


# --- Fit-note periods: each box covers the phases that call for it ----------------------------------------------


def periods_of(phased: PhasedReturn, adjustments: bool = True) -> dict[str, list[tuple[date, date]]]:
    return {a.option: list(a.periods) for a in fit_note_periods(phased, adjustments)}


def day(n: int) -> date:
    """The n-th day of the plan, counting the start as day 1."""
    return START + timedelta(days=n - 1)


def test_periods_of_the_default_four_weeks() -> None:
    """50/60/75/100% a week each, modified duties until the last: part time, altered hours and amended duties all
    end with week 3 on 24 January (week 4 is full hours on usual duties); adaptations cover all four weeks."""
    found = periods_of(plan(contract=FORTY))
    assert found == {"A phased return to work": [(day(1), day(21))], "Altered hours": [(day(1), day(21))],
                     "Amended duties": [(day(1), day(21))], "Workplace adaptations": [(day(1), day(28))]}
    restricted = plan(*(Phase(1, p, restrictions=("No ladders",)) for p in (50, 60, 75, 100)), contract=FORTY)
    assert periods_of(restricted)["Amended duties"] == [(day(1), day(28))]  # restrictions in week 4 too


def test_altered_hours_ends_when_hours_are_back_to_the_contracts() -> None:
    """Full hours in week 2, a planned step down in week 3, full again in week 4: two runs of altered hours."""
    phased = plan(Phase(1, 50), Phase(1, 100), Phase(1, 50, step_down_intended=True), Phase(1, 100),
                  contract=FORTY)
    assert periods_of(phased)["Altered hours"] == [(day(1), day(7)), (day(15), day(21))]
    assert periods_of(phased)["A phased return to work"] == [(day(1), day(7)), (day(15), day(21))]


def test_fewer_longer_days_are_altered_hours_for_those_weeks_only() -> None:
    """100% over 4 days (10 h days) for two weeks, then the contract's 5 x 8 h."""
    phased = plan(Phase(2, 100, days_per_week=4, duties=Duties.USUAL), Phase(1, 100, duties=Duties.USUAL),
                  contract=FORTY)
    assert periods_of(phased, adjustments=False) == {"Altered hours": [(day(1), day(14))]}
    assert at_contract_hours(phased, phased.schedule()[1])
    assert not at_contract_hours(phased, phased.schedule()[0])


def test_a_box_the_clinician_ticked_that_no_phase_calls_for_covers_the_whole_plan() -> None:
    chosen = FitNoteOptions(altered_hours=True)
    phased = plan(Phase(2, 100, duties=Duties.USUAL), contract=FORTY, fit_note=chosen)
    assert periods_of(phased) == {"Altered hours": [(day(1), day(14))]}


# --- When a restriction ends -----------------------------------------------------------------------------------


def test_a_restriction_ends_with_the_last_phase_that_carries_it() -> None:
    schedule = plan(Phase(1, 50, restrictions=("A", "B")), Phase(2, 75, restrictions=("A",)),
                    Phase(1, 100, duties=Duties.USUAL)).schedule()
    assert restriction_ends(schedule, lambda p: "A" in p.restrictions) == day(21)  # end of the 2-week phase 2
    assert restriction_ends(schedule, lambda p: "B" in p.restrictions) == day(7)


def test_a_restriction_every_phase_carries_or_none_does_lasts_until_the_review() -> None:
    schedule = plan(Phase(1, 50, restrictions=("A",)), Phase(1, 100, restrictions=("A",))).schedule()
    assert restriction_ends(schedule, lambda p: "A" in p.restrictions) is None
    assert restriction_ends(schedule, lambda p: "Z" in p.restrictions) is None
