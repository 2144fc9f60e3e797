"""SMART goals: wording, milestone and date checks, this week's small step, appointments and records."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.plan.goals import (
    Appointment,
    Goal,
    GoalStatus,
    Milestone,
    appointment_from_dict,
    appointment_to_dict,
    goal_from_dict,
    goal_quota_warnings,
    goal_to_dict,
    this_weeks_small_step,
)
from rtw_planner.domain.plan.quota import QuotaActivity, QuotaUnit

START = date(2027, 1, 4)  # a Monday
WALKING = QuotaActivity("Walking", QuotaUnit.MINUTES, (8, 10, 12), 15)
WALK = Goal("g-walk", "walk", "15 minutes daily", date(2027, 3, 1), GoalStatus.IN_PROGRESS,
            (Milestone("Walk to the corner shop", date(2027, 1, 20)), Milestone("walk 12 minutes", date(2027, 2, 10))),
            quota_activity="Walking", measure="6MWT")
SHOPPING = Goal("g-shop", "carry", "the shopping from the car", date(2027, 4, 30), GoalStatus.NOT_STARTED,
                (Milestone("Carry one light bag from the car.", date(2027, 2, 5)),
                 Milestone("carry two bags", date(2027, 3, 5))), measure="PSFS")


def test_smart_text() -> None:
    assert WALK.smart_text == "Walk 15 minutes daily by 1 March 2027"
    assert SHOPPING.smart_text == "Carry the shopping from the car by 30 April 2027"


def test_status_labels_and_open_goals() -> None:
    assert [s.label for s in GoalStatus] == ["not started", "in progress", "achieved", "revised", "dropped"]
    assert [s.is_open for s in GoalStatus] == [True, True, False, True, False]


def test_milestones_on_or_before_the_goal_date() -> None:
    on_the_day = replace(WALK, milestones=(Milestone("Walk 15 minutes once", WALK.due),))
    assert on_the_day.milestones[0].due == WALK.due
    with pytest.raises(ValidationError, match=r"milestone due date: 2027-03-02 is not allowed; expected a date on or "
                                              r"before the goal's, 2027-03-01"):
        replace(WALK, milestones=(Milestone("Too late", date(2027, 3, 2)),))


@pytest.mark.parametrize(("field", "changes"), [
    ("goal activity", {"activity": "  "}), ("goal target", {"target": ""}), ("goal id", {"id": ""}),
    ("goal id", {"id": "x" * 41}), ("goal due date", {"due": date(1899, 12, 31)}),
    ("goal due date", {"due": date(2201, 1, 1)}), ("goal due date", {"due": datetime(2027, 3, 1, 9, 0)}),
    ("goal status", {"status": "achieved"}), ("goal milestones", {"milestones": ("walk",)}),
    ("goal measure", {"measure": 6}),
])
def test_invalid_goals_are_rejected_naming_the_field(field: str, changes: dict[str, Any]) -> None:
    with pytest.raises(ValidationError) as info:
        replace(WALK, **changes)
    assert info.value.field == field


@pytest.mark.parametrize(("field", "args"), [
    ("milestone description", (" ", date(2027, 1, 1))), ("milestone due date", ("Walk", None)),
    ("milestone due date", ("Walk", date(1850, 1, 1))), ("milestone done", ("Walk", date(2027, 1, 1), "yes")),
])
def test_invalid_milestones_are_rejected(field: str, args: tuple[object, ...]) -> None:
    with pytest.raises(ValidationError) as info:
        Milestone(*args)  # type: ignore[arg-type]
    assert info.value.field == field


def test_blank_links_become_none() -> None:
    goal = replace(WALK, quota_activity="  ", measure="")
    assert (goal.quota_activity, goal.measure) == (None, None)


@pytest.mark.parametrize(("days", "step"), [
    (0, "This week: walk 8 minutes each day."),
    (7, "This week: walk 9 minutes each day."),  # week 2: 8.8 min
    (15, "This week: walk 10 minutes each day."),  # week 3: 9.68 min, in whole minutes
    (48, "This week: walk 14 minutes each day."),  # week 7: 14.17 min
    (49, "This week: walk 15 minutes each day."),  # week 8: the goal
    (400, "This week: walk 15 minutes each day."),
    (-10, "This week: walk to the corner shop (by 20 January)."),  # the quota has not started: not this week
])
def test_small_step_uses_this_weeks_quota(days: int, step: str) -> None:
    assert this_weeks_small_step([SHOPPING, WALK], [WALKING], START, START + timedelta(days=days)) == step


def test_small_step_links_by_the_activitys_goal_ids_too() -> None:
    goal = replace(WALK, quota_activity=None)
    linked = replace(WALKING, name="Walking outdoors", goal_ids=("g-walk",))
    assert this_weeks_small_step([goal], [linked], START, START + timedelta(days=7)) == \
        "This week: walk 9 minutes each day."


def test_small_step_falls_back_to_the_next_open_milestone() -> None:
    assert this_weeks_small_step([WALK], [], START, START) == "This week: walk to the corner shop (by 20 January)."
    first_done = replace(WALK, milestones=(replace(WALK.milestones[0], done=True), WALK.milestones[1]))
    assert this_weeks_small_step([first_done], [], START, START) == "This week: walk 12 minutes (by 10 February)."


def test_small_step_skips_closed_goals_and_takes_the_earliest_due() -> None:
    achieved = replace(WALK, status=GoalStatus.ACHIEVED)
    assert this_weeks_small_step([achieved, SHOPPING], [WALKING], START, START) == \
        "This week: carry one light bag from the car (by 5 February)."
    later_walk = replace(WALK, due=date(2027, 5, 1))
    assert this_weeks_small_step([later_walk, SHOPPING], [WALKING], START, START).startswith("This week: carry")
    assert this_weeks_small_step([replace(SHOPPING, status=GoalStatus.DROPPED)], [], START, START) == ""
    assert this_weeks_small_step([], [WALKING], START, START) == ""


def test_small_step_skips_a_quota_that_cannot_reach_its_goal() -> None:
    unreachable = replace(WALKING, goal=100, weekly_percent=1)
    assert this_weeks_small_step([WALK], [unreachable], START, START) == \
        "This week: walk to the corner shop (by 20 January)."


def test_goal_records_round_trip_through_json() -> None:
    measured = replace(WALK, milestones=(Milestone("Walk 12 minutes", date(2027, 2, 10), amount=12),))
    for goal in (WALK, SHOPPING, replace(SHOPPING, milestones=(), status=GoalStatus.REVISED), measured):
        data = json.loads(json.dumps(goal_to_dict(goal)))
        assert goal_from_dict(data) == goal
    assert goal_to_dict(WALK)["milestones"][0] == {"description": "Walk to the corner shop", "due": "2027-01-20",
                                                   "done": False}  # no amount: written as before
    assert goal_to_dict(measured)["milestones"][0]["amount"] == 12


@pytest.mark.parametrize("amount", [0, -1, 100_001, True, "12", float("nan")])
def test_a_milestone_amount_is_a_positive_number(amount: object) -> None:
    with pytest.raises(ValidationError) as info:
        Milestone("Walk", date(2027, 1, 1), amount=amount)  # type: ignore[arg-type]
    assert info.value.field == "milestone amount"


def test_goal_records_default_and_reject() -> None:
    data = goal_to_dict(WALK)
    del data["status"], data["milestones"]
    assert goal_from_dict(data).status is GoalStatus.NOT_STARTED
    for bad, field in [({**data, "due": "2027-02-30"}, "goal due date"), ({**data, "due": 20270301}, "goal due date"),
                       ({**data, "status": "done"}, "goal status"), ({**data, "owner": "x"}, "goal key"),
                       ({**data, "milestones": [{"description": "x", "due": "1 March"}]}, "milestone due date"),
                       ({**data, "milestones": "none"}, "goal milestones")]:
        with pytest.raises(ValidationError) as info:
            goal_from_dict(bad)
        assert info.value.field == field


def test_appointment() -> None:
    visit = Appointment(datetime(2027, 3, 2, 10, 30), "Sam Lee", "Room 2")
    assert visit.in_words == "Tuesday 2 March 2027 at 10:30 with Sam Lee, Room 2"
    assert Appointment(datetime(2027, 3, 2, 9, 5)).in_words == "Tuesday 2 March 2027 at 09:05"
    assert appointment_from_dict(json.loads(json.dumps(appointment_to_dict(visit)))) == visit
    for when in (date(2027, 3, 2), datetime(2201, 1, 1, 9, 0), "2027-03-02T10:30"):
        with pytest.raises(ValidationError, match="appointment date and time"):
            Appointment(when)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="appointment with"):
        Appointment(datetime(2027, 3, 2, 10, 30), "x" * 201)
    with pytest.raises(ValidationError, match="appointment date and time"):
        appointment_from_dict({"when": "next Tuesday"})


# This week's step counted from the issue date, and milestones checked against their week's quota. WALKING: trials
# 8, 10, 12 -> baseline 10, first quota 8, +10% a week: 8, 8.8, 9.68, 10.648, 11.71, 12.88, 14.17, then the goal of 15
# in week 8. Read by the patient in whole minutes: 8, 9, 10, 11, 12, 13, 14, 15.
HOME_START = date(2026, 11, 30)  # a Monday: home practice starts five weeks before the return to work
RETURN = date(2027, 1, 4)  # a Monday
AISLES = Goal("g-walk", "walk at the picking station", "15 minutes daily", date(2027, 3, 1), GoalStatus.IN_PROGRESS,
            quota_activity="Walking")


def step(today: date, goals: tuple[Goal, ...] = (AISLES,), **starts: date) -> str:
    return this_weeks_small_step(goals, [WALKING], RETURN, today, return_date=RETURN,
                                 starts={"Walking": starts.get("walking", HOME_START)})


def test_before_the_return_the_step_is_the_home_quota_of_the_week_of_the_issue_date() -> None:
    assert step(date(2026, 12, 9)) == "This week, at home: walking, 9 minutes each day."  # week 2: 8.8
    assert step(date(2026, 12, 16)) == "This week, at home: walking, 10 minutes each day."  # week 3: 9.68


def test_from_the_return_the_step_uses_the_goals_words() -> None:
    assert step(RETURN) == "This week: walk at the picking station 13 minutes each day."  # week 6: 12.88
    assert step(RETURN + timedelta(days=100)) == "This week: walk at the picking station 15 minutes each day."


def test_a_quota_that_starts_later_is_never_this_weeks_step() -> None:
    # Issued a month before home practice starts: no 'walk 8 minutes' for a week that has not come.
    assert step(date(2026, 11, 2), walking=RETURN) == ""
    milestone = Milestone("Walk to the end of the road", date(2026, 11, 20))
    with_milestone = (replace(AISLES, milestones=(milestone,)),)
    assert step(date(2026, 11, 2), with_milestone, walking=RETURN) == \
        "This week: walk to the end of the road (by 20 November)."


def test_before_the_return_a_milestone_due_after_it_is_not_offered() -> None:
    aisles = Milestone("Walk the aisles twice", date(2027, 1, 20))
    at_work = (replace(AISLES, quota_activity=None, milestones=(aisles,)),)
    assert step(date(2026, 12, 9), at_work) == ""
    assert step(date(2027, 1, 11), at_work) == "This week: walk the aisles twice (by 20 January)."


def warnings(goal: Goal, start: date = RETURN, **starts: date) -> list[tuple[str, str, str]]:
    return goal_quota_warnings([goal], [WALKING], start, starts={"Walking": starts["walking"]} if starts else None)


def with_step(amount: float, due: date) -> Goal:
    return replace(AISLES, milestones=(Milestone("Walk further", due, amount=amount),))


def test_a_milestone_above_the_quota_of_its_week_is_a_warning() -> None:
    # Due Sunday 31 January: week 4 of a plan from 4 January, quota 10.648, read as 11 minutes.
    ((field, problem, fix),) = warnings(with_step(12, date(2027, 1, 31)))
    assert field == "Plan: goal 'g-walk', milestone due 2027-01-31"
    assert "asks for 12 min, more than the quota of 11 min" in problem
    assert fix == "Move it to the week of 2027-02-01 or later, or lower its amount."  # week 5: 11.71, read as 12
    assert warnings(with_step(11, date(2027, 1, 31))) == []  # as the patient reads both: 11 and 11
    assert warnings(with_step(12, date(2027, 2, 1))) == []


def test_the_quota_of_a_milestones_week_counts_from_the_activitys_own_start() -> None:
    # From 28 December, 31 January is in week 5 (34 days in): 11.71, read as 12.
    assert warnings(with_step(12, date(2027, 1, 31)), walking=date(2026, 12, 28)) == []


def test_a_milestone_above_the_goal_and_one_without_a_quota() -> None:
    ((_, _, fix),) = warnings(with_step(16, date(2027, 2, 28)))
    assert fix == "Lower its amount to the goal or less."
    unlinked = replace(with_step(5, date(2027, 2, 28)), quota_activity=None)
    ((_, problem, _),) = warnings(unlinked)
    assert problem.startswith("the milestone has an amount, but the goal has no quota activity")
    done = replace(AISLES, milestones=(Milestone("Walk further", date(2027, 1, 10), done=True, amount=15),))
    assert warnings(done) == []  # a step already done is history


def test_a_goal_due_before_its_quota_reaches_it_is_still_a_warning() -> None:
    # The goal of 15 is reached in week 8, which starts on 22 February (4 January + 7 weeks).
    ((field, problem, _),) = warnings(replace(AISLES, due=date(2027, 2, 21)))
    assert field == "Plan: goal 'g-walk'"
    assert "reaches the goal only in the week of 2027-02-22" in problem
    assert warnings(replace(AISLES, due=date(2027, 2, 22))) == []
    assert warnings(replace(AISLES, due=date(2027, 2, 21)), walking=HOME_START) == []  # from 30 Nov: 18 January


@pytest.mark.parametrize("description", ["Marek's walk to his mother's house", "Walk <b>15</b> minutes"])
def test_warnings_never_quote_the_patients_words(description: str) -> None:
    goal = replace(AISLES, milestones=(Milestone(description, date(2027, 1, 10), amount=15),))
    assert all(description not in " ".join(found) for found in warnings(goal))
