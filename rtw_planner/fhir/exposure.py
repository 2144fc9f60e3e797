"""The graded-exposure fear hierarchy: each feared activity a CarePlan activity (its id and 0-100 fear rating as
extensions, its place on the ladder as the status), each exposure an Observation of the fear before and after,
linked from its activity's outcomeReference."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from rtw_planner.domain.plan.exposure import FearedActivity, FearExposure, FearHierarchy
from rtw_planner.fhir import FhirError
from rtw_planner.fhir.vocabulary import (
    OBSERVATION_CATEGORY,
    RTW,
    a_date,
    coding,
    component,
    concept,
    extension,
    extension_value,
    reference,
)


def exposure_observation(exposure: FearExposure, patient_url: str) -> dict[str, Any]:
    """One exposure: its day, and the fear rated before and after it as integer components."""
    return {"resourceType": "Observation", "status": "final", "category": [concept(OBSERVATION_CATEGORY, "survey")],
            "code": {"coding": [coding(RTW, "fear-exposure")], "text": "Fear before and after a graded exposure"},
            "subject": reference(patient_url), "effectiveDateTime": exposure.on.isoformat(),
            "component": [{"code": concept(RTW, "fear-before"), "valueInteger": exposure.fear_before},
                          {"code": concept(RTW, "fear-after"), "valueInteger": exposure.fear_after}]}


def feared_activities(hierarchy: FearHierarchy, exposure_urls: Sequence[str]) -> list[dict[str, Any]]:
    """The feared activities in the order entered; exposure_urls are the exposures' entries, in the same order as
    hierarchy.exposures. Status: completed once fear has dropped, in-progress for the current step."""
    current = hierarchy.current_step()
    dropped = {s.activity.id for s in hierarchy.ladder() if s.dropped}
    out = []
    for activity in hierarchy.activities:
        status = ("completed" if activity.id in dropped else
                  "in-progress" if current is not None and current.activity.id == activity.id else "not-started")
        detail = {"code": {"coding": [coding(RTW, "feared-activity")]}, "status": status,
                  "description": activity.description,
                  "extension": [extension("feared-activity-id", "String", activity.id),
                                extension("fear-rating", "Integer", activity.fear)]}
        links = [reference(url) for url, e in zip(exposure_urls, hierarchy.exposures, strict=True)
                 if e.activity_id == activity.id]
        out.append({**({"outcomeReference": links} if links else {}), "detail": detail})
    return out


def read_feared(activity: Mapping[str, Any]) -> tuple[FearedActivity, list[str]]:
    """A feared activity and the full URLs of its exposures."""
    detail = activity.get("detail") or {}
    fear = extension_value(detail, "fear-rating")
    return (FearedActivity(extension_value(detail, "feared-activity-id", ""), detail.get("description", ""),
                           fear),  # the domain checks the rating: a whole number 0-100
            [str(r.get("reference", "")) for r in activity.get("outcomeReference", [])])


def _rating(observation: Mapping[str, Any], code: str, where: str) -> int:
    item = component(observation, RTW, code)
    if item is None or "valueInteger" not in item:
        raise FhirError(f"{where}: expected a {code} component with a valueInteger")
    value: int = item["valueInteger"]
    return value


def read_hierarchy(feared: Sequence[tuple[FearedActivity, list[str]]],
                   observations: Sequence[tuple[str, Mapping[str, Any]]]) -> FearHierarchy:
    """The hierarchy from the feared activities and the exposure Observations (url, resource) in bundle order,
    each of which one feared activity must reference."""
    owner: dict[str, str] = {}
    for activity, urls in feared:
        for url in urls:
            if url in owner:
                raise FhirError("CarePlan feared activity outcomeReference: each exposure belongs to one activity")
            owner[url] = activity.id
    exposures = []
    for n, (url, observation) in enumerate(observations, 1):
        where = f"Observation (fear exposure {n})"
        if url not in owner:
            raise FhirError(f"{where}: no feared activity of the CarePlan refers to it in outcomeReference")
        day: date = a_date(observation.get("effectiveDateTime"), f"{where}.effectiveDateTime")
        exposures.append(FearExposure(owner.pop(url), day, _rating(observation, "fear-before", where),
                                      _rating(observation, "fear-after", where)))
    if owner:
        raise FhirError("CarePlan feared activity outcomeReference: a reference to no fear-exposure Observation")
    return FearHierarchy(tuple(a for a, _ in feared), tuple(exposures))
