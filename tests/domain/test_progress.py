"""Progress series: scores with the MCID band and goal dates, flags by direction, capacity, quota against done."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from factories import followed_up_case

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.case.outcome_records import OutcomeRecord, PracticeEntry
from rtw_planner.domain.demands.profile import Activity, Frequency
from rtw_planner.domain.match.items import PostureMeasure
from rtw_planner.domain.outcomes.progress import capacity_series, instruments_recorded, practice_series, score_series

BASE, FOLLOW = date(2026, 9, 25), date(2026, 11, 20)


@pytest.fixture
def case() -> Case:
    return followed_up_case()


def with_scores(case: Case, instrument: str, *scores: float | None) -> Case:
    records = tuple(OutcomeRecord(instrument, BASE + timedelta(weeks=4 * n), (), s) for n, s in enumerate(scores))
    return replace(case, outcomes=records)


def test_instruments_recorded_in_first_use_order(case: Case) -> None:
    assert instruments_recorded(case) == ["PEG", "PSFS", "TSK-17", "6MWT"]
    unscored = replace(case, outcomes=(OutcomeRecord("TUG", BASE, (), None), *case.outcomes))
    assert "TUG" not in instruments_recorded(unscored)


def test_score_values_and_dates(case: Case) -> None:
    peg = score_series(case, "PEG")
    assert peg.values == pytest.approx((7.0, 17 / 3, 14 / 3))
    assert peg.dates == (BASE, date(2026, 10, 23), FOLLOW)
    assert score_series(case, "PSFS").values == pytest.approx((3.0, 4.0, 16 / 3))
    tsk = score_series(case, "TSK-17")
    assert (tsk.values, tsk.dates) == ((55.0, 42.0), (BASE, FOLLOW))
    walk = score_series(case, "6mwt")
    assert (walk.instrument_id, walk.name, walk.values) == ("6MWT", "Six-minute walk test", (420.0, 515.0))


def test_psfs_band_is_baseline_plus_minus_mid_and_flags_the_latest(case: Case) -> None:
    psfs = score_series(case, "PSFS")
    assert psfs.band == pytest.approx((1.7, 4.3))
    assert psfs.goal_dates == ()
    first, last = psfs.changes
    assert (first.direction, first.passes_mcid, first.passes_mdc, first.meaningful) == ("better", False, False, False)
    assert (last.passes_mcid, last.passes_mdc, last.meaningful) == (True, True, True)
    assert last.difference == pytest.approx(7 / 3)
    assert psfs.latest_flag == "better"


def test_psfs_rise_of_the_mid_but_under_the_mdc_is_no_meaningful_change(case: Case) -> None:
    series = score_series(with_scores(case, "PSFS", 4.0, 5.3), "PSFS")
    change = series.changes[-1]
    assert (change.direction, change.passes_mcid, change.passes_mdc) == ("better", True, False)
    assert change.meaningful is False
    assert series.latest_flag == "no meaningful change"
    assert series.band == pytest.approx((2.7, 5.3))


def test_6mwt_has_the_goal_date_and_passes_its_mdc(case: Case) -> None:
    walk = score_series(case, "6MWT")
    assert walk.goal_dates == (date(2027, 3, 1),)
    assert walk.band is None  # an MDC but no MCID: no band to shade
    change = walk.changes[-1]
    assert (change.difference, change.passes_mcid, change.passes_mdc, change.meaningful) == (95.0, None, True, True)
    assert walk.latest_flag == "better"


def test_peg_without_thresholds_says_so(case: Case) -> None:
    peg = score_series(case, "PEG")
    assert peg.band is None
    assert peg.changes[-1].meaningful is None
    assert peg.latest_flag == "better, moderate change (no MCID or MDC known)"
    assert "no MCID or MDC known" in score_series(case, "TSK-17").latest_flag


@pytest.mark.parametrize(("instrument", "scores", "flag"), [
    ("PEG", (4.0, 7.0), "worse (no MCID or MDC known)"),  # higher is worse, and no improvement category
    ("TSK-17", (42.0, 55.0), "worse (no MCID or MDC known)"),
    ("PSFS", (5.0, 2.0), "worse"),
    ("PSFS", (5.0, 3.5), "no meaningful change"),  # past the MID 1.3, short of the MDC 2
    ("6MWT", (515.0, 420.0), "worse"),
    ("6MWT", (515.0, 450.0), "no meaningful change"),  # 65 m under the MDC 86 m
    ("PEG", (7.0, 7.0), "no change (no MCID or MDC known)"),
])
def test_worsening_is_flagged_only_when_meaningful(case: Case, instrument: str, scores: tuple[float, float],
                                                    flag: str) -> None:
    series = score_series(with_scores(case, instrument, *scores), instrument)
    assert series.latest_flag == flag
    assert series.changes[-1].category is None


def test_series_skip_unscored_records_and_one_score_has_no_flag(case: Case) -> None:
    series = score_series(with_scores(case, "PSFS", 3.0, None, 6.0), "PSFS")
    assert series.values == (3.0, 6.0)
    assert len(series.changes) == 1
    single = score_series(with_scores(case, "PSFS", 3.0), "PSFS")
    assert (single.changes, single.latest_flag) == ((), "")


def test_an_uninstalled_instrument_plots_without_thresholds(case: Case) -> None:
    series = score_series(with_scores(case, "ODI", 40.0, 20.0), "odi")
    assert (series.name, series.values, series.band, series.changes) == ("ODI", (40.0, 20.0), None, ())
    assert series.latest_flag == ""


def test_capacity_series_across_both_evaluations(case: Case) -> None:
    assert capacity_series(case, Activity.LIFT_FLOOR_TO_WAIST, Frequency.OCCASIONAL) == ((BASE, FOLLOW), (8.0, 12.0))
    assert capacity_series(case, Activity.STAND, PostureMeasure.AT_A_TIME) == ((BASE, FOLLOW), (20.0, 30.0))
    assert capacity_series(case, Activity.STAND, PostureMeasure.PER_DAY) == ((BASE, FOLLOW), (180.0, 240.0))
    assert capacity_series(case, Activity.LIFT_FLOOR_TO_WAIST, Frequency.FREQUENT) == ((FOLLOW,), (7.0,))
    assert capacity_series(case, Activity.WALK, PostureMeasure.AT_A_TIME) == ((FOLLOW,), (40.0,))
    assert capacity_series(case, Activity.PULL_SUSTAINED, Frequency.CONSTANT) == ((), ())


def test_practice_series_quota_from_the_plan_against_done(case: Case) -> None:
    walking = practice_series(case, "Walking")
    start = date(2026, 11, 23)  # the first log entry, before the return-to-work start
    weeks = next(q for q in case.plan.quotas if q.name == "Walking").weeks()
    assert walking.goal == 30
    assert walking.days[0] == start
    assert walking.days[-1] == start + timedelta(days=7 * len(weeks) - 1)
    assert walking.quota[:7] == (8.0,) * 7
    assert walking.quota[7] == pytest.approx(8.8)
    assert walking.quota[-1] == 30
    assert walking.done_days == tuple(start + timedelta(days=n) for n in range(4))
    assert walking.done == (8.0, 8.0, 8.0, 4.0)
    assert walking.completed_share == 0.75
    short = practice_series(case, "Walking", until=start + timedelta(days=14))
    assert len(short.days) == 15
    assert short.quota[14] == pytest.approx(9.68)


def test_practice_series_without_a_log_or_a_quota(case: Case) -> None:
    standing = practice_series(case, "Standing")
    assert standing.days[0] == case.rtw_start_date == date(2027, 1, 4)
    assert standing.quota[0] == 20.0  # 80% of the 25-minute baseline
    assert (standing.done_days, standing.done, standing.completed_share) == ((), (), None)
    swim = replace(case, practice_log=(PracticeEntry(FOLLOW, "Swimming", None, 10, False),
                                       PracticeEntry(FOLLOW, "Swimming", None, None, True)))
    series = practice_series(swim, "Swimming")
    assert (series.goal, series.days, series.quota) == (None, (), ())
    assert (series.done, series.completed_share) == ((10.0,), 0.5)
