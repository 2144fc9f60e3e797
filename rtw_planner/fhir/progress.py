"""Outcome records, the home-practice log, the fitness-for-work outcome and the safety review as Observations."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rtw_planner.domain.case.outcome_records import OutcomeRecord, PracticeEntry
from rtw_planner.domain.plan.fitness import FitnessOutcome, FitnessStatement
from rtw_planner.domain.plan.model import SafetyReview
from rtw_planner.fhir import FhirError
from rtw_planner.fhir.vocabulary import (
    INSTRUMENT,
    LOINC,
    LOINC_INSTRUMENTS,
    OBSERVATION_CATEGORY,
    RTW,
    a_date,
    coding,
    component,
    components,
    concept,
    enum_concept,
    enum_value,
    number,
    one_code,
    optional_date,
    reference,
)

ABSENT = "http://terminology.hl7.org/CodeSystem/data-absent-reason"


def _observation(code: dict[str, Any], patient_url: str, category: str = "survey") -> dict[str, Any]:
    return {"resourceType": "Observation", "status": "final", "category": [concept(OBSERVATION_CATEGORY, category)],
            "code": code, "subject": reference(patient_url)}


def _number_or_absent(value: float | None) -> dict[str, Any]:
    return {"dataAbsentReason": concept(ABSENT, "asked-unknown")} if value is None else {
        "valueQuantity": {"value": value}}


def outcome_observation(record: OutcomeRecord, patient_url: str) -> dict[str, Any]:
    """An administration: the instrument (LOINC too where one exists), the day, the score, each answer as a
    component in order ('-' as data absent), the band as the interpretation, the notes."""
    loinc = LOINC_INSTRUMENTS.get(record.instrument_id)
    codings = [coding(LOINC, *loinc)] if loinc else []
    out = _observation({"coding": [*codings, coding(INSTRUMENT, record.instrument_id)]}, patient_url)
    out["effectiveDateTime"] = record.on.isoformat()
    out.update(_number_or_absent(record.score))
    out["component"] = [{"code": concept(RTW, "answer"), **_number_or_absent(a)} for a in record.answers]
    if record.band:
        out["interpretation"] = [{"text": record.band}]
    if record.notes:
        out["note"] = [{"text": record.notes}]
    return out


def is_outcome(resource: Mapping[str, Any]) -> bool:
    """Whether an Observation is an outcome record."""
    return any(c.get("system") == INSTRUMENT for c in resource.get("code", {}).get("coding", []))


def _number_back(element: Mapping[str, Any], where: str) -> float | None:
    if "valueQuantity" not in element:
        return None
    return number(element["valueQuantity"].get("value"), where)


def read_outcome(resource: Mapping[str, Any], where: str) -> OutcomeRecord:
    """An outcome record back."""
    answers = tuple(_number_back(c, f"{where} answer") for k, c in components(resource, RTW) if k == "answer")
    band = next((i.get("text") for i in resource.get("interpretation", []) if i.get("text")), None)
    return OutcomeRecord(one_code(resource.get("code"), INSTRUMENT, f"{where}.code"),
                         a_date(resource.get("effectiveDateTime"), f"{where}.effectiveDateTime"), answers,
                         _number_back(resource, f"{where} score"), band,
                         "\n".join(n.get("text", "") for n in resource.get("note", [])))


def practice_observation(entry: PracticeEntry, patient_url: str) -> dict[str, Any]:
    """A day of home practice: what was done as the value, the activity, the quota and whether it was met."""
    out = _observation(concept(RTW, "home-practice", "Home practice"), patient_url, "activity")
    out["effectiveDateTime"] = entry.on.isoformat()
    if entry.done is not None:
        out["valueQuantity"] = {"value": entry.done}
    parts: list[dict[str, Any]] = [{"code": concept(RTW, "practice-activity"), "valueString": entry.activity}]
    parts += [{"code": concept(RTW, "practice-quota"), "valueQuantity": {"value": entry.quota}}] if (
        entry.quota is not None) else []
    parts.append({"code": concept(RTW, "practice-completed"), "valueBoolean": entry.completed})
    out["component"] = parts
    return out


def read_practice(resource: Mapping[str, Any], where: str) -> PracticeEntry:
    """A day of practice back."""
    activity = component(resource, RTW, "practice-activity")
    quota = component(resource, RTW, "practice-quota")
    completed = component(resource, RTW, "practice-completed")
    if activity is None or completed is None:
        raise FhirError(f"{where}: expected the practice activity and whether the quota was met")
    return PracticeEntry(a_date(resource.get("effectiveDateTime"), f"{where}.effectiveDateTime"),
                         activity.get("valueString", ""), None if quota is None else _number_back(quota, where),
                         _number_back(resource, f"{where} done"), bool(completed.get("valueBoolean")))


def fitness_observation(statement: FitnessStatement, patient_url: str) -> dict[str, Any]:
    """The fitness-for-work outcome and the period it covers."""
    out = _observation(concept(RTW, "fitness-for-work", "Fitness for work"), patient_url, "exam")
    out["valueCodeableConcept"] = enum_concept(statement.outcome)
    period = {k: d.isoformat() for k, d in (("start", statement.from_date), ("end", statement.to_date)) if d}
    if period:
        out["effectivePeriod"] = period
    return out


def read_fitness(resource: Mapping[str, Any], where: str) -> FitnessStatement:
    """The fitness statement back."""
    period = resource.get("effectivePeriod") or {}
    return FitnessStatement(enum_value(FitnessOutcome, resource.get("valueCodeableConcept"), f"{where}.value"),
                            optional_date(period.get("start"), f"{where}.effectivePeriod.start"),
                            optional_date(period.get("end"), f"{where}.effectivePeriod.end"))


def safety_observation(review: SafetyReview, patient_url: str) -> dict[str, Any]:
    """The day licensing and medication were discussed, and what was agreed as its note."""
    out = _observation(concept(RTW, "safety-review", "Safety-critical work review"), patient_url, "exam")
    out["effectiveDateTime"] = review.reviewed_on.isoformat()
    if review.note:
        out["note"] = [{"text": review.note}]
    return out


def read_safety(resource: Mapping[str, Any], where: str) -> SafetyReview:
    """The safety review back."""
    return SafetyReview(a_date(resource.get("effectiveDateTime"), f"{where}.effectiveDateTime"),
                        "\n".join(n.get("text", "") for n in resource.get("note", [])))
