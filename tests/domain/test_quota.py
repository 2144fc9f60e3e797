"""Graded-activity quotas: the worked pacing and Dutch examples, limits, rounding for display, wording and records."""

from __future__ import annotations

import json
import math
import re
from dataclasses import astuple, replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.plan.quota import (
    DEFAULT_TRIALS,
    DUTCH_GA_START_PERCENT,
    MAX_WEEKS,
    Progression,
    QuotaActivity,
    QuotaUnit,
    flare_up_days,
    flare_up_quota,
    load_plan_wording,
    quota_for_week,
    quota_from_dict,
    quota_to_dict,
    week_number,
    weeks_to_target,
)

WALKING = QuotaActivity("Walking", QuotaUnit.MINUTES, (8, 10, 12), 15)
WORKED = (8.0, 8.8, 9.68, 10.648, 11.7128, 12.88408, 14.172488, 15.0)
DUTCH = QuotaActivity("Lifting", QuotaUnit.REPETITIONS, (10, 12, 14), 14, start_percent=DUTCH_GA_START_PERCENT,
                      target_weeks=12)
START = date(2027, 1, 4)  # a Monday
amounts = st.floats(min_value=0, max_value=10_000, allow_nan=False)


def test_worked_pacing_example_unrounded() -> None:
    weeks = WALKING.weeks()
    assert WALKING.baseline == 10
    assert len(weeks) == 8
    assert weeks == pytest.approx(WORKED, rel=0, abs=1e-9)
    assert weeks[-1] == 15.0  # the goal itself, not the compounded 15.59
    assert [round(w, 2) for w in weeks] == [8.0, 8.8, 9.68, 10.65, 11.71, 12.88, 14.17, 15.0]
    assert round(8 * 1.1**7, 2) == 15.59  # what week 8 would have been: the first at or above the goal


def test_worked_example_defaults_are_80_and_10_percent() -> None:
    assert (WALKING.start_percent, WALKING.weekly_percent, WALKING.target_weeks) == (80.0, 10.0, None)
    assert WALKING.progression is Progression.PERCENT
    assert WALKING.weekly_step is None
    assert DEFAULT_TRIALS == 3


def test_worked_example_display_rounding() -> None:
    shown = [WALKING.unit.display(w) for w in WALKING.weeks()]
    assert shown == ["8 min", "9 min", "9.5 min", "11 min", "12 min", "13 min", "14 min", "15 min"]
    assert WALKING.weeks()[2] != 9.5  # only the display rounds


def test_dutch_start_is_70_percent_shown_as_whole_reps() -> None:
    assert DUTCH_GA_START_PERCENT == 70
    assert DUTCH.baseline == 12
    assert DUTCH.first_quota == pytest.approx(8.4, abs=1e-12)
    assert DUTCH.unit.display(DUTCH.first_quota) == "8 reps"
    assert DUTCH.unit.words(DUTCH.first_quota) == "8 times"


def test_dutch_linear_progression_reaches_the_target_exactly() -> None:
    weeks = DUTCH.weeks()
    assert DUTCH.progression is Progression.LINEAR
    assert DUTCH.weekly_percent is None  # cleared: the plan is linear
    assert DUTCH.weekly_step == pytest.approx((14 - 8.4) / 11, abs=1e-12)
    assert round(DUTCH.weekly_step or 0, 3) == 0.509
    assert len(weeks) == 12
    assert weeks[-1] == 14.0
    assert weeks[0] == pytest.approx(8.4)
    steps = [b - a for a, b in zip(weeks, weeks[1:], strict=False)]
    assert steps == pytest.approx([0.50909090909] * 11, abs=1e-9)


def test_goal_reached_exactly_in_week_104_is_allowed_and_one_more_is_not() -> None:
    reachable = 8 * 1.01**103
    plan = QuotaActivity("Walking", QuotaUnit.MINUTES, (8, 10, 12), reachable, weekly_percent=1)
    assert len(plan.weeks()) == MAX_WEEKS == 104
    too_far = replace(plan, goal=reachable * 1.001)
    with pytest.raises(ValidationError) as info:
        too_far.weeks()
    assert info.value.field == "goal"
    assert "104 weeks" in str(info.value)


def test_unreachable_goal_names_the_goal_and_week_104() -> None:
    plan = QuotaActivity("Walking", QuotaUnit.MINUTES, (8, 10, 12), 100, weekly_percent=1)
    with pytest.raises(ValidationError, match=r"goal: 100\.0 is not allowed; expected a goal reached within 104 "
                                              r"weeks .*week 104 is only 22\.3 min"):
        plan.weeks()


@pytest.mark.parametrize(("field", "changes"), [
    ("start percent", {"start_percent": 0}), ("start percent", {"start_percent": -5}),
    ("start percent", {"start_percent": 100.5}), ("start percent", {"start_percent": math.nan}),
    ("weekly percent", {"weekly_percent": 0}), ("weekly percent", {"weekly_percent": -10}),
    ("weekly percent", {"weekly_percent": None}), ("weekly percent", {"weekly_percent": 101}),
    ("trials", {"trials": ()}), ("trials", {"trials": (8, -1)}), ("trials", {"trials": (8, "ten")}),
    ("trials", {"trials": (0, 0, 0)}), ("trials", {"trials": 10}),
    ("goal", {"goal": 0}), ("goal", {"goal": -3}), ("goal", {"goal": math.inf}), ("goal", {"goal": True}),
    ("unit", {"unit": "min"}), ("activity name", {"name": "  "}),
    ("target weeks", {"target_weeks": 0}), ("target weeks", {"target_weeks": 105}),
    ("target weeks", {"target_weeks": True}), ("target weeks", {"target_weeks": 2.0}),
    ("goal id", {"goal_ids": ("",)}),
])
def test_invalid_activities_are_rejected_naming_the_field(field: str, changes: dict[str, object]) -> None:
    values = {"name": "Walking", "unit": QuotaUnit.MINUTES, "trials": (8, 10, 12), "goal": 15, **changes}
    with pytest.raises(ValidationError) as info:
        QuotaActivity(**values)  # type: ignore[arg-type]
    assert info.value.field == field
    assert str(info.value).startswith(f"{field}: ")
    assert "expected" in str(info.value)


def test_zero_baseline_is_fine_for_a_linear_plan() -> None:
    plan = QuotaActivity("Standing", QuotaUnit.MINUTES, (0, 0, 0), 10, target_weeks=6)
    assert plan.weeks() == pytest.approx((0, 2, 4, 6, 8, 10))


@pytest.mark.parametrize("goal", [8.0, 7.0, 0.5])
def test_goal_at_or_below_the_first_quota_is_the_whole_plan(goal: float) -> None:
    assert replace(WALKING, goal=goal).weeks() == (goal,)
    assert replace(DUTCH, goal=goal).weeks() == (goal,)
    assert replace(DUTCH, goal=goal).weekly_step is None


def test_one_target_week_is_just_the_goal() -> None:
    assert replace(DUTCH, target_weeks=1).weeks() == (14.0,)


def test_a_goal_reached_up_to_float_error_is_not_pushed_a_week_later() -> None:
    plan = QuotaActivity("Walking", QuotaUnit.MINUTES, (3,), 3.45, start_percent=100, weekly_percent=15)
    assert 3 * 1.15 < 3.45  # floating point lands just below the goal
    assert plan.weeks() == (3.0, 3.45)


def test_quota_for_week_follows_the_calendar() -> None:
    assert quota_for_week(WALKING, START, START) == 8.0
    assert quota_for_week(WALKING, START, START + timedelta(days=6)) == 8.0
    assert quota_for_week(WALKING, START, START + timedelta(days=7)) == pytest.approx(8.8)
    assert quota_for_week(WALKING, START, START + timedelta(days=20)) == pytest.approx(9.68)
    assert quota_for_week(WALKING, START, START + timedelta(weeks=7)) == 15.0
    assert quota_for_week(WALKING, START, START + timedelta(weeks=60)) == 15.0  # the plan ended: keep the goal
    assert quota_for_week(WALKING, START, START - timedelta(days=3)) == 8.0  # not started yet: week 1


def test_week_number_and_weeks_to_a_target_date() -> None:
    assert week_number(START, START + timedelta(days=13)) == 2
    assert weeks_to_target(START, date(2027, 3, 22)) == 12
    with pytest.raises(ValidationError, match="target date"):
        weeks_to_target(START, START - timedelta(days=1))
    with pytest.raises(ValidationError, match="target date"):
        weeks_to_target(START, START + timedelta(weeks=104))


def test_flare_up_halves_the_quota_then_builds_back_to_it() -> None:
    assert flare_up_quota(WALKING, 12.0) == 6.0
    assert flare_up_quota(WALKING, 12.0, percent=75) == 9.0
    days = flare_up_days(WALKING, 12.0)
    assert days == pytest.approx((6, 6, 8, 10, 12))
    assert days[-1] == 12.0  # back to the pre-flare quota
    with pytest.raises(ValidationError, match="Walking quota"):
        flare_up_quota(WALKING, -1)


@pytest.mark.parametrize(("unit", "value", "shown"), [
    (QuotaUnit.MINUTES, 8.8, "9 min"), (QuotaUnit.MINUTES, 9.68, "9.5 min"), (QuotaUnit.MINUTES, 10.648, "11 min"),
    (QuotaUnit.MINUTES, 9.25, "9.5 min"), (QuotaUnit.MINUTES, 12.5, "13 min"), (QuotaUnit.MINUTES, 0.1, "0.5 min"),
    (QuotaUnit.METRES, 84.5, "85 m"), (QuotaUnit.METRES, 254.9, "250 m"), (QuotaUnit.METRES, 255, "260 m"),
    (QuotaUnit.REPETITIONS, 8.4, "8 reps"), (QuotaUnit.REPETITIONS, 8.5, "9 reps"),
    (QuotaUnit.REPETITIONS, 1.2, "1 rep"), (QuotaUnit.KG, 7.3, "7.5 kg"), (QuotaUnit.KG, 7.2, "7 kg"),
    (QuotaUnit.MINUTES, 0, "0 min"),
])
def test_display_rounds_half_up_to_the_unit_step(unit: QuotaUnit, value: float, shown: str) -> None:
    assert unit.display(value) == shown


def test_words_for_handouts() -> None:
    assert QuotaUnit.MINUTES.words(8.8) == "9 minutes"
    assert QuotaUnit.MINUTES.words(1) == "1 minute"
    assert QuotaUnit.METRES.words(404) == "400 metres"
    assert QuotaUnit.REPETITIONS.words(8.4) == "8 times"


@pytest.mark.parametrize(("unit", "value", "words"), [
    (QuotaUnit.MINUTES, 9.5, "10 minutes"),  # half up, where the clinician's table shows '9.5 min'
    (QuotaUnit.MINUTES, 9.68, "10 minutes"), (QuotaUnit.MINUTES, 9.49, "9 minutes"),
    (QuotaUnit.MINUTES, 0.3, "1 minute"),  # a positive quota never reads as 0
    (QuotaUnit.MINUTES, 0, "0 minutes"), (QuotaUnit.REPETITIONS, 7.5, "8 times"),
    (QuotaUnit.REPETITIONS, 0.2, "1 time"), (QuotaUnit.KG, 7.3, "7.5 kg"),
])
def test_a_patient_reads_whole_minutes_and_whole_times(unit: QuotaUnit, value: float, words: str) -> None:
    assert unit.words(value) == words
    assert unit.number(value) == words.split()[0]


def test_patient_rounding_leaves_stored_and_clinician_values_alone() -> None:
    assert WALKING.weeks()[2] == pytest.approx(9.68)  # unrounded
    assert QuotaUnit.MINUTES.display(9.68) == "9.5 min"
    assert quota_to_dict(WALKING)["trials"] == [8, 10, 12]


@given(st.sampled_from([QuotaUnit.MINUTES, QuotaUnit.REPETITIONS]), amounts, amounts)
def test_patient_rounding_is_whole_never_falls_and_stays_within_half(unit: QuotaUnit, a: float, b: float) -> None:
    low, high = sorted((a, b))
    assert unit.for_patient(low) <= unit.for_patient(high)
    assert unit.for_patient(a) == int(unit.for_patient(a))
    assert abs(unit.for_patient(a) - a) <= 0.5 + 1e-9 or 0 < a < 0.5
    assert (unit.for_patient(a) >= 1) == (a > 0)
    assert "." not in unit.words(a)


@given(st.sampled_from(list(QuotaUnit)), amounts, amounts)
def test_display_rounding_never_falls_and_stays_within_half_a_step(unit: QuotaUnit, a: float, b: float) -> None:
    low, high = sorted((a, b))
    assert unit.rounded(low) <= unit.rounded(high)
    assert abs(unit.rounded(a) - a) <= unit.step(a) / 2 + 1e-9 or 0 < a < unit.step(a)


percent_plans = st.builds(
    lambda trials, goal, start, weekly: QuotaActivity("Walking", QuotaUnit.MINUTES, tuple(trials), goal, start, weekly),
    st.lists(st.floats(min_value=0.1, max_value=500), min_size=1, max_size=5),
    st.floats(min_value=0.1, max_value=5000), st.floats(min_value=1, max_value=100),
    st.floats(min_value=0.5, max_value=100))


@given(percent_plans)
def test_percentage_plans_never_fall_and_end_on_the_goal(plan: QuotaActivity) -> None:
    try:
        weeks = plan.weeks()
    except ValidationError:
        assert plan.weekly_percent is not None
        assert plan.first_quota * (1 + plan.weekly_percent / 100) ** (MAX_WEEKS - 1) < plan.goal
        return
    assert all(a <= b for a, b in zip(weeks, weeks[1:], strict=False))
    assert weeks[-1] == plan.goal
    assert all(w < plan.goal for w in weeks[:-1])
    assert 1 <= len(weeks) <= MAX_WEEKS
    factor = 1 + (plan.weekly_percent or 0) / 100
    assert weeks[:-1] == pytest.approx([plan.first_quota * factor**k for k in range(len(weeks) - 1)])
    assert plan.first_quota * factor ** (len(weeks) - 1) >= plan.goal * (1 - 1e-9)  # the goal week is the first


@given(st.floats(min_value=0, max_value=500), st.floats(min_value=0.1, max_value=5000),
       st.integers(min_value=1, max_value=MAX_WEEKS))
def test_linear_plans_never_fall_and_end_on_the_goal_in_the_target_week(baseline: float, goal: float,
                                                                         target: int) -> None:
    plan = QuotaActivity("Sitting", QuotaUnit.MINUTES, (baseline,), goal, target_weeks=target)
    weeks = plan.weeks()
    assert all(a <= b for a, b in zip(weeks, weeks[1:], strict=False))
    assert weeks[-1] == goal
    assert all(w < goal for w in weeks[:-1])
    assert len(weeks) == (1 if plan.first_quota >= goal * (1 - 1e-9) else target)


def test_bundled_wording_covers_pacing_red_flags_flare_ups_and_setbacks() -> None:
    words = load_plan_wording()
    pacing = " ".join(words.pacing).lower()
    assert "good days and on bad days" in pacing
    assert "stop and get help" in words.red_flags_heading.lower()
    assert words.red_flags_action.startswith("Stop and get help")
    flags = " ".join(words.red_flags).lower()
    for sign in ("bladder", "bowels", "genitals or back passage", "weakness or numbness in your legs", "fever",
                 "fall", "night"):
        assert sign in flags
    assert "half" in " ".join(words.flare_up)
    assert "contact the clinic" in words.flare_up_contact.lower()
    assert "weeks rather than days" in " ".join(words.setback)
    assert words.flare_up != words.setback


def _syllables(word: str) -> int:
    count = len(re.findall(r"[aeiouy]+", word.lower()))
    return max(1, count - (word.lower().endswith("e") and not word.lower().endswith("le") and count > 1))


def test_wording_reads_at_grade_8_or_below() -> None:
    lines: list[str] = []
    for value in astuple(load_plan_wording()):
        lines += list(value) if isinstance(value, tuple) else [value]
    text = " ".join(line if line[-1] in ".:!?" else line + "." for line in lines)
    words = re.findall(r"[A-Za-z']+", text)
    sentences = re.findall(r"[.:!?]+", text)
    grade = 0.39 * len(words) / len(sentences) + 11.8 * sum(map(_syllables, words)) / len(words) - 15.59
    assert grade <= 8, grade


def test_a_clinic_copy_of_the_wording_wins(data_dir: Path) -> None:
    bundled = json.loads((Path(__file__).parents[2] / "resources/wording/graded-activity.json").read_text("utf-8"))
    (data_dir / "wording").mkdir()
    (data_dir / "wording/graded-activity.json").write_text(json.dumps({**bundled, "title": "Ihr Plan"}), "utf-8")
    assert load_plan_wording().title == "Ihr Plan"
    (data_dir / "wording/graded-activity.json").write_text(json.dumps({**bundled, "red_flags": []}), "utf-8")
    with pytest.raises(ValidationError, match="red_flags"):
        load_plan_wording()
    (data_dir / "wording/graded-activity.json").write_text(json.dumps({**bundled, "tittle": "x"}), "utf-8")
    with pytest.raises(ValidationError, match="tittle"):
        load_plan_wording()


@pytest.mark.parametrize("plan", [WALKING, DUTCH, replace(WALKING, goal_ids=("g1", "g2"), unit=QuotaUnit.METRES)])
def test_records_round_trip_through_json(plan: QuotaActivity) -> None:
    data = json.loads(json.dumps(quota_to_dict(plan)))
    assert quota_from_dict(data) == plan
    assert data["trials"] == list(plan.trials)


def test_records_keep_unrounded_values_and_default_the_weekly_percent() -> None:
    data = quota_to_dict(replace(WALKING, trials=(8.37, 10.01, 12.26)))
    assert data["trials"] == [8.37, 10.01, 12.26]
    del data["weekly_percent"], data["start_percent"]
    restored = quota_from_dict(data)
    assert (restored.weekly_percent, restored.start_percent) == (10.0, 80.0)


@pytest.mark.parametrize(("data", "field"), [
    ({**quota_to_dict(WALKING), "colour": "red"}, "quota activity key"),
    ({**quota_to_dict(WALKING), "unit": "miles"}, "unit"),
    ({**quota_to_dict(WALKING), "unit": ["min"]}, "unit"),
    ({**quota_to_dict(WALKING), "trials": "8,10"}, "trials"),
    ({k: v for k, v in quota_to_dict(WALKING).items() if k != "goal"}, "goal"),
    ([1, 2], "quota activity"),
])
def test_bad_records_are_rejected(data: object, field: str) -> None:
    with pytest.raises(ValidationError) as info:
        quota_from_dict(data)  # type: ignore[arg-type]
    assert info.value.field == field
