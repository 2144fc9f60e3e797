"""Work restrictions in plain employer wording, one per mismatch, from the current evaluation's capacity."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from rtw_planner.domain.matching import MatchItem, MatchStatus, PostureMeasure
from rtw_planner.domain.profile import Activity, Frequency, Kind
from rtw_planner.domain.units import format_number, n_to_kgf

# Restrictions come only from the capacity in a match, which is the current (latest) evaluation's: they relax
# only when a newer evaluation measures more, follow a newer lower value too, and never use a projection.
ESTIMATED_NOTE = " (estimated, not measured)"

_VERBS = {
    Activity.LIFT_FLOOR_TO_WAIST: "lifting from floor to waist",
    Activity.LIFT_WAIST_TO_SHOULDER: "lifting from waist to shoulder",
    Activity.LIFT_ABOVE_SHOULDER: "lifting above shoulder height",
    Activity.CARRY: "carrying",
    Activity.PUSH_INITIAL: "pushing",
    Activity.PUSH_SUSTAINED: "pushing",
    Activity.PULL_INITIAL: "pulling",
    Activity.PULL_SUSTAINED: "pulling",
}
_FORCE_PHASE = {
    Activity.PUSH_INITIAL: " to start a load moving",
    Activity.PULL_INITIAL: " to start a load moving",
    Activity.PUSH_SUSTAINED: " to keep a load moving",
    Activity.PULL_SUSTAINED: " to keep a load moving",
}
_HOW_OFTEN = {
    Frequency.OCCASIONAL: "occasionally (up to a third of the day)",
    Frequency.FREQUENT: "frequently",
    Frequency.CONSTANT: "constantly",
}
_POSTURE = {Activity.SIT: ("Sit", "sitting"), Activity.STAND: ("Stand", "standing"), Activity.WALK: ("Walk", "walking")}


@dataclass(frozen=True)
class Restriction:
    """One restriction: the activity, the employer-facing text, and the limit in `unit` (kg, N or min)."""

    activity: Activity
    text: str
    limit: float
    unit: str
    frequency: Frequency | None = None
    measure: PostureMeasure | None = None
    estimated: bool = False


def _down(value: float, decimals: int) -> str:
    """A limit shown rounded down, so the wording never allows more than was measured: 12.25 kg -> '12.2'."""
    return format_number(float(Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_FLOOR)),
                         decimals)


def _plural(amount: int, word: str) -> str:
    return f"{amount} {word}{'' if amount == 1 else 's'}"


def duration_text(minutes: float) -> str:
    """Whole minutes, rounded down: '30 minutes', '1 hour', '4 hours', '1 hour 45 minutes'."""
    hours, rest = divmod(math.floor(minutes), 60)
    parts = ([_plural(hours, "hour")] if hours else []) + ([_plural(rest, "minute")] if rest or not hours else [])
    return " ".join(parts)


def _strength_text(item: MatchItem, limit: float) -> str:
    activity, frequency = item.activity, item.frequency or Frequency.OCCASIONAL
    verb = _VERBS[activity]
    shown = _down(limit, 1 if activity.kind is Kind.MASS else 0)
    if shown == "0":  # nothing managed at this frequency; nothing even occasionally means none at all
        return f"No {verb}" if frequency is Frequency.OCCASIONAL else f"No {verb} {_HOW_OFTEN[frequency]}"
    if activity.kind is Kind.MASS:
        return f"No {verb} above {shown} kg {_HOW_OFTEN[frequency]}"
    amount = f"{shown} N ({_down(n_to_kgf(limit), 1)} kgf)"
    return f"No {verb} that needs more than {amount}{_FORCE_PHASE[activity]} {_HOW_OFTEN[frequency]}"


def _posture_text(item: MatchItem, limit: float) -> str:
    verb, noun = _POSTURE[item.activity]
    if limit < 1:  # under a minute is none
        return f"No {noun}"
    if item.measure is PostureMeasure.AT_A_TIME:
        return f"{verb} no longer than {duration_text(limit)} at a time"
    return f"No more than {duration_text(limit)} of {noun} in a day"


def restriction_for(item: MatchItem) -> Restriction | None:
    """The restriction a mismatched item implies, worded from its capacity; None for any other item."""
    if item.status is not MatchStatus.MISMATCH or item.capacity is None:
        return None
    limit = item.capacity
    wording = _posture_text(item, limit) if item.activity.kind is Kind.POSTURE else _strength_text(item, limit)
    if item.estimated:
        wording += ESTIMATED_NOTE
    return Restriction(item.activity, wording, limit, item.unit, item.frequency, item.measure, item.estimated)


def restrictions_from_match(items: Iterable[MatchItem]) -> tuple[Restriction, ...]:
    """One restriction per mismatch, in the match's order. Items not tested give none: the match says so."""
    return tuple(r for r in (restriction_for(item) for item in items) if r is not None)
