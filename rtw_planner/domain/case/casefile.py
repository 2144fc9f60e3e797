"""The JSON case file (format "rtw-planner-case", version 1): reading with full validation, and writing. An exported
file also says which revision of the stored case it was taken from (optional, additive)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from rtw_planner.assets import schema_validator
from rtw_planner.domain.capacity.evaluation import Effort, Evaluation
from rtw_planner.domain.capacity.grip import Handedness, Sex
from rtw_planner.domain.capacity.tolerances import tolerances_from_dict, tolerances_to_dict
from rtw_planner.domain.case.model import Case, Clinician, Consent, ConsentCategory
from rtw_planner.domain.case.outcome_records import (
    outcome_from_dict,
    outcome_to_dict,
    practice_from_dict,
    practice_to_dict,
)
from rtw_planner.domain.case.records import (
    exposure_from_list,
    exposure_to_list,
    grip_from_list,
    grip_to_list,
    lifting_task_from_dict,
    lifting_tasks_to_list,
    ratings_from_dict,
    ratings_to_dict,
    strength_rating_from_dict,
    tasks_from_list,
    tasks_to_list,
)
from rtw_planner.domain.data.errors import ValidationError, describe
from rtw_planner.domain.data.files import schema_problem, schema_where
from rtw_planner.domain.data.limited_json import JsonLimitError, JsonLimits, loads
from rtw_planner.domain.demands.job import DemandSource, JobDemands
from rtw_planner.domain.demands.mmh_tasks import mmh_task_from_dict, mmh_tasks_to_list
from rtw_planner.domain.demands.profile import Activity, ActivityKind, Frequency, PhysicalProfile, PostureTolerance
from rtw_planner.domain.plan.goals import appointment_from_dict, appointment_to_dict
from rtw_planner.domain.plan.model import plan_from_dict, plan_to_dict

FORMAT = "rtw-planner-case"
VERSION = 1
# The largest case file read (bytes of UTF-8). No clinic setting yet: the clinic's details live in the database,
# and parse() takes max_bytes so a setting can pass its own. README, "Case files from other systems".
MAX_CASE_FILE_BYTES = 10_000_000
MAX_NESTING = 32  # a case file nests 7 levels; plan records a few more


class CaseFileError(ValueError):
    """A case file could not be read; the message says where and why."""


def _validator() -> Any:
    return schema_validator("case-v1")


def parse(text: str, max_bytes: int = MAX_CASE_FILE_BYTES) -> Case:
    """Read a case from the text of a case file. Raises CaseFileError naming the problem."""
    return parse_exported(text, max_bytes)[0]


def limits(max_bytes: int = MAX_CASE_FILE_BYTES) -> JsonLimits:
    """What a case file may hold before its schema is even looked at: its size, nesting, and no list longer than
    the schema's longest (maxItems), no text longer than its longest (maxLength)."""
    schema = _validator().schema
    longest_list = max(_schema_values(schema, "maxItems"))
    longest_text = max(_schema_values(schema, "maxLength"))
    return JsonLimits("a case file", max_bytes, MAX_NESTING, longest_list, longest_text)


def _schema_values(node: object, keyword: str) -> list[int]:
    if isinstance(node, dict):
        own = [node[keyword]] if isinstance(node.get(keyword), int) else []
        return own + [v for child in node.values() for v in _schema_values(child, keyword)]
    if isinstance(node, list):
        return [v for child in node for v in _schema_values(child, keyword)]
    return []


def parse_exported(text: str, max_bytes: int = MAX_CASE_FILE_BYTES) -> tuple[Case, int | None]:
    """The case in a case file, and the revision of the stored case it was exported from (None when the file does
    not say). The case itself is unsaved, so it has no id and no revision. Raises CaseFileError."""
    try:
        data = loads(text, limits(max_bytes))
    except JsonLimitError as exc:
        raise CaseFileError(str(exc)) from None
    case = from_dict(data)
    revision = data.get("revision")  # from_dict checked it: a whole number from 1 up (JSON may write it 4.0)
    return case, None if revision is None else int(revision)


def from_dict(data: object) -> Case:
    """Build a case from decoded JSON, checking the format, version, schema and domain rules."""
    if not isinstance(data, dict):
        raise CaseFileError("a case file must hold a JSON object")
    if data.get("format") != FORMAT:
        raise CaseFileError(f'format: {describe(data.get("format"), private=False)} is not allowed; expected '
                            f'"{FORMAT}"')
    version = data.get("version")
    if type(version) is not int or version != VERSION:  # 1.0 and true are not the integer 1
        raise CaseFileError(f"version: {describe(version, private=False)} is not supported; this build reads "
                            f"version {VERSION}")
    errors = sorted(_validator().iter_errors(data), key=_path_order)
    if errors:
        first = errors[0]
        raise CaseFileError(f"{schema_where(first)}: {schema_problem(first)}")
    try:
        return _case(data)
    except ValidationError as exc:
        raise CaseFileError(str(exc)) from None
    except KeyError as exc:  # a nested record the schema leaves to the domain
        raise CaseFileError(f"plan or appointment: a record lacks {describe(exc.args[0], private=False)}") from None
    except (TypeError, ValueError) as exc:  # its text may repeat the value: name the kind of problem only
        raise CaseFileError(f"plan or appointment: a record is not as this build reads it ({type(exc).__name__})") \
            from None


def _path_order(error: Any) -> list[tuple[int, int, str]]:
    """A sort key for an error's JSON path that never compares a list index with a key."""
    return [(0, p, "") if isinstance(p, int) else (1, 0, str(p)) for p in error.absolute_path]


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
    exposure = exposure_from_list(data.get("exposure", []))
    return PhysicalProfile(strength, postures, data.get("carry_distance_m"), exposure)








def _demands(data: dict[str, Any]) -> JobDemands:
    return JobDemands(
        profile=_profile(data), ratings=ratings_from_dict(data.get("ratings", {})),
        strength_rating=strength_rating_from_dict(data.get("ratings", {})),
        shift_hours=data.get("shift_hours"), days_per_week=data.get("days_per_week"),
        tasks=tasks_from_list(data.get("tasks", [])),
        lifting_tasks=tuple(lifting_task_from_dict(t) for t in data.get("lifting_tasks", [])),
        mmh_tasks=tuple(mmh_task_from_dict(t) for t in data.get("mmh_tasks", [])),
        source=DemandSource(data.get("source", DemandSource.JOB_SITE_ANALYSIS.value)),
        template=data.get("template", ""), arm_leg_controls=data.get("arm_leg_controls", False),
        production_pace=data.get("production_pace", False),
    )


def _evaluation(n: int, data: dict[str, Any]) -> Evaluation:
    return Evaluation(
        assessed_on=_date(f"evaluations/{n}/assessed_on", data["assessed_on"]),  # type: ignore[arg-type]
        evaluator=data.get("evaluator", ""), protocol=data.get("protocol", ""),
        effort=Effort(data.get("effort", Effort.NOT_RECORDED.value)), effort_notes=data.get("effort_notes", ""),
        profile=_profile(data),
        grip=grip_from_list(data.get("grip", [])),
        estimation_rule=data.get("estimation_rule"),
        dominant_hand=Handedness(data["dominant_hand"]) if data.get("dominant_hand") else None,
        tolerances=tolerances_from_dict(data.get("tolerances", {})),
    )


def _case(data: dict[str, Any]) -> Case:
    clinician = data.get("clinician")
    sex = data.get("sex")
    return Case(
        patient_name=data["patient_name"],
        date_of_birth=_date("date_of_birth", data.get("date_of_birth")),
        sex=Sex(sex) if sex else None,
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
        demands=_demands(data.get("demands", {})),
        evaluations=tuple(_evaluation(n, e) for n, e in enumerate(data.get("evaluations", []))),
        rtw_start_date=_date("rtw_start_date", data.get("rtw_start_date")),
        next_appointment=appointment_from_dict(data["next_appointment"]) if data.get("next_appointment") else None,
        plan=plan_from_dict(data.get("plan") or {}),
        workers_comp_claim=data.get("workers_comp_claim", False),
        outcomes=tuple(outcome_from_dict(o) for o in data.get("outcomes", [])),
        practice_log=tuple(practice_from_dict(p) for p in data.get("practice_log", [])),
    )


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _profile_dict(profile: PhysicalProfile) -> dict[str, Any]:
    out: dict[str, Any] = {
        "lifting_carrying": [
            {"activity": a.value, "frequency": f.value, "load_kg": v}
            for (a, f), v in profile.strength.items() if a.kind is ActivityKind.MASS
        ],
        "pushing_pulling": [
            {"activity": a.value, "frequency": f.value, "force_n": v}
            for (a, f), v in profile.strength.items() if a.kind is ActivityKind.FORCE
        ],
        "postures": [
            {"activity": a.value, "minutes_at_a_time": t.minutes_at_a_time, "minutes_per_day": t.minutes_per_day}
            for a, t in profile.postures.items()
        ],
    }
    if profile.carry_distance_m is not None:
        out["carry_distance_m"] = profile.carry_distance_m
    if profile.exposure:
        out["exposure"] = exposure_to_list(profile.exposure)
    return out




def _demands_dict(demands: JobDemands) -> dict[str, Any]:
    return {
        "source": demands.source.value, "template": demands.template, "shift_hours": demands.shift_hours,
        "days_per_week": demands.days_per_week, "arm_leg_controls": demands.arm_leg_controls,
        "production_pace": demands.production_pace,
        **_profile_dict(demands.profile),
        "ratings": ratings_to_dict(demands.ratings, demands.strength_rating),
        "tasks": tasks_to_list(demands.tasks),
        "lifting_tasks": lifting_tasks_to_list(demands.lifting_tasks),
        "mmh_tasks": mmh_tasks_to_list(demands.mmh_tasks),
    }


def _evaluation_dict(evaluation: Evaluation) -> dict[str, Any]:
    return {
        "assessed_on": evaluation.assessed_on.isoformat(), "evaluator": evaluation.evaluator,
        "protocol": evaluation.protocol, "effort": evaluation.effort.value, "effort_notes": evaluation.effort_notes,
        "estimation_rule": evaluation.estimation_rule,
        "grip": grip_to_list(evaluation.grip),
        "dominant_hand": evaluation.dominant_hand.value if evaluation.dominant_hand else None,
        "tolerances": tolerances_to_dict(evaluation.tolerances),
        **_profile_dict(evaluation.profile),
    }


def to_dict(case: Case) -> dict[str, Any]:
    """The case as a version-1 case file object: database ids are not part of it, the stored revision is when the
    case has one."""
    clinician = case.clinician
    return {
        "format": FORMAT,
        "version": VERSION,
        **({} if case.revision is None else {"revision": case.revision}),
        "patient_name": case.patient_name,
        "date_of_birth": _iso(case.date_of_birth),
        "sex": case.sex.value if case.sex else None,
        "employer": case.employer,
        "job_title": case.job_title,
        "clinician": None if clinician is None else {
            "name": clinician.name, "profession": clinician.profession,
            "registration_number": clinician.registration_number, "phone": clinician.phone,
            "email": clinician.email,
        },
        "diagnosis": case.diagnosis,
        "review_date": _iso(case.review_date),
        "consents": [
            {"category": c.category.value, "recipient": c.recipient, "purpose": c.purpose,
             "date_given": c.date_given.isoformat(), "expiry": _iso(c.expiry), "withdrawn_on": _iso(c.withdrawn_on)}
            for c in case.consents
        ],
        "demands": _demands_dict(case.demands),
        "evaluations": [_evaluation_dict(e) for e in case.evaluations],
        "rtw_start_date": _iso(case.rtw_start_date),
        "next_appointment": appointment_to_dict(case.next_appointment) if case.next_appointment else None,
        "plan": plan_to_dict(case.plan),
        "workers_comp_claim": case.workers_comp_claim,
        "outcomes": [outcome_to_dict(o) for o in case.outcomes],
        "practice_log": [practice_to_dict(p) for p in case.practice_log],
    }


def dumps(case: Case) -> str:
    """The case file text, UTF-8 JSON with non-ASCII letters kept as they are."""
    return json.dumps(to_dict(case), indent=2, ensure_ascii=False) + "\n"
