"""A bundle that is not one this program wrote, or that holds a value the case cannot take, is refused with one
short line naming the element and the rule, never quoting patient text."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from exchange_factories import exchange_case

from rtw_planner.fhir import FhirError, export_bundle, import_bundle

Edit = Callable[[dict[str, Any]], None]


@pytest.fixture(scope="module")
def written() -> str:
    return export_bundle(exchange_case()).decode("utf-8")


def _resource(data: dict[str, Any], kind: str, n: int = 0) -> dict[str, Any]:
    return [e["resource"] for e in data["entry"] if e["resource"]["resourceType"] == kind][n]  # type: ignore[no-any-return]


def _job(data: dict[str, Any]) -> dict[str, Any]:
    return next(r for r in (e["resource"] for e in data["entry"])
                if r["resourceType"] == "Observation" and r["code"]["coding"][0]["code"] == "11341-5")


def _refusal(written: str, edit: Edit) -> str:
    data = json.loads(written)
    edit(data)
    with pytest.raises(FhirError) as info:
        import_bundle(json.dumps(data))
    message = str(info.value)
    assert "\n" not in message
    assert len(message) <= 200
    return message


def _job_part(data: dict[str, Any], code: str) -> dict[str, Any]:
    return next(c for c in _job(data)["component"] if c["code"]["coding"][0]["code"] == code)  # type: ignore[no-any-return]


def _first_phase(data: dict[str, Any]) -> dict[str, Any]:
    return _resource(data, "CarePlan")["activity"][0]["detail"]  # type: ignore[no-any-return]


def _activity(data: dict[str, Any], code: str, n: int = 0) -> dict[str, Any]:
    return [a for a in _resource(data, "CarePlan")["activity"]  # type: ignore[no-any-return]
            if a["detail"]["code"]["coding"][0]["code"] == code][n]


def _mmh(data: dict[str, Any], n: int, name: str) -> dict[str, Any]:
    task = [c for c in _job(data)["component"] if c["code"]["coding"][0]["code"] == "mmh-task"][n]
    return next(e for e in task["extension"] if e["url"].endswith(f"/mmh-{name}"))  # type: ignore[no-any-return]


CASES: list[tuple[str, Edit, str]] = [
    ("bad date", lambda d: _resource(d, "Patient").update(birthDate="12/03/1984"),
     "not a valid FHIR R4 Bundle: entry.0.resource.birthDate: Value error, Date value string does not match spec"),
    ("unknown element", lambda d: _resource(d, "Patient").update(favouriteColour="blue"),
     "not a valid FHIR R4 Bundle: entry.0.resource.favouriteColour: Extra inputs are not permitted"),
    ("no status", lambda d: _job(d).pop("status"),
     "not a valid FHIR R4 Bundle: entry.4.resource.status: Value for the field 'status' is required."),
    ("no patient", lambda d: d.update(entry=d["entry"][1:]), "expected one Patient, found 0"),
    ("two plans", lambda d: d["entry"].append({"fullUrl": "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427",
                                                "resource": _resource(d, "CarePlan")}),
     "expected at most one CarePlan, found 2"),
    ("foreign resource", lambda d: d["entry"].append({"fullUrl": "urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca428",
                                                      "resource": {"resourceType": "Basic", "code": {"text": "x"}}}),
     "the bundle holds a Basic entry, which is not part of a case this program wrote"),
    ("ten-day phase", lambda d: _first_phase(d)["scheduledPeriod"].update(end="2027-01-13"),
     "CarePlan work phase 1: a phase lasts whole weeks; this period lasts 10 days"),
    ("gap between phases", lambda d: _resource(d, "CarePlan")["activity"][1]["detail"]["scheduledPeriod"].update(
        start="2027-01-12", end="2027-01-18"), "CarePlan work phase 2: it must start the day after phase 1 ends"),
    ("eight days a week", lambda d: _job_part(d, "74160-3")["valueQuantity"].update(value=8),
     "days per week: 8.0 is not allowed; expected a number from 0.5 to 7 days"),
    ("other gender", lambda d: _resource(d, "Patient").update(gender="other"),
     "Patient.gender: 'other' cannot be recorded; expected female, male or none"),
    ("unknown goal status", lambda d: _resource(d, "Goal")["achievementStatus"]["coding"][-1].update(code="paused"),
     "Goal 1.achievementStatus: 'paused' is not one of not_started, in_progress, achieved, revised, dropped"),
    ("unknown demand", lambda d: next(c for c in _job(d)["component"] if "physical-demand" in
                                      c["code"]["coding"][0]["system"])["code"]["coding"][0].update(code="juggle.often"),
     "Observation (job): unknown physical-demand code 'juggle.often'"),
    # Activity 14 of the plan: 4 phases, 3 quotas and 6 adjustments come before the first session.
    ("session past midnight", lambda d: _activity(d, "treatment-session")["detail"]["scheduledTiming"]["repeat"].update(
        duration=900), "CarePlan.activity[14].scheduledTiming.repeat: a session starts on a whole minute and ends "
                       "the same day a whole number of minutes later"),
    ("session in hours", lambda d: _activity(d, "treatment-session")["detail"]["scheduledTiming"]["repeat"].update(
        durationUnit="h"), "CarePlan.activity[14].scheduledTiming.repeat.durationUnit: expected min"),
    ("unknown work-time rule", lambda d: next(e for e in _resource(d, "CarePlan")["extension"]
                                              if e["url"].endswith("/treatment-time")).update(valueCode="sometimes"),
     "CarePlan extension treatment-time: 'sometimes' is not one of avoid, work_time"),
    ("fear above 100", lambda d: _activity(d, "feared-activity")["detail"]["extension"][1].update(valueInteger=101),
     "feared activity fear rating: 101 is not allowed; expected a whole number from 0 to 100"),
    ("exposure of no activity", lambda d: _activity(d, "feared-activity", 2).pop("outcomeReference"),
     "Observation (fear exposure 1): no feared activity of the CarePlan refers to it in outcomeReference"),
    ("exposure of two activities", lambda d: _activity(d, "feared-activity", 1).update(
        outcomeReference=_activity(d, "feared-activity", 0)["outcomeReference"]),
     "CarePlan feared activity outcomeReference: each exposure belongs to one activity"),
    # Observation 21 (from 0): the job, 4 for the evaluations, 10 outcomes, 4 practice days, fitness, safety first.
    ("exposure without fear before", lambda d: _resource(d, "Observation", 21)["component"].pop(0),
     "Observation (fear exposure 1): expected a fear-before component with a valueInteger"),
    ("shoving task", lambda d: _mmh(d, 1, "kind").update(valueString="shove"),
     "Observation (job) handling task 2: kind: 'shove' is not allowed; expected one of lift, lower, push, pull, "
     "carry"),
]


@pytest.mark.parametrize(("edit", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_wrong_bundle_is_refused_naming_the_element(written: str, edit: Edit, expected: str) -> None:
    assert _refusal(written, edit).startswith(expected)


def test_patient_text_is_never_quoted(written: str) -> None:
    def bell_in_name(data: dict[str, Any]) -> None:
        _resource(data, "Patient")["name"] = [{"text": "Marek\u0007Dąbrowski"}]

    message = _refusal(written, bell_in_name)
    assert message.startswith("patient name: text of 15 characters is not allowed")
    assert "Marek" not in message


@pytest.mark.parametrize(("text", "expected"), [
    ("{not json", "not JSON (line 1, column 2)"),
    ("[]", "not a FHIR Bundle (resourceType must be Bundle)"),
    ('{"resourceType": "Patient"}', "not a FHIR Bundle (resourceType must be Bundle)"),
    ('{"resourceType": "Bundle", "type": "document"}', "Bundle.type: 'document' is not allowed; expected collection"),
])
def test_what_is_not_a_collection_bundle_is_refused(text: str, expected: str) -> None:
    with pytest.raises(FhirError, match="^" + expected.replace("(", r"\(").replace(")", r"\)") + "$"):
        import_bundle(text)
