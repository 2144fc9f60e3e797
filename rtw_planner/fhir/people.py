"""Who and what the case is about: Patient, Practitioner, the employer's Organization, the diagnosis as a
Condition, and each consent as a Consent."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from rtw_planner.domain.capacity.grip import Sex
from rtw_planner.domain.case.model import Clinician, Consent, ConsentCategory
from rtw_planner.fhir import FhirError
from rtw_planner.fhir.vocabulary import (
    LOINC,
    REGISTRATION,
    a_date,
    concept,
    enum_concept,
    enum_value,
    extension,
    extension_value,
    optional_date,
    reference,
)

CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope"
ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category"


def patient(name: str, born: date | None, sex: Sex | None) -> dict[str, Any]:
    """The patient: the name as written (HumanName.text), date of birth, and sex as administrative gender."""
    out: dict[str, Any] = {"resourceType": "Patient", "name": [{"text": name}]}
    if sex is not None:
        out["gender"] = sex.value
    if born is not None:
        out["birthDate"] = born.isoformat()
    return out


def read_patient(resource: Mapping[str, Any]) -> dict[str, Any]:
    """patient_name, date_of_birth and sex for the Case."""
    names = [n.get("text") for n in resource.get("name", []) if n.get("text")]
    if not names:
        raise FhirError("Patient.name: expected the name as text")
    gender = resource.get("gender")
    if gender not in (None, "female", "male"):
        raise FhirError(f"Patient.gender: {str(gender)[:40]!r} cannot be recorded; expected female, male or none")
    return {"patient_name": names[0], "sex": None if gender is None else Sex(gender),
            "date_of_birth": optional_date(resource.get("birthDate"), "Patient.birthDate")}


def practitioner(clinician: Clinician) -> dict[str, Any]:
    """The clinician: name, profession (qualification text), registration number, phone and email."""
    out: dict[str, Any] = {"resourceType": "Practitioner", "name": [{"text": clinician.name}]}
    if clinician.registration_number:
        out["identifier"] = [{"system": REGISTRATION, "value": clinician.registration_number}]
    telecom = [{"system": kind, "value": value} for kind, value in (("phone", clinician.phone),
                                                                    ("email", clinician.email)) if value]
    if telecom:
        out["telecom"] = telecom
    if clinician.profession:
        out["qualification"] = [{"code": {"text": clinician.profession}}]
    return out


def read_practitioner(resource: Mapping[str, Any]) -> Clinician:
    """The clinician back."""
    names = [n.get("text") for n in resource.get("name", []) if n.get("text")]
    if not names:
        raise FhirError("Practitioner.name: expected the name as text")
    telecom = {t.get("system"): t.get("value", "") for t in resource.get("telecom", [])}
    registration = next((i.get("value", "") for i in resource.get("identifier", [])
                         if i.get("system") == REGISTRATION), "")
    profession = next((q.get("code", {}).get("text", "") for q in resource.get("qualification", [])), "")
    return Clinician(names[0], profession, registration, telecom.get("phone", ""), telecom.get("email", ""))


def employer(name: str) -> dict[str, Any]:
    """The employer, which the job Observation names through the ODH employer extension."""
    return {"resourceType": "Organization", "name": name}


def condition(diagnosis: str, patient_url: str) -> dict[str, Any]:
    """The diagnosis as written, as a problem-list Condition."""
    return {"resourceType": "Condition", "subject": reference(patient_url), "code": {"text": diagnosis},
            "category": [concept(CONDITION_CATEGORY, "problem-list-item")]}


def consent(given: Consent, patient_url: str) -> dict[str, Any]:
    """A consent to disclose one category to one recipient for one purpose, from the day given to its expiry; a
    withdrawn one is inactive, with the day in the program's extension."""
    period = {"start": given.date_given.isoformat(), **({"end": given.expiry.isoformat()} if given.expiry else {})}
    out: dict[str, Any] = {
        "resourceType": "Consent", "status": "inactive" if given.withdrawn_on else "active",
        "scope": concept(CONSENT_SCOPE, "patient-privacy"),
        "category": [concept(LOINC, "59284-0", "Patient Consent")], "patient": reference(patient_url),
        "dateTime": given.date_given.isoformat(), "policyRule": concept(ACT_CODE, "OPTIN"),
        "provision": {"type": "permit", "period": period,
                      "actor": [{"role": concept(PARTICIPATION, "IRCP", "information recipient"),
                                 "reference": {"display": given.recipient}}],
                      "purpose": [{"display": given.purpose}], "code": [enum_concept(given.category)]},
    }
    if given.withdrawn_on:
        out["extension"] = [extension("consent-withdrawn-on", "Date", given.withdrawn_on.isoformat())]
    return out


def read_consent(resource: Mapping[str, Any], where: str) -> Consent:
    """A consent back."""
    provision = resource.get("provision") or {}
    period = provision.get("period") or {}
    actors = [a.get("reference", {}).get("display") for a in provision.get("actor", [])]
    purposes = [p.get("display") for p in provision.get("purpose", [])]
    if len(actors) != 1 or len(purposes) != 1 or len(provision.get("code", [])) != 1:
        raise FhirError(f"{where}.provision: expected one recipient, one purpose and one category")
    category = enum_value(ConsentCategory, provision["code"][0], f"{where}.provision.code")
    withdrawn = extension_value(resource, "consent-withdrawn-on")
    return Consent(category, actors[0] or "", purposes[0] or "", a_date(period.get("start"), f"{where}.period.start"),
                   optional_date(period.get("end"), f"{where}.period.end"),
                   optional_date(withdrawn, f"{where} withdrawn on"))
