"""Random cases and random edits of every kind: the inverse gives the original case back, and redo the edit."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rtw_planner.domain.capacity.evaluation import Effort, Evaluation
from rtw_planner.domain.capacity.grip import GripTrials, Hand, Sex
from rtw_planner.domain.case.model import Case, Consent, ConsentCategory
from rtw_planner.domain.case.outcome_records import OutcomeRecord, PracticeEntry
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.job import DemandSource, JobDemands, Task
from rtw_planner.domain.demands.profile import (
    POSTURE_ACTIVITIES,
    STRENGTH_ACTIVITIES,
    Frequency,
    PhysicalProfile,
    PostureTolerance,
)
from rtw_planner.domain.demands.ratings import KEY_TO_NAME, RatedGroup, Rating
from rtw_planner.domain.edits import capacity_edits, case_edits, demand_edits, plan_edits, progress_edits
from rtw_planner.domain.edits.commands import Batch, Edit
from rtw_planner.domain.edits.lenses import DEMANDS_PROFILE, Attr, evaluation
from rtw_planner.domain.plan.fitness import FitnessOutcome, FitnessStatement
from rtw_planner.domain.plan.goals import Goal, GoalStatus
from rtw_planner.domain.plan.model import PersonalFlarePlan, Plan, SafetyReview
from rtw_planner.domain.plan.phases import Contract, Duties, FitNoteOptions, Phase, PhasedReturn
from rtw_planner.domain.plan.quota import QuotaActivity, QuotaUnit

words = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")), max_size=20)
names = words.filter(lambda t: bool(t.strip()))
days = st.dates(date(2000, 1, 1), date(2030, 12, 31))
numbers = st.integers(0, 400).map(float)
profiles = st.builds(PhysicalProfile, strength=st.dictionaries(
    st.tuples(st.sampled_from(STRENGTH_ACTIVITIES), st.sampled_from(Frequency)), numbers, max_size=4))
evaluations = st.builds(Evaluation, days, names, words, st.sampled_from(Effort), words, profiles)
tasks = st.builds(Task, names, st.booleans(), st.none() | st.integers(0, 30).map(float))
goals = st.builds(Goal, st.uuids().map(str), names, names, days, st.sampled_from(GoalStatus))
quotas = st.builds(QuotaActivity, st.uuids().map(str), st.sampled_from(QuotaUnit),
                   st.lists(st.integers(1, 20).map(float), min_size=1, max_size=3).map(tuple), st.integers(25, 60))
phases = st.builds(Phase, st.integers(1, 4), st.integers(10, 100).map(float), duties=st.sampled_from(Duties))
consents = st.builds(Consent, st.sampled_from(ConsentCategory), names, names, days)
records = st.builds(OutcomeRecord, st.just("PEG"), days, st.just((7.0, 6.0, 8.0)), st.just(7.0))
practice = st.builds(PracticeEntry, days, names, st.none(), st.none() | numbers, st.booleans())


@st.composite
def cases(draw: st.DrawFn) -> Case:
    phased = draw(st.none() | st.builds(PhasedReturn, st.just(Contract(40, 5)), days,
                                        st.lists(phases, min_size=1, max_size=3).map(tuple)))
    plan = Plan(quotas=tuple({q.name: q for q in draw(st.lists(quotas, max_size=2))}.values()),
                goals=tuple({g.id: g for g in draw(st.lists(goals, max_size=2))}.values()), phased_return=phased)
    return Case(draw(names), employer=draw(words), consents=tuple(draw(st.lists(consents, max_size=2))),
                demands=JobDemands(profile=draw(profiles), tasks=tuple(draw(st.lists(tasks, max_size=3)))),
                evaluations=tuple(draw(st.lists(evaluations, max_size=2))), plan=plan,
                outcomes=tuple(draw(st.lists(records, max_size=2))),
                practice_log=tuple(draw(st.lists(practice, max_size=2))))


def _index(draw: st.DrawFn, items: tuple[object, ...], extra: int = 0) -> int | None:
    if not items and not extra:
        return None
    return draw(st.integers(0, len(items) - 1 + extra))


@st.composite
def edits(draw: st.DrawFn, case: Case) -> Edit:  # noqa: C901 - one branch per kind of edit
    kind = draw(st.integers(0, 21))
    ev = _index(draw, case.evaluations)
    if kind == 0:
        return case_edits.set_case_field(draw(st.sampled_from(["patient_name", "employer", "job_title"])), draw(words))
    if kind == 1:
        return case_edits.set_case_field(draw(st.sampled_from(["review_date", "rtw_start_date"])), draw(days))
    if kind == 2:
        return case_edits.set_case_field("sex", draw(st.none() | st.sampled_from(Sex)))
    if kind == 3:
        return case_edits.set_clinician({"name": draw(names), "profession": "", "registration_number": "",
                                         "phone": draw(words), "email": ""}, "name")
    if kind == 4:
        where = DEMANDS_PROFILE if ev is None or draw(st.booleans()) else Attr(evaluation(ev), "profile")
        return demand_edits.set_strength(where, draw(st.sampled_from(STRENGTH_ACTIVITIES)),
                                         draw(st.sampled_from(Frequency)), draw(st.none() | numbers))
    if kind == 5:
        minutes = sorted(draw(st.lists(st.integers(0, 1440).map(float), min_size=2, max_size=2)))
        return demand_edits.set_posture(DEMANDS_PROFILE, draw(st.sampled_from(POSTURE_ACTIVITIES)),
                                        draw(st.none() | st.just(PostureTolerance(*minutes))))
    if kind == 6:
        group = draw(st.sampled_from(RatedGroup))
        return demand_edits.set_rating(group, draw(st.sampled_from(sorted(KEY_TO_NAME[group]))),
                                       draw(st.sampled_from(Rating)))
    if kind == 7:
        return demand_edits.set_demand_field("shift_hours", draw(st.none() | st.integers(1, 12).map(float)), "8")
    if kind == 8:
        return demand_edits.set_source(draw(st.sampled_from(DemandSource)), draw(words))
    if kind == 9:
        index = _index(draw, case.demands.tasks, extra=1)
        assert index is not None
        if index == len(case.demands.tasks):
            return demand_edits.add_task(draw(tasks), index)
        if draw(st.booleans()):
            return demand_edits.remove_task(index)
        return demand_edits.edit_task(index, draw(tasks), "name")
    if kind == 10 and ev is not None:
        return capacity_edits.delete_evaluation(ev, case.evaluations[ev])
    if kind == 11:
        return capacity_edits.add_evaluation(draw(evaluations), draw(st.integers(0, len(case.evaluations))))
    if kind == 12 and ev is not None:
        field = draw(st.sampled_from(["assessed_on", "evaluator", "effort"]))
        value = {"assessed_on": days, "evaluator": words, "effort": st.sampled_from(Effort)}[field]
        return capacity_edits.set_evaluation_field(ev, field, draw(value))
    if kind == 13 and ev is not None:
        trials = tuple(draw(st.lists(st.integers(0, 80).map(float), min_size=3, max_size=3)))
        return capacity_edits.set_grip(ev, draw(st.just(()) | st.just((GripTrials(Hand.LEFT, trials),))),
                                       Hand.LEFT, "1")
    if kind == 14:
        consent = _index(draw, case.consents)
        if consent is None or draw(st.booleans()):
            return case_edits.add_consent(draw(consents), len(case.consents))
        return case_edits.remove_consent(consent, case.consents[consent])
    if kind == 15 and case.plan.phased_return is not None:
        index = draw(st.integers(0, len(case.plan.phased_return.phases) - 1))
        return plan_edits.edit_phase(index, draw(phases), "weeks")
    if kind == 16:
        return plan_edits.set_start(draw(st.none() | days), case.plan.phased_return is not None)
    if kind == 17:
        index = _index(draw, case.plan.quotas)
        if index is None or draw(st.booleans()):
            return plan_edits.add_quota(draw(quotas), len(case.plan.quotas))
        return plan_edits.remove_quota(index, case.plan.quotas[index])
    if kind == 18:
        index = _index(draw, case.plan.goals)
        if index is None:
            return plan_edits.add_goal(draw(goals), 0)
        return plan_edits.edit_goal(index, draw(goals), "target")
    if kind == 19:
        return Batch((plan_edits.set_fitness(draw(st.none() | st.builds(FitnessStatement, st.sampled_from(
            FitnessOutcome))), "outcome"), plan_edits.set_safety_review(draw(st.none() | st.builds(
                SafetyReview, days, words)), "note", "x")), "several")
    if kind == 20:
        return plan_edits.set_flare_plan(PersonalFlarePlan((draw(words),)), "triggers", "x")
    if kind == 21 and case.plan.phased_return is not None:
        return plan_edits.set_fit_note(draw(st.none() | st.builds(FitNoteOptions, st.booleans())))
    record = _index(draw, case.outcomes)
    if record is not None and draw(st.booleans()):
        return progress_edits.remove_outcome(record, case.outcomes[record])
    entry = _index(draw, case.practice_log)
    if entry is not None and draw(st.booleans()):
        return progress_edits.remove_practice(entry, case.practice_log[entry])
    return progress_edits.add_outcome(draw(records), len(case.outcomes))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_apply_then_inverse_gives_the_original_case(data: st.DataObject) -> None:
    case = data.draw(cases())
    edit = data.draw(edits(case))
    try:
        edited, inverse = edit.apply(case)
    except ValidationError:
        return  # refused, and the case (a value) is untouched
    restored, redo = inverse.apply(edited)
    assert restored == case
    assert redo.apply(restored)[0] == edited


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_sequence_of_edits_undone_in_reverse_gives_the_original_case(data: st.DataObject) -> None:
    case = original = data.draw(cases())
    inverses: list[Edit] = []
    for _ in range(data.draw(st.integers(1, 6))):
        try:
            case, inverse = data.draw(edits(case)).apply(case)
        except ValidationError:
            continue
        inverses.append(inverse)
    for inverse in reversed(inverses):
        case, _ = inverse.apply(case)
    assert case == original
