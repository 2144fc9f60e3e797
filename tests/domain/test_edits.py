"""Edit commands: each applies to a case and returns the edit that undoes it, named in the user's terms."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from rtw_planner.domain.capacity.evaluation import Evaluation
from rtw_planner.domain.capacity.grip import GripTrials, Hand
from rtw_planner.domain.case.model import Case, Consent, ConsentCategory
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.job import DemandSource, JobDemands, Task
from rtw_planner.domain.demands.profile import Activity, Frequency, PhysicalProfile
from rtw_planner.domain.demands.ratings import RatedGroup, Rating
from rtw_planner.domain.edits import capacity_edits, case_edits, demand_edits, plan_edits, progress_edits
from rtw_planner.domain.edits.commands import Edit, Set
from rtw_planner.domain.edits.lenses import DEMANDS_PROFILE, PHASED_RETURN, Attr, CaseField, Part, evaluation
from rtw_planner.domain.plan.goals import Goal
from rtw_planner.domain.plan.model import Plan
from rtw_planner.domain.plan.phases import Contract, PhasedReturn

LIFT = (Activity.LIFT_FLOOR_TO_WAIST, Frequency.OCCASIONAL)
ASSESSED = date(2026, 11, 20)


def small_case(**changes: Any) -> Case:
    """A case with one demand, one task, one evaluation and one goal."""
    demands = JobDemands(profile=PhysicalProfile(strength={LIFT: 23.0}), tasks=(Task("Fill shelves", True, 60),))
    measured = Evaluation(ASSESSED, "Sam Rivers", profile=PhysicalProfile(strength={LIFT: 12.0}), id=7)
    case = Case("Ada Test", employer="Acme Stores Ltd", job_title="Shelf stacker", demands=demands,
                evaluations=(measured,), plan=Plan(goals=(Goal("g1", "Walk", "30 minutes", date(2027, 3, 1)),)))
    return replace(case, **changes)


def round_trip(edit: Edit, case: Case) -> Case:
    """Apply the edit, check that its inverse restores the case and that redoing gives the same result again."""
    edited, inverse = edit.apply(case)
    restored, redo = inverse.apply(edited)
    assert restored == case
    assert redo.apply(restored)[0] == edited
    return edited


def test_a_strength_cell_is_named_and_undone() -> None:
    case = small_case()
    edit = demand_edits.set_strength(DEMANDS_PROFILE, *LIFT, 10.0)
    assert edit.text == "change lift floor to waist, occasional"
    assert edit.parts == {Part.DEMANDS}
    edited = round_trip(edit, case)
    assert edited.demands.profile.strength[LIFT] == 10.0
    assert edited.demands.tasks == case.demands.tasks  # nothing else moved
    blank = round_trip(demand_edits.set_strength(DEMANDS_PROFILE, *LIFT, None), case)
    assert LIFT not in blank.demands.profile.strength


def test_a_measured_cell_changes_only_that_evaluation() -> None:
    case = small_case()
    edit = demand_edits.set_strength(Attr(evaluation(0), "profile"), *LIFT, 15.0)
    assert edit.text == "change measured lift floor to waist, occasional"
    assert edit.parts == {Part.CAPACITY}
    edited = round_trip(edit, case)
    assert edited.evaluations[0].profile.strength[LIFT] == 15.0
    assert edited.evaluations[0].id == 7  # the saved evaluation keeps its identity
    assert edited.demands == case.demands


def test_an_invalid_value_raises_naming_the_field_and_changes_nothing() -> None:
    case = small_case()
    with pytest.raises(ValidationError) as caught:
        case_edits.set_case_field("patient_name", "   ").apply(case)
    assert caught.value.field == "patient name"
    with pytest.raises(ValidationError) as caught:
        demand_edits.edit_task(0, Task("Fill shelves", True, 60), "share").apply(
            demand_edits.add_task(Task("Price labels", False, 50), 1).apply(case)[0])
    assert caught.value.field == "task shares"  # 110% of the shift: the whole demands are checked
    assert case == small_case()


def test_typing_merges_into_word_sized_steps() -> None:
    case = small_case(employer="")
    steps: list[Edit] = []
    typed = ""
    for key in "Acme Stores":
        typed += key
        edit = case_edits.set_case_field("employer", typed)
        merged = steps[-1].merge_with(edit) if steps else None
        if merged is None:
            steps.append(edit)
        else:
            steps[-1] = merged
    assert [s.value for s in steps if isinstance(s, Set)] == ["Acme ", "Acme Stores"]  # stored stripped
    assert steps[0].text == "change employer"
    after_first = steps[0].apply(case)[0]
    after_both, undo_last = steps[1].apply(after_first)
    assert after_both.employer == "Acme Stores"
    assert undo_last.apply(after_both)[0].employer == "Acme"  # one undo takes back one word, not the name


def test_edits_of_different_fields_or_without_a_run_never_merge() -> None:
    assert case_edits.set_case_field("employer", "A").merge_with(case_edits.set_case_field("job_title", "A")) is None
    cell = demand_edits.set_strength(DEMANDS_PROFILE, *LIFT, 10.0)
    assert cell.merge_with(demand_edits.set_strength(DEMANDS_PROFILE, *LIFT, 11.0)) is None
    dob = case_edits.set_case_field("date_of_birth", date(1980, 5, 1))
    later = case_edits.set_case_field("date_of_birth", date(1980, 5, 12))
    merged = dob.merge_with(later)
    assert isinstance(merged, Set)
    assert merged.value == date(1980, 5, 12)


def test_deleting_an_evaluation_is_named_by_its_date_and_undone_in_place() -> None:
    earlier = Evaluation(date(2026, 10, 1), "Sam Rivers", id=3)
    case = small_case(evaluations=(earlier, *small_case().evaluations))
    edit = capacity_edits.delete_evaluation(1, case.evaluations[1])
    assert edit.text == "delete evaluation of 20 Nov 2026"
    edited, inverse = edit.apply(case)
    assert edited.evaluations == (earlier,)
    assert inverse.apply(edited)[0].evaluations[1].id == 7
    round_trip(capacity_edits.add_evaluation(Evaluation(date(2026, 12, 4)), 2), case)


def test_rows_of_every_list_are_added_edited_and_removed() -> None:
    case = small_case()
    consent = Consent(ConsentCategory.FUNCTIONAL, "Acme Stores Ltd", "Return to work", date(2026, 11, 1))
    with_consent = round_trip(case_edits.add_consent(consent, 0), case)
    assert with_consent.consents == (consent,)
    assert case_edits.remove_consent(0, consent).text == "remove consent to share abilities, limits, schedule and " \
                                                          "adjustments"
    assert round_trip(case_edits.remove_consent(0, consent), with_consent).consents == ()
    assert round_trip(demand_edits.remove_task(0), case).demands.tasks == ()
    assert round_trip(plan_edits.remove_goal(0), case).plan.goals == ()
    goal = Goal("g2", "Lift", "a box", date(2027, 4, 1))
    assert round_trip(plan_edits.add_goal(goal, 1), case).plan.goals[1] == goal
    assert plan_edits.edit_goal(0, goal, "status").text == "edit goal 1 status"


def test_a_rating_of_not_present_removes_it() -> None:
    case = small_case()
    rated = round_trip(demand_edits.set_rating(RatedGroup.PHYSICAL, "stooping", Rating.FREQUENT), case)
    assert rated.demands.ratings == {(RatedGroup.PHYSICAL, "stooping"): Rating.FREQUENT}
    edit = demand_edits.set_rating(RatedGroup.PHYSICAL, "stooping", Rating.NOT_PRESENT)
    assert edit.text == "rate stooping not present"
    assert round_trip(edit, rated).demands.ratings == {}


def test_changing_the_source_drops_the_template_name_and_undo_brings_it_back() -> None:
    case = small_case(demands=JobDemands(source=DemandSource.GENERIC_TEMPLATE, template="Cook"))
    edited = round_trip(demand_edits.set_source(DemandSource.JOB_SITE_ANALYSIS, "Cook"), case)
    assert (edited.demands.source, edited.demands.template) == (DemandSource.JOB_SITE_ANALYSIS, "")
    back = round_trip(demand_edits.set_source(DemandSource.GENERIC_TEMPLATE, "Cook"), edited)
    assert back.demands.template == "Cook"


def test_generating_a_plan_sets_the_plan_and_the_start_as_one_step() -> None:
    case = small_case()
    start = date(2027, 1, 4)
    generated = Plan(phased_return=PhasedReturn(Contract(40, 5), start))
    edit = plan_edits.generate(generated, start)
    assert edit.parts == {Part.PLAN}
    edited = round_trip(edit, case)
    assert (edited.plan, edited.rtw_start_date) == (generated, start)
    moved = round_trip(plan_edits.set_start(date(2027, 1, 11), True), edited)
    assert moved.plan.phased_return is not None
    assert (moved.rtw_start_date, moved.plan.phased_return.start) == (date(2027, 1, 11), date(2027, 1, 11))
    longer = round_trip(plan_edits.set_max_weeks(8), edited)
    assert longer.plan.phased_return is not None
    assert longer.plan.phased_return.max_weeks == 8


def test_a_field_of_something_not_recorded_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        Set(Attr(PHASED_RETURN, "contract"), Contract(40, 5), "change contract").apply(small_case())
    assert caught.value.field == "contract"
    with pytest.raises(ValueError, match="not an editable case field"):
        CaseField("id")


def test_grip_and_progress_edits_are_named() -> None:
    case = small_case()
    grip = (GripTrials(Hand.RIGHT, (30.0, 31.0, 29.0)),)
    edit = capacity_edits.set_grip(0, grip, Hand.RIGHT, "29")
    assert edit.text == "change right grip"
    assert round_trip(edit, case).evaluations[0].grip == grip
    from rtw_planner.domain.case.outcome_records import OutcomeRecord

    record = OutcomeRecord("PEG", date(2026, 11, 27), (7.0, 6.0, 8.0), 7.0)
    add = progress_edits.add_outcome(record, 0)
    assert add.text == "add PEG of 27 Nov 2026"
    assert add.parts == {Part.PROGRESS}
    with_record = round_trip(add, case)
    assert round_trip(progress_edits.remove_outcome(0, record), with_record).outcomes == ()
