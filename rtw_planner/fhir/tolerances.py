"""An evaluation's tolerances as components of its panel: the rated item, the highest frequency tolerated (or
data absent, not performed, when not tested) and the source as an extension."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rtw_planner.domain.capacity.tolerances import Tolerance, ToleranceKey
from rtw_planner.domain.demands.ratings import KEY_TO_NAME, LEVEL_RATED, RatedGroup, Rating
from rtw_planner.fhir import FhirError
from rtw_planner.fhir.vocabulary import (
    ABSENT,
    RATED,
    components,
    concept,
    enum_concept,
    enum_value,
    extension_value,
    text_extension,
)

SOURCE = "tolerance-source"
GROUPS = {g.value: g for g in RatedGroup}


def tolerance_components(tolerances: Mapping[ToleranceKey, Tolerance]) -> list[dict[str, Any]]:
    """One component per rated item, in the order recorded."""
    out = []
    for (group, key), tolerance in tolerances.items():
        part: dict[str, Any] = {"code": concept(RATED, f"{group.value}.{key}")}
        if source := text_extension(SOURCE, tolerance.source):
            part["extension"] = source
        if tolerance.tolerated is None:
            part["dataAbsentReason"] = concept(ABSENT, "not-performed")
        else:
            part["valueCodeableConcept"] = enum_concept(tolerance.tolerated)
        out.append(part)
    return out


def _key(code: str, where: str) -> ToleranceKey:
    group, _, key = code.partition(".")
    if group not in GROUPS or key not in KEY_TO_NAME[GROUPS[group]]:
        raise FhirError(f"{where}: unknown rated demand {code[:40]!r}")
    if key == LEVEL_RATED:
        raise FhirError(f"{where}: {code!r} has no tolerance (strength is compared by loads, not by frequency)")
    return GROUPS[group], key


def read_tolerances(panel: Mapping[str, Any], where: str) -> dict[ToleranceKey, Tolerance]:
    """The tolerances back from an evaluation's panel. Raises FhirError naming where and the item."""
    out: dict[ToleranceKey, Tolerance] = {}
    for code, part in components(panel, RATED):
        key = _key(code, where)
        if key in out:
            raise FhirError(f"{where}: rated demand {code!r} is given twice")
        if "dataAbsentReason" in part and "valueCodeableConcept" not in part:
            tolerated = None
        else:
            tolerated = enum_value(Rating, part.get("valueCodeableConcept"), f"{where} tolerance {code}")
        source = extension_value(part, SOURCE, "")
        if not isinstance(source, str):
            raise FhirError(f"{where} tolerance {code}: the source must be a valueString")
        out[key] = Tolerance(tolerated, source)
    return out
