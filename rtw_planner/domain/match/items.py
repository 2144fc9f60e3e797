"""Item-by-item comparison of a job's demands with a person's measured capacity."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from rtw_planner.domain.capacity.evaluation import Evaluation
from rtw_planner.domain.demands.profile import Activity, Frequency, PhysicalProfile, unit_of


class MatchStatus(StrEnum):
    """Outcome for one demand item."""

    MATCH = "match"
    MISMATCH = "mismatch"
    NOT_TESTED = "not_tested"
    NOT_REQUIRED = "not_required"

    @property
    def label(self) -> str:
        """Human wording."""
        return self.value.replace("_", " ").capitalize()


class PostureMeasure(StrEnum):
    """Which side of a posture tolerance an item compares."""

    AT_A_TIME = "at_a_time"
    PER_DAY = "per_day"


@dataclass(frozen=True)
class MatchItem:
    """One compared item. Values are in `unit`; `capacity_frequency` is the frequency the capacity was
    measured at, which may be higher than the demand's."""

    activity: Activity
    frequency: Frequency | None
    measure: PostureMeasure | None
    demand: float
    capacity: float | None
    capacity_frequency: Frequency | None
    status: MatchStatus
    provenance: str = ""
    estimated_by: str | None = None  # the estimation rule's name when capacity was estimated, not measured

    @property
    def unit(self) -> str:
        """kg, N or min."""
        return unit_of(self.activity)

    @property
    def estimated(self) -> bool:
        """True when the capacity value comes from a named estimation rule."""
        return self.estimated_by is not None

    @property
    def gap_pct(self) -> float | None:
        """The gap as a percentage of the demand."""
        gap = self.gap
        return None if gap is None or self.demand == 0 else 100 * gap / self.demand

    @property
    def gap(self) -> float | None:
        """How far capacity falls short of the demand, in the item's unit; None unless a mismatch."""
        if self.status is not MatchStatus.MISMATCH or self.capacity is None:
            return None
        return self.demand - self.capacity

    @property
    def label(self) -> str:
        """e.g. 'Lift floor to waist, occasional' or 'Sitting, at a time'."""
        if self.frequency is not None:
            return f"{self.activity.label}, {self.frequency.value}"
        return f"{self.activity.label}, {'at a time' if self.measure is PostureMeasure.AT_A_TIME else 'per day'}"


def capacity_for(capacity: PhysicalProfile, activity: Activity,
                 frequency: Frequency) -> tuple[float, Frequency] | None:
    """The capacity measured for the activity at the given frequency, else at the nearest higher frequency
    that was measured (a load managed constantly can be managed occasionally). Never a lower frequency."""
    for candidate in Frequency:
        if candidate.rank >= frequency.rank and (activity, candidate) in capacity.strength:
            return capacity.strength[(activity, candidate)], candidate
    return None


def _status(demand: float, capacity: float | None) -> MatchStatus:
    if demand == 0:
        return MatchStatus.NOT_REQUIRED
    if capacity is None:
        return MatchStatus.NOT_TESTED
    return MatchStatus.MATCH if capacity >= demand else MatchStatus.MISMATCH


def _strength_item(activity: Activity, frequency: Frequency, demand: float, capacity: PhysicalProfile,
                   evaluation: Evaluation | None) -> MatchItem:
    where = f" ({evaluation.label})" if evaluation else ""
    found = capacity_for(capacity, activity, frequency)
    if found:
        value, measured_at = found
        higher = "" if measured_at is frequency else f", measured at {measured_at.value} frequency"
        return MatchItem(activity, frequency, None, demand, value, measured_at, _status(demand, value),
                         f"Measured{where}{higher}")
    estimate = evaluation.estimated(activity, frequency) if evaluation else None
    if estimate is not None and evaluation is not None and evaluation.rule is not None:
        occasional = evaluation.profile.strength[(activity, Frequency.OCCASIONAL)]
        return MatchItem(activity, frequency, None, demand, estimate, frequency, _status(demand, estimate),
                         f"Estimated from the occasional value {occasional:g} {unit_of(activity)}{where} "
                         f"by the rule '{evaluation.rule.name}'", estimated_by=evaluation.rule.name)
    return MatchItem(activity, frequency, None, demand, None, None, _status(demand, None),
                     "No measurement at this frequency or a higher one" + where if demand else "")


def match(demands: PhysicalProfile, capacity: PhysicalProfile,
          evaluation: Evaluation | None = None) -> list[MatchItem]:
    """Compare every recorded demand with capacity for the same item. With an evaluation, results carry its
    provenance and, where the clinician chose a rule, labelled estimates for unmeasured frequencies."""
    items = [_strength_item(activity, frequency, demand, capacity, evaluation)
             for (activity, frequency), demand in demands.strength.items()]
    where = f" ({evaluation.label})" if evaluation else ""
    for activity, needed in demands.postures.items():
        held = capacity.postures.get(activity)
        for measure, demand, value in (
            (PostureMeasure.AT_A_TIME, needed.minutes_at_a_time, held.minutes_at_a_time if held else None),
            (PostureMeasure.PER_DAY, needed.minutes_per_day, held.minutes_per_day if held else None),
        ):
            provenance = f"Measured{where}" if value is not None else f"Not measured{where}"
            items.append(MatchItem(activity, None, measure, demand, value, None, _status(demand, value), provenance))
    return items
