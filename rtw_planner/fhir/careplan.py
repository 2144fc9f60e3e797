"""The plan as one CarePlan: the phased return's phases as activities with their periods, graded-activity quotas,
the chosen workplace adjustments, the patient's flare-up plan, treatment sessions, the fear hierarchy, and the
case's dates (review, return to work, next appointment) as scheduled activities."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.plan.adjustments import Limitation, SelectedNote
from rtw_planner.domain.plan.goals import Appointment
from rtw_planner.domain.plan.phases import Contract, Duties, FitNoteOptions, Phase, PhasedReturn
from rtw_planner.domain.plan.quota import QuotaActivity, QuotaUnit
from rtw_planner.domain.plan.treatment import TreatmentTime
from rtw_planner.fhir import FhirError, exposure, treatment
from rtw_planner.fhir.vocabulary import (
    ACCOMMODATION,
    BASE,
    RTW,
    a_date,
    codes,
    coding,
    enum_concept,
    enum_value,
    extension,
    extension_value,
    extensions,
    number,
    one_code,
    reference,
)

FLARE_PARTS = {"flare-trigger": "triggers", "flare-warning-sign": "warning_signs", "flare-what-helps": "what_helps"}
FIT_NOTE = ("phased_return", "altered_hours", "amended_duties", "workplace_adaptations")
PHASED_RETURN = f"{BASE}/StructureDefinition/phased-return"


def _activity(code: str, *, text: str | None = None, status: str = "scheduled", **detail: Any) -> dict[str, Any]:
    concept_ = {"coding": [coding(RTW, code)], **({"text": text} if text else {})}
    return {"detail": {"code": concept_, "status": status, **detail}}


def _phases(phased: PhasedReturn) -> list[dict[str, Any]]:
    out = []
    first = phased.start
    for phase in phased.phases:
        last = first + timedelta(days=7 * phase.weeks - 1)
        ext = [extension("phase-percent", "Decimal", phase.percent),
               extension("phase-duties", "Code", phase.duties.value),
               extension("phase-step-down", "Boolean", phase.step_down_intended)]
        ext += [extension("phase-days-per-week", "Decimal", phase.days_per_week)] if (
            phase.days_per_week is not None) else []
        ext += [extension("phase-restriction", "String", r) for r in phase.restrictions]
        ext += [extension("phase-weekday", "Integer", d) for d in phase.weekdays or ()]
        criteria = {"description": phase.progression_criteria} if phase.progression_criteria else {}
        out.append(_activity("work-phase", extension=ext, scheduledPeriod={"start": first.isoformat(),
                                                                          "end": last.isoformat()}, **criteria))
        first = last + timedelta(days=1)
    return out


def _phased_extension(phased: PhasedReturn) -> dict[str, Any]:
    parts: list[dict[str, Any]] = [{"url": "hours-per-week", "valueDecimal": phased.contract.hours_per_week},
                                   {"url": "days-per-week", "valueDecimal": phased.contract.days_per_week},
                                   {"url": "max-weeks", "valueInteger": phased.max_weeks}]
    if phased.fit_note is not None:
        parts += [{"url": f"fit-note-{n.replace('_', '-')}", "valueBoolean": getattr(phased.fit_note, n)}
                  for n in FIT_NOTE]
    return {"url": PHASED_RETURN, "extension": parts}


def _quota(quota: QuotaActivity, goal_urls: Mapping[str, str]) -> dict[str, Any]:
    ext = [extension("quota-unit", "Code", quota.unit.value), extension("quota-goal", "Decimal", quota.goal),
           extension("quota-start-percent", "Decimal", quota.start_percent)]
    ext += [extension("quota-trial", "Decimal", t) for t in quota.trials]
    ext += [extension("quota-weekly-percent", "Decimal", quota.weekly_percent)] if (
        quota.weekly_percent is not None) else []
    ext += [extension("quota-target-weeks", "Integer", quota.target_weeks)] if quota.target_weeks is not None else []
    ext += [extension("quota-goal-id", "String", g) for g in quota.goal_ids]
    goals = [reference(goal_urls[g]) for g in quota.goal_ids if g in goal_urls]
    return _activity("graded-activity", text=quota.name, status="in-progress", extension=ext,
                     **({"goal": goals} if goals else {}))


def _adjustment(note: SelectedNote) -> dict[str, Any]:
    activity = _activity("workplace-adjustment", description=note.text, reasonCode=[enum_concept(note.limitation)],
                         extension=[extension("adjustment-source", "String", note.source),
                                    extension("adjustment-edited", "Boolean", note.edited)])
    activity["detail"]["code"]["coding"].append(coding(ACCOMMODATION, note.note_id))
    return activity


def _moment(when: datetime) -> str:
    """A local time with the offset of this computer's time zone (FHIR needs one once there is a time)."""
    return when.astimezone().isoformat()


def care_plan(case: Case, patient_url: str, goal_urls: Mapping[str, str],
              exposure_urls: Sequence[str]) -> dict[str, Any]:
    """The CarePlan of a Case; exposure_urls are the entries of plan.exposure.exposures, in order."""
    plan = case.plan
    activities = _phases(plan.phased_return) if plan.phased_return else []
    activities += [_quota(q, goal_urls) for q in plan.quotas]
    activities += [_adjustment(n) for n in plan.notes]
    activities += [treatment.session_activity(s) for s in plan.treatment]
    activities += exposure.feared_activities(plan.exposure, exposure_urls)
    for code, name in FLARE_PARTS.items():
        activities += [_activity(code, status="not-started", description=line)
                       for line in getattr(plan.flare_plan, name)]
    for code, day in (("case-review", case.review_date), ("return-to-work", case.rtw_start_date)):
        if day is not None:
            activities.append(_activity(code, scheduledPeriod={"start": day.isoformat()}))
    if case.next_appointment is not None:
        meeting = case.next_appointment
        extra: dict[str, Any] = {"performer": [{"display": meeting.with_whom}]} if meeting.with_whom else {}
        extra.update({"location": {"display": meeting.place}} if meeting.place else {})
        activities.append(_activity("next-appointment", scheduledPeriod={"start": _moment(meeting.when)}, **extra))
    out: dict[str, Any] = {"resourceType": "CarePlan", "status": "active", "intent": "plan",
                           "title": "Return-to-work plan", "subject": reference(patient_url)}
    extensions_ = [_phased_extension(plan.phased_return)] if plan.phased_return is not None else []
    if plan.treatment or plan.treatment_time is not TreatmentTime.AVOID:
        extensions_.append(treatment.rule_extension(plan.treatment_time))
    if extensions_:
        out["extension"] = extensions_
    if plan.phased_return is not None:
        out["period"] = {"start": plan.phased_return.start.isoformat(), "end": plan.phased_return.end_date.isoformat()}
    if goal_urls:
        out["goal"] = [reference(url) for url in goal_urls.values()]
    if activities:
        out["activity"] = activities
    return out


def _read_phase(detail: Mapping[str, Any], where: str) -> tuple[date, Phase]:
    period = detail.get("scheduledPeriod") or {}
    first, last = a_date(period.get("start"), f"{where} start"), a_date(period.get("end"), f"{where} end")
    days = (last - first).days + 1
    if days < 7 or days % 7:
        raise FhirError(f"{where}: a phase lasts whole weeks; this period lasts {days} days")
    per_week = extension_value(detail, "phase-days-per-week")
    weekdays = tuple(extensions(detail, "phase-weekday"))
    return first, Phase(days // 7, number(extension_value(detail, "phase-percent"), f"{where} percent"),
                        None if per_week is None else number(per_week, f"{where} days per week"),
                        Duties(extension_value(detail, "phase-duties", Duties.MODIFIED.value)),
                        tuple(extensions(detail, "phase-restriction")), detail.get("description", ""),
                        bool(extension_value(detail, "phase-step-down", False)), weekdays or None)


def _read_phased(resource: Mapping[str, Any], details: list[Mapping[str, Any]]) -> PhasedReturn | None:
    outer = next((e for e in resource.get("extension", []) if e.get("url") == PHASED_RETURN), None)
    if outer is None and not details:
        return None
    if outer is None or not details:
        raise FhirError("CarePlan: a phased return needs its contract extension and at least one work phase")
    parts = {e.get("url"): next(v for k, v in e.items() if k.startswith("value")) for e in outer.get("extension", [])}
    phases = [_read_phase(d, f"CarePlan work phase {n}") for n, d in enumerate(details, 1)]
    for n, ((start, phase), (next_start, _)) in enumerate(zip(phases, phases[1:], strict=False), 1):
        if next_start != start + timedelta(weeks=phase.weeks):
            raise FhirError(f"CarePlan work phase {n + 1}: it must start the day after phase {n} ends")
    fit = FitNoteOptions(*(bool(parts[f"fit-note-{n.replace('_', '-')}"]) for n in FIT_NOTE)) if (
        "fit-note-phased-return" in parts) else None
    contract = Contract(number(parts.get("hours-per-week"), "CarePlan contract hours per week"),
                        number(parts.get("days-per-week"), "CarePlan contract days per week"))
    return PhasedReturn(contract, phases[0][0], tuple(p for _, p in phases), parts.get("max-weeks", 6), fit)


def _read_quota(detail: Mapping[str, Any], where: str) -> QuotaActivity:
    weekly = extension_value(detail, "quota-weekly-percent")
    return QuotaActivity((detail.get("code") or {}).get("text", ""), QuotaUnit(extension_value(detail, "quota-unit")),
                         tuple(number(t, f"{where} trial") for t in extensions(detail, "quota-trial")),
                         number(extension_value(detail, "quota-goal"), f"{where} goal"),
                         number(extension_value(detail, "quota-start-percent"), f"{where} start percent"),
                         None if weekly is None else number(weekly, f"{where} weekly percent"),
                         extension_value(detail, "quota-target-weeks"), tuple(extensions(detail, "quota-goal-id")))


def _read_adjustment(detail: Mapping[str, Any], where: str) -> SelectedNote:
    reasons = detail.get("reasonCode", [])
    if len(reasons) != 1:
        raise FhirError(f"{where}.reasonCode: expected the one limitation the adjustment eases")
    return SelectedNote(one_code(detail.get("code"), ACCOMMODATION, f"{where}.code"), detail.get("description", ""),
                        enum_value(Limitation, reasons[0], f"{where}.reasonCode"),
                        extension_value(detail, "adjustment-source", ""),
                        bool(extension_value(detail, "adjustment-edited", False)))


def _appointment(detail: Mapping[str, Any]) -> Appointment:
    start = (detail.get("scheduledPeriod") or {}).get("start")
    try:
        when = datetime.fromisoformat(str(start))
    except ValueError:
        raise FhirError("CarePlan next appointment: expected a date and time") from None
    if when.tzinfo is not None:
        when = when.astimezone().replace(tzinfo=None)  # the wall-clock time here
    performers = [p.get("display", "") for p in detail.get("performer", [])]
    return Appointment(when, performers[0] if performers else "", (detail.get("location") or {}).get("display", ""))


def read_care_plan(resource: Mapping[str, Any]) -> dict[str, Any]:
    """The plan's parts and the case's dates: {"phased_return", "quotas", "notes", "flare_plan", "treatment",
    "treatment_time", "feared" (each feared activity with its exposures' URLs), "review_date", "rtw_start_date",
    "next_appointment"}."""
    out: dict[str, Any] = {"flare_plan": {n: [] for n in FLARE_PARTS.values()}, "quotas": [], "notes": [],
                           "treatment": [], "treatment_time": treatment.read_rule(resource), "feared": []}
    phases = []
    for n, activity in enumerate(resource.get("activity", []), 1):
        detail = activity.get("detail") or {}
        kind = codes(detail.get("code"), RTW)
        where = f"CarePlan.activity[{n}]"
        if kind == ["work-phase"]:
            phases.append(detail)
        elif kind == ["graded-activity"]:
            out["quotas"].append(_read_quota(detail, where))
        elif kind == ["workplace-adjustment"]:
            out["notes"].append(_read_adjustment(detail, where))
        elif kind and kind[0] in FLARE_PARTS:
            out["flare_plan"][FLARE_PARTS[kind[0]]].append(detail.get("description", ""))
        elif kind in (["case-review"], ["return-to-work"]):
            day = a_date((detail.get("scheduledPeriod") or {}).get("start"), f"{where} start")
            out["review_date" if kind == ["case-review"] else "rtw_start_date"] = day
        elif kind == ["next-appointment"]:
            out["next_appointment"] = _appointment(detail)
        elif kind == ["treatment-session"]:
            out["treatment"].append(treatment.read_session(detail, where))
        elif kind == ["feared-activity"]:
            out["feared"].append(exposure.read_feared(activity))
        else:
            raise FhirError(f"{where}: not an activity this program writes")
    out["phased_return"] = _read_phased(resource, phases)
    return out

