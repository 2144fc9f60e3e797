"""The patient handout's content, as plain text blocks built from the case and its plan (no layout here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from rtw_planner.domain.case import Case, Clinic
from rtw_planner.domain.errors import ValidationError
from rtw_planner.domain.goals import Goal, long_date, this_weeks_small_step
from rtw_planner.domain.quota import (
    FLARE_UP_REDUCED_DAYS,
    PlanWording,
    QuotaActivity,
    flare_up_days,
    load_plan_wording,
    quota_for_week,
    week_number,
)
from rtw_planner.reports.handout_parts import Block, Bullets, HandoutSection, HandoutWording, Table, Text
from rtw_planner.reports.handout_progress import progress_section

MAX_WEEKS_SHOWN = 16  # a longer plan shows 16 weeks from this one, and says when the goal is reached


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


def plan_start(case: Case, today: date) -> date:
    """Week 1 of the quotas starts on the return-to-work start date, else the phased return's start, else today."""
    phased = case.plan.phased_return
    return case.rtw_start_date or (phased.start if phased else today)


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
            blocks += [Text(w.text("milestones_heading")), Bullets(tuple(steps))]
    return tuple(blocks)


def _quota_table(w: HandoutWording, activity: QuotaActivity, start: date, today: date) -> tuple[Block, ...]:
    try:
        weeks = activity.weeks()
    except ValidationError:  # a plan that cannot reach its goal: the clinician must fix it first
        return (Text(w.text("quota_problem", activity=activity.name)),)
    first = min(week_number(start, today), len(weeks))
    last_shown = min(len(weeks), first + MAX_WEEKS_SHOWN - 1)
    rows = tuple((str(n), long_date(start + timedelta(weeks=n - 1)), activity.unit.words(weeks[n - 1]))
                 for n in range(first, last_shown + 1))
    goal = activity.unit.words(activity.goal)
    notes = []
    if last_shown < len(weeks):
        notes.append(w.text("quota_more", week=last_shown, last=len(weeks)))
    notes.append(w.text("quota_after", last=len(weeks), goal=goal))
    return (Table(activity.name, w.lines("quota_header"), rows, tuple(notes), bold_row=0),)


def _flare_line(w: HandoutWording, activity: QuotaActivity, start: date, today: date) -> str | None:
    try:
        quota = quota_for_week(activity, start, today)
    except ValidationError:
        return None
    words = [activity.unit.words(q) for q in flare_up_days(activity, quota)] if quota > 0 else []
    if not words or words[0] == words[-1]:
        return None
    building = words[FLARE_UP_REDUCED_DAYS - 1:]  # rounding can make neighbouring days look the same: say each once
    steps = [s for before, s in zip(building, building[1:-1], strict=False) if s not in (before, words[-1])]
    key = "flare_quota" if steps else "flare_quota_short"
    return w.text(key, activity=activity.name, reduced=words[0], days=FLARE_UP_REDUCED_DAYS,
                  steps=w.text("flare_then").join(steps), quota=words[-1])


def _contact_blocks(w: HandoutWording, pw: PlanWording, clinic: Clinic) -> tuple[Block, ...]:
    blocks: list[Block] = [Bullets((pw.flare_up_contact, *w.lines("contact_more")))]
    if clinic.name:
        blocks.append(Text(clinic.name, strong=True))
    blocks += [Text(w.text(key, **{field: value}), strong=True)
               for key, field, value in (("contact_phone", "phone", clinic.phone),
                                         ("contact_email", "email", clinic.email)) if value]
    if not (clinic.phone or clinic.email):
        blocks.append(Text(w.text("contact_none")))
    return tuple(blocks)


def _log_sheet(w: HandoutWording, case: Case, start: date, today: date) -> LogSheet:
    week = week_number(start, today)
    first = start + timedelta(weeks=week - 1)
    days = [first + timedelta(days=n) for n in range(7)]
    names = w.lines("log_days")
    if len(names) != 7:
        raise ValidationError("patient-handout.json log_days", names, "seven day names, Monday first")
    rows = []
    for activity in case.plan.quotas:
        try:
            rows.append(w.text("log_quota", activity=activity.name,
                               quota=activity.unit.words(quota_for_week(activity, start, today))))
        except ValidationError:
            rows.append(activity.name)
    return LogSheet(w.text("log_heading"), w.text("log_week", week=week, first=long_date(days[0]),
                                                  last=long_date(days[-1])),
                    w.text("log_intro"), (w.text("log_header"), *(f"{names[d.weekday()]} {d.day}" for d in days)),
                    (*rows, w.text("log_flare")), w.text("log_notes"))


def build_handout(case: Case, clinic: Clinic, today: date, large_print: bool = False) -> HandoutContent:
    """Assemble the handout. Only the plan is used: never the diagnosis, clinical notes or projections."""
    w, pw, plan = HandoutWording(), load_plan_wording(), case.plan
    start = plan_start(case, today)
    step = this_weeks_small_step(plan.goals, plan.quotas, start, today)
    quota_blocks: tuple[Block, ...] = (Text(w.text("quotas_none")),)
    if plan.quotas:
        tables = (b for q in plan.quotas for b in _quota_table(w, q, start, today))
        quota_blocks = (Text(w.text("quotas_intro")), *tables)
    flare_lines = tuple(line for q in plan.quotas if (line := _flare_line(w, q, start, today)))
    flare: tuple[Block, ...] = (Bullets(pw.flare_up),)
    if flare_lines:
        flare += (Text(w.text("flare_quotas_heading"), strong=True), Bullets(flare_lines))
    flare += (Text(pw.setback_heading, strong=True), Bullets(pw.setback))
    appointment = case.next_appointment
    visit: tuple[Block, ...] = (Text(w.text("appointment_none")),)
    if appointment is not None and appointment.when.date() >= today:
        visit = (Text(w.text("appointment", when=appointment.in_words), strong=True),
                 Text(w.text("appointment_bring")))
    sections = (
        HandoutSection(w.text("goals_heading"), _goal_blocks(w, plan.goals)),
        HandoutSection(w.text("step_heading"), (Text(step, strong=True), Text(w.text("step_tip"))) if step
                       else (Text(w.text("step_none")),)),
        HandoutSection(w.text("quotas_heading"), quota_blocks),
        progress_section(w, case),
        HandoutSection(w.text("pacing_heading"), (Bullets(pw.pacing),)),
        HandoutSection(w.text("flare_heading"), flare),
        HandoutSection(w.text("help_heading"), (Text(pw.red_flags_intro), Bullets(pw.red_flags),
                                                Text(pw.red_flags_action, strong=True)), warning=True),
        HandoutSection(w.text("contact_heading"), _contact_blocks(w, pw, clinic)),
        HandoutSection(w.text("appointment_heading"), visit),
    )
    name = case.patient_name
    return HandoutContent(
        clinic=clinic, title=w.text("title"), made_for=w.text("made_for", patient_name=name, today=long_date(today)),
        intro=w.lines("intro"), sections=sections, log=_log_sheet(w, case, start, today),
        later_page_header=w.text("later_page_header", first_name=(name.split() or [name])[0]),
        page_footer=w.text("page_footer"), large_print=large_print,
    )
