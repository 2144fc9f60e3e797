"""The Plan tab's models: phases, quotas and goals (milestone amounts kept), each edit named for the undo menu."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from gui_factories import planned_case

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.edits.commands import Edit
from rtw_planner.domain.plan.goals import Goal, Milestone
from rtw_planner.gui.models.plan_tables import GoalsTableModel, PhasesTableModel, QuotasTableModel, parse_weekdays

MILESTONES = 6  # the column
P = PhasesTableModel


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


def test_phases_show_dates_and_hours_from_the_whole_plan(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    phased = planned_case().plan.phased_return
    assert phased is not None
    model = PhasesTableModel()
    model.set_plan(phased)
    qtmodeltester.check(model)
    assert model.data(model.index(0, P.WEEKLY_HOURS)) == "20"  # 50% of 40 hours
    assert model.data(model.index(1, P.DAILY_HOURS)) == "4:48"  # 24 hours over 5 days
    first = phased.start
    assert model.data(model.index(1, P.DATES)).startswith(f"{(first + timedelta(days=7)).day}")
    sent: list[Edit] = []
    model.sink = lambda edit: sent.append(edit) or None  # type: ignore[func-returns-value]
    assert model.setData(model.index(1, P.PERCENT), "55")
    assert model.setData(model.index(1, P.WEEKDAYS), "Mon to Fri")
    assert [e.text for e in sent] == ["edit phase 2 hours", "edit phase 2 working days"]


def test_weekdays_are_read_as_people_write_them() -> None:
    assert parse_weekdays("Mon, Wed, Fri") == (0, 2, 4)
    assert parse_weekdays("mon-wed, fri") == (0, 1, 2, 4)
    assert parse_weekdays("Monday and Friday") == (0, 4)
    assert parse_weekdays("  ") is None
    with pytest.raises(ValidationError, match="phase working days"):
        parse_weekdays("Fri to Mon")


def test_quotas_and_goals_are_named_when_added_edited_or_removed(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    plan = planned_case().plan
    quotas, goals = QuotasTableModel(), GoalsTableModel()
    quotas.set_rows(plan.quotas)
    goals.set_rows(plan.goals)
    for model in (quotas, goals):
        qtmodeltester.check(model)
    assert quotas.data(quotas.index(0, 3)) == "10"  # the baseline: the mean of 8, 10 and 12
    assert quotas.data(quotas.index(0, 8)) == "15"
    sent: list[Edit] = []
    quotas.sink = goals.sink = lambda edit: sent.append(edit) or None  # type: ignore[func-returns-value]
    assert quotas.setData(quotas.index(0, 7), "40")
    assert quotas.remove_row(0)
    assert goals.setData(goals.index(0, 3), "achieved")
    assert goals.remove_row(0)
    assert goals.append_row(goal())
    assert [e.text for e in sent] == ["edit graded activity 1 goal", "remove graded activity Walking",
                                      "edit goal 1 status", "remove goal 1", "add goal"]
