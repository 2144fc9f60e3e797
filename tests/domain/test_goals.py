"""SMART goals: wording, milestone and date checks, this week's small step, appointments and records."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from rtw_planner.domain.errors import ValidationError
from rtw_planner.domain.goals import (
    Appointment,
    Goal,
    GoalStatus,
    Milestone,
    appointment_from_dict,
    appointment_to_dict,
    goal_from_dict,
    goal_to_dict,
    this_weeks_small_step,
)
from rtw_planner.domain.quota import QuotaActivity, QuotaUnit

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
    (15, "This week: walk 9.5 minutes each day."),  # week 3: 9.68 min
    (48, "This week: walk 14 minutes each day."),  # week 7: 14.17 min
    (49, "This week: walk 15 minutes each day."),  # week 8: the goal
    (400, "This week: walk 15 minutes each day."),
    (-10, "This week: walk 8 minutes each day."),
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
    for goal in (WALK, SHOPPING, replace(SHOPPING, milestones=(), status=GoalStatus.REVISED)):
        data = json.loads(json.dumps(goal_to_dict(goal)))
        assert goal_from_dict(data) == goal
    assert goal_to_dict(WALK)["milestones"][0] == {"description": "Walk to the corner shop", "due": "2027-01-20",
                                                   "done": False}


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
