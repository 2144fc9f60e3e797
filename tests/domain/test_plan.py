"""The plan aggregate, its case-file form, and generating and regenerating a plan from the job match."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

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


@pytest.fixture
def demo(demo_text: str) -> Case:
    return parse(demo_text)


def test_duplicate_quota_names_are_rejected_naming_the_field(demo: Case) -> None:
    with pytest.raises(ValidationError) as info:
        Plan(quotas=(demo.plan.quotas[0], demo.plan.quotas[0]))
    assert info.value.field == "quota activities"


def test_duplicate_goal_ids_are_rejected_naming_the_field(demo: Case) -> None:
    with pytest.raises(ValidationError) as info:
        Plan(goals=(demo.plan.goals[0], replace(demo.plan.goals[1], id=demo.plan.goals[0].id)))
    assert info.value.field == "goal ids"


def test_wrong_kinds_of_parts_are_rejected(demo: Case) -> None:
    with pytest.raises(ValidationError) as info:
        Plan(quotas=(demo.plan.goals[0],))  # type: ignore[arg-type]
    assert info.value.field == "plan quotas"


def test_plan_dict_round_trip(demo: Case) -> None:
    assert plan_from_dict(plan_to_dict(demo.plan)) == demo.plan
    assert not demo.plan.is_empty()
    assert Plan().is_empty()
    assert plan_to_dict(Plan()) == {"quotas": [], "goals": [], "phased_return": None, "notes": [], "fitness": None,
                                    "flare_plan": {"triggers": [], "warning_signs": [], "what_helps": []},
                                    "safety_review": None}
    assert plan_from_dict({}) == Plan()


def test_demo_case_file_round_trips_with_its_plan(demo: Case, demo_text: str) -> None:
    assert parse(dumps(demo)) == demo
    data = to_dict(demo)
    assert data["rtw_start_date"] == "2027-01-04"
    assert data["next_appointment"]["when"] == "2026-12-11T10:30:00"
    assert data["plan"] == plan_to_dict(demo.plan)
    assert (len(demo.plan.quotas), len(demo.plan.goals), len(demo.plan.notes)) == (3, 3, 6)
    assert json.loads(demo_text)["plan"]["goals"] == data["plan"]["goals"]


@pytest.mark.parametrize(("part", "index", "key", "value", "message"), [
    ("quotas", 0, "start_percent", 0, "start percent: 0 is not allowed"),
    ("quotas", 1, "colour", "red", "quota activity key: 'colour' is not allowed"),
    ("goals", 0, "due", "2027-02-30", "goal due date: '2027-02-30' is not allowed"),
    ("goals", 1, "id", "walk-dog", "goal ids: ['walk-dog', 'walk-dog', 'lift-cases'] is not allowed"),
    ("notes", 0, "limitation", "juggling", "limitation: 'juggling' is not allowed"),
])
def test_bad_plan_records_are_case_file_errors(demo_text: str, part: str, index: int, key: str, value: object,
                                               message: str) -> None:
    data = json.loads(demo_text)
    data["plan"][part][index][key] = value
    with pytest.raises(CaseFileError) as info:
        parse(json.dumps(data))
    assert str(info.value).startswith(message)


def test_bad_phase_is_a_case_file_error(demo_text: str) -> None:
    data = json.loads(demo_text)
    data["plan"]["phased_return"]["phases"][0]["percent"] = 0
    with pytest.raises(CaseFileError, match="phase percentage"):
        parse(json.dumps(data))


def test_empty_phased_return_object_is_not_silently_dropped(demo_text: str) -> None:
    """{} has no contract, start or phases: it must be rejected like any other incomplete phased return."""
    data = json.loads(demo_text)
    data["plan"]["phased_return"] = {}
    with pytest.raises(CaseFileError, match="contract"):
        parse(json.dumps(data))


def test_contract_comes_from_shift_times_days(demo: Case) -> None:
    assert contract_for(demo) == Contract(40, 5)
    assert contract_for(Case("Ann Example")) == DEFAULT_CONTRACT


def test_generated_phases_step_up_to_the_contract_with_the_restrictions(demo: Case) -> None:
    phased = generate_plan(demo, START).phased_return
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


def test_restrictions_relax_only_on_a_new_measurement(demo: Case) -> None:
    later = date(2027, 6, 1)  # after every projected date: a projection must not lift a restriction
    projected = generate_plan(demo, later).phased_return
    assert projected is not None
    assert LIFT_12 in projected.phases[0].restrictions
    newest = demo.evaluations[-1]
    remeasured = replace(newest, id=None, assessed_on=date(2026, 11, 26),
                         profile=newest.profile.with_strength(Activity.LIFT_FLOOR_TO_WAIST, Frequency.OCCASIONAL, 23))
    improved = generate_plan(replace(demo, evaluations=(*demo.evaluations, remeasured)), later).phased_return
    assert improved is not None
    assert LIFT_12 not in improved.phases[0].restrictions
    assert "No lifting from floor to waist above 7 kg frequently" in improved.phases[0].restrictions


def test_quotas_goals_contract_and_longest_duration_are_kept(demo: Case) -> None:
    assert demo.plan.phased_return is not None
    own = replace(demo.plan.phased_return, contract=Contract(30, 4), max_weeks=8)
    generated = generate_plan(demo, date(2027, 2, 1), replace(demo.plan, phased_return=own))
    assert (generated.quotas, generated.goals) == (demo.plan.quotas, demo.plan.goals)
    assert generated.phased_return is not None
    assert generated.phased_return.contract == Contract(30, 4)
    assert generated.phased_return.max_weeks == 8
    assert generated.phased_return.start == date(2027, 2, 1)


def test_regeneration_changes_are_empty_for_a_fresh_plan(demo: Case) -> None:
    fresh = generate_plan(demo, START, demo.plan)
    assert regeneration_changes(fresh, generate_plan(demo, START, fresh)) == []
    assert regeneration_changes(Plan(), fresh) == []


def test_regeneration_changes_name_edited_phases_and_keep_the_chosen_notes(demo: Case) -> None:
    fresh = generate_plan(demo, START, demo.plan)
    assert fresh.phased_return is not None
    phases = (replace(fresh.phased_return.phases[0], weeks=2), *fresh.phased_return.phases[1:])
    edited = replace(fresh, phased_return=replace(fresh.phased_return, phases=phases),
                     notes=(fresh.notes[0].edit("Provide a hoist for every load."), *fresh.notes[1:]))
    regenerated = generate_plan(demo, START, edited)
    changes = regeneration_changes(edited, regenerated)
    assert len(changes) == 1
    assert changes[0].startswith("the 4 phases")
    assert regenerated.notes == edited.notes  # the clinician's chosen (and edited) notes are kept as they are


def test_regeneration_does_not_silently_drop_the_clinicians_fit_note_choice(demo: Case) -> None:
    fresh = generate_plan(demo, START, demo.plan)
    assert fresh.phased_return is not None
    chosen = FitNoteOptions(phased_return=True)
    current = replace(fresh, phased_return=replace(fresh.phased_return, fit_note=chosen))
    regenerated = generate_plan(demo, START, current)
    assert regenerated.phased_return is not None
    assert regenerated.phased_return.fit_note == chosen or regeneration_changes(current, regenerated)
