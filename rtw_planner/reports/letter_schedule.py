"""The employer letter's limits (each with the day it ends) and its phased schedule: for each phase the dates,
working days, hours a day and a week in h:mm, duties, that phase's restrictions and what moves it on."""

from __future__ import annotations

from dataclasses import dataclass

from rtw_planner.domain.case.model import Case, Clinic
from rtw_planner.domain.demands.units import MassUnit
from rtw_planner.domain.match.items import MatchItem
from rtw_planner.domain.match.rated import RatedMatchItem, rated_limit_line, rated_restriction
from rtw_planner.domain.match.restrictions import in_units, restriction_for, text_key
from rtw_planner.domain.plan.phase_periods import restriction_ends, working_time
from rtw_planner.domain.plan.phases import PhasedReturn, ScheduledPhase
from rtw_planner.reports.letter_content import PhaseCard, ScheduleTable, Section
from rtw_planner.reports.letter_fitness import until_review
from rtw_planner.reports.letter_wording import day, limit_line, listing, lower_first, period
from rtw_planner.reports.wording import fill


@dataclass(frozen=True)
class Limit:
    """One limit as the letter prints it, the match item it comes from (None: a phase restriction the clinician
    typed), and the stored texts that count as it in a phase (phases keep the wording they were made with), as
    text_key makes them."""

    printed: str
    item: MatchItem | None
    stored_as: frozenset[str]


def limits(case: Case, items: list[MatchItem], unit: MassUnit,
           rated: tuple[RatedMatchItem, ...] = ()) -> list[Limit]:
    """The match's limits in its order, then those of the rated demands (DOT factors, conditions, cognitive),
    then any other restriction a phase carries, in the order first met."""
    found: list[Limit] = []
    known: set[str] = set()
    for item in items:
        metric, shown = restriction_for(item), restriction_for(item, unit)
        if metric is not None and shown is not None:
            keys = frozenset((text_key(metric.text), text_key(shown.text)))
            found.append(Limit(shown.text, item, keys))
            known |= keys
    for rated_item in rated:
        text, line = rated_restriction(rated_item), rated_limit_line(rated_item)
        if text is not None and line is not None and text_key(text) not in known:
            found.append(Limit(line, None, frozenset((text_key(text),))))
            known.add(text_key(text))
    phased = case.plan.phased_return
    for phase in phased.phases if phased else ():
        for text in phase.restrictions:
            if text_key(text) not in known:
                found.append(Limit(in_units(text, unit, items), None, frozenset((text_key(text),))))
                known.add(text_key(text))
    return found


def _until(words: dict[str, str], case: Case, schedule: list[ScheduledPhase], carried: dict[int, set[str]],
           limit: Limit) -> str:
    """When a limit ends: the last day of the last phase that carries it, else at the review."""
    last = restriction_ends(schedule, lambda phase: bool(carried[phase.number] & limit.stored_as))
    if last is None and schedule and all(carried[p.number] & limit.stored_as for p in schedule):
        # Carried by every phase: it outlasts the plan, until capacity is measured again.
        end = day(schedule[-1].last_day)
        if case.review_date is None:
            return fill(words["until_remeasured_no_review"], end=end)
        return fill(words["until_remeasured"], end=end, review_date=day(case.review_date))
    if last is None:
        return until_review(words, case)
    number = next(p.number for p in schedule if p.last_day == last)
    return fill(words["until_date"], last=day(last), phase=number)


def limits_section(words: dict[str, str], case: Case, items: list[MatchItem], unit: MassUnit,
                   rated: tuple[RatedMatchItem, ...] = ()) -> Section:
    """Each limit with what the role asks for (when it comes from the measured match) and the day it ends; the
    rated demands' limits with what the role asks for."""
    phased = case.plan.phased_return
    scheduled = phased.schedule() if phased else []
    carried = {p.number: {text_key(t) for t in p.restrictions} for p in scheduled}  # each phase's, compared as read
    found = limits(case, items, unit, rated)
    untils = [_until(words, case, scheduled, carried, limit) for limit in found]
    shared = untils[0] if untils and len(set(untils)) == 1 else ""  # said once when every limit ends alike
    lines = []
    for limit, until in zip(found, untils, strict=True):
        own = "" if shared else until
        if limit.item is not None:
            lines.append(limit_line(limit.item, unit, own).rstrip())
        else:
            lines.append(f"{limit.printed.rstrip('.')}. {own}".rstrip())
    intro = fill(words["restrictions_all_until"], until=lower_first(shared)) if shared else ""
    return Section(words["restrictions_heading"], intro=intro, items=tuple(lines),
                   when_empty=words["restrictions_none"])


def _intro(words: dict[str, str], phased: PhasedReturn) -> str:
    """Hours build up; a step down is named as planned when the clinician marked it, and flagged when not (the
    pre-flight refuses to issue such a letter, so only a draft shows it)."""
    downs = phased.step_downs()
    intended = [str(p.number) for p in downs if p.step_down_intended]
    unconfirmed = [str(p.number) for p in downs if not p.step_down_intended]
    schedule = phased.schedule()
    pairs = zip(schedule, schedule[1:], strict=False)
    shorter_days = any(p.hours_per_day < before.hours_per_day and p.weekly_hours >= before.weekly_hours
                       for before, p in pairs)  # fewer, longer days, not a step down
    build_up = words["schedule_build_up_weekly"] if shorter_days else words["schedule_build_up"]
    text = fill(words["schedule_step_down"], phases=listing(intended)) if intended else build_up
    if unconfirmed:
        text += " " + fill(words["schedule_step_down_unconfirmed"], phases=listing(unconfirmed))
    return text + " " + words["schedule_clock"]


def schedule(words: dict[str, str], case: Case, clinic: Clinic, items: list[MatchItem],
             unit: MassUnit, planned_only: bool = False) -> ScheduleTable | None:
    """The overview table and a card for each phase; `planned_only` when the person is not fit for work yet, so the
    schedule is a planned return to be confirmed at the review."""
    phased = case.plan.phased_return
    if phased is None:
        return None
    name = case.patient_name
    scheduled = phased.schedule()
    suggested = [phase.weekdays is None for phase in phased.phases]
    rows = []
    for sp, guessed in zip(scheduled, suggested, strict=True):
        time = working_time(phased, sp, clinic.quarter_hours)
        rows.append((str(sp.number), period(sp.first_day, sp.last_day, short=True),
                     sp.weekday_text + ("*" if guessed else ""), time.per_day, time.per_week))
    footnote = fill(words["schedule_suggested_days"], patient_name=name) if any(suggested) else ""
    intro = _intro(words, phased)
    if planned_only:
        intro = fill(words["schedule_planned"], patient_name=name, review_date=day(case.review_date)
                     if case.review_date else "the next assessment") + " " + intro
    return ScheduleTable(words["schedule_heading"], intro, tuple(words["schedule_columns"].split("|")),
                         tuple(rows), footnote, _cards(words, scheduled, items, unit))


def _cards(words: dict[str, str], scheduled: list[ScheduledPhase], items: list[MatchItem],
           unit: MassUnit) -> tuple[PhaseCard, ...]:
    cards = []
    shown_before: tuple[str, ...] | None = None
    same_as = 0
    for sp in scheduled:
        shown = tuple(in_units(text, unit, items) for text in sp.restrictions)
        if shown and shown == shown_before:
            restrictions: tuple[str, ...] = (fill(words["phase_restrictions_same"], phase=same_as),)
        else:
            restrictions = shown or (words["phase_restrictions_none"],)
            same_as = sp.number
        shown_before = shown
        rows: list[tuple[str, tuple[str, ...]]] = [(words["phase_duties"], (sp.duties.label,))]
        if sp.step_down_intended and sp.number > 1 and sp.weekly_hours < scheduled[sp.number - 2].weekly_hours:
            rows.append((words["phase_hours"], (fill(words["phase_step_down"], phase=sp.number - 1),)))
        rows.append((words["phase_restrictions"], restrictions))
        last = sp.number == len(scheduled)
        label = words["phase_after_last"] if last else fill(words["phase_moves_on"], phase=sp.number + 1)
        rows.append((label, (sp.progression_criteria or words["phase_criteria_none"],)))
        cards.append(PhaseCard(fill(words["phase_heading"], phase=sp.number,
                                    period=period(sp.first_day, sp.last_day)), tuple(rows)))
    return tuple(cards)
