"""Small handling tasks of a job for the Liberty Mutual equations, and a case that holds them."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from factories import followed_up_case

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.demands.mmh_tasks import MmhJobTask


def paper_lift(**changes: Any) -> MmhJobTask:
    """The paper's worked example (Potvin et al. 2021, section 3.4) with a 12 kg box: H 0.38, VRM 1.03, DV 0.51 m,
    once a minute; for females MAL 15.56 kg and 81.0% capable."""
    return replace(MmhJobTask("lift", 1, 12, h_m=0.38, vrm_m=1.03, dv_m=0.51, name="Totes to the belt"), **changes)


def pallet_push(**changes: Any) -> MmhJobTask:
    """Starting a pallet truck: 20 kgf at hand height 0.95 m over 15 m, once a minute."""
    return replace(MmhJobTask("push", 1, 20, phase="initial", v_m=0.95, dh_m=15, name="Pallet truck"), **changes)


def tote_carry(**changes: Any) -> MmhJobTask:
    """Carrying a 15 kg tote at 0.9 m (female) over 5 m, once a minute."""
    return replace(MmhJobTask("carry", 1, 15, v_m=0.9, dh_m=5, name="Tote to the cage"), **changes)


def handling_case(*tasks: MmhJobTask, **changes: Any) -> Case:
    """The followed-up case (male) with these handling tasks in its demands."""
    case = followed_up_case(**changes)
    return replace(case, demands=replace(case.demands, mmh_tasks=tasks or (paper_lift(), pallet_push())))
