"""Generated whole cases (ratings, tasks, lifting tasks, evaluations with grip) read back equal from their file."""

from __future__ import annotations

import math
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rtw_planner.domain.capacity.evaluation import Effort, Evaluation, estimation_rules
from rtw_planner.domain.capacity.grip import GripTrials, Hand, Sex
from rtw_planner.domain.case.casefile import dumps, parse
from rtw_planner.domain.case.model import Case, Clinician
from rtw_planner.domain.demands.job import DemandSource, JobDemands, Task
from rtw_planner.domain.demands.niosh import Coupling, Duration, LiftingTask
from rtw_planner.domain.demands.profile import (
    POSTURE_ACTIVITIES,
    STRENGTH_ACTIVITIES,
    Activity,
    Exposure,
    Frequency,
    PhysicalProfile,
    PostureTolerance,
)
from rtw_planner.domain.demands.ratings import KEY_TO_NAME, LEVEL_RATED, RatedGroup, Rating
from rtw_planner.domain.demands.strength import StrengthLevel

names = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zs", "Zl", "Zp")),
                min_size=1, max_size=40)
optional_names = st.just("") | names
days = st.dates(date(1900, 1, 1), date(2200, 12, 31))


def number(low: float, high: float) -> st.SearchStrategy[float]:
    return st.floats(low, high) | st.integers(math.ceil(low), math.floor(high)).map(float)


tolerances = st.tuples(number(0, 1440), number(0, 1440)).map(sorted).map(lambda m: PostureTolerance(*m))
exposures = st.builds(Exposure, st.none() | number(0, 24), st.none() | number(0, 3600))
profiles = st.builds(
    PhysicalProfile,
    strength=st.dictionaries(st.tuples(st.sampled_from(STRENGTH_ACTIVITIES), st.sampled_from(Frequency)),
                             number(0, 500), max_size=6),
    postures=st.dictionaries(st.sampled_from(POSTURE_ACTIVITIES), tolerances),
    carry_distance_m=st.none() | number(0, 1000),
    exposure=st.dictionaries(st.sampled_from(STRENGTH_ACTIVITIES), exposures, max_size=3),
)
rating_keys = [(group, key) for group in RatedGroup for key in KEY_TO_NAME[group]
               if (group, key) != (RatedGroup.PHYSICAL, LEVEL_RATED)]  # Strength is rated by level
tasks = st.lists(st.builds(Task, names, st.booleans(), st.none() | number(0, 25),
                           st.lists(st.sampled_from(Activity), max_size=4, unique=True).map(tuple)), max_size=4)
lifting_tasks = st.builds(
    LiftingTask.metric, load_kg=number(0, 60), h_cm=number(25, 63), v_cm=number(0, 175), d_cm=number(25, 175),
    a_deg=number(0, 135), frequency_per_min=number(0.2, 15), duration=st.sampled_from(Duration),
    coupling=st.sampled_from(Coupling), name=optional_names, one_handed=st.booleans(),
    h_dest_cm=st.none() | number(25, 63), v_dest_cm=st.none() | number(0, 175),
)
demands = st.builds(
    JobDemands, profile=profiles, ratings=st.dictionaries(st.sampled_from(rating_keys), st.sampled_from(Rating)),
    shift_hours=st.none() | number(0.5, 24), days_per_week=st.none() | number(0.5, 7), tasks=tasks,
    lifting_tasks=st.lists(lifting_tasks, max_size=2).map(tuple), source=st.sampled_from(DemandSource),
    template=optional_names, arm_leg_controls=st.booleans(), production_pace=st.booleans(),
    strength_rating=st.none() | st.sampled_from(StrengthLevel),
)
grips = st.lists(st.sampled_from(Hand), unique=True, max_size=2).flatmap(
    lambda hands: st.tuples(*(st.builds(GripTrials, st.just(h), st.tuples(*[number(0, 100)] * 3)) for h in hands)))
evaluations = st.builds(
    Evaluation, assessed_on=days, evaluator=optional_names, protocol=optional_names, effort=st.sampled_from(Effort),
    effort_notes=optional_names, profile=profiles, grip=grips,
    estimation_rule=st.none() | st.sampled_from(sorted(estimation_rules())),
)
cases = st.builds(
    Case, patient_name=names, date_of_birth=st.none() | st.dates(date(1900, 1, 1), date.today()),
    sex=st.none() | st.sampled_from(Sex), employer=optional_names, job_title=optional_names,
    clinician=st.none() | st.builds(Clinician, names, optional_names), diagnosis=optional_names,
    review_date=st.none() | days, demands=demands, evaluations=st.lists(evaluations, max_size=3).map(tuple),
)


@settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(cases)
def test_generated_cases_round_trip(case: Case) -> None:
    text = dumps(case)
    again = parse(text)
    assert again == case
    assert dumps(again) == text
    assert again.current_evaluation == case.current_evaluation
