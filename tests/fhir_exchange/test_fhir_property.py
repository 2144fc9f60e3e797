"""Generated whole cases (demands with ratings, tasks, lifting and handling tasks; evaluations with grip; treatment
sessions and a fear hierarchy) come back from a bundle equal field by field: the case-file property test's
strategy, reused, with the newer fields added here."""

from __future__ import annotations

import importlib.util
from dataclasses import replace
from datetime import date, time, timedelta
from pathlib import Path

from case_fields import differences
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.demands.mmh_tasks import MmhJobTask
from rtw_planner.domain.plan.exposure import FearedActivity, FearExposure, FearHierarchy
from rtw_planner.domain.plan.treatment import TreatmentSession, TreatmentTime
from rtw_planner.fhir import export_bundle, import_bundle

_SOURCE = Path(__file__).resolve().parent.parent / "domain" / "test_casefile_property.py"
_SPEC = importlib.util.spec_from_file_location("casefile_strategies", _SOURCE)
assert _SPEC is not None
assert _SPEC.loader is not None
_STRATEGIES = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_STRATEGIES)
names, number, days = _STRATEGIES.names, _STRATEGIES.number, _STRATEGIES.days


def _session(kind: str, weekdays: list[int], minutes: tuple[int, int], first: date, span: int | None) -> (
        TreatmentSession):
    start, end = sorted(minutes)
    return TreatmentSession(kind, tuple(weekdays), time(start // 60, start % 60), time(end // 60, end % 60), first,
                            None if span is None else first + timedelta(days=span))


sessions = st.builds(_session, names | st.just("hand  therapy"),
                     st.lists(st.integers(0, 6), min_size=1, max_size=7, unique=True),
                     st.tuples(st.integers(0, 1439), st.integers(0, 1439)).filter(lambda m: m[0] != m[1]),
                     st.dates(date(1900, 1, 1), date(2100, 1, 1)), st.none() | st.integers(0, 3650))
ratings = st.integers(0, 100)


@st.composite
def hierarchies(draw: st.DrawFn) -> FearHierarchy:
    activities = draw(st.lists(st.builds(FearedActivity, names, names, ratings), max_size=4,
                               unique_by=lambda a: a.id))
    exposures = draw(st.lists(st.builds(FearExposure, st.sampled_from([a.id for a in activities]), days, ratings,
                                        ratings), max_size=5)) if activities else []
    return FearHierarchy(tuple(activities), tuple(exposures))


lengths = number(0.05, 2)
handling = st.one_of(
    st.builds(lambda kind, f, load, h, dv, lift, **kw: MmhJobTask(kind, f, load, h_m=h, dv_m=dv, vrm_m=dv / 2 + lift,
                                                                   **kw),
              st.sampled_from(["lift", "lower"]), number(0.01, 20), number(0.5, 100), lengths, lengths, lengths,
              handles=st.sampled_from(["yes", "poor", "none"]), name=_STRATEGIES.optional_names,
              units=st.sampled_from(["metric", "us"])),
    st.builds(lambda kind, phase, f, load, v, dh, **kw: MmhJobTask(kind, f, load, phase=phase, v_m=v, dh_m=dh, **kw),
              st.sampled_from(["push", "pull"]), st.sampled_from(["initial", "sustained"]), number(0.01, 20),
              number(0.5, 100), lengths, number(0.5, 60), name=_STRATEGIES.optional_names),
    st.builds(lambda f, load, v, dh: MmhJobTask("carry", f, load, v_m=v, dh_m=dh), number(0.01, 20),
              number(0.5, 100), lengths, number(0.5, 60)))
cases = st.builds(
    lambda case, treatment, rule, hierarchy, tasks: replace(
        case, demands=replace(case.demands, mmh_tasks=tuple(tasks)),
        plan=replace(case.plan, treatment=tuple(treatment), treatment_time=rule, exposure=hierarchy)),
    _STRATEGIES.cases, st.lists(sessions, max_size=3), st.sampled_from(TreatmentTime), hierarchies(),
    st.lists(handling, max_size=3))


@settings(deadline=None, max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(cases)
def test_generated_cases_round_trip_through_a_bundle(case: Case) -> None:
    assert differences(case, import_bundle(export_bundle(case).decode("utf-8"))) == {}
