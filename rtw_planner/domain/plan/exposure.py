"""Graded exposure: a hierarchy of feared activities rated 0-100, climbed from the least feared as fear ratings
fall, kept apart from the time-contingent quotas.

The rule for moving up (the reference, plans-letters-outcomes.md section 1, "Graded exposure": "a hierarchy of
10-15 feared activities; the person moves up once fear has dropped", after the exposure-hierarchy practice it
cites) needs a number for "dropped". This build proposes the next step when, on the current step, the fear after
the latest exposure is at most half the fear before the first one (HALF), or the fear after each of the last two
exposures is at most 30 (LOW_FEAR, LOW_SESSIONS). It proposes; the clinician decides, and may keep exposing."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.data.validation import a_date, iso_date, text

MAX_ACTIVITIES = 30
MAX_EXPOSURES = 500
HALF = 0.5
LOW_FEAR = 30
LOW_SESSIONS = 2


def _rating(field_name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
        raise ValidationError(field_name, value, "a whole number from 0 to 100")
    return value


@dataclass(frozen=True)
class FearedActivity:
    """An activity the patient fears, in their words, with an id exposures refer to and its fear rating 0-100."""

    id: str
    description: str
    fear: int

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", text("feared activity id", self.id, required=True, max_length=60))
        object.__setattr__(self, "description", text("feared activity description", self.description,
                                                     required=True))
        object.__setattr__(self, "fear", _rating("feared activity fear rating", self.fear))


@dataclass(frozen=True)
class FearExposure:
    """One exposure to a feared activity: its day and the fear rated before and after it (0-100)."""

    activity_id: str
    on: date
    fear_before: int
    fear_after: int

    def __post_init__(self) -> None:
        object.__setattr__(self, "activity_id", text("exposure activity id", self.activity_id, required=True,
                                                     max_length=60))
        a_date("exposure date", self.on, required=True)
        object.__setattr__(self, "fear_before", _rating("exposure fear before", self.fear_before))
        object.__setattr__(self, "fear_after", _rating("exposure fear after", self.fear_after))


@dataclass(frozen=True)
class Step:
    """A rung of the ladder: the activity, its exposures in date order, and whether fear has dropped enough."""

    number: int
    activity: FearedActivity
    exposures: tuple[FearExposure, ...]
    dropped: bool
    reason: str


@dataclass(frozen=True)
class FearHierarchy:
    """The feared activities (in the order entered) and the exposures recorded."""

    activities: tuple[FearedActivity, ...] = ()
    exposures: tuple[FearExposure, ...] = field(default=())

    def __post_init__(self) -> None:
        for name, kind, most in (("activities", FearedActivity, MAX_ACTIVITIES), ("exposures", FearExposure,
                                                                                  MAX_EXPOSURES)):
            values = tuple(getattr(self, name))
            if not all(isinstance(v, kind) for v in values):
                raise ValidationError(f"fear hierarchy {name}", "(wrong type)", f"a list of {kind.__name__} values")
            if len(values) > most:
                raise ValidationError(f"fear hierarchy {name}", f"{len(values)} {name}", f"at most {most}")
            object.__setattr__(self, name, values)
        ids = [a.id for a in self.activities]
        if len(set(ids)) != len(ids):
            raise ValidationError("feared activity id", next(i for i in ids if ids.count(i) > 1), "each id once")
        unknown = [e.activity_id for e in self.exposures if e.activity_id not in ids]
        if unknown:
            raise ValidationError("exposure activity id", unknown[0], "the id of a feared activity in the hierarchy")

    def is_empty(self) -> bool:
        """True when nothing was recorded."""
        return not (self.activities or self.exposures)

    def ladder(self) -> tuple[Step, ...]:
        """The steps from the least feared up (equal ratings in the order entered), each with its exposures."""
        ordered = sorted(enumerate(self.activities), key=lambda pair: (pair[1].fear, pair[0]))
        steps = []
        for number, (_, activity) in enumerate(ordered, start=1):
            done = tuple(sorted((e for e in self.exposures if e.activity_id == activity.id), key=lambda e: e.on))
            dropped, reason = fear_dropped(done)
            steps.append(Step(number, activity, done, dropped, reason))
        return tuple(steps)

    def current_step(self) -> Step | None:
        """The lowest step where fear has not dropped yet; None when there are no steps or all are climbed."""
        return next((s for s in self.ladder() if not s.dropped), None)


def fear_dropped(exposures: tuple[FearExposure, ...]) -> tuple[bool, str]:
    """Whether fear on a step has dropped enough to move up, and why (the module's rule), from its exposures in
    date order."""
    if not exposures:
        return False, "no exposure recorded yet"
    first, last = exposures[0].fear_before, exposures[-1].fear_after
    if last <= first * HALF:
        return True, f"fear after the latest exposure ({last}) is at most half the first fear before ({first})"
    recent = exposures[-LOW_SESSIONS:]
    if len(recent) == LOW_SESSIONS and all(e.fear_after <= LOW_FEAR for e in recent):
        return True, f"fear after the last {LOW_SESSIONS} exposures was {LOW_FEAR} or less"
    return False, f"fear after the latest exposure is {last}; the first fear before was {first}"


def hierarchy_to_dict(hierarchy: FearHierarchy) -> dict[str, Any]:
    """Plain JSON types."""
    return {"activities": [{"id": a.id, "description": a.description, "fear": a.fear} for a in hierarchy.activities],
            "exposures": [{"activity_id": e.activity_id, "on": e.on.isoformat(), "fear_before": e.fear_before,
                           "fear_after": e.fear_after} for e in hierarchy.exposures]}


def _object(name: str, value: object, keys: frozenset[str]) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ValidationError(name, "(not an object)", "an object with " + ", ".join(sorted(keys)))
    unknown = sorted(set(value) - keys)
    if unknown:
        raise ValidationError(f"{name} key", unknown[0], ", ".join(sorted(keys)))
    return value


def hierarchy_from_dict(data: object) -> FearHierarchy:
    """A hierarchy from plain data; raises ValidationError naming the field."""
    if data is None:
        return FearHierarchy()
    top = _object("fear hierarchy", data, frozenset({"activities", "exposures"}))
    rows = {name: top.get(name, []) for name in ("activities", "exposures")}
    for name, value in rows.items():
        if not isinstance(value, list):
            raise ValidationError(f"fear hierarchy {name}", "(not a list)", "a list")
    activities = tuple(FearedActivity(a.get("id"), a.get("description"), a.get("fear"))  # type: ignore[arg-type]
                       for a in (_object("feared activity", r, frozenset({"id", "description", "fear"}))
                                 for r in rows["activities"]))
    keys = frozenset({"activity_id", "on", "fear_before", "fear_after"})
    exposures = tuple(FearExposure(e.get("activity_id"), iso_date("exposure date", e.get("on")), e.get("fear_before"),  # type: ignore[arg-type]
                               e.get("fear_after"))  # type: ignore[arg-type]
                      for e in (_object("exposure", r, keys) for r in rows["exposures"]))
    return FearHierarchy(activities, exposures)


@dataclass(frozen=True)
class StepSeries:
    """A step's chart: exposure numbers, fear before and after each, and the two lines of the rule."""

    numbers: tuple[int, ...]
    before: tuple[int, ...]
    after: tuple[int, ...]
    half_line: float | None  # half the first fear before; None before any exposure
    low_line: int = LOW_FEAR


def step_series(step: Step) -> StepSeries:
    """The series to draw for a step."""
    exposures = step.exposures
    return StepSeries(tuple(range(1, len(exposures) + 1)), tuple(e.fear_before for e in exposures),
                      tuple(e.fear_after for e in exposures),
                      exposures[0].fear_before * HALF if exposures else None)
