"""A physical profile (the job's demands or a person's measured capacity) as Observation components coded in the
program's physical-demand code system, item by item, and back."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rtw_planner.domain.demands.profile import Activity, Exposure, Frequency, PhysicalProfile, PostureTolerance, unit_of
from rtw_planner.fhir import FhirError
from rtw_planner.fhir.vocabulary import DEMAND, components, concept, number, quantity

ABSENT = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
POSTURE_PARTS = ("minutes_at_a_time", "minutes_per_day")
EXPOSURE_PARTS = {"hours_per_shift": "h", "reps_per_hour": "/h"}


def _item(code: str, value: float, unit: str) -> dict[str, Any]:
    return {"code": concept(DEMAND, code), "valueQuantity": quantity(value, unit)}


def profile_components(profile: PhysicalProfile) -> list[dict[str, Any]]:
    """Strength as lift_floor_to_waist.occasional (kg, or N for pushing and pulling), postures as
    sit.minutes_at_a_time and sit.minutes_per_day, carry_distance in m, exposure as
    lift_floor_to_waist.hours_per_shift (h) and .reps_per_hour (/h)."""
    out = [_item(f"{a.value}.{f.value}", v, unit_of(a)) for (a, f), v in profile.strength.items()]
    for activity, tolerance in profile.postures.items():
        out += [_item(f"{activity.value}.{part}", getattr(tolerance, part), "min") for part in POSTURE_PARTS]
    if profile.carry_distance_m is not None:
        out.append(_item("carry_distance", profile.carry_distance_m, "m"))
    for activity, exposure in profile.exposure.items():
        parts = [_item(f"{activity.value}.{part}", getattr(exposure, part), unit)
                 for part, unit in EXPOSURE_PARTS.items() if getattr(exposure, part) is not None]
        out += parts or [{"code": concept(DEMAND, f"{activity.value}.hours_per_shift"),
                          "dataAbsentReason": concept(ABSENT, "not-asked")}]  # an exposure with neither number
    return out


def read_profile(observation: Mapping[str, Any], where: str) -> PhysicalProfile:
    """The profile from an Observation's physical-demand components. Raises FhirError naming the code."""
    strength: dict[tuple[Activity, Frequency], float] = {}
    postures: dict[Activity, dict[str, float]] = {}
    exposure: dict[Activity, dict[str, float]] = {}
    carry = None
    for code, item in components(observation, DEMAND):
        if "dataAbsentReason" in item and code.endswith(".hours_per_shift"):
            exposure.setdefault(Activity(code.partition(".")[0]), {})
            continue
        value = number(item.get("valueQuantity", {}).get("value"), f"{where} component {code[:40]}")
        if code == "carry_distance":
            carry = value
            continue
        name, _, part = code.partition(".")
        try:
            activity = Activity(name)
        except ValueError:
            raise FhirError(f"{where}: unknown physical-demand code {code[:40]!r}") from None
        if part in POSTURE_PARTS:
            postures.setdefault(activity, {})[part] = value
        elif part in EXPOSURE_PARTS:
            exposure.setdefault(activity, {})[part] = value
        elif part in {f.value for f in Frequency}:
            strength[(activity, Frequency(part))] = value
        else:
            raise FhirError(f"{where}: unknown physical-demand code {code[:40]!r}")
    for activity, parts in postures.items():
        if set(parts) != set(POSTURE_PARTS):
            raise FhirError(f"{where}: {activity.value} needs both minutes at a time and minutes per day")
    return PhysicalProfile(strength, {a: PostureTolerance(p["minutes_at_a_time"], p["minutes_per_day"])
                                      for a, p in postures.items()}, carry,
                           {a: Exposure(p.get("hours_per_shift"), p.get("reps_per_hour")) for a, p in exposure.items()})
