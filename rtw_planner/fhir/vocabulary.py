"""The code systems, extensions and units a bundle uses, with small builders and readers of plain FHIR JSON."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from enum import Enum
from typing import Any, TypeVar

from rtw_planner.fhir import FhirError

# The clinic's own namespace: stable, documented in docs/fhir.md; a clinic publishing its own may map it.
BASE = "https://rtw-planner.example/fhir"
RTW = f"{BASE}/CodeSystem/rtw"  # the program's own concepts: evaluation, phase, quota, adjustment, ...
DEMAND = f"{BASE}/CodeSystem/physical-demand"  # an item of the physical profile, e.g. lift_floor_to_waist.frequent
RATED = f"{BASE}/CodeSystem/rated-demand"  # a rated item: physical.stooping, environment.noise, cognitive.memory
INSTRUMENT = f"{BASE}/CodeSystem/instrument"  # an outcome instrument by its id: PEG, PSFS, TSK-17, 6MWT, ...
ACCOMMODATION = f"{BASE}/CodeSystem/accommodation"  # a note of the accommodation library by its id
LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
ODH_JOB_PROFILE = "http://hl7.org/fhir/us/odh/StructureDefinition/odh-PastOrPresentJob"
ODH_EMPLOYER = "http://hl7.org/fhir/us/odh/StructureDefinition/odh-Employer-extension"
REGISTRATION = f"{BASE}/sid/registration-number"
GOAL_ID = f"{BASE}/sid/goal-id"

# LOINC codes used, each checked against published FHIR material (ODH STU 1.3 for the job's components).
LOINC_JOB = "11341-5"  # History of Occupation (ODH PastOrPresentJob)
LOINC_JOB_DUTY = "63761-1"  # main activities or duties for this job (ODH job duty, a string)
LOINC_DAYS_PER_WEEK = "74160-3"  # Work days per week (ODH)
LOINC_HOURS_PER_DAY = "87512-0"  # Work hours per day (ODH)
LOINC_GRIP_RIGHT = "83174-3"  # Grip strength Hand - right Dynamometer
LOINC_INSTRUMENTS = {"6MWT": ("64098-7", "Six minute walk test")}

UNITS = {"kg": "kg", "N": "N", "min": "min", "m": "m", "h": "h", "%": "%", "/h": "/h", "d/wk": "d/wk",
         "h/d": "h/d", "h/wk": "h/wk", "wk": "wk", "reps": "{repetitions}"}

E = TypeVar("E", bound=Enum)


def enum_system(kind: type[Enum]) -> str:
    """The code system of one of the program's enumerations: .../CodeSystem/goal-status for GoalStatus."""
    name = "".join("-" + c.lower() if c.isupper() else c for c in kind.__name__).lstrip("-")
    return f"{BASE}/CodeSystem/{name}"


def coding(system: str, code: str, display: str | None = None) -> dict[str, Any]:
    """A Coding."""
    return {"system": system, "code": code, **({"display": display} if display else {})}


def concept(system: str, code: str, display: str | None = None) -> dict[str, Any]:
    """A CodeableConcept with one coding."""
    return {"coding": [coding(system, code, display)]}


def enum_concept(member: Enum) -> dict[str, Any]:
    """A CodeableConcept of an enumeration's member, in its own code system."""
    return concept(enum_system(type(member)), str(member.value))


def quantity(value: float, unit: str) -> dict[str, Any]:
    """A UCUM Quantity."""
    return {"value": value, "unit": unit, "system": UCUM, "code": UNITS[unit]}


def extension(name: str, kind: str, value: object) -> dict[str, Any]:
    """One of the program's extensions: extension('phase-percent', 'Decimal', 50.0)."""
    return {"url": f"{BASE}/StructureDefinition/{name}", f"value{kind}": value}


def text_extension(name: str, value: str) -> list[dict[str, Any]]:
    """A string extension, or none for empty text (FHIR strings are never empty)."""
    return [extension(name, "String", value)] if value else []


def reference(full_url: str) -> dict[str, Any]:
    """A reference to another entry of the bundle."""
    return {"reference": full_url}


# Readers: the library has checked the structure, so these check what the program needs on top.

def codes(value: Mapping[str, Any] | None, system: str) -> list[str]:
    """The codes of a CodeableConcept in one system."""
    return [c["code"] for c in (value or {}).get("coding", []) if c.get("system") == system and "code" in c]


def has_code(value: Mapping[str, Any] | None, system: str, code: str) -> bool:
    """Whether a CodeableConcept carries a code."""
    return code in codes(value, system)


def one_code(value: Mapping[str, Any] | None, system: str, where: str) -> str:
    """The one code of a concept in a system. Raises FhirError naming where."""
    found = codes(value, system)
    if len(found) != 1:
        raise FhirError(f"{where}: expected one code of {system}, found {len(found)}")
    return found[0]


def enum_value(kind: type[E], value: Mapping[str, Any] | None, where: str) -> E:
    """An enumeration's member from its concept. Raises FhirError naming where and what is allowed."""
    code = one_code(value, enum_system(kind), where)
    try:
        return kind(code)
    except ValueError:
        allowed = ", ".join(str(m.value) for m in kind)
        raise FhirError(f"{where}: {code[:40]!r} is not one of {allowed}") from None


def extensions(element: Mapping[str, Any], name: str) -> Iterator[Any]:
    """The values of one of the program's extensions on an element, in order."""
    url = f"{BASE}/StructureDefinition/{name}"
    for item in element.get("extension", []):
        if item.get("url") == url:
            yield next(v for k, v in item.items() if k.startswith("value"))


def extension_value(element: Mapping[str, Any], name: str, default: Any = None) -> Any:
    """The value of an extension that appears at most once, else the default."""
    return next(extensions(element, name), default)


def components(observation: Mapping[str, Any], system: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """(code, component) for each component coded in a system, in order."""
    for item in observation.get("component", []):
        for code in codes(item.get("code"), system):
            yield code, item


def component(observation: Mapping[str, Any], system: str, code: str) -> dict[str, Any] | None:
    """The first component with a code, or None."""
    return next((c for k, c in components(observation, system) if k == code), None)


def a_date(value: object, where: str) -> date:
    """A full date (YYYY-MM-DD) from a FHIR date or the date part of a dateTime. Raises FhirError."""
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            pass
    raise FhirError(f"{where}: expected a full date YYYY-MM-DD")


def optional_date(value: object, where: str) -> date | None:
    """A date, or None when the element is absent."""
    return None if value is None else a_date(value, where)


def number(value: object, where: str) -> float:
    """A number (the library has read decimals already). Raises FhirError."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FhirError(f"{where}: expected a number")
    return float(value)


def value_number(element: Mapping[str, Any] | None, where: str) -> float:
    """An element's valueQuantity's value. Raises FhirError."""
    if element is None or "valueQuantity" not in element:
        raise FhirError(f"{where}: expected a valueQuantity")
    return number(element["valueQuantity"].get("value"), where)
