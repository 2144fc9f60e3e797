"""Generated whole cases (demands with ratings, tasks and lifting tasks; evaluations with grip) come back from a
bundle equal field by field: the case-file property test's strategy, reused."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from case_fields import differences
from hypothesis import HealthCheck, given, settings

from rtw_planner.domain.case.model import Case
from rtw_planner.fhir import export_bundle, import_bundle

_SOURCE = Path(__file__).resolve().parent.parent / "domain" / "test_casefile_property.py"
_SPEC = importlib.util.spec_from_file_location("casefile_strategies", _SOURCE)
assert _SPEC is not None
assert _SPEC.loader is not None
_STRATEGIES = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_STRATEGIES)


@settings(deadline=None, max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(_STRATEGIES.cases)
def test_generated_cases_round_trip_through_a_bundle(case: Case) -> None:
    assert differences(case, import_bundle(export_bundle(case).decode("utf-8"))) == {}
