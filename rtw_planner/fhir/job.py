"""The job as an ODH PastOrPresentJob Observation (LOINC 11341-5): the title as its value, the employer through the
ODH employer extension, days a week and hours a day as ODH components, and the rest of the job's demands (NIOSH
lifting and Liberty Mutual handling tasks among them) as components in the program's code systems."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rtw_planner.domain.case.records import lifting_task_from_dict, lifting_tasks_to_list
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.job import DemandSource, JobDemands, Task
from rtw_planner.domain.demands.mmh_tasks import MmhJobTask, mmh_task_from_dict, mmh_tasks_to_list
from rtw_planner.domain.demands.profile import Activity
from rtw_planner.domain.demands.ratings import KEY_TO_NAME, RatedGroup, Rating
from rtw_planner.domain.demands.strength import StrengthLevel
from rtw_planner.fhir import FhirError
from rtw_planner.fhir.profile import profile_components, read_profile
from rtw_planner.fhir.vocabulary import (
    BASE,
    LOINC,
    LOINC_DAYS_PER_WEEK,
    LOINC_HOURS_PER_DAY,
    LOINC_JOB,
    LOINC_JOB_DUTY,
    OBSERVATION_CATEGORY,
    ODH_EMPLOYER,
    ODH_JOB_PROFILE,
    RATED,
    RTW,
    component,
    components,
    concept,
    enum_concept,
    enum_value,
    extension,
    extension_value,
    extensions,
    number,
    quantity,
    reference,
    value_number,
)

WHERE = "Observation (job)"


def _rtw(code: str, **value: Any) -> dict[str, Any]:
    return {"code": concept(RTW, code), **value}


def _task(task: Task) -> dict[str, Any]:
    ext = [extension("task-essential", "Boolean", task.essential)]
    ext += [extension("task-share", "Decimal", task.share_pct)] if task.share_pct is not None else []
    ext += [extension("task-activity", "Code", a.value) for a in task.activities]
    return _rtw("task", valueString=task.name, extension=ext)


def _inputs(code: str, prefix: str, row: Mapping[str, Any], unnamed: str) -> dict[str, Any]:
    """A task of an equation (NIOSH lifting, Liberty Mutual handling): each of its inputs as an extension named
    <prefix>-<input>, the task's name (or what it is) as the value."""
    kinds = {bool: "Boolean", int: "Decimal", float: "Decimal", str: "String"}
    ext = [extension(f"{prefix}-{key}", kinds[type(value)], value) for key, value in row.items()
           if value is not None and value != ""]
    return _rtw(code, valueString=row.get("name") or unnamed, extension=ext)


def _read_inputs(item: Mapping[str, Any], prefix: str) -> dict[str, Any]:
    start = f"{BASE}/StructureDefinition/{prefix}-"
    return {e["url"].removeprefix(start): next(v for k, v in e.items() if k.startswith("value"))
            for e in item.get("extension", []) if str(e.get("url", "")).startswith(start)}


def job_observation(title: str, demands: JobDemands, workers_comp_claim: bool, patient_url: str,
                    employer_url: str | None) -> dict[str, Any]:
    """The ODH job Observation with every demand of the job."""
    parts: list[dict[str, Any]] = []
    if demands.tasks:
        parts.append({"code": concept(LOINC, LOINC_JOB_DUTY), "valueString": "; ".join(t.name for t in demands.tasks)})
    if demands.days_per_week is not None:
        parts.append({"code": concept(LOINC, LOINC_DAYS_PER_WEEK), "valueQuantity": quantity(demands.days_per_week,
                                                                                                "d/wk")})
    if demands.shift_hours is not None:
        parts.append({"code": concept(LOINC, LOINC_HOURS_PER_DAY), "valueQuantity": quantity(demands.shift_hours,
                                                                                                "h/d")})
    parts += profile_components(demands.profile)
    parts += [{"code": concept(RATED, f"{g.value}.{k}"), "valueCodeableConcept": enum_concept(r)}
              for (g, k), r in demands.ratings.items()]
    if demands.strength_rating is not None:
        parts.append(_rtw("dot-strength-level", valueCodeableConcept=enum_concept(demands.strength_rating)))
    parts.append(_rtw("demand-source", valueCodeableConcept=enum_concept(demands.source)))
    parts += [_rtw("job-template", valueString=demands.template)] if demands.template else []
    parts += [_rtw("arm-leg-controls", valueBoolean=demands.arm_leg_controls),
              _rtw("production-pace", valueBoolean=demands.production_pace),
              _rtw("workers-comp-claim", valueBoolean=workers_comp_claim)]
    parts += [_task(t) for t in demands.tasks]
    parts += [_inputs("niosh-lifting-task", "niosh", row, "Lifting task")
              for row in lifting_tasks_to_list(demands.lifting_tasks)]
    parts += [_inputs("mmh-task", "mmh", row, f"Handling task ({row['kind']})")
              for row in mmh_tasks_to_list(demands.mmh_tasks)]
    out: dict[str, Any] = {
        "resourceType": "Observation", "meta": {"profile": [ODH_JOB_PROFILE]}, "status": "final",
        "category": [concept(OBSERVATION_CATEGORY, "social-history")],
        "code": concept(LOINC, LOINC_JOB, "History of Occupation"), "subject": reference(patient_url),
        "component": parts}
    if title:
        out["valueCodeableConcept"] = {"text": title}
    if employer_url is not None:
        out["extension"] = [{"url": ODH_EMPLOYER, "valueReference": reference(employer_url)}]
    return out


def _read_task(item: Mapping[str, Any]) -> Task:
    share = extension_value(item, "task-share")
    try:
        activities = tuple(Activity(a) for a in extensions(item, "task-activity"))
    except ValueError:
        raise FhirError(f"{WHERE} task: an activity is not a demand item of the program") from None
    return Task(item.get("valueString", ""), bool(extension_value(item, "task-essential", True)),
                None if share is None else number(share, f"{WHERE} task share"), activities)


def _read_mmh(item: Mapping[str, Any], n: int) -> MmhJobTask:
    try:
        return mmh_task_from_dict(_read_inputs(item, "mmh"))
    except ValidationError as exc:
        raise FhirError(f"{WHERE} handling task {n}: {exc}") from None


def _flag(observation: Mapping[str, Any], code: str) -> bool:
    item = component(observation, RTW, code)
    return bool(item.get("valueBoolean", False)) if item else False


def _ratings(observation: Mapping[str, Any]) -> dict[tuple[RatedGroup, str], Rating]:
    out: dict[tuple[RatedGroup, str], Rating] = {}
    for code, item in components(observation, RATED):
        group, _, key = code.partition(".")
        if group not in {g.value for g in RatedGroup} or key not in KEY_TO_NAME[RatedGroup(group)]:
            raise FhirError(f"{WHERE}: unknown rated demand {code[:40]!r}")
        out[(RatedGroup(group), key)] = enum_value(Rating, item.get("valueCodeableConcept"), f"{WHERE} {code}")
    return out


def read_job(observation: Mapping[str, Any]) -> dict[str, Any]:
    """job_title, demands and workers_comp_claim for the Case (the employer is read from the Organization)."""
    days = component(observation, LOINC, LOINC_DAYS_PER_WEEK)
    hours = component(observation, LOINC, LOINC_HOURS_PER_DAY)
    level = component(observation, RTW, "dot-strength-level")
    source = component(observation, RTW, "demand-source")
    template = component(observation, RTW, "job-template")
    demands = JobDemands(
        profile=read_profile(observation, WHERE), ratings=_ratings(observation),
        shift_hours=None if hours is None else value_number(hours, f"{WHERE} hours per day"),
        days_per_week=None if days is None else value_number(days, f"{WHERE} days per week"),
        tasks=tuple(_read_task(item) for code, item in components(observation, RTW) if code == "task"),
        lifting_tasks=tuple(lifting_task_from_dict(_read_inputs(item, "niosh"))
                            for code, item in components(observation, RTW) if code == "niosh-lifting-task"),
        mmh_tasks=tuple(_read_mmh(item, n) for n, item in enumerate(
            (item for code, item in components(observation, RTW) if code == "mmh-task"), 1)),
        source=DemandSource.JOB_SITE_ANALYSIS if source is None else enum_value(
            DemandSource, source.get("valueCodeableConcept"), f"{WHERE} demand source"),
        template="" if template is None else template.get("valueString", ""),
        arm_leg_controls=_flag(observation, "arm-leg-controls"), production_pace=_flag(observation, "production-pace"),
        strength_rating=None if level is None else enum_value(StrengthLevel, level.get("valueCodeableConcept"),
                                                              f"{WHERE} DOT strength level"))
    return {"job_title": (observation.get("valueCodeableConcept") or {}).get("text", ""), "demands": demands,
            "workers_comp_claim": _flag(observation, "workers-comp-claim")}


def employer_reference(observation: Mapping[str, Any]) -> str | None:
    """The full URL the ODH employer extension points to, if any."""
    for item in observation.get("extension", []):
        if item.get("url") == ODH_EMPLOYER:
            return str(item.get("valueReference", {}).get("reference", "")) or None
    return None
