"""A job's handling tasks for the Liberty Mutual equations: checked on entry, evaluated for either population, and
kept whole by the case file."""

from __future__ import annotations

import json
from typing import Any

import pytest
from factories import case_text
from mmh_factories import handling_case, pallet_push, paper_lift, tote_carry

from rtw_planner.domain.case.casefile import CaseFileError, parse
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.liberty_mutual import Kind, Sex
from rtw_planner.domain.demands.mmh_tasks import MmhJobTask


def test_the_papers_worked_example_as_a_job_task() -> None:
    # 34.9 × .766 × .948 × .907 × .677 = 15.56 kg; SD .260 × 15.56 = 4.05; 12 kg: z = (12 - 15.56)/4.05 = -.879,
    # so 81.0% of females accept it.
    result = paper_lift().evaluate(Sex.FEMALE)
    assert result.mal == pytest.approx(15.56, abs=0.005)
    assert result.percent_capable(12) == pytest.approx(81.0, abs=0.05)


def test_female_carry_worked_by_hand() -> None:
    # RL 28.6; V 0.9: 1.1645 - 0.9/4.437 = .96166; DH 5: 1.0101 - 5/207.8 = .98604; F 1: .6224 + 0 = .6224.
    # MAL = 28.6 × .96166 × .98604 × .6224 = 16.879 kg; SD .231 × 16.879 = 3.899; 15 kg: z = -.482 -> 68.5%.
    result = tote_carry().evaluate(Sex.FEMALE)
    assert result.mal == pytest.approx(16.879, abs=0.002)
    assert result.percent_capable(15) == pytest.approx(68.5, abs=0.05)


def test_female_initial_push_worked_by_hand() -> None:
    # RL 36.9; V 0.95: -.5304 + .95/.3361 - .9025/.6915 = .99101; DH 15: 1.0286 - 15/72.22 + 225/9782 = .84390;
    # F 1: .7251. MAL = 36.9 × .99101 × .84390 × .7251 = 22.377 kgf.
    task = pallet_push()
    assert task.equation is Kind.PUSH_INITIAL
    assert task.is_force
    assert task.evaluate(Sex.FEMALE).mal == pytest.approx(22.377, abs=0.002)


def test_male_carry_worked_by_hand() -> None:
    # RL 74.9; V 1.0: 1.5505 - 1/1.417 = .84478; DH 5: 1.1172 - ln 5/6.332 = .86303; F 1: .5149.
    # MAL = 74.9 × .84478 × .86303 × .5149 = 28.117 kg.
    assert tote_carry(v_m=1.0).evaluate(Sex.MALE).mal == pytest.approx(28.117, abs=0.002)


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"kind": "shove"}, "kind"),
    ({"phase": None}, "phase"),  # push needs one
    ({"phase": "midway"}, "phase"),
    ({"load": 0}, "load"),
    ({"frequency_per_min": 0}, "frequency_per_min"),
    ({"dh_m": None}, "dh_m"),
    ({"h_m": 0.4}, "h_m"),  # push takes V and DH, not H
    ({"units": "imperial"}, "units"),
    ({"handles": "poor"}, "handles"),  # handles are for lift and lower
])
def test_an_impossible_task_names_the_field(kwargs: dict[str, Any], field: str) -> None:
    values: dict[str, Any] = {"kind": "push", "frequency_per_min": 1, "load": 20, "phase": "initial", "v_m": 0.95,
                              "dh_m": 15} | kwargs
    with pytest.raises(ValidationError) as info:
        MmhJobTask(**values)
    assert info.value.field == field


def test_a_lift_has_no_phase() -> None:
    with pytest.raises(ValidationError, match="only push and pull have a phase"):
        paper_lift(phase="initial")


def test_the_case_file_keeps_the_tasks_whole() -> None:
    case = handling_case(paper_lift(handles="poor", units="us"), pallet_push(), tote_carry())
    data = json.loads(case_text(case))
    assert data["demands"]["mmh_tasks"][1] == {"kind": "push", "frequency_per_min": 1, "load": 20,
                                               "phase": "initial", "v_m": 0.95, "dh_m": 15, "handles": "yes",
                                               "name": "Pallet truck", "units": "metric"}
    assert "phase" not in data["demands"]["mmh_tasks"][0]
    assert parse(case_text(case)).demands.mmh_tasks == case.demands.mmh_tasks


@pytest.mark.parametrize(("change", "message"), [
    ({"kind": "shove"}, r"^demands/mmh_tasks/0/kind: 'shove' is not one of"),
    ({"load": -1}, r"^demands/mmh_tasks/0/load: -1 is less than or equal to the minimum of 0"),
    ({"weight": 3}, r"^demands/mmh_tasks/0: .*'weight' was unexpected"),
    ({"h_m": 0.3}, r"^h_m: 0.3 is not allowed; expected nothing: push initial does not take horizontal reach H$"),
    ({"phase": None}, r"^phase: None is not allowed; expected one of initial, sustained$"),
])
def test_a_bad_task_in_a_case_file_is_named(change: dict[str, Any], message: str) -> None:
    data = json.loads(case_text(handling_case(pallet_push())))
    data["demands"]["mmh_tasks"][0].update(change)
    with pytest.raises(CaseFileError, match=message):
        parse(json.dumps(data))


def test_edits_add_change_and_remove_with_their_inverse() -> None:
    from rtw_planner.domain.edits import demand_edits

    case = handling_case(paper_lift())
    added, undo_add = demand_edits.add_mmh_task(pallet_push(), 1).apply(case)
    assert added.demands.mmh_tasks == (paper_lift(), pallet_push())
    assert demand_edits.add_mmh_task(pallet_push(), 1).text == "add handling task"
    changed, undo_change = demand_edits.edit_mmh_task(1, pallet_push(load=25)).apply(added)
    assert changed.demands.mmh_tasks[1].load == 25
    removed, undo_remove = demand_edits.remove_mmh_task(0).apply(changed)
    assert removed.demands.mmh_tasks == (pallet_push(load=25),)
    assert undo_remove.apply(removed)[0] == changed
    assert undo_change.apply(changed)[0] == added
    assert undo_add.apply(added)[0] == case
