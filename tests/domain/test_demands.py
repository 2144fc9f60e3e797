"""Job demands: ratings, shift and tasks validate; standing plus walking beyond a third of the shift; sources."""

from __future__ import annotations

import pytest

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.job import DemandSource, JobDemands, Task
from rtw_planner.domain.demands.profile import Activity, PhysicalProfile, PostureTolerance
from rtw_planner.domain.demands.ratings import RatedGroup, Rating

PHYSICAL, COGNITIVE = RatedGroup.PHYSICAL, RatedGroup.COGNITIVE


def on_feet(stand: float, walk: float, sit: float = 0, shift_hours: float | None = None) -> JobDemands:
    postures = {Activity.STAND: PostureTolerance(0, stand), Activity.WALK: PostureTolerance(0, walk),
                Activity.SIT: PostureTolerance(0, sit)}
    return JobDemands(PhysicalProfile(postures=postures), shift_hours=shift_hours)


def test_defaults() -> None:
    demands = JobDemands()
    assert (demands.profile, demands.ratings, demands.tasks, demands.lifting_tasks) == (PhysicalProfile(), {}, (), ())
    assert (demands.source, demands.template, demands.from_template) == (DemandSource.JOB_SITE_ANALYSIS, "", False)
    assert demands.effective_shift_hours == 8
    assert demands.rating(PHYSICAL, "stooping") is Rating.NOT_PRESENT


def test_ratings_by_group_and_item_key() -> None:
    demands = JobDemands(ratings={(PHYSICAL, "stooping"): Rating.FREQUENT, (COGNITIVE, "time_pressure"): Rating.SELDOM})
    assert demands.rating(PHYSICAL, "stooping") is Rating.FREQUENT
    assert demands.rating(COGNITIVE, "time_pressure") is Rating.SELDOM
    assert demands.rating(COGNITIVE, "stooping") is Rating.NOT_PRESENT


@pytest.mark.parametrize(("ratings", "field", "value"), [
    ({(PHYSICAL, "juggling"): Rating.OCCASIONAL}, "rated demand", "juggling"),
    ({(PHYSICAL, "noise"): Rating.OCCASIONAL}, "rated demand", "noise"),  # an environment item, not physical
    ({("physical", "stooping"): Rating.OCCASIONAL}, "rated demand", "stooping"),
    ({(PHYSICAL, "stooping"): "F"}, "Stooping", "F"),
])
def test_unknown_rating_item_or_code_is_rejected(ratings: dict[object, object], field: str, value: str) -> None:
    with pytest.raises(ValidationError) as caught:
        JobDemands(ratings=ratings)  # type: ignore[arg-type]
    assert (caught.value.field, caught.value.value) == (field, value)


@pytest.mark.parametrize("hours", [0.5, 8, 12.5, 24])
def test_shift_length_in_range(hours: float) -> None:
    demands = JobDemands(shift_hours=hours)
    assert demands.shift_hours == demands.effective_shift_hours == hours


@pytest.mark.parametrize("hours", [0, 0.49, 24.01, True, "8"])
def test_shift_length_out_of_range(hours: object) -> None:
    with pytest.raises(ValidationError) as caught:
        JobDemands(shift_hours=hours)  # type: ignore[arg-type]
    assert caught.value.field == "shift length"
    assert "a number from 0.5 to 24 h" in str(caught.value)


@pytest.mark.parametrize("days", [0.4, 7.5])
def test_days_per_week_out_of_range(days: float) -> None:
    with pytest.raises(ValidationError, match=r"^days per week: .* from 0\.5 to 7 days"):
        JobDemands(days_per_week=days)


def test_task_shares_may_total_100_but_no_more() -> None:
    tasks = (Task("Pick", share_pct=60), Task("Drive", share_pct=40), Task("Chat", essential=False))
    assert [t.share_pct for t in JobDemands(tasks=list(tasks)).tasks] == [60, 40, None]  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as caught:
        JobDemands(tasks=(Task("Pick", share_pct=60), Task("Drive", share_pct=40.5)))
    assert (caught.value.field, caught.value.value) == ("task shares", 100.5)
    assert str(caught.value).startswith("task shares: 100.5 is not allowed; expected a total of at most 100%")


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"name": "  "}, "task name"),
    ({"share_pct": 101}, "Pick share of shift"),
    ({"share_pct": -1}, "Pick share of shift"),
    ({"activities": ("carry",)}, "Pick activities"),
])
def test_task_fields(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Task(**{"name": "Pick", **kwargs})  # type: ignore[arg-type]
    assert caught.value.field == field


def test_other_fields_are_checked() -> None:
    with pytest.raises(ValidationError, match="^demands: "):
        JobDemands(profile={})  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="^demand source: 'generic_template' .*job_site_analysis"):
        JobDemands(source="generic_template")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="^template: "):
        JobDemands(template="t" * 201)


@pytest.mark.parametrize(("stand", "walk", "sit", "beyond"), [
    (0, 0, 480, False), (100, 60, 0, False), (100, 61, 0, True), (160.5, 0, 0, True), (0, 160, 300, False),
])
def test_standing_walking_beyond_a_third_of_an_8_hour_shift(stand: float, walk: float, sit: float,
                                                          beyond: bool) -> None:
    assert on_feet(stand, walk, sit).standing_walking_beyond_occasional is beyond


def test_the_third_follows_the_shift_length() -> None:
    assert on_feet(200, 0).standing_walking_beyond_occasional
    assert not on_feet(200, 0, shift_hours=12).standing_walking_beyond_occasional  # a third of 12 h is 240 min
    assert on_feet(241, 0, shift_hours=12).standing_walking_beyond_occasional
    assert on_feet(41, 0, shift_hours=2).standing_walking_beyond_occasional
    assert not JobDemands().standing_walking_beyond_occasional


def test_template_source_and_essential_tasks() -> None:
    tasks = (Task("Pick", True, 60, (Activity.LIFT_FLOOR_TO_WAIST, Activity.WALK)),
             Task("Returns", False, 10, (Activity.CARRY, Activity.WALK)), Task("Drive", True, 20, (Activity.WALK,)))
    demands = JobDemands(tasks=tasks, source=DemandSource.GENERIC_TEMPLATE, template=" Warehouse operative ")
    assert demands.from_template
    assert demands.template == "Warehouse operative"
    assert [t.name for t in demands.essential_tasks_involving(Activity.WALK)] == ["Pick", "Drive"]
    assert demands.essential_tasks_involving(Activity.CARRY) == []
    assert not JobDemands(source=DemandSource.EMPLOYER_DESCRIPTION).from_template
    assert DemandSource.GENERIC_TEMPLATE.label == "Generic template (not checked at the workplace)"
