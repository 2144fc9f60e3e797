"""The factory case with every field the bundle maps filled: consents, treatment sessions, a fear hierarchy and
Liberty Mutual handling tasks on top of the followed-up case."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from factories import consented_case, with_exposure, with_treatment
from mmh_factories import pallet_push, paper_lift, tote_carry

from rtw_planner.domain.case.model import Case, ConsentCategory


def exchange_case(*categories: ConsentCategory, **changes: Any) -> Case:
    """consented_case with physiotherapy and psychology sessions (counted as working time), the fear hierarchy
    of with_exposure, and three handling tasks: the paper's lift, a pallet push and an unnamed tote carry."""
    case = with_exposure(with_treatment(consented_case(*categories, **changes)))
    return replace(case, demands=replace(case.demands, mmh_tasks=(paper_lift(), pallet_push(), tote_carry(name=""))))
