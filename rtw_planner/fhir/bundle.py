"""A whole case as an R4 collection Bundle and back: the entries in a fixed order, checked with fhir.resources'
R4B models (R4B keeps R4's resources and their JSON) before the bundle is written and before it is read."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.plan.model import PersonalFlarePlan, Plan
from rtw_planner.fhir import FhirError, capacity, careplan, exposure, goals, job, people, progress
from rtw_planner.fhir.vocabulary import LOINC, LOINC_JOB, RTW, codes, has_code


def _new_url() -> str:
    return f"urn:uuid:{uuid.uuid4()}"


def _entries(case: Case) -> list[tuple[str, dict[str, Any]]]:
    me = _new_url()
    out: list[tuple[str, dict[str, Any]]] = [(me, people.patient(case.patient_name, case.date_of_birth, case.sex))]
    clinician = None
    if case.clinician is not None:
        clinician = _new_url()
        out.append((clinician, people.practitioner(case.clinician)))
    employer = None
    if case.employer:
        employer = _new_url()
        out.append((employer, people.employer(case.employer)))
    if case.diagnosis:
        out.append((_new_url(), people.condition(case.diagnosis, me)))
    out.append((_new_url(), job.job_observation(case.job_title, case.demands, case.workers_comp_claim, me, employer)))
    for evaluation in case.evaluations:
        out += capacity.evaluation_observations(evaluation, me, _new_url)
    out += [(_new_url(), progress.outcome_observation(r, me)) for r in case.outcomes]
    out += [(_new_url(), progress.practice_observation(p, me)) for p in case.practice_log]
    if case.plan.fitness is not None:
        out.append((_new_url(), progress.fitness_observation(case.plan.fitness, me)))
    if case.plan.safety_review is not None:
        out.append((_new_url(), progress.safety_observation(case.plan.safety_review, me)))
    exposure_urls = [_new_url() for _ in case.plan.exposure.exposures]
    out += [(url, exposure.exposure_observation(e, me)) for url, e in zip(exposure_urls, case.plan.exposure.exposures,
                                                                          strict=True)]
    goal_urls = {g.id: _new_url() for g in case.plan.goals}
    out += [(goal_urls[g.id], goals.goal_resource(g, me)) for g in case.plan.goals]
    plan = careplan.care_plan(case, me, goal_urls, exposure_urls)
    if clinician is not None:
        plan["author"] = {"reference": clinician}
    out.append((_new_url(), plan))
    out += [(_new_url(), people.consent(c, me)) for c in case.consents]
    return out


def _validated(data: Mapping[str, Any]) -> None:
    """Check the bundle with the library's R4B models. Raises FhirError naming the first element at fault (the
    library's words for what is wrong; never the value)."""
    import pydantic
    from fhir.resources.R4B.bundle import Bundle

    try:
        Bundle.model_validate(data)
    except pydantic.ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))[:120]
        raise FhirError(f"not a valid FHIR R4 Bundle: {where or 'Bundle'}: {str(first.get('msg', ''))[:80]}") from None


def write_bundle(case: Case) -> bytes:
    """The case as a validated Bundle in JSON (UTF-8)."""
    data = {"resourceType": "Bundle", "identifier": {"system": "urn:ietf:rfc:3986", "value": _new_url()},
            "type": "collection", "timestamp": datetime.now().astimezone().isoformat(timespec="seconds"),
            "entry": [{"fullUrl": url, "resource": resource} for url, resource in _entries(case)]}
    _validated(data)
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _kind(resource: Mapping[str, Any]) -> str:
    """Which part of a case an entry holds."""
    kind = str(resource.get("resourceType"))
    if kind != "Observation":
        return kind
    code = resource.get("code")
    if has_code(code, LOINC, LOINC_JOB):
        return "job"
    if capacity.is_evaluation(resource):
        return "evaluation"
    if progress.is_outcome(resource):
        return "outcome"
    found = codes(code, RTW)
    return found[0] if found else "unknown observation"


def _one(entries: list[Mapping[str, Any]], kind: str, required: bool = False) -> Mapping[str, Any] | None:
    if len(entries) > 1 or (required and not entries):
        raise FhirError(f"expected {'one' if required else 'at most one'} {kind}, found {len(entries)}")
    return entries[0] if entries else None


def _case(by_url: Mapping[str, Mapping[str, Any]]) -> Case:
    grouped: dict[str, list[Mapping[str, Any]]] = {}
    for resource in by_url.values():
        grouped.setdefault(_kind(resource), []).append(resource)
    unknown = sorted(set(grouped) - {"Patient", "Practitioner", "Organization", "Condition", "job", "evaluation",
                                     "outcome", "home-practice", "fitness-for-work", "safety-review", "Goal",
                                     "CarePlan", "Consent", "grip-strength-right", "grip-strength-left",
                                     "fear-exposure"})
    if unknown:
        raise FhirError(f"the bundle holds a {unknown[0][:40]} entry, which is not part of a case this program wrote")
    patient = people.read_patient(_one(grouped.get("Patient", []), "Patient", required=True) or {})
    observation = _one(grouped.get("job", []), "job Observation (LOINC 11341-5)", required=True) or {}
    employer_url = job.employer_reference(observation)
    if employer_url is not None and by_url.get(employer_url, {}).get("resourceType") != "Organization":
        raise FhirError("Observation (job): the ODH employer extension does not point to an Organization here")
    employer = by_url[employer_url].get("name", "") if employer_url else ""

    def resolve(url: str) -> Mapping[str, Any]:
        if url not in by_url:
            raise FhirError("Observation (evaluation).hasMember: a reference to no entry of the bundle")
        return by_url[url]

    practitioner = _one(grouped.get("Practitioner", []), "Practitioner")
    condition = _one(grouped.get("Condition", []), "Condition")
    fitness = _one(grouped.get("fitness-for-work", []), "fitness-for-work Observation")
    safety = _one(grouped.get("safety-review", []), "safety-review Observation")
    plan = careplan.read_care_plan(_one(grouped.get("CarePlan", []), "CarePlan") or {})
    hierarchy = exposure.read_hierarchy(plan["feared"], [(url, r) for url, r in by_url.items()
                                                         if _kind(r) == "fear-exposure"])
    return Case(
        **patient, employer=employer, **job.read_job(observation),
        clinician=None if practitioner is None else people.read_practitioner(practitioner),
        diagnosis="" if condition is None else (condition.get("code") or {}).get("text", ""),
        review_date=plan.get("review_date"), rtw_start_date=plan.get("rtw_start_date"),
        next_appointment=plan.get("next_appointment"),
        consents=tuple(people.read_consent(c, f"Consent {n}") for n, c in enumerate(grouped.get("Consent", []), 1)),
        evaluations=tuple(capacity.read_evaluation(o, resolve, f"Observation (evaluation {n})")
                          for n, o in enumerate(grouped.get("evaluation", []), 1)),
        outcomes=tuple(progress.read_outcome(o, f"Observation (outcome {n})")
                       for n, o in enumerate(grouped.get("outcome", []), 1)),
        practice_log=tuple(progress.read_practice(o, f"Observation (practice {n})")
                           for n, o in enumerate(grouped.get("home-practice", []), 1)),
        plan=Plan(quotas=tuple(plan["quotas"]),
                  goals=tuple(goals.read_goal(g, f"Goal {n}") for n, g in enumerate(grouped.get("Goal", []), 1)),
                  phased_return=plan["phased_return"], notes=tuple(plan["notes"]),
                  fitness=None if fitness is None else progress.read_fitness(fitness, "Observation (fitness)"),
                  flare_plan=PersonalFlarePlan(**plan["flare_plan"]),
                  safety_review=None if safety is None else progress.read_safety(safety, "Observation (safety)"),
                  treatment=tuple(plan["treatment"]), treatment_time=plan["treatment_time"], exposure=hierarchy))


def read_bundle(text: str) -> Case:
    """A new case from a bundle's text. Raises FhirError with one short line naming what is wrong."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FhirError(f"not JSON (line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise FhirError("not JSON this program can read (nested too deeply)") from None
    if not isinstance(data, dict) or data.get("resourceType") != "Bundle":
        raise FhirError("not a FHIR Bundle (resourceType must be Bundle)")
    if data.get("type") != "collection":
        raise FhirError(f"Bundle.type: {str(data.get('type'))[:40]!r} is not allowed; expected collection")
    _validated(data)
    by_url: dict[str, Mapping[str, Any]] = {}
    for n, entry in enumerate(data.get("entry", []), 1):
        url, resource = entry.get("fullUrl"), entry.get("resource")
        if not url or not isinstance(resource, dict) or url in by_url:
            raise FhirError(f"Bundle.entry[{n}]: each entry needs its own fullUrl and a resource")
        by_url[url] = resource
    try:
        return _case(by_url)
    except FhirError:
        raise
    except ValidationError as exc:
        raise FhirError(str(exc)) from None
    except (KeyError, TypeError, ValueError, StopIteration, AttributeError, IndexError) as exc:
        kind = type(exc).__name__
        raise FhirError(f"an element this program needs is missing or of the wrong kind ({kind})") from None
