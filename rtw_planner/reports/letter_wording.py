"""The employer letter's sentences about abilities, limits and demands, in the document's unit, and its dates."""

from __future__ import annotations

import math
from datetime import date

from rtw_planner.domain.demands.profile import Activity, ActivityKind, Frequency
from rtw_planner.domain.demands.units import MassUnit, format_force, format_mass
from rtw_planner.domain.match.items import MatchItem, PostureMeasure
from rtw_planner.domain.match.restrictions import duration_text, force_limit, mass_limit
from rtw_planner.reports.wording import long_date

VERBS = {
    Activity.LIFT_FLOOR_TO_WAIST: "Lift from floor to waist height",
    Activity.LIFT_WAIST_TO_SHOULDER: "Lift from waist to shoulder height",
    Activity.LIFT_ABOVE_SHOULDER: "Lift above shoulder height",
    Activity.CARRY: "Carry",
    Activity.PUSH_INITIAL: "Push (force to start moving)",
    Activity.PUSH_SUSTAINED: "Push (force to keep moving)",
    Activity.PULL_INITIAL: "Pull (force to start moving)",
    Activity.PULL_SUSTAINED: "Pull (force to keep moving)",
    Activity.SIT: "Sit",
    Activity.STAND: "Stand",
    Activity.WALK: "Walk",
}
HOW_OFTEN = {
    Frequency.OCCASIONAL: "occasionally (up to a third of the day)",
    Frequency.FREQUENT: "frequently (a third to two thirds of the day)",
    Frequency.CONSTANT: "constantly (more than two thirds of the day)",
}
SHORT_HOW_OFTEN = {Frequency.OCCASIONAL: "occasionally", Frequency.FREQUENT: "frequently",
                   Frequency.CONSTANT: "constantly"}


def minutes_text(minutes: float) -> str:
    """Whole minutes, rounded down, with hours alongside from an hour: '30 minutes', '240 minutes (4 hours)'."""
    whole = math.floor(minutes)
    text = f"{whole} minute{'' if whole == 1 else 's'}"
    return f"{text} ({duration_text(whole)})" if whole >= 60 else text


def capacity_amount(activity: Activity, value: float, unit: MassUnit) -> str:
    """What a person managed, never shown as more than measured (rounded down): '12 kg', '26.4 lb',
    '160 N (16.3 kgf)', '35 lbf', '240 minutes (4 hours)'."""
    if activity.kind is ActivityKind.MASS:
        return mass_limit(value, unit)
    if activity.kind is ActivityKind.FORCE:
        return force_limit(value, unit)
    return minutes_text(value)


def demand_amount(activity: Activity, value: float, unit: MassUnit) -> str:
    """What the role asks for, rounded as usual: '23 kg', '50.7 lb', '200 N (20.4 kgf)', '45 lbf',
    '420 minutes (7 hours)'."""
    if activity.kind is ActivityKind.MASS:
        return format_mass(value, unit)
    if activity.kind is ActivityKind.FORCE:
        return format_force(value, unit)
    return minutes_text(value)


def _when(item: MatchItem) -> str:
    if item.frequency is not None:
        return HOW_OFTEN[item.frequency]
    return "at a time" if item.measure is PostureMeasure.AT_A_TIME else "in a working day"


def _estimated(item: MatchItem) -> str:
    return f" This figure is estimated, not measured (rule: {item.estimated_by})." if item.estimated_by else ""


def ability_line(item: MatchItem, unit: MassUnit = MassUnit.KG) -> str:
    """A matched item in plain words."""
    assert item.capacity is not None
    return (f"{VERBS[item.activity]}: up to {capacity_amount(item.activity, item.capacity, unit)} {_when(item)}."
            f"{_estimated(item)}")


def limit_line(item: MatchItem, unit: MassUnit, until: str) -> str:
    """A limit from the match beside the abilities' wording, with what the role asks for and when it ends."""
    assert item.capacity is not None
    return (f"{VERBS[item.activity]}: no more than {capacity_amount(item.activity, item.capacity, unit)} "
            f"{_when(item)}; the role asks for {demand_amount(item.activity, item.demand, unit)}.{_estimated(item)} "
            f"{until}")


def not_tested_line(item: MatchItem, unit: MassUnit = MassUnit.KG) -> str:
    """An untested demand in plain words."""
    return f"{VERBS[item.activity]} {demand_amount(item.activity, item.demand, unit)} {_when(item)}."


def demand_phrase(item: MatchItem, unit: MassUnit) -> str:
    """A demand in a few words, to follow a task's name: 'carry 10 kg frequently', 'sit 15 minutes at a time'."""
    verb = VERBS[item.activity]
    when = SHORT_HOW_OFTEN[item.frequency] if item.frequency is not None else (
        "at a time" if item.measure is PostureMeasure.AT_A_TIME else "in a day")
    return f"{verb[0].lower()}{verb[1:]} {demand_amount(item.activity, item.demand, unit)} {when}"


def lower_first(text: str) -> str:
    """'No lifting ...' -> 'no lifting ...', to follow a colon inside a sentence."""
    return text[:1].lower() + text[1:]


def period(first: date, last: date, *, short: bool = False) -> str:
    """A span of days, the year once: '4 to 10 January 2027', '25 January to 7 February 2027',
    '28 December 2026 to 3 January 2027'; short months when `short`."""
    month = "%b" if short else "%B"
    if first.year != last.year:
        return f"{first.day} {first:{month} %Y} to {last.day} {last:{month} %Y}"
    if first.month != last.month:
        return f"{first.day} {first:{month}} to {last.day} {last:{month} %Y}"
    if first == last:
        return f"{first.day} {first:{month} %Y}"
    return f"{first.day} to {last.day} {last:{month} %Y}"


def periods(spans: tuple[tuple[date, date], ...]) -> str:
    """Several spans: '4 to 24 January 2027 and 1 to 7 February 2027'."""
    texts = [period(first, last) for first, last in spans]
    return texts[0] if len(texts) == 1 else f"{', '.join(texts[:-1])} and {texts[-1]}"


def listing(texts: list[str] | tuple[str, ...]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = list(texts)
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def day(value: date) -> str:
    """'8 January 2027'."""
    return long_date(value)
