"""Safety-critical tasks are avoided while a limit applies, since they cannot be paused to keep it."""

from __future__ import annotations

from rtw_planner.domain.demands.job import Task
from rtw_planner.domain.demands.profile import Activity
from rtw_planner.domain.match.items import MatchItem, MatchStatus, PostureMeasure
from rtw_planner.domain.match.task_advice import Advice, advise

SITTING = MatchItem(Activity.SIT, None, PostureMeasure.AT_A_TIME, 120.0, 30.0, None, MatchStatus.MISMATCH)


def test_driving_with_a_sitting_limit_is_avoided_while_the_limit_applies() -> None:
    advice = advise(Task("Drive the bus on the route", activities=(Activity.SIT,)), [SITTING])
    assert advice.advice is Advice.AVOID_WHILE_LIMITED
    assert [r.text for r in advice.limits] == ["Sit no longer than 30 minutes at a time"]


def test_the_same_limit_on_desk_work_is_work_within_limits() -> None:
    assert advise(Task("Scanner admin at the desk", activities=(Activity.SIT,)), [SITTING]).advice \
        is Advice.WITH_LIMITS
