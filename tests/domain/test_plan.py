"""The plan aggregate, its case-file form, and generating and regenerating a plan from the job match."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from factories import case_data, planned_case

from rtw_planner.domain.case.casefile import CaseFileError, dumps, parse, to_dict
from rtw_planner.domain.case.model import Case
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.profile import Activity, Frequency
from rtw_planner.domain.match.planning import (
    DEFAULT_CONTRACT,
    PROGRESSION,
    RESTRICTED_FINAL,
    contract_for,
    generate_plan,
    regeneration_changes,
)
from rtw_planner.domain.plan.model import Plan, plan_from_dict, plan_to_dict
from rtw_planner.domain.plan.phases import Contract, Duties, FitNoteOptions

START = date(2027, 1, 4)
LIFT_12 = "No lifting from floor to waist above 12 kg occasionally (up to a third of the day)"


WRITTEN_GOALS = [  # the goals as a case file holds them, written out by hand
    {"id": "walk-dog", "activity": "Walk the dog", "target": "30 minutes each morning", "due": "2027-03-01",
     "status": "in_progress", "quota_activity": "Walking", "measure": "6MWT",
     "milestones": [{"description": "Walk to the park and back (15 minutes)", "due": "2027-01-17", "done": False,
                     "amount": 15}, {"description": "Walk 20 minutes without stopping", "due": "2027-02-07",
                                     "done": False, "amount": 20}]},
    {"id": "stand-shift", "activity": "Stand at the picking station", "target": "60 minutes at a time",
     "due": "2027-03-29", "status": "in_progress", "quota_activity": "Standing", "measure": None,
     "milestones": [{"description": "Stand 30 minutes while cooking dinner", "due": "2027-02-14", "done": False,
                     "amount": 30}]},
    {"id": "lift-cases", "activity": "Lift cases from the bottom rack",
     "target": "20 lifts of 5 kg with good technique", "due": "2027-03-15", "status": "not_started",
     "quota_activity": "Lifting a 5 kg box, floor to waist", "measure": None,
     "milestones": [{"description": "Lift a 5 kg box from the floor 12 times", "due": "2027-02-07", "done": False,
                     "amount": 12}]},
]


@pytest.fixture
def planned() -> Case:
    return planned_case()


def test_duplicate_quota_names_are_rejected_naming_the_field(planned: Case) -> None:
    with pytest.raises(ValidationError) as info:
        Plan(quotas=(planned.plan.quotas[0], planned.plan.quotas[0]))
    assert info.value.field == "quota activities"


def test_duplicate_goal_ids_are_rejected_naming_the_field(planned: Case) -> None:
    with pytest.raises(ValidationError) as info:
        Plan(goals=(planned.plan.goals[0], replace(planned.plan.goals[1], id=planned.plan.goals[0].id)))
    assert info.value.field == "goal ids"


def test_wrong_kinds_of_parts_are_rejected(planned: Case) -> None:
    with pytest.raises(ValidationError) as info:
        Plan(quotas=(planned.plan.goals[0],))  # type: ignore[arg-type]
    assert info.value.field == "plan quotas"


def test_plan_dict_round_trip(planned: Case) -> None:
    assert plan_from_dict(plan_to_dict(planned.plan)) == planned.plan
    assert not planned.plan.is_empty()
    assert Plan().is_empty()
    assert plan_to_dict(Plan()) == {"quotas": [], "goals": [], "phased_return": None, "notes": [], "fitness": None,
                                    "flare_plan": {"triggers": [], "warning_signs": [], "what_helps": []},
                                    "safety_review": None}
    assert plan_from_dict({}) == Plan()


def test_a_case_file_round_trips_with_its_plan(planned: Case) -> None:
    assert parse(dumps(planned)) == planned
    data = to_dict(planned)
    assert data["rtw_start_date"] == "2027-01-04"
    assert data["next_appointment"]["when"] == "2026-12-11T10:30:00"
    assert data["plan"] == plan_to_dict(planned.plan)
    assert (len(planned.plan.quotas), len(planned.plan.goals), len(planned.plan.notes)) == (3, 3, 6)
    assert data["plan"]["goals"] == WRITTEN_GOALS


@pytest.mark.parametrize(("part", "index", "key", "value", "message"), [
    ("quotas", 0, "start_percent", 0, "start percent: 0 is not allowed"),
    ("quotas", 1, "colour", "red", "quota activity key: 'colour' is not allowed"),
    ("goals", 0, "due", "2027-02-30", "goal due date: '2027-02-30' is not allowed"),
    ("goals", 1, "id", "walk-dog", "goal ids: ['walk-dog', 'walk-dog', 'lift-cases'] is not allowed"),
    ("notes", 0, "limitation", "juggling", "limitation: 'juggling' is not allowed"),
])
def test_bad_plan_records_are_case_file_errors(part: str, index: int, key: str, value: object, message: str) -> None:
    data = case_data(planned_case())
    data["plan"][part][index][key] = value
    with pytest.raises(CaseFileError) as info:
        parse(json.dumps(data))
    assert str(info.value).startswith(message)


def test_bad_phase_is_a_case_file_error() -> None:
    data = case_data(planned_case())
    data["plan"]["phased_return"]["phases"][0]["percent"] = 0
    with pytest.raises(CaseFileError, match="phase percentage"):
        parse(json.dumps(data))


def test_empty_phased_return_object_is_not_silently_dropped() -> None:
    """{} has no contract, start or phases: it must be rejected like any other incomplete phased return."""
    data = case_data(planned_case())
    data["plan"]["phased_return"] = {}
    with pytest.raises(CaseFileError, match="contract"):
        parse(json.dumps(data))


def test_contract_comes_from_shift_times_days(planned: Case) -> None:
    assert contract_for(planned) == Contract(40, 5)
    assert contract_for(Case("Ann Example")) == DEFAULT_CONTRACT


def test_generated_phases_step_up_to_the_contract_with_the_restrictions(planned: Case) -> None:
    phased = generate_plan(planned, START).phased_return
    assert phased is not None
    schedule = phased.schedule()
    assert [p.percent for p in schedule] == [50, 60, 75, 100]
    assert [p.weekly_hours for p in schedule] == [20.0, 24.0, 30.0, 40.0]
    assert schedule[0].first_day == START
    assert all(LIFT_12 in p.restrictions for p in schedule)
    assert all(p.restrictions == schedule[0].restrictions for p in schedule)
    assert schedule[-1].duties is not Duties.USUAL
    assert schedule[-1].progression_criteria == RESTRICTED_FINAL
    assert schedule[0].progression_criteria == PROGRESSION


def test_without_demands_the_last_phase_is_usual_duties() -> None:
    phased = generate_plan(Case("Ann Example"), START).phased_return
    assert phased is not None
    assert phased.contract == DEFAULT_CONTRACT
    assert all(p.restrictions == () for p in phased.phases)
    assert phased.phases[-1].duties is Duties.USUAL
    assert phased.phases[-1].progression_criteria == ""
    assert generate_plan(Case("Ann Example"), START).notes == ()


def test_restrictions_relax_only_on_a_new_measurement(planned: Case) -> None:
    later = date(2027, 6, 1)  # after every projected date: a projection must not lift a restriction
    projected = generate_plan(planned, later).phased_return
    assert projected is not None
    assert LIFT_12 in projected.phases[0].restrictions
    newest = planned.evaluations[-1]
    remeasured = replace(newest, id=None, assessed_on=date(2026, 11, 26),
                         profile=newest.profile.with_strength(Activity.LIFT_FLOOR_TO_WAIST, Frequency.OCCASIONAL, 23))
    improved = generate_plan(replace(planned, evaluations=(*planned.evaluations, remeasured)), later).phased_return
    assert improved is not None
    assert LIFT_12 not in improved.phases[0].restrictions
    assert "No lifting from floor to waist above 7 kg frequently" in improved.phases[0].restrictions


def test_quotas_goals_contract_and_longest_duration_are_kept(planned: Case) -> None:
    assert planned.plan.phased_return is not None
    own = replace(planned.plan.phased_return, contract=Contract(30, 4), max_weeks=8)
    generated = generate_plan(planned, date(2027, 2, 1), replace(planned.plan, phased_return=own))
    assert (generated.quotas, generated.goals) == (planned.plan.quotas, planned.plan.goals)
    assert generated.phased_return is not None
    assert generated.phased_return.contract == Contract(30, 4)
    assert generated.phased_return.max_weeks == 8
    assert generated.phased_return.start == date(2027, 2, 1)


def test_regeneration_changes_are_empty_for_a_fresh_plan(planned: Case) -> None:
    fresh = generate_plan(planned, START, planned.plan)
    assert regeneration_changes(fresh, generate_plan(planned, START, fresh)) == []
    assert regeneration_changes(Plan(), fresh) == []


def test_regeneration_changes_name_edited_phases_and_keep_the_chosen_notes(planned: Case) -> None:
    fresh = generate_plan(planned, START, planned.plan)
    assert fresh.phased_return is not None
    phases = (replace(fresh.phased_return.phases[0], weeks=2), *fresh.phased_return.phases[1:])
    edited = replace(fresh, phased_return=replace(fresh.phased_return, phases=phases),
                     notes=(fresh.notes[0].edit("Provide a hoist for every load."), *fresh.notes[1:]))
    regenerated = generate_plan(planned, START, edited)
    changes = regeneration_changes(edited, regenerated)
    assert len(changes) == 1
    assert changes[0].startswith("the 4 phases")
    assert regenerated.notes == edited.notes  # the clinician's chosen (and edited) notes are kept as they are


def test_regeneration_does_not_silently_drop_the_clinicians_fit_note_choice(planned: Case) -> None:
    fresh = generate_plan(planned, START, planned.plan)
    assert fresh.phased_return is not None
    chosen = FitNoteOptions(phased_return=True)
    current = replace(fresh, phased_return=replace(fresh.phased_return, fit_note=chosen))
    regenerated = generate_plan(planned, START, current)
    assert regenerated.phased_return is not None
    assert regenerated.phased_return.fit_note == chosen or regeneration_changes(current, regenerated)
