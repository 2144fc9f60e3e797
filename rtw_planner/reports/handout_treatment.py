"""The handout's treatment appointments: each regular session in plain words, and how it fits the work hours."""

from __future__ import annotations

from datetime import date

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.plan.goals import long_date
from rtw_planner.domain.plan.treatment import TreatmentSession, TreatmentTime, clock, kind_of
from rtw_planner.reports.handout_parts import Block, Bullets, HandoutSection, HandoutWording, Text, and_list


def appointment_line(w: HandoutWording, session: TreatmentSession) -> str:
    """'Physiotherapy: every Tuesday and Thursday, 10:00 to 11:30, from 5 January until 26 February 2027.'"""
    names = w.lines("day_names")
    what = kind_of(session.kind).patient_words
    when = w.text("treatment_from", first=long_date(session.first_day)) if session.last_day is None else \
        w.text("treatment_until", first=long_date(session.first_day), last=long_date(session.last_day))
    return w.text("treatment_line", what=what[:1].upper() + what[1:], days=and_list(w, [names[d] for d in
                                                                                       session.weekdays]),
                  start=clock(session.start), end=clock(session.end), when=when)


def treatment_section(w: HandoutWording, case: Case, today: date) -> HandoutSection | None:
    """The sessions not over yet; None when there are none."""
    current = [s for s in case.plan.treatment if s.last_day is None or s.last_day >= today]
    if not current:
        return None
    fit = "treatment_avoid" if case.plan.treatment_time is TreatmentTime.AVOID else "treatment_work_time"
    blocks: list[Block] = [Text(w.text("treatment_intro")), Bullets(tuple(appointment_line(w, s) for s in current))]
    if case.plan.phased_return is not None:
        blocks.append(Text(w.text(fit)))
    return HandoutSection(w.text("treatment_heading"), tuple(blocks))
