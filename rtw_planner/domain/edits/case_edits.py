"""Edits of the Details tab: the person, the job, the clinician, the claim, and consents."""

from __future__ import annotations

from typing import Any

from rtw_planner.domain.case.model import Clinician, Consent
from rtw_planner.domain.edits.commands import Edit, Insert, Remove, Set, typing_run
from rtw_planner.domain.edits.lenses import CaseField, Item

FIELD_LABELS = {
    "patient_name": "patient name", "date_of_birth": "date of birth", "sex": "sex", "employer": "employer",
    "job_title": "job title", "diagnosis": "diagnosis", "review_date": "review date",
    "workers_comp_claim": "workers' compensation claim", "rtw_start_date": "return-to-work start",
    "next_appointment": "next appointment",
}
TEXT_FIELDS = ("patient_name", "employer", "job_title", "diagnosis")
CLINICIAN_LABELS = {"name": "clinician name", "profession": "clinician profession",
                    "registration_number": "clinician registration number", "phone": "clinician phone",
                    "email": "clinician email"}
CONSENTS = CaseField("consents")


def set_case_field(name: str, value: Any) -> Set:
    """Change one field of the case; typing in a text field merges into word-sized steps."""
    label = FIELD_LABELS[name]
    run = typing_run(label, value) if name in TEXT_FIELDS and isinstance(value, str) else None
    if name in ("date_of_birth", "review_date", "rtw_start_date"):
        run = label  # the steps of one date (day, month, year, arrows) undo as one
    return Set(CaseField(name), value, f"change {label}", run)


def set_clinician(fields: dict[str, str], changed: str) -> Set:
    """Change the clinician from the five fields as typed (all blank: no clinician); `changed` names the field typed
    in. Raises ValidationError (contact details without a name) before anything is pushed."""
    clinician = Clinician(**fields) if any(v.strip() for v in fields.values()) else None
    label = CLINICIAN_LABELS[changed]
    return Set(CaseField("clinician"), clinician, f"change {label}", typing_run(label, fields[changed]))


def add_consent(consent: Consent, index: int) -> Edit:
    """Record a consent."""
    return Insert(CONSENTS, index, consent, "record consent")


def remove_consent(index: int, consent: Consent) -> Edit:
    """Remove a consent (undo puts it back)."""
    return Remove(CONSENTS, index, f"remove consent to share {consent.category.label}")


def edit_consent(index: int, consent: Consent, what: str) -> Edit:
    """Change one column of a consent."""
    return Set(Item(CONSENTS, index), consent, f"change consent {index + 1} {what}")
