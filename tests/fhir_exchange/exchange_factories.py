"""The factory case with every field the bundle maps filled: consents, treatment sessions, a fear hierarchy,
Liberty Mutual handling tasks and tolerances of rated demands on top of the followed-up case."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from factories import consented_case, with_exposure, with_treatment
from mmh_factories import pallet_push, paper_lift, tote_carry

from rtw_planner.domain.capacity.tolerances import Tolerance, ToleranceKey
from rtw_planner.domain.case.model import Case, ConsentCategory
from rtw_planner.domain.demands.ratings import RatedGroup, Rating

# At the re-test: stooping observed, kneeling not at all, noise from the patient's own account (Unicode), memory
# not tested yet with its test noted, handling with no source.
RETEST_TOLERANCES: dict[ToleranceKey, Tolerance] = {
    (RatedGroup.PHYSICAL, "stooping"): Tolerance(Rating.OCCASIONAL, "observed in FCE"),
    (RatedGroup.PHYSICAL, "kneeling"): Tolerance(Rating.NOT_PRESENT, "clinician rating"),
    (RatedGroup.ENVIRONMENT, "noise"): Tolerance(Rating.FREQUENT, "Selbstbericht – Lärm ≤ 85 dB(A) «ok»"),
    (RatedGroup.COGNITIVE, "memory"): Tolerance(None, "MoCA booked"),
    (RatedGroup.PHYSICAL, "handling"): Tolerance(Rating.CONSTANT),
}


def exchange_case(*categories: ConsentCategory, **changes: Any) -> Case:
    """consented_case with physiotherapy and psychology sessions (counted as working time), the fear hierarchy
    of with_exposure, three handling tasks (the paper's lift, a pallet push and an unnamed tote carry) and
    RETEST_TOLERANCES on the second evaluation."""
    case = with_exposure(with_treatment(consented_case(*categories, **changes)))
    first, retest = case.evaluations
    return replace(case, demands=replace(case.demands, mmh_tasks=(paper_lift(), pallet_push(), tote_carry(name=""))),
                   evaluations=(first, replace(retest, tolerances=RETEST_TOLERANCES)))
