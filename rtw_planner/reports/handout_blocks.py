"""The patient handout's content, as plain text blocks built from the case and its plan (no layout here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from rtw_planner.domain.case.model import Case, Clinic
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.outcomes.progress import plan_start, quota_starts, return_date
from rtw_planner.domain.plan.goals import Goal, long_date, this_weeks_small_step
from rtw_planner.domain.plan.model import PersonalFlarePlan
from rtw_planner.domain.plan.phases import clock_hours
from rtw_planner.domain.plan.quota import (
    FLARE_UP_REDUCED_DAYS,
    PlanWording,
    QuotaActivity,
    flare_up_days,
    load_plan_wording,
    quota_for_week,
    week_number,
)
from rtw_planner.reports.handout_exposure import exposure_section
from rtw_planner.reports.handout_parts import Block, Bullets, HandoutSection, HandoutWording, Text, and_list
from rtw_planner.reports.handout_progress import progress_section
from rtw_planner.reports.handout_quotas import QuotaWeeks, quota_blocks
from rtw_planner.reports.handout_treatment import treatment_section

FLARE_PLAN_KEYS = ("triggers", "warning_signs", "what_helps")


@dataclass(frozen=True)
class LogSheet:
    """The printable weekly log: one row per label, one empty tick box per day."""

    heading: str
    week: str
    intro: str
    header: tuple[str, ...]
    rows: tuple[str, ...]
    notes: str


@dataclass(frozen=True)
class HandoutContent:
    """Everything the patient handout says, in reading order; all strings are plain text."""

    clinic: Clinic
    title: str
    made_for: str
    intro: tuple[str, ...]
    sections: tuple[HandoutSection, ...]
    log: LogSheet
    later_page_header: str
    page_footer: str
    large_print: bool


def _days_in_words(w: HandoutWording, days: tuple[int, ...]) -> str:
    """'Monday to Friday' for a run of three or more days, else 'Monday, Wednesday and Friday'."""
    names, ordered = w.lines("day_names"), sorted(days)
    if len(ordered) >= 3 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return w.text("days_run", first=names[ordered[0]], last=names[ordered[-1]])
    return and_list(w, [names[d] for d in ordered])


def _hours_in_words(w: HandoutWording, hours: float, quarter_hours: bool) -> str:
    """'4 hours', '4 hours and 48 minutes', '45 minutes', '1 hour': the letter's h:mm, in words."""
    whole, minutes = (int(part) for part in clock_hours(hours, quarter_hours).split(":"))
    parts = [w.text("hour" if whole == 1 else "hours", n=whole)] if whole else []
    parts += [w.text("minute" if minutes == 1 else "minutes", n=minutes)] if minutes or not whole else []
    return and_list(w, parts)


def _work_blocks(w: HandoutWording, case: Case, clinic: Clinic, today: date) -> tuple[Block, ...]:
    """The return date and the hours of the first week (or of this week, once back), in plain words."""
    phased, first_day = case.plan.phased_return, return_date(case)
    if first_day is None:
        return ()
    schedule = phased.schedule() if phased else []
    ahead = today < first_day
    lines = [w.text("work_return" if ahead else "work_returned", day=w.day(first_day))]
    phase = schedule[0] if ahead and schedule else next((p for p in schedule if p.first_day <= today <= p.last_day),
                                                       None)
    if phase is not None and phased is not None:
        sentence = w.text("work_first_week" if ahead else "work_this_week",
                          hours=_hours_in_words(w, phase.hours_per_day, clinic.quarter_hours),
                          days=_days_in_words(w, phase.weekdays))
        if phased.phases[phase.number - 1].weekdays is None:  # suggested days, as the letter says
            sentence = sentence.rstrip(".") + w.text("work_days_suggested") + "."
        lines.append(sentence)
    blocks: list[Block] = [Text(" ".join(lines), strong=True)]
    appointment = case.next_appointment
    if appointment is not None and appointment.when.date() >= today:
        blocks.append(Text(w.text("work_next_visit", when=appointment.in_words)))
    return tuple(blocks)


def _goal_blocks(w: HandoutWording, goals: tuple[Goal, ...]) -> tuple[Block, ...]:
    shown = sorted((g for g in goals if g.status.is_open), key=lambda g: (g.due, g.id))
    if not shown:
        return (Text(w.text("goals_none")),)
    blocks: list[Block] = [Text(w.text("goals_intro"))]
    for goal in shown:
        blocks.append(Text(goal.smart_text + ".", strong=True))
        steps = [w.text("milestone_done" if m.done else "milestone", description=m.description.rstrip("."),
                        due=long_date(m.due)) for m in sorted(goal.milestones, key=lambda m: m.due)]
        if steps:
            blocks.append(Bullets(tuple(steps)))
    return tuple(blocks)


def _step_blocks(w: HandoutWording, case: Case, weeks: QuotaWeeks, today: date) -> tuple[Block, ...]:
    """This week's step, counted from the issue date; before any quota starts, the day the first one does."""
    plan = case.plan
    step = this_weeks_small_step(plan.goals, plan.quotas, plan_start(case, today), today,
                                 return_date=return_date(case), starts=weeks.starts)
    later = [d for d in weeks.starts.values() if d > today]
    blocks: list[Block] = [Text(step, strong=True), Text(w.text("step_tip"))] if step else \
        [Text(w.text("step_none"))]
    if later and not any(d <= today for d in weeks.starts.values()):
        blocks.insert(0, Text(w.text("step_later", day=w.day(min(later))), strong=True))
    return tuple(blocks)


def _flare_line(w: HandoutWording, activity: QuotaActivity, start: date, today: date) -> str | None:
    """'Walking: half your quota for 2 days (4 minutes), then 6, 7, and back to 9 minutes.' for an activity that
    has started; None when halving would not change what the patient reads."""
    if start > today:
        return None
    try:
        quota = quota_for_week(activity, start, today)
    except ValidationError:
        return None
    unit = activity.unit
    days = flare_up_days(activity, quota)
    if quota <= 0 or unit.for_patient(days[0]) == unit.for_patient(days[-1]):
        return None
    numbers = [unit.number(q) for q in days[FLARE_UP_REDUCED_DAYS - 1:]]
    steps = [n for before, n in zip(numbers, numbers[1:-1], strict=False) if n not in (before, numbers[-1])]
    return w.text("flare_quota" if steps else "flare_quota_short", activity=activity.name, days=FLARE_UP_REDUCED_DAYS,
                  reduced=unit.words(days[0]), steps=", ".join(steps), quota=unit.words(quota))


def _flare_blocks(w: HandoutWording, pw: PlanWording, case: Case, weeks: QuotaWeeks,
                  today: date) -> tuple[Block, ...]:
    """The general advice, the patient's own plan in their words, and this week's quotas in a flare-up."""
    own: PersonalFlarePlan = case.plan.flare_plan
    blocks: list[Block] = [Bullets(pw.flare_up)]
    for key in FLARE_PLAN_KEYS:
        lines = getattr(own, key)
        if lines:
            blocks += [Text(w.text(f"flare_own_{key}"), strong=True), Bullets(lines)]
    lines = tuple(line for q in case.plan.quotas
                  if (line := _flare_line(w, q, weeks.starts[q.name], today)))
    if lines:
        blocks += [Text(w.text("flare_quotas_heading"), strong=True), Bullets(lines)]
    return (*blocks, Text(pw.setback_heading, strong=True), Bullets(pw.setback))


def _contact_blocks(w: HandoutWording, pw: PlanWording, case: Case, clinic: Clinic,
                    today: date) -> tuple[Block, ...]:
    """When and how to contact the clinic, and the next visit."""
    appointment = case.next_appointment
    blocks: list[Block] = [Text(w.text("appointment_none"))]
    if appointment is not None and appointment.when.date() >= today:
        blocks = [Text(w.text("appointment", when=appointment.in_words), strong=True),
                  Text(w.text("appointment_bring"))]
    blocks.append(Bullets((pw.flare_up_contact, *w.lines("contact_more"))))
    details = [w.text(key, **{field: value}) for key, field, value in
               (("contact_phone", "phone", clinic.phone), ("contact_email", "email", clinic.email)) if value]
    lines = ([clinic.name] if clinic.name else []) + details
    blocks += [Text("\n".join(lines), strong=True)] if lines else []
    blocks += [] if details else [Text(w.text("contact_none"))]
    return tuple(blocks)


def _log_sheet(w: HandoutWording, case: Case, weeks: QuotaWeeks, today: date) -> LogSheet:
    """This week's log (the week the quotas start, when none has yet), a row for each activity done that week."""
    anchor = min(weeks.starts.values(), default=plan_start(case, today))
    first = anchor + timedelta(weeks=week_number(anchor, today) - 1)
    days = [first + timedelta(days=n) for n in range(7)]
    names = w.lines("log_days")
    if len(names) != 7:
        raise ValidationError("patient-handout.json log_days", names, "seven day names, Monday first")
    rows = []
    for activity in (q for q in case.plan.quotas if weeks.starts[q.name] <= days[-1]):  # this week's, no later ones
        try:  # the quota on the issue date, as in the bold row of the table (or in the first week, if later)
            quota = quota_for_week(activity, weeks.starts[activity.name], max(today, first))
        except ValidationError:
            rows.append(activity.name)
            continue
        rows.append(w.text("log_quota", activity=activity.name, quota=activity.unit.words(quota)))
    return LogSheet(w.text("log_heading"), w.text("log_week", first=long_date(days[0]), last=long_date(days[-1])),
                    w.text("log_intro"), (w.text("log_header"), *(f"{names[d.weekday()]} {d.day}" for d in days)),
                    (*rows, w.text("log_flare")), w.text("log_notes"))


def practice_day(today: date) -> date:
    """The day the handout's weeks count from: the issue date, or the next Monday when it is printed on a Friday,
    Saturday or Sunday, so 'this week' and the log sheet are never a week that is already over."""
    return today + timedelta(days=7 - today.weekday()) if today.weekday() >= 4 else today


def build_handout(case: Case, clinic: Clinic, today: date, large_print: bool = False) -> HandoutContent:
    """Assemble the handout. Only the plan is used: never the diagnosis, clinical notes or projections."""
    w, pw, plan = HandoutWording(), load_plan_wording(), case.plan
    practice = practice_day(today)
    weeks = QuotaWeeks(plan.quotas, quota_starts(case, today), practice)
    work = _work_blocks(w, case, clinic, today)
    step_heading = w.text("step_heading") if practice == today else w.text("step_heading_next", day=w.day(practice))
    treatment, exposure = treatment_section(w, case, today), exposure_section(w, case)
    sections = (
        *((HandoutSection(w.text("work_heading"), work),) if work else ()),
        *((treatment,) if treatment else ()),
        HandoutSection(step_heading, _step_blocks(w, case, weeks, practice)),
        HandoutSection(w.text("goals_heading"), _goal_blocks(w, plan.goals)),
        HandoutSection(w.text("quotas_heading"), quota_blocks(w, weeks)),
        *((exposure,) if exposure else ()),
        HandoutSection(w.text("pacing_heading"), (Bullets(pw.pacing),)),
        progress_section(w, case),
        HandoutSection(w.text("flare_heading"), _flare_blocks(w, pw, case, weeks, practice)),
        HandoutSection(w.text("help_heading"), (Text(pw.red_flags_intro), Bullets(pw.red_flags),
                                                Text(pw.red_flags_action, strong=True)), warning=True),
        HandoutSection(w.text("contact_heading"), _contact_blocks(w, pw, case, clinic, today)),
    )
    name = case.patient_name
    return HandoutContent(
        clinic=clinic, title=w.text("title"), made_for=w.text("made_for", patient_name=name, today=long_date(today)),
        intro=w.lines("intro"), sections=sections, log=_log_sheet(w, case, weeks, practice),
        later_page_header=w.text("later_page_header", first_name=(name.split() or [name])[0]),
        page_footer=w.text("page_footer"), large_print=large_print,
    )
