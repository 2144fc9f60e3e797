"""Treatment sessions as CarePlan activities with a weekly Timing (days, time of day, length, first and last day),
the kind in the clinic's treatment-kind code system, and the plan's work-time rule as a CarePlan extension."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import time
from typing import Any

from rtw_planner.domain.plan.treatment import TreatmentSession, TreatmentTime, kind_of
from rtw_planner.fhir import FhirError
from rtw_planner.fhir.vocabulary import BASE, RTW, a_date, coding, extension, number, optional_date

TREATMENT_KIND = f"{BASE}/CodeSystem/treatment-kind"
RULE = "treatment-time"
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # FHIR's days-of-week codes, Monday 0 as in the plan
_CODE = re.compile(r"[^\s]+(\s[^\s]+)*")  # FHIR's code type: no surrounding or doubled blanks


def _minutes(value: time) -> int:
    return value.hour * 60 + value.minute


def session_activity(session: TreatmentSession) -> dict[str, Any]:
    """A session as an activity: the kind as written in code.text (and as a treatment-kind code, with the clinic's
    label, when it is a valid FHIR code), the weekly Timing in scheduledTiming."""
    codings = [coding(RTW, "treatment-session")]
    if _CODE.fullmatch(session.kind):
        codings.append(coding(TREATMENT_KIND, session.kind, kind_of(session.kind).label))
    kind = {"coding": codings, "text": session.kind}
    bounds = {"start": session.first_day.isoformat(),
              **({"end": session.last_day.isoformat()} if session.last_day is not None else {})}
    repeat = {"boundsPeriod": bounds, "dayOfWeek": [DAYS[d] for d in session.weekdays],
              "timeOfDay": [session.start.isoformat(timespec="seconds")],
              "duration": _minutes(session.end) - _minutes(session.start), "durationUnit": "min"}
    return {"detail": {"code": kind, "status": "scheduled", "scheduledTiming": {"repeat": repeat}}}


def rule_extension(rule: TreatmentTime) -> dict[str, Any]:
    """The plan's rule for sessions on working days: avoid, or work_time."""
    return extension(RULE, "Code", rule.value)


def read_session(detail: Mapping[str, Any], where: str) -> TreatmentSession:
    """A session from its activity's detail. Raises FhirError naming where (or ValidationError from the domain)."""
    repeat = (detail.get("scheduledTiming") or {}).get("repeat") or {}
    days = repeat.get("dayOfWeek", [])
    times = repeat.get("timeOfDay", [])
    if not days or any(d not in DAYS for d in days):
        raise FhirError(f"{where}.scheduledTiming.repeat.dayOfWeek: expected days of the week, mon to sun")
    if len(times) != 1:
        raise FhirError(f"{where}.scheduledTiming.repeat.timeOfDay: expected one time of day, found {len(times)}")
    if repeat.get("durationUnit") != "min":
        raise FhirError(f"{where}.scheduledTiming.repeat.durationUnit: expected min")
    start = time.fromisoformat(str(times[0]))
    end = _minutes(start) + number(repeat.get("duration"), f"{where}.scheduledTiming.repeat.duration")
    if start.second or start.microsecond or not end.is_integer() or not _minutes(start) < end < 24 * 60:
        raise FhirError(f"{where}.scheduledTiming.repeat: a session starts on a whole minute and ends the same day "
                        "a whole number of minutes later")
    bounds = repeat.get("boundsPeriod") or {}
    return TreatmentSession((detail.get("code") or {}).get("text", ""), tuple(DAYS.index(d) for d in days), start,
                            time(int(end) // 60, int(end) % 60), a_date(bounds.get("start"), f"{where} first day"),
                            optional_date(bounds.get("end"), f"{where} last day"))


def read_rule(resource: Mapping[str, Any]) -> TreatmentTime:
    """The plan's rule from the CarePlan's extension (avoid when absent)."""
    url = f"{BASE}/StructureDefinition/{RULE}"
    value = next((e.get("valueCode") for e in resource.get("extension", []) if e.get("url") == url), None)
    try:
        return TreatmentTime(value or TreatmentTime.AVOID.value)
    except ValueError:
        allowed = ", ".join(t.value for t in TreatmentTime)
        raise FhirError(f"CarePlan extension {RULE}: {str(value)[:40]!r} is not one of {allowed}") from None
