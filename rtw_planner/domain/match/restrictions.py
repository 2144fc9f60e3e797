"""Work restrictions in plain employer wording, one per mismatch, from the current evaluation's capacity."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from rtw_planner.domain.demands.profile import Activity, ActivityKind, Frequency
from rtw_planner.domain.demands.units import NEWTONS_PER_LBF, MassUnit, format_number, kg_to_lb, n_to_kgf
from rtw_planner.domain.match.items import MatchItem, MatchStatus, PostureMeasure

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
    """One restriction: the activity, the employer-facing text (in the unit it was worded in), and the limit in
    `unit` (kg, N or min: always SI, whatever the wording's unit)."""

    activity: Activity
    text: str
    limit: float
    unit: str
    frequency: Frequency | None = None
    measure: PostureMeasure | None = None
    estimated: bool = False


def round_down(value: float, decimals: int) -> str:
    """A limit shown rounded down, so the wording never allows more than was measured: 12.25 kg -> '12.2'."""
    return format_number(float(Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_FLOOR)),
                         decimals)


def mass_limit(kg: float, unit: MassUnit) -> str:
    """A measured load in the document's unit, rounded down: 12 kg -> '12 kg' or '26.4 lb'. Every document shows a
    capacity this way, so a letter and a report never give the same capacity as two numbers."""
    return f"{round_down(kg_to_lb(kg) if unit is MassUnit.LB else kg, 1)} {unit.value}"


def force_limit(newtons: float, unit: MassUnit) -> str:
    """A measured force in the document's unit family, rounded down: '250 N (25.4 kgf)' or '56 lbf'."""
    if unit is MassUnit.LB:
        return f"{round_down(newtons / NEWTONS_PER_LBF, 0)} lbf"
    return f"{round_down(newtons, 0)} N ({round_down(n_to_kgf(newtons), 1)} kgf)"


def _plural(amount: int, word: str) -> str:
    return f"{amount} {word}{'' if amount == 1 else 's'}"


def duration_text(minutes: float) -> str:
    """Whole minutes, rounded down: '30 minutes', '1 hour', '4 hours', '1 hour 45 minutes'."""
    hours, rest = divmod(math.floor(minutes), 60)
    parts = ([_plural(hours, "hour")] if hours else []) + ([_plural(rest, "minute")] if rest or not hours else [])
    return " ".join(parts)


def _strength_text(item: MatchItem, limit: float, unit: MassUnit) -> str:
    activity, frequency = item.activity, item.frequency or Frequency.OCCASIONAL
    verb = _VERBS[activity]
    amount = mass_limit(limit, unit) if activity.kind is ActivityKind.MASS else force_limit(limit, unit)
    if amount.split()[0] == "0":  # nothing managed at this frequency; nothing even occasionally means none at all
        return f"No {verb}" if frequency is Frequency.OCCASIONAL else f"No {verb} {_HOW_OFTEN[frequency]}"
    if activity.kind is ActivityKind.MASS:
        return f"No {verb} above {amount} {_HOW_OFTEN[frequency]}"
    return f"No {verb} that needs more than {amount}{_FORCE_PHASE[activity]} {_HOW_OFTEN[frequency]}"


def _posture_text(item: MatchItem, limit: float) -> str:
    verb, noun = _POSTURE[item.activity]
    if limit < 1:  # under a minute is none
        return f"No {noun}"
    if item.measure is PostureMeasure.AT_A_TIME:
        return f"{verb} no longer than {duration_text(limit)} at a time"
    return f"No more than {duration_text(limit)} of {noun} in a day"


def restriction_for(item: MatchItem, unit: MassUnit = MassUnit.KG) -> Restriction | None:
    """The restriction a mismatched item implies, worded from its capacity in the document's unit (loads in kg
    or lb, forces in N with kgf or in lbf, always rounded down); None for any other item."""
    if item.status is not MatchStatus.MISMATCH or item.capacity is None:
        return None
    limit = item.capacity
    posture = item.activity.kind is ActivityKind.POSTURE
    wording = _posture_text(item, limit) if posture else _strength_text(item, limit, unit)
    if item.estimated:
        wording += ESTIMATED_NOTE
    return Restriction(item.activity, wording, limit, item.unit, item.frequency, item.measure, item.estimated)


def restrictions_from_match(items: Iterable[MatchItem], unit: MassUnit = MassUnit.KG) -> tuple[Restriction, ...]:
    """One restriction per mismatch, in the match's order. Items not tested give none: the match says so."""
    return tuple(r for r in (restriction_for(item, unit) for item in items) if r is not None)


def text_key(text: str) -> str:
    """A restriction text as people read it, for comparing: case, runs of spaces and a final full stop dropped."""
    return " ".join(text.casefold().rstrip(". ").split())


def same_text(a: str, b: str) -> bool:
    """True when two restriction texts read the same (see text_key)."""
    return text_key(a) == text_key(b)


# The metric sentences restriction_for writes, so a stored one (phases keep the wording they were generated with)
# can be re-worded in another unit; anything else is the clinician's own text and prints as written.
_NUMBER = r"(\d+(?:\.\d+)?)"
_VERB = "|".join(sorted({re.escape(v) for v in _VERBS.values()}))
_OFTEN = "|".join(re.escape(v) for v in _HOW_OFTEN.values())
_NOTE = rf"((?:{re.escape(ESTIMATED_NOTE)})?)"
_STORED_MASS = re.compile(rf"^No ({_VERB}) above {_NUMBER} kg ({_OFTEN}){_NOTE}$")
_STORED_FORCE = re.compile(rf"^No ({_VERB}) that needs more than {_NUMBER} N \({_NUMBER} kgf\)"
                           rf"( to start a load moving| to keep a load moving) ({_OFTEN}){_NOTE}$")


_STORED_POSTURE = re.compile(r"^((Sit|Stand|Walk) no longer than .+ at a time|No more than .+ of (sitting|standing|"
                             r"walking) in a day|No (sitting|standing|walking))$")


def is_generated(text: str) -> bool:
    """True when a stored restriction reads as restriction_for wrote it (in kg), not as a clinician typed it."""
    stored = text.strip().rstrip(".")
    if stored.endswith(ESTIMATED_NOTE):
        stored = stored[:-len(ESTIMATED_NOTE)]
    return any(p.match(stored) for p in (_STORED_MASS, _STORED_FORCE, _STORED_POSTURE))


def in_units(text: str, unit: MassUnit, current: Iterable[MatchItem] = ()) -> str:
    """A stored restriction as a document in `unit` prints it. A restriction generated from the current match
    is re-worded from the measured value; another generated metric sentence from its printed number (already
    rounded down, so still never more than measured); text the clinician typed comes back as written."""
    if unit is MassUnit.KG:
        return text
    for item in current:
        metric = restriction_for(item)
        if metric is not None and same_text(metric.text, text):
            worded = restriction_for(item, unit)
            assert worded is not None
            return worded.text
    stored = text.strip().rstrip(".")
    if found := _STORED_MASS.match(stored):
        verb, kg, often, note = found.groups()
        return f"No {verb} above {mass_limit(float(kg), unit)} {often}{note}"
    if found := _STORED_FORCE.match(stored):
        verb, newtons, _kgf, phase, often, note = found.groups()
        return f"No {verb} that needs more than {force_limit(float(newtons), unit)}{phase} {often}{note}"
    return text
