"""Milestones in the goals table keep the amount a step asks for, so editing a goal never drops it."""

from __future__ import annotations

from datetime import date

import pytest

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.plan.goals import Goal, Milestone
from rtw_planner.gui.models.plan_tables import GoalsTableModel

MILESTONES = 6  # the column


def goal(*milestones: Milestone) -> Goal:
    return Goal("walk", "Walk the dog", "30 minutes", date(2027, 3, 1), milestones=milestones,
                quota_activity="Walking")


def test_the_amount_is_shown_and_read_back(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = GoalsTableModel()
    model.set_rows((goal(Milestone("Walk to the park", date(2027, 1, 17), amount=15),
                         Milestone("Walk 20 minutes", date(2027, 2, 7), True)),))
    qtmodeltester.check(model)
    text = model.data(model.index(0, MILESTONES))
    assert text == "Walk to the park (2027-01-17) [15]; ✓ Walk 20 minutes (2027-02-07)"
    edited = model.edited(model.rows()[0], MILESTONES, text.replace("[15]", "[12.5]"))
    assert [(m.description, m.amount, m.done) for m in edited.milestones] == [
        ("Walk to the park", 12.5, False), ("Walk 20 minutes", None, True)]


def test_an_amount_that_is_not_a_number_names_the_field() -> None:
    model = GoalsTableModel()
    with pytest.raises(ValidationError) as caught:
        model.edited(goal(), MILESTONES, "Walk to the park (2027-01-17) [fifteen]")
    assert caught.value.field == "milestone amount"
