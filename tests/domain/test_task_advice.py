"""Each of the job's tasks from the match: every item matched -> do; any not tested -> avoid until assessed;
otherwise any mismatch -> within the named limits."""

from __future__ import annotations

from factories import mismatched_case
from hypothesis import given
from hypothesis import strategies as st

from rtw_planner.domain.demands.job import Task
from rtw_planner.domain.demands.profile import Activity, Frequency
from rtw_planner.domain.demands.units import MassUnit
from rtw_planner.domain.match.items import MatchItem, MatchStatus, PostureMeasure
from rtw_planner.domain.match.job import job_match
from rtw_planner.domain.match.task_advice import Advice, advise, advise_tasks, by_advice

OCC, FREQ = Frequency.OCCASIONAL, Frequency.FREQUENT
F2W, CARRY, STAND, SIT = Activity.LIFT_FLOOR_TO_WAIST, Activity.CARRY, Activity.STAND, Activity.SIT


def item(activity: Activity, status: MatchStatus, demand: float = 20, capacity: float | None = 12,
         frequency: Frequency | None = OCC) -> MatchItem:
    if status is MatchStatus.NOT_TESTED:
        capacity = None
    measure = PostureMeasure.AT_A_TIME if frequency is None else None
    return MatchItem(activity, frequency, measure, demand, capacity, frequency, status)


def test_the_order_pickers_tasks() -> None:
    case = mismatched_case()
    found = {a.task.name: a for a in advise_tasks(case.demands.tasks, job_match(case).items)}
    assert {name: a.advice for name, a in found.items()} == {
        "Pick cases from racking to pallet": Advice.WITH_LIMITS,  # floor-to-waist and standing short, rest met
        "Move pallet truck between aisles": Advice.AVOID_UNTIL_ASSESSED,  # pulling to start was never tested
        "Carry returns to the returns bay": Advice.AVOID_UNTIL_ASSESSED,  # frequent carrying never tested
        "Scanner admin at the desk": Advice.DO,  # sitting 30 min at a time and 4 h a day meet 15 and 1 h
    }
    assert [r.text for r in found["Pick cases from racking to pallet"].limits] == [
        "No lifting from floor to waist above 12 kg occasionally (up to a third of the day)",
        "No lifting from floor to waist above 7 kg frequently",
        "Stand no longer than 30 minutes at a time",
        "No more than 4 hours of standing in a day",
    ]
    carry = found["Carry returns to the returns bay"]
    assert [(i.activity, i.frequency, i.demand) for i in carry.not_assessed] == [(CARRY, FREQ, 10)]
    assert carry.limits == ()  # the occasional carry is short too, but the task waits for the assessment


def test_not_tested_outranks_a_mismatch_and_a_match() -> None:
    task = Task("Load van", activities=(F2W, CARRY, STAND))
    items = [item(F2W, MatchStatus.MISMATCH), item(CARRY, MatchStatus.NOT_TESTED), item(STAND, MatchStatus.MATCH,
                                                                                           60, 90, None)]
    found = advise(task, items)
    assert found.advice is Advice.AVOID_UNTIL_ASSESSED
    assert [i.activity for i in found.not_assessed] == [CARRY]


def test_every_item_matched_is_do_and_items_of_other_tasks_do_not_count() -> None:
    task = Task("Desk work", activities=(SIT,))
    items = [item(SIT, MatchStatus.MATCH, 15, 30, None), item(F2W, MatchStatus.MISMATCH),
             item(CARRY, MatchStatus.NOT_TESTED)]
    assert advise(task, items).advice is Advice.DO


def test_items_not_required_count_for_nothing() -> None:
    task = Task("Desk work", activities=(SIT, CARRY))
    items = [item(SIT, MatchStatus.MATCH, 15, 30, None), item(CARRY, MatchStatus.NOT_REQUIRED, 0, None)]
    assert advise(task, items).advice is Advice.DO


def test_a_task_with_no_recorded_demand_is_not_called_safe() -> None:
    assert advise(Task("Briefing"), [item(F2W, MatchStatus.MISMATCH)]).advice is Advice.NO_DEMANDS
    assert advise(Task("Walk the site", activities=(Activity.WALK,)), [item(F2W, MatchStatus.MATCH, 10, 12)]) \
        .advice is Advice.NO_DEMANDS


def test_limits_are_named_in_the_documents_unit() -> None:
    task = Task("Pick", activities=(F2W,))
    found = advise(task, [item(F2W, MatchStatus.MISMATCH, 20, 12)], MassUnit.LB)
    # 12 kg x 2.20462 = 26.455 lb, shown rounded down so never more than measured
    assert [r.text for r in found.limits] == ["No lifting from floor to waist above 26.4 lb occasionally (up to a "
                                              "third of the day)"]


def test_grouping_keeps_the_jobs_order_and_every_group() -> None:
    tasks = (Task("B", activities=(F2W,)), Task("A", activities=(SIT,)), Task("C", activities=(F2W,)))
    grouped = by_advice(advise_tasks(tasks, [item(F2W, MatchStatus.MISMATCH), item(SIT, MatchStatus.MATCH, 15, 30,
                                                                                    None)]))
    assert [a.task.name for a in grouped[Advice.WITH_LIMITS]] == ["B", "C"]
    assert [a.task.name for a in grouped[Advice.DO]] == ["A"]
    assert grouped[Advice.AVOID_UNTIL_ASSESSED] == grouped[Advice.NO_DEMANDS] == ()


STATUSES = [MatchStatus.MATCH, MatchStatus.MISMATCH, MatchStatus.NOT_TESTED, MatchStatus.NOT_REQUIRED]


@given(st.lists(st.tuples(st.sampled_from([F2W, CARRY, Activity.PUSH_INITIAL]), st.sampled_from(STATUSES)),
                max_size=6))
def test_the_three_rules_hold_for_any_mix(pairs: list[tuple[Activity, MatchStatus]]) -> None:
    items = [item(a, s, 0 if s is MatchStatus.NOT_REQUIRED else 20, 25 if s is MatchStatus.MATCH else 12)
             for a, s in pairs]
    found = advise(Task("Any", activities=(F2W, CARRY, Activity.PUSH_INITIAL)), items)
    statuses = {s for _, s in pairs} - {MatchStatus.NOT_REQUIRED}
    if MatchStatus.NOT_TESTED in statuses:
        assert found.advice is Advice.AVOID_UNTIL_ASSESSED
    elif MatchStatus.MISMATCH in statuses:
        assert found.advice is Advice.WITH_LIMITS
        assert len(found.limits) == sum(1 for _, s in pairs if s is MatchStatus.MISMATCH)
    elif statuses:
        assert found.advice is Advice.DO
    else:
        assert found.advice is Advice.NO_DEMANDS
