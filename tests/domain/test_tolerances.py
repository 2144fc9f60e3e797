"""Tolerances for rated demands: what an evaluation records, and the item-by-item match and restrictions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from factories import mismatched_case

from rtw_planner.domain.capacity.evaluation import Evaluation
from rtw_planner.domain.capacity.tolerances import Tolerance, tolerances_from_dict, tolerances_to_dict
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.ratings import RatedGroup, Rating
from rtw_planner.domain.match.items import MatchStatus
from rtw_planner.domain.match.job import job_match
from rtw_planner.domain.match.planning import generated_phases
from rtw_planner.domain.match.rated import match_rated, rated_restriction, rated_restrictions

P, E, C = RatedGroup.PHYSICAL, RatedGroup.ENVIRONMENT, RatedGroup.COGNITIVE
N, S, OCC, F, CONST = Rating.NOT_PRESENT, Rating.SELDOM, Rating.OCCASIONAL, Rating.FREQUENT, Rating.CONSTANT
ON = date(2026, 11, 20)


def evaluated(**tolerances: Tolerance) -> Evaluation:
    """An evaluation on 20 Nov 2026 with tolerances keyed 'group:item'."""
    keyed = {(RatedGroup(k.split("__")[0]), k.split("__")[1]): t for k, t in tolerances.items()}
    return Evaluation(ON, "Priya Shah", "WorkWell FCE", tolerances=keyed)


def test_an_evaluation_records_no_tolerances_by_default() -> None:
    assert Evaluation(ON).tolerances == {}


def test_statuses_and_gaps_item_by_item() -> None:
    ratings = {(P, "stooping"): F, (P, "kneeling"): OCC, (P, "climbing"): OCC, (P, "crawling"): N,
               (E, "extreme_cold"): OCC, (C, "time_pressure"): F}
    evaluation = evaluated(physical__stooping=Tolerance(OCC, "observed in FCE"),
                           physical__kneeling=Tolerance(CONST, "observed in FCE"),
                           physical__crawling=Tolerance(N, "observed in FCE"),
                           environment__extreme_cold=Tolerance(N, "clinician rating"),
                           cognitive__time_pressure=Tolerance(OCC, "MoCA 24/30"))
    items = match_rated(ratings, evaluation)
    # crawling is rated N, so the job does not ask for it: not compared, whatever the tolerance
    assert [(i.key, i.status, i.gap) for i in items] == [
        ("climbing", MatchStatus.NOT_TESTED, None),
        ("stooping", MatchStatus.MISMATCH, "needs Frequent, tolerates Occasional"),
        ("kneeling", MatchStatus.MATCH, None),
        ("extreme_cold", MatchStatus.MISMATCH, "needs Occasional, tolerates Not at all"),
        ("time_pressure", MatchStatus.MISMATCH, "needs Frequent, tolerates Occasional"),
    ]
    assert items[1].provenance == "observed in FCE (20 Nov 2026, Priya Shah; WorkWell FCE)"
    assert items[0].provenance == "Not tested (20 Nov 2026, Priya Shah; WorkWell FCE)"


def test_equal_rank_matches_and_one_below_does_not() -> None:
    ratings = {(P, "handling"): CONST, (P, "reaching"): S}
    items = match_rated(ratings, evaluated(physical__handling=Tolerance(F), physical__reaching=Tolerance(S)))
    assert [(i.key, i.status) for i in items] == [("reaching", MatchStatus.MATCH),
                                                  ("handling", MatchStatus.MISMATCH)]
    assert items[1].provenance.startswith("Source not recorded")


def test_a_source_without_a_frequency_is_not_tested() -> None:
    items = match_rated({(P, "stooping"): OCC}, evaluated(physical__stooping=Tolerance(None, "to test at review")))
    assert items[0].status is MatchStatus.NOT_TESTED


def test_without_an_evaluation_every_rated_item_is_not_tested() -> None:
    items = match_rated({(P, "stooping"): F, (C, "memory"): OCC}, None)
    assert [(i.name, i.status) for i in items] == [("Stooping", MatchStatus.NOT_TESTED),
                                                   ("Memory", MatchStatus.NOT_TESTED)]


@pytest.mark.parametrize(("group", "key", "demand", "tolerated", "wording"), [
    (P, "stooping", F, OCC, "Stooping: no more than occasionally (up to a third of the day)"),
    (P, "kneeling", OCC, S, "Kneeling: no more than seldom (up to 2% of the day)"),
    (P, "handling", CONST, F, "Handling: no more than frequently (up to two thirds of the day)"),
    (P, "near_acuity", F, N, "Near acuity: not at all"),
    (E, "extreme_cold", OCC, N, "Avoid extreme cold"),
    (E, "high_exposed_places", S, N, "Avoid work at heights or in exposed places"),
    (E, "noise", F, OCC, "Noise: no more than occasionally (up to a third of the day)"),
    (C, "time_pressure", F, OCC, "Time pressure: no more than occasionally (up to a third of the day)"),
    (C, "shift_work", OCC, N, "Shift work: not at all"),
])
def test_restriction_wording(group: RatedGroup, key: str, demand: Rating, tolerated: Rating, wording: str) -> None:
    evaluation = Evaluation(ON, tolerances={(group, key): Tolerance(tolerated)})
    (item,) = match_rated({(group, key): demand}, evaluation)
    assert rated_restriction(item) == wording


def test_no_restriction_for_a_match_or_an_untested_item() -> None:
    items = match_rated({(P, "stooping"): OCC, (P, "kneeling"): OCC}, evaluated(physical__stooping=Tolerance(F)))
    assert rated_restrictions(items) == ()


def test_validation_refuses_strength_unknown_items_and_bad_codes() -> None:
    with pytest.raises(ValidationError, match="strength"):
        Evaluation(ON, tolerances={(P, "strength"): Tolerance(OCC)})
    with pytest.raises(ValidationError, match="tolerance"):
        Evaluation(ON, tolerances={(P, "juggling"): Tolerance(OCC)})
    with pytest.raises(ValidationError, match="tolerances/physical/stooping"):
        tolerances_from_dict({"physical": {"stooping": {"tolerated": "X"}}})
    with pytest.raises(ValidationError, match="tolerances/physical"):
        tolerances_from_dict({"physical": {"strength": {"tolerated": "O"}}})
    with pytest.raises(ValidationError, match="tolerated"):
        Tolerance("O")  # type: ignore[arg-type]


def test_plain_data_round_trip() -> None:
    data = {"physical": {"stooping": {"tolerated": "O", "source": "observed in FCE"}},
            "cognitive": {"memory": {"tolerated": None, "source": "to test"}}}
    tolerances = tolerances_from_dict(data)
    assert tolerances == {(P, "stooping"): Tolerance(OCC, "observed in FCE"), (C, "memory"): Tolerance(None, "to test")}
    assert tolerances_to_dict(tolerances) == data


def test_job_match_counts_rated_items_and_phases_carry_their_restrictions() -> None:
    case = mismatched_case()
    retest = replace(case.evaluations[1], tolerances={(P, "stooping"): Tolerance(OCC, "observed in FCE")})
    case = replace(case, evaluations=(case.evaluations[0], retest))
    result = job_match(case)
    # the picker's job rates 17 physical factors, 3 conditions and 5 cognitive demands above N; one is tested
    assert len(result.rated_items) == 25
    stooping = next(i for i in result.rated_items if i.key == "stooping")
    assert stooping.status is MatchStatus.MISMATCH
    measured_mismatches = sum(1 for i in result.items if i.status is MatchStatus.MISMATCH)
    assert result.count(MatchStatus.MISMATCH) == measured_mismatches + 1
    assert result.total == len(result.items) + 25
    phases = generated_phases(case)
    assert all("Stooping: no more than occasionally (up to a third of the day)" in p.restrictions for p in phases)


def test_generated_rated_restrictions_are_recognised() -> None:
    from rtw_planner.domain.match.rated import is_rated_restriction

    assert is_rated_restriction("Avoid extreme cold.")
    assert is_rated_restriction("stooping:  no more than SELDOM (up to 2% of the day)")
    assert is_rated_restriction("Time pressure: not at all")
    assert not is_rated_restriction("Stooping: no more than twice an hour")  # the clinician's own words
    assert not is_rated_restriction("Strength: not at all")  # strength is never a rated restriction


def test_rated_mismatches_lead_to_adjustments_of_their_limitation() -> None:
    from rtw_planner.domain.match.accommodations import Control, Note, suggest
    from rtw_planner.domain.plan.adjustments import Limitation

    library = (Note("bend", Limitation.BENDING_KNEELING, "Raise the stock.", Control.ENGINEERING, "JAN"),
               Note("focus", Limitation.CONCENTRATION, "Quiet area.", Control.WORK_ORGANISATION, "JAN"),
               Note("lift", Limitation.LIFTING_CARRYING, "Use a hoist.", Control.ENGINEERING, "JAN"))
    ratings = {(P, "stooping"): F, (P, "kneeling"): OCC, (E, "extreme_cold"): OCC, (C, "time_pressure"): F}
    evaluation = evaluated(physical__stooping=Tolerance(OCC), physical__kneeling=Tolerance(S),
                           environment__extreme_cold=Tolerance(N), cognitive__time_pressure=Tolerance(F))
    found = suggest((), library=library, rated_items=match_rated(ratings, evaluation))
    # stooping and kneeling point to bending; the cold has no note; time pressure is tolerated
    assert [(s.note.id, s.reasons) for s in found] == [
        ("bend", ("Stooping: needs Frequent, tolerates Occasional", "Kneeling: needs Occasional, tolerates Seldom"))]
