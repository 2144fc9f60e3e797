"""What `export --format fhir` writes for the factory case: an R4 collection Bundle the library validates, with the
values worked out by hand from the factories (tests/factories.py, tests/mmh_factories.py)."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest
from exchange_factories import exchange_case
from factories import EMPLOYER, planned_case

from rtw_planner.fhir import export_bundle

RTW = "https://rtw-planner.example/fhir/CodeSystem/rtw"
DEMAND = "https://rtw-planner.example/fhir/CodeSystem/physical-demand"


@pytest.fixture(scope="module")
def bundle() -> dict[str, Any]:
    return json.loads(export_bundle(exchange_case()))  # type: ignore[no-any-return]


def _resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def _by_url(bundle: dict[str, Any], url: str) -> dict[str, Any]:
    return next(e["resource"] for e in bundle["entry"] if e["fullUrl"] == url)  # type: ignore[no-any-return]


def _coded(resources: list[dict[str, Any]], system: str, code: str) -> list[dict[str, Any]]:
    return [r for r in resources if {"system": system, "code": code}.items() <= _first_match(r["code"], system)]


def _first_match(concept: dict[str, Any], system: str) -> Any:
    return next((c.items() for c in concept.get("coding", []) if c.get("system") == system), {}.items())


def _component(resource: dict[str, Any], system: str, code: str) -> dict[str, Any]:
    return next(c for c in resource["component"] if c["code"]["coding"][0] == {"system": system, "code": code})


def test_the_bundle_validates_with_the_library_as_an_r4_collection(bundle: dict[str, Any]) -> None:
    from fhir.resources.R4B.bundle import Bundle

    parsed = Bundle.model_validate(bundle)
    assert parsed.type == "collection"
    # By hand: the person, clinician, employer and diagnosis; 25 Observations (the job, two evaluations, two grip
    # hands at the re-test, ten outcome records, four practice days, fitness, the safety review, four exposures);
    # three goals; the plan; one consent.
    assert Counter(e["resource"]["resourceType"] for e in bundle["entry"]) == {
        "Patient": 1, "Practitioner": 1, "Organization": 1, "Condition": 1, "Observation": 25, "Goal": 3,
        "CarePlan": 1, "Consent": 1}
    assert len({e["fullUrl"] for e in bundle["entry"]}) == 34


def test_the_patient_and_the_clinician(bundle: dict[str, Any]) -> None:
    (patient,) = _resources(bundle, "Patient")
    assert patient == {"resourceType": "Patient", "name": [{"text": "Marek Dąbrowski"}], "gender": "male",
                       "birthDate": "1984-03-12"}
    (clinician,) = _resources(bundle, "Practitioner")
    assert clinician["name"] == [{"text": "Priya Shah"}]
    assert clinician["identifier"][0]["value"] == "HCPC PH123456"
    assert clinician["telecom"] == [{"system": "phone", "value": "0161 496 0732"},
                                    {"system": "email", "value": "priya.shah@riverside-rehab.example"}]
    assert clinician["qualification"] == [{"code": {"text": "Physiotherapist"}}]


def test_the_job_is_an_odh_past_or_present_job_with_its_demands(bundle: dict[str, Any]) -> None:
    (job,) = _coded(_resources(bundle, "Observation"), "http://loinc.org", "11341-5")
    assert job["meta"]["profile"] == ["http://hl7.org/fhir/us/odh/StructureDefinition/odh-PastOrPresentJob"]
    assert job["valueCodeableConcept"] == {"text": "Warehouse order picker"}
    employer = job["extension"][0]
    assert employer["url"] == "http://hl7.org/fhir/us/odh/StructureDefinition/odh-Employer-extension"
    assert _by_url(bundle, employer["valueReference"]["reference"]) == {"resourceType": "Organization",
                                                                         "name": EMPLOYER}
    assert _component(job, "http://loinc.org", "74160-3")["valueQuantity"]["value"] == 5  # days a week
    assert _component(job, "http://loinc.org", "87512-0")["valueQuantity"]["value"] == 8  # hours a day
    lift = _component(job, DEMAND, "lift_floor_to_waist.occasional")["valueQuantity"]
    assert (lift["value"], lift["code"]) == (23, "kg")
    push = _component(job, DEMAND, "push_initial.occasional")["valueQuantity"]
    assert (push["value"], push["code"]) == (250, "N")
    assert _component(job, DEMAND, "stand.minutes_per_day")["valueQuantity"]["value"] == 420
    assert _component(job, DEMAND, "carry_distance")["valueQuantity"]["value"] == 15
    stooping = _component(job, "https://rtw-planner.example/fhir/CodeSystem/rated-demand", "physical.stooping")
    assert stooping["valueCodeableConcept"]["coding"][0]["code"] == "F"
    assert _component(job, RTW, "dot-strength-level")["valueCodeableConcept"]["coding"][0]["code"] == "heavy"
    assert _component(job, RTW, "production-pace")["valueBoolean"] is True
    duties = _component(job, "http://loinc.org", "63761-1")["valueString"]
    assert duties.startswith("Pick cases from racking to pallet; Move pallet truck between aisles")


def test_grip_strength_per_hand_holds_the_three_trials_and_their_mean(bundle: dict[str, Any]) -> None:
    observations = _resources(bundle, "Observation")
    (right,) = _coded(observations, "http://loinc.org", "83174-3")
    assert right["valueQuantity"]["value"] == pytest.approx(123.5 / 3)  # (40.5 + 42 + 41) / 3
    assert [c["valueQuantity"]["value"] for c in right["component"]] == [40.5, 42, 41]
    (left,) = _coded(observations, RTW, "grip-strength-left")
    assert left["valueQuantity"]["value"] == pytest.approx(116 / 3)  # (38 + 39.5 + 38.5) / 3
    (retest,) = [o for o in _coded(observations, RTW, "functional-capacity-evaluation")
                 if o["effectiveDateTime"] == "2026-11-20"]
    assert [m["reference"] for m in retest["hasMember"]] == [
        e["fullUrl"] for e in bundle["entry"] if e["resource"] in (right, left)]
    assert retest["method"] == {"text": "WorkWell FCE (re-test)"}
    assert _component(retest, RTW, "effort")["valueCodeableConcept"]["coding"][0]["code"] == "consistent"


def test_outcomes_carry_loinc_where_one_exists_and_the_clinic_code_always(bundle: dict[str, Any]) -> None:
    observations = _resources(bundle, "Observation")
    instrument = "https://rtw-planner.example/fhir/CodeSystem/instrument"
    walks = _coded(observations, instrument, "6MWT")
    assert [w["valueQuantity"]["value"] for w in walks] == [420, 515]
    assert all(w["code"]["coding"][0]["code"] == "64098-7" for w in walks)
    first_peg = _coded(observations, instrument, "PEG")[0]
    assert [c["system"] for c in first_peg["code"]["coding"]] == [instrument]
    assert (first_peg["effectiveDateTime"], first_peg["valueQuantity"]["value"]) == ("2026-09-25", 7.0)
    assert [c["valueQuantity"]["value"] for c in first_peg["component"]] == [7, 6, 8]


def test_the_plan_is_a_care_plan_with_its_phases_as_periods(bundle: dict[str, Any]) -> None:
    (plan,) = _resources(bundle, "CarePlan")
    assert plan["period"] == {"start": "2027-01-04", "end": "2027-01-31"}  # four one-week phases from Monday 4 Jan
    phases = [a["detail"] for a in plan["activity"] if a["detail"]["code"]["coding"][0]["code"] == "work-phase"]
    assert [(p["scheduledPeriod"]["start"], p["scheduledPeriod"]["end"]) for p in phases] == [
        ("2027-01-04", "2027-01-10"), ("2027-01-11", "2027-01-17"), ("2027-01-18", "2027-01-24"),
        ("2027-01-25", "2027-01-31")]
    percent = "https://rtw-planner.example/fhir/StructureDefinition/phase-percent"
    assert [next(e["valueDecimal"] for e in p["extension"] if e["url"] == percent) for p in phases] == [50, 60, 75, 100]
    lifting = next(a["detail"] for a in plan["activity"] if a["detail"]["code"].get("text", "").startswith("Lifting"))
    (goal,) = [_by_url(bundle, g["reference"]) for g in lifting["goal"]]
    assert goal["identifier"][0]["value"] == "lift-cases"
    moments = [a["detail"]["scheduledPeriod"]["start"] for a in plan["activity"]
               if a["detail"]["code"]["coding"][0]["code"] in ("case-review", "return-to-work", "next-appointment")]
    assert moments[:2] == ["2027-01-08", "2027-01-04"]
    assert moments[2].startswith("2026-12-11T10:30:00")  # the wall-clock time, with this computer's offset
    assert moments[2][19] in "+-"


def test_goals_and_consents(bundle: dict[str, Any]) -> None:
    walk = next(g for g in _resources(bundle, "Goal") if g["identifier"][0]["value"] == "walk-dog")
    assert walk["lifecycleStatus"] == "active"
    assert walk["achievementStatus"]["coding"][0] == {
        "system": "http://terminology.hl7.org/CodeSystem/goal-achievement", "code": "in-progress"}
    assert walk["target"] == [{"detailString": "30 minutes each morning", "dueDate": "2027-03-01",
                               "measure": {"text": "6MWT"}}]
    (consent,) = _resources(bundle, "Consent")
    assert consent["status"] == "active"
    assert consent["provision"]["period"] == {"start": "2026-12-01"}
    assert consent["provision"]["actor"][0]["reference"] == {"display": EMPLOYER}
    assert consent["provision"]["code"][0]["coding"][0]["code"] == "functional"


def _activities(plan: dict[str, Any], code: str) -> list[dict[str, Any]]:
    return [a for a in plan["activity"] if a["detail"]["code"]["coding"][0]["code"] == code]


def test_treatment_sessions_are_activities_with_a_weekly_timing_and_the_rule_an_extension(
        bundle: dict[str, Any]) -> None:
    (plan,) = _resources(bundle, "CarePlan")
    physio, psychology = (a["detail"] for a in _activities(plan, "treatment-session"))
    kinds = "https://rtw-planner.example/fhir/CodeSystem/treatment-kind"
    assert physio["code"]["text"] == "physiotherapy"
    assert physio["code"]["coding"][1] == {"system": kinds, "code": "physiotherapy", "display": "Physiotherapy"}
    # Tuesdays and Thursdays 10:00-11:30 (90 minutes) from 5 to 21 January 2027.
    assert physio["scheduledTiming"] == {"repeat": {
        "boundsPeriod": {"start": "2027-01-05", "end": "2027-01-21"}, "dayOfWeek": ["tue", "thu"],
        "timeOfDay": ["10:00:00"], "duration": 90, "durationUnit": "min"}}
    # Wednesdays 14:00-15:00 from 6 January 2027, with no last day.
    assert psychology["scheduledTiming"]["repeat"] == {
        "boundsPeriod": {"start": "2027-01-06"}, "dayOfWeek": ["wed"], "timeOfDay": ["14:00:00"], "duration": 60,
        "durationUnit": "min"}
    rule = "https://rtw-planner.example/fhir/StructureDefinition/treatment-time"
    assert [e["valueCode"] for e in plan["extension"] if e["url"] == rule] == ["work_time"]
    (without,) = _resources(json.loads(export_bundle(planned_case())), "CarePlan")
    assert [e for e in without.get("extension", []) if e["url"] == rule] == []
    assert _activities(without, "treatment-session") == []


def test_the_fear_hierarchy_is_activities_with_their_exposures_as_observations(bundle: dict[str, Any]) -> None:
    (plan,) = _resources(bundle, "CarePlan")
    feared = _activities(plan, "feared-activity")
    base = "https://rtw-planner.example/fhir/StructureDefinition/"
    # In the order entered; walking (30) is climbed, carrying (60) the current step, bending (80) not started.
    assert [({e["url"].removeprefix(base): next(v for k, v in e.items() if k.startswith("value"))
              for e in a["detail"]["extension"]}, a["detail"]["status"], a["detail"]["description"][:8])
            for a in feared] == [
        ({"feared-activity-id": "carry", "fear-rating": 60}, "in-progress", "Carrying"),
        ({"feared-activity-id": "bend", "fear-rating": 80}, "not-started", "Bending "),
        ({"feared-activity-id": "walk", "fear-rating": 30}, "completed", "Walking ")]
    assert "outcomeReference" not in feared[1]

    def exposures(activity: dict[str, Any]) -> list[tuple[str, int, int]]:
        out = []
        for ref in activity["outcomeReference"]:
            observation = _by_url(bundle, ref["reference"])
            assert observation["code"]["coding"][0] == {"system": RTW, "code": "fear-exposure"}
            before, after = observation["component"]
            assert (before["code"]["coding"][0]["code"], after["code"]["coding"][0]["code"]) == (
                "fear-before", "fear-after")
            out.append((observation["effectiveDateTime"], before["valueInteger"], after["valueInteger"]))
        return out

    assert exposures(feared[2]) == [("2026-11-02", 30, 20), ("2026-11-09", 25, 15)]
    assert exposures(feared[0]) == [("2026-11-16", 60, 45), ("2026-11-23", 50, 35)]


def test_handling_tasks_are_job_components_with_their_inputs(bundle: dict[str, Any]) -> None:
    (job,) = _coded(_resources(bundle, "Observation"), "http://loinc.org", "11341-5")
    tasks = [c for c in job["component"] if c["code"]["coding"][0] == {"system": RTW, "code": "mmh-task"}]
    assert [t["valueString"] for t in tasks] == ["Totes to the belt", "Pallet truck", "Handling task (carry)"]
    base = "https://rtw-planner.example/fhir/StructureDefinition/mmh-"

    def inputs(task: dict[str, Any]) -> dict[str, Any]:
        return {e["url"].removeprefix(base): next(v for k, v in e.items() if k.startswith("value"))
                for e in task["extension"]}

    # The paper's worked example: H 0.38, VRM 1.03, DV 0.51 m, once a minute, a 12 kg box.
    assert inputs(tasks[0]) == {"kind": "lift", "frequency_per_min": 1, "load": 12, "h_m": 0.38, "vrm_m": 1.03,
                                "dv_m": 0.51, "handles": "yes", "name": "Totes to the belt", "units": "metric"}
    assert inputs(tasks[1]) == {"kind": "push", "frequency_per_min": 1, "load": 20, "phase": "initial",
                                "v_m": 0.95, "dh_m": 15, "handles": "yes", "name": "Pallet truck",
                                "units": "metric"}
    assert inputs(tasks[2]) == {"kind": "carry", "frequency_per_min": 1, "load": 15, "v_m": 0.9, "dh_m": 5,
                                "handles": "yes", "units": "metric"}
