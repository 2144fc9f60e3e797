"""The employer letter's treatment times: when the person is away from work for treatment, and whether that time
counts as working time. The kind of session is named only where the disclosure decision allows it."""

from __future__ import annotations

from datetime import date

from rtw_planner.domain.case.model import Case, ConsentCategory
from rtw_planner.domain.issuing.disclosure import DisclosureDecision
from rtw_planner.domain.plan.phases import clock_hours
from rtw_planner.domain.plan.treatment import TreatmentSession, TreatmentTime, kind_of
from rtw_planner.domain.plan.treatment_schedule import phase_treatment
from rtw_planner.reports.letter_content import Section
from rtw_planner.reports.letter_wording import day, listing, period
from rtw_planner.reports.wording import fill

DAY_NAMES_PLURAL = ("Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays")


def names_treatment(decision: DisclosureDecision) -> bool:
    """Whether the letter may say what the treatment is. A kind of session (psychology, a medication review) tells
    the reader about the person's health as much as a diagnosis does, so it goes only where the diagnosis may go:
    with the patient's consent to disclose the diagnosis to this recipient, or under a workers' compensation
    scheme's rule (the NSW recover-at-work plan records both). Otherwise the employer reads only the times."""
    return decision.allows(ConsentCategory.DIAGNOSIS)


def session_days(session: TreatmentSession) -> str:
    """'Tuesdays', 'Tuesdays and Thursdays'."""
    return listing([DAY_NAMES_PLURAL[d] for d in session.weekdays])


def session_line(words: dict[str, str], session: TreatmentSession, named: bool) -> str:
    """'Tuesdays, 10:00–11:30, from 5 to 26 January 2027', with the kind first when it may be named."""
    when = fill(words["treatment_from"], first=day(session.first_day)) if session.last_day is None \
        else fill(words["treatment_period"], period=period(session.first_day, session.last_day))
    line = fill(words["treatment_line"], days=session_days(session), times=session.times, when=when)
    return fill(words["treatment_line_named"], kind=kind_of(session.kind).label, line=line) if named else line


def treatment_sections(words: dict[str, str], case: Case, decision: DisclosureDecision,
                       letter_date: date) -> tuple[Section, ...]:
    """The sessions not yet over on the letter's date; none when there are none."""
    plan = case.plan
    current = [s for s in plan.treatment if s.last_day is None or s.last_day >= letter_date]
    if not current:
        return ()
    named = names_treatment(decision)
    mode = plan.treatment_time
    intro = fill(words["treatment_intro_avoid" if mode is TreatmentTime.AVOID else "treatment_intro_work_time"],
                 patient_name=case.patient_name)
    outro = ""
    if mode is TreatmentTime.WORK_TIME and plan.phased_return is not None:
        hours = [fill(words["treatment_hours_phase"], phase=p.phase.number, hours=clock_hours(p.hours_at_work))
                 for p in phase_treatment(plan.phased_return, tuple(current), mode) if p.hours_on_working_days]
        outro = fill(words["treatment_hours_at_work"], phases=listing(hours)) if hours else ""
    return (Section(words["treatment_heading"], intro=intro,
                    items=tuple(session_line(words, s, named) for s in current), outro=outro),)
