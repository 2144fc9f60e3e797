"""The match shows each handling task's Liberty Mutual result for the person's sex: the MAL, the share of the
population able to handle the task's load, and no figure where the equation has no valid value."""

from __future__ import annotations

import pytest
from mmh_factories import handling_case, pallet_push, paper_lift, tote_carry

from rtw_planner.domain.capacity.grip import Sex as PersonSex
from rtw_planner.domain.demands.niosh import LiftingTask
from rtw_planner.domain.match.handling import UNRECORDED_SEX, check, lifting_as_handling
from rtw_planner.domain.match.job import job_match


def test_a_woman_is_matched_with_the_female_equations() -> None:
    result = job_match(handling_case(paper_lift(), tote_carry(), sex=PersonSex.FEMALE))
    lift, carry = result.handling
    # The paper: 15.56 kg for 50% of females; 12 kg acceptable to 81.0%; MAL90 = 15.56 × (1 - .260 × 1.2816) = 10.37.
    assert (lift.sex.value, lift.sex_recorded, lift.unit) == ("female", True, "kg")
    assert lift.mal == pytest.approx(15.56, abs=0.005)
    assert lift.mal_for(90) == pytest.approx(10.37, abs=0.005)
    assert lift.percent_capable == pytest.approx(81.0, abs=0.05)
    assert not lift.higher_risk
    # Carry by hand (test_mmh_tasks): MAL 16.879 kg, 15 kg acceptable to 68.5%: below 75%, higher risk.
    assert carry.percent_capable == pytest.approx(68.5, abs=0.05)
    assert carry.higher_risk
    assert UNRECORDED_SEX not in result.notes


def test_a_man_is_matched_with_the_male_equations() -> None:
    (carry,) = job_match(handling_case(tote_carry(v_m=1.0))).handling  # the followed-up case is a man
    # RL 74.9 × .84478 × .86303 × .5149 = 28.117 kg (test_mmh_tasks); 15 kg: z = (15 - 28.117)/(.278 × 28.117)
    # = -1.678, so 95.3% of males accept it.
    assert carry.sex.value == "male"
    assert carry.mal == pytest.approx(28.117, abs=0.002)
    assert carry.percent_capable == pytest.approx(95.3, abs=0.05)


def test_without_a_recorded_sex_the_female_equations_are_used_and_said() -> None:
    result = job_match(handling_case(pallet_push(), sex=None))
    (push,) = result.handling
    assert (push.sex.value, push.sex_recorded, push.unit) == ("female", False, "kgf")
    assert push.mal == pytest.approx(22.377, abs=0.002)  # by hand in test_mmh_tasks
    assert UNRECORDED_SEX in result.notes


def test_outside_the_ranges_no_figure_is_presented_as_valid() -> None:
    # DH 70 m is beyond the push range (2.1 to 61 m): extrapolated only, so no MAL and no percentage.
    (push,) = job_match(handling_case(pallet_push(dh_m=70), sex=PersonSex.FEMALE)).handling
    assert push.result is not None
    assert (push.valid, push.mal, push.percent_capable) == (False, None, None)
    assert any("horizontal distance DH 70.00 m is outside the equation's range" in w for w in push.warnings)


def test_where_the_equation_has_no_value_the_reason_is_given() -> None:
    # Female lift H 1.7 m: 1.2602 - 1.7/0.7686 = -0.95, a factor below 0, so the equation gives no load.
    far = check(paper_lift(h_m=1.7), None)
    assert far.result is None
    assert far.mal is None
    assert far.warnings[0].startswith("no value: a value where the horizontal reach H scale factor is above 0")


def test_a_niosh_lifting_task_as_a_liberty_mutual_lift() -> None:
    task = LiftingTask.metric(load_kg=12, h_cm=38, v_cm=77.5, d_cm=51, a_deg=0, frequency_per_min=1,
                              duration="long", coupling="fair", name="Totes")
    lift = lifting_as_handling(task)
    assert lift is not None
    # VRM = V + D/2 = 77.5 + 25.5 = 103 cm: the paper's example geometry, with fair coupling as poor handles.
    assert (lift.kind, lift.h_m, lift.vrm_m, lift.dv_m, lift.handles) == ("lift", 0.38, 1.03, 0.51, "poor")
    lowered = lifting_as_handling(LiftingTask.metric(load_kg=12, h_cm=38, v_cm=128.5, d_cm=51, a_deg=0,
                                                     frequency_per_min=1, duration="long", coupling="good",
                                                     control_at_destination=True, h_dest_cm=38, v_dest_cm=77.5))
    assert lowered is not None
    assert (lowered.kind, lowered.vrm_m) == ("lower", 1.03)
    assert lifting_as_handling(LiftingTask.metric(load_kg=12, h_cm=38, v_cm=75, d_cm=0, a_deg=0, frequency_per_min=1,
                                                  duration="long", coupling="good")) is None


def test_a_load_few_accept_leads_to_lifting_and_carrying_adjustments() -> None:
    from rtw_planner.domain.match.planning import suggest_for_case

    # The female carry (15 kg acceptable to 68.5%, by hand in test_mmh_tasks) is a reason; the paper's lift
    # (81.0%) is not.
    case = handling_case(paper_lift(), tote_carry(), sex=PersonSex.FEMALE)
    reasons = {reason for suggestion in suggest_for_case(case) for reason in suggestion.reasons}
    assert "Handling task 'Tote to the cage': 15 kg is acceptable to 68.5% of females (below 75%)" in reasons
    assert not any("Totes to the belt" in reason for reason in reasons)
