"""Each dated evaluation as a panel Observation (the measured profile, effort, protocol, evaluator, estimation
rule, dominant hand), with grip strength per hand as member Observations (LOINC where one exists) holding the
three trials."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from rtw_planner.domain.capacity.evaluation import Effort, Evaluation
from rtw_planner.domain.capacity.grip import GripTrials, Hand, Handedness
from rtw_planner.fhir import FhirError
from rtw_planner.fhir.profile import profile_components, read_profile
from rtw_planner.fhir.vocabulary import (
    BASE,
    LOINC,
    LOINC_GRIP_RIGHT,
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
    quantity,
    reference,
)

EVALUATION = "functional-capacity-evaluation"
ESTIMATION_RULE = f"{BASE}/CodeSystem/estimation-rule"
GRIP_CODES = {Hand.RIGHT: "grip-strength-right", Hand.LEFT: "grip-strength-left"}
GRIP_LOINC = {Hand.RIGHT: (LOINC_GRIP_RIGHT, "Grip strength Hand - right Dynamometer")}


def _base(code: dict[str, Any], day: str, patient_url: str) -> dict[str, Any]:
    return {"resourceType": "Observation", "status": "final", "category": [concept(OBSERVATION_CATEGORY, "exam")],
            "code": code, "subject": reference(patient_url), "effectiveDateTime": day}


def grip_observation(grip: GripTrials, day: str, patient_url: str) -> dict[str, Any]:
    """One hand's grip: the mean in kg as the value, each trial as a component."""
    codings = [coding(LOINC, *GRIP_LOINC[grip.hand])] if grip.hand in GRIP_LOINC else []
    out = _base({"coding": [*codings, coding(RTW, GRIP_CODES[grip.hand])]}, day, patient_url)
    out["valueQuantity"] = quantity(grip.mean_kg, "kg")
    out["component"] = [{"code": concept(RTW, "grip-trial"), "valueQuantity": quantity(t, "kg")}
                        for t in grip.trials_kg]
    return out


def evaluation_observations(evaluation: Evaluation, patient_url: str,
                            new_url: Callable[[], str]) -> list[tuple[str, dict[str, Any]]]:
    """(full URL, resource) for the panel, then its grip members."""
    day = evaluation.assessed_on.isoformat()
    members = [(new_url(), grip_observation(g, day, patient_url)) for g in evaluation.grip]
    panel = _base(concept(RTW, EVALUATION, "Functional capacity evaluation"), day, patient_url)
    parts = [*profile_components(evaluation.profile),
             {"code": concept(RTW, "effort"), "valueCodeableConcept": enum_concept(evaluation.effort)}]
    if evaluation.estimation_rule:
        parts.append({"code": concept(RTW, "estimation-rule"),
                      "valueCodeableConcept": concept(ESTIMATION_RULE, evaluation.estimation_rule)})
    if evaluation.dominant_hand is not None:
        parts.append({"code": concept(RTW, "dominant-hand"),
                      "valueCodeableConcept": enum_concept(evaluation.dominant_hand)})
    panel["component"] = parts
    if evaluation.evaluator:
        panel["performer"] = [{"display": evaluation.evaluator}]
    if evaluation.protocol:
        panel["method"] = {"text": evaluation.protocol}
    if evaluation.effort_notes:
        panel["note"] = [{"text": evaluation.effort_notes}]
    if members:
        panel["hasMember"] = [reference(url) for url, _ in members]
    return [(new_url(), panel), *members]


def is_evaluation(resource: Mapping[str, Any]) -> bool:
    """Whether an Observation is an evaluation's panel."""
    return EVALUATION in [c.get("code") for c in resource.get("code", {}).get("coding", [])
                          if c.get("system") == RTW]


def _read_grip(resource: Mapping[str, Any], where: str) -> GripTrials:
    code = next((c.get("code") for c in resource.get("code", {}).get("coding", []) if c.get("system") == RTW), None)
    hand = next((h for h, c in GRIP_CODES.items() if c == code), None)
    if hand is None:
        raise FhirError(f"{where}: a member that is not a grip strength Observation")
    trials = [number(c.get("valueQuantity", {}).get("value"), f"{where} trial") for k, c in components(resource, RTW)
              if k == "grip-trial"]
    return GripTrials(hand, tuple(trials))  # type: ignore[arg-type]  # GripTrials checks there are three


def read_evaluation(panel: Mapping[str, Any], resolve: Callable[[str], Mapping[str, Any]], where: str) -> Evaluation:
    """An evaluation back from its panel; resolve finds a member by its reference."""
    effort = component(panel, RTW, "effort")
    rule = component(panel, RTW, "estimation-rule")
    dominant = component(panel, RTW, "dominant-hand")
    grip = tuple(_read_grip(resolve(m.get("reference", "")), f"{where} grip") for m in panel.get("hasMember", []))
    performers = [p.get("display", "") for p in panel.get("performer", [])]
    return Evaluation(
        a_date(panel.get("effectiveDateTime"), f"{where}.effectiveDateTime"), performers[0] if performers else "",
        (panel.get("method") or {}).get("text", ""),
        Effort.NOT_RECORDED if effort is None else enum_value(Effort, effort.get("valueCodeableConcept"),
                                                              f"{where} effort"),
        "\n".join(n.get("text", "") for n in panel.get("note", [])), read_profile(panel, where), grip,
        None if rule is None else one_code(rule.get("valueCodeableConcept"), ESTIMATION_RULE, f"{where} rule"),
        dominant_hand=None if dominant is None else enum_value(Handedness, dominant.get("valueCodeableConcept"),
                                                                 f"{where} dominant hand"))
