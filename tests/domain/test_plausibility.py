"""The plausibility layer: entries that pass validation but are probably wrong, each with field, value and what was
expected; shown by the GUI at the field and by the pre-flight as warnings, never as blocks."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from factories import AS_OF, followed_up_case, planned_case

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.case.outcome_records import OutcomeRecord, PracticeEntry
from rtw_planner.domain.checks.plausibility import Tab, plausibility
from rtw_planner.domain.demands.profile import Activity, Frequency, PhysicalProfile
from rtw_planner.domain.demands.strength import StrengthLevel
from rtw_planner.domain.issuing.disclosure import DisclosureRequest, DocumentKind
from rtw_planner.domain.issuing.preflight import Severity, preflight
from rtw_planner.domain.plan.goals import GoalStatus
from rtw_planner.domain.plan.quota import QuotaActivity, QuotaUnit

LIFT = Activity.LIFT_FLOOR_TO_WAIST
OCC, FREQ = Frequency.OCCASIONAL, Frequency.FREQUENT


def fields(case: Case) -> list[str]:
    return [p.field for p in plausibility(case, AS_OF)]


def test_the_story_case_is_plausible() -> None:
    assert plausibility(followed_up_case(), AS_OF) == ()


def test_a_frequent_load_above_the_occasional_one() -> None:
    """40 kg frequently against 15 kg occasionally: the columns are probably swapped."""
    case = planned_case()
    profile = PhysicalProfile({(LIFT, OCC): 15, (LIFT, FREQ): 40}, case.demands.profile.postures)
    demands = replace(case.demands, profile=profile, strength_rating=None)  # loads alone, no level to compare
    (found,) = plausibility(replace(case, demands=demands), AS_OF)
    assert (found.tab, found.field) == (Tab.DEMANDS, "Job demands: Lift floor to waist")
    assert found.problem == "the frequent value (40 kg) is above the occasional one (15 kg)."


def test_dates_in_the_future_and_before_the_assessment() -> None:
    case = followed_up_case()
    ahead = OutcomeRecord("PEG", AS_OF + timedelta(days=30), (5, 5, 5), 5.0)
    early = replace(case, outcomes=(*case.outcomes, ahead), rtw_start_date=date(2026, 11, 1))
    assert fields(early) == ["PEG date", "Return-to-work start"]
    assert "2027-01-05 is in the future" in str(plausibility(early, AS_OF)[0])
    evaluation = replace(case.evaluations[-1], assessed_on=AS_OF + timedelta(days=10))
    assert "Evaluation date" in fields(replace(case, evaluations=(*case.evaluations[:-1], evaluation)))


def test_an_open_goal_due_in_the_past() -> None:
    case = planned_case()
    goal = replace(case.plan.goals[0], due=date(2020, 3, 1), milestones=())
    stale = replace(case, plan=replace(case.plan, goals=(goal, *case.plan.goals[1:])))
    assert fields(stale) == [f"Goal '{goal.id}' due date"]
    done = replace(goal, status=GoalStatus.ACHIEVED)
    assert fields(replace(case, plan=replace(case.plan, goals=(done, *case.plan.goals[1:])))) == []


def test_a_quota_goal_not_above_the_baseline() -> None:
    """Trials 8, 10, 12 minutes: a baseline of 10; a goal of 10 is not above it."""
    case = planned_case()
    flat = QuotaActivity("Walking", QuotaUnit.MINUTES, (8, 10, 12), 10)
    (found,) = plausibility(replace(case, plan=replace(case.plan, quotas=(flat,), goals=())), AS_OF)
    assert found.problem == "10 min is not above the baseline of 10 min."


def test_quota_met_with_less_done_than_the_quota() -> None:
    """25 done against a quota of 69, marked met."""
    case = followed_up_case()
    wrong = PracticeEntry(date(2026, 12, 1), "Walking", 69, 25, True)
    (found,) = plausibility(replace(case, practice_log=(*case.practice_log, wrong)), AS_OF)
    assert (found.tab, found.field) == (Tab.PROGRESS, "Practice on 2026-12-01")
    assert "25 done against a quota of 69" in found.problem


def test_the_pre_flight_shows_them_as_warnings() -> None:
    case = followed_up_case()
    wrong = PracticeEntry(date(2026, 12, 1), "Walking", 69, 25, True)
    result = preflight(DocumentKind.EMPLOYER_LETTER, replace(case, practice_log=(wrong,)),
                       DisclosureRequest(case.employer), AS_OF)
    practice = [f for f in result.findings if f.field == "Practice on 2026-12-01"]
    assert [f.severity for f in practice] == [Severity.WARN]


def test_a_dot_strength_level_the_loads_contradict() -> None:
    """The picker lifts 23 kg occasionally (50.7 lb: above the DOT's 50 lb Medium limit, so Heavy); rated Medium by
    hand, the rating is flagged; rated Heavy, or with no loads to check against, it is not."""
    case = planned_case()
    rated_medium = replace(case, demands=replace(case.demands, strength_rating=StrengthLevel.MEDIUM))
    (found,) = plausibility(rated_medium, AS_OF)
    assert (found.tab, found.field) == (Tab.DEMANDS, "DOT factors: Strength")
    assert found.problem == "rated Medium, but the loads entered make the job Heavy on the DOT table."
    assert plausibility(replace(case, demands=replace(case.demands, strength_rating=StrengthLevel.HEAVY)), AS_OF) == ()
    no_loads = replace(case.demands, profile=PhysicalProfile({}, case.demands.profile.postures),
                       strength_rating=StrengthLevel.SEDENTARY)
    assert "DOT factors: Strength" not in fields(replace(case, demands=no_loads))
