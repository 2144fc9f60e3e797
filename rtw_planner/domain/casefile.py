"""The JSON case file (format "rtw-planner-case", version 1): reading with full validation, and writing."""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from typing import Any

from rtw_planner.assets import resource_path
from rtw_planner.domain.case import Capacity, Case, Clinician, Consent, ConsentCategory
from rtw_planner.domain.errors import ValidationError
from rtw_planner.domain.profile import Activity, Frequency, PhysicalProfile, PostureTolerance

FORMAT = "rtw-planner-case"
VERSION = 1


class CaseFileError(ValueError):
    """A case file could not be read; the message says where and why."""


@cache
def _validator() -> Any:
    import jsonschema  # imported on first use: it is slow to import and only files need it

    schema = json.loads(resource_path("schemas/case-v1.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def parse(text: str) -> Case:
    """Read a case from the text of a case file. Raises CaseFileError naming the problem."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CaseFileError(f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    return from_dict(data)


def from_dict(data: object) -> Case:
    """Build a case from decoded JSON, checking the format, version, schema and domain rules."""
    if not isinstance(data, dict):
        raise CaseFileError("a case file must hold a JSON object")
    if data.get("format") != FORMAT:
        raise CaseFileError(f'format: {data.get("format")!r} is not allowed; expected "{FORMAT}"')
    version = data.get("version")
    if type(version) is not int or version != VERSION:  # 1.0 and true are not the integer 1
        raise CaseFileError(f"version: {version!r} is not supported; this build reads version {VERSION}")
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.absolute_path) or "(top level)"
        raise CaseFileError(f"{where}: {first.message}")
    try:
        return _case(data)
    except ValidationError as exc:
        raise CaseFileError(str(exc)) from None


def _date(field: str, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValidationError(field, value, "a real calendar date written YYYY-MM-DD") from None


def _profile(data: dict[str, Any]) -> PhysicalProfile:
    strength: dict[tuple[Activity, Frequency], float] = {}
    rows = [(r, "load_kg") for r in data.get("lifting_carrying", [])]
    rows += [(r, "force_n") for r in data.get("pushing_pulling", [])]
    for row, value_key in rows:
        key = (Activity(row["activity"]), Frequency(row["frequency"]))
        if key in strength:
            raise ValidationError(f"{key[0].label} ({key[1].value})", row[value_key], "one entry per frequency")
        strength[key] = row[value_key]
    postures: dict[Activity, PostureTolerance] = {}
    for row in data.get("postures", []):
        activity = Activity(row["activity"])
        if activity in postures:
            raise ValidationError(activity.label, row["minutes_at_a_time"], "one entry per posture")
        postures[activity] = PostureTolerance(row["minutes_at_a_time"], row["minutes_per_day"])
    return PhysicalProfile(strength, postures)


def _case(data: dict[str, Any]) -> Case:
    clinician = data.get("clinician")
    capacity = data.get("capacity", {})
    return Case(
        patient_name=data["patient_name"],
        date_of_birth=_date("date_of_birth", data.get("date_of_birth")),
        employer=data.get("employer", ""),
        job_title=data.get("job_title", ""),
        clinician=Clinician(**clinician) if clinician else None,
        diagnosis=data.get("diagnosis", ""),
        review_date=_date("review_date", data.get("review_date")),
        consents=tuple(
            Consent(ConsentCategory(c["category"]), c["recipient"], c["purpose"],
                    _date(f"consents/{n}/date_given", c["date_given"]),  # type: ignore[arg-type]
                    _date(f"consents/{n}/expiry", c.get("expiry")),
                    _date(f"consents/{n}/withdrawn_on", c.get("withdrawn_on")))
            for n, c in enumerate(data.get("consents", []))
        ),
        demands=_profile(data.get("demands", {})),
        capacity=Capacity(_profile(capacity), _date("capacity/assessed_on", capacity.get("assessed_on")),
                          capacity.get("evaluator", "")),
    )


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _profile_dict(profile: PhysicalProfile) -> dict[str, Any]:
    return {
        "lifting_carrying": [
            {"activity": a.value, "frequency": f.value, "load_kg": v}
            for (a, f), v in profile.strength.items() if a.kind.value == "mass"
        ],
        "pushing_pulling": [
            {"activity": a.value, "frequency": f.value, "force_n": v}
            for (a, f), v in profile.strength.items() if a.kind.value == "force"
        ],
        "postures": [
            {"activity": a.value, "minutes_at_a_time": t.minutes_at_a_time, "minutes_per_day": t.minutes_per_day}
            for a, t in profile.postures.items()
        ],
    }


def to_dict(case: Case) -> dict[str, Any]:
    """The case as a version-1 case file object (the database id is not part of it)."""
    clinician = case.clinician
    return {
        "format": FORMAT,
        "version": VERSION,
        "patient_name": case.patient_name,
        "date_of_birth": _iso(case.date_of_birth),
        "employer": case.employer,
        "job_title": case.job_title,
        "clinician": None if clinician is None else {
            "name": clinician.name, "profession": clinician.profession,
            "registration_number": clinician.registration_number,
        },
        "diagnosis": case.diagnosis,
        "review_date": _iso(case.review_date),
        "consents": [
            {"category": c.category.value, "recipient": c.recipient, "purpose": c.purpose,
             "date_given": c.date_given.isoformat(), "expiry": _iso(c.expiry), "withdrawn_on": _iso(c.withdrawn_on)}
            for c in case.consents
        ],
        "demands": _profile_dict(case.demands),
        "capacity": {**_profile_dict(case.capacity.profile), "assessed_on": _iso(case.capacity.assessed_on),
                     "evaluator": case.capacity.evaluator},
    }


def dumps(case: Case) -> str:
    """The case file text, UTF-8 JSON with non-ASCII letters kept as they are."""
    return json.dumps(to_dict(case), indent=2, ensure_ascii=False) + "\n"
