"""Plain-data forms (dicts and lists) of the parts of a case, shared by the case file and the database."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from enum import Enum
from typing import TYPE_CHECKING, Any

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.job import Task
from rtw_planner.domain.demands.profile import Activity, Exposure
from rtw_planner.domain.demands.ratings import KEY_TO_NAME, LEVEL_RATED, RatedGroup, Rating
from rtw_planner.domain.demands.strength import StrengthLevel

if TYPE_CHECKING:
    from rtw_planner.domain.capacity.grip import GripTrials
    from rtw_planner.domain.demands.niosh import LiftingTask


def exposure_from_list(rows: list[dict[str, Any]]) -> dict[Activity, Exposure]:
    """Raw exposure by activity."""
    return {Activity(r["activity"]): Exposure(r.get("hours_per_shift"), r.get("reps_per_hour")) for r in rows}


def exposure_to_list(exposure: Mapping[Activity, Exposure]) -> list[dict[str, Any]]:
    """Raw exposure as a list."""
    return [{"activity": a.value, "hours_per_shift": e.hours_per_shift, "reps_per_hour": e.reps_per_hour}
            for a, e in exposure.items()]


def ratings_from_dict(data: dict[str, dict[str, str]]) -> dict[tuple[RatedGroup, str], Rating]:
    """Ratings from {"physical": {"stooping": "F"}, ...}; the strength level is strength_rating_from_dict's."""
    ratings: dict[tuple[RatedGroup, str], Rating] = {}
    for group_name, items in data.items():
        group = RatedGroup(group_name)
        for key, code in items.items():
            if key not in KEY_TO_NAME[group]:
                # the first few of the 20 physical items: the whole list would not fit one short line
                named = list(KEY_TO_NAME[group])
                raise ValidationError(f"ratings/{group_name}", key,
                                      "one of " + ", ".join(named[:6]) + (", …" if len(named) > 6 else ""))
            if group is RatedGroup.PHYSICAL and key == LEVEL_RATED:
                continue
            ratings[(group, key)] = Rating(code)
    return ratings


def strength_rating_from_dict(data: dict[str, dict[str, str]]) -> StrengthLevel | None:
    """The DOT strength level from {"physical": {"strength": "M"}}. Files and databases written before Strength
    was rated by level hold a frequency there (N, O, F or C), which says nothing about the level: it is dropped.
    S was Seldom then and is Sedentary now; Seldom was never offered for Strength, so S reads as Sedentary."""
    code = data.get(RatedGroup.PHYSICAL.value, {}).get(LEVEL_RATED)
    if code is None or str(code).strip().upper() in ("N", "O", "F", "C"):
        return None
    return StrengthLevel.from_code(code)


def ratings_to_dict(ratings: Mapping[tuple[RatedGroup, str], Rating],
                    strength_rating: StrengthLevel | None = None) -> dict[str, dict[str, str]]:
    """Ratings grouped by kind, the DOT strength level (S, L, M, H or V) among the physical factors."""
    out: dict[str, dict[str, str]] = {}
    if strength_rating is not None:
        out[RatedGroup.PHYSICAL.value] = {LEVEL_RATED: strength_rating.code}
    for (group, key), rating in ratings.items():
        out.setdefault(group.value, {})[key] = rating.value
    return out


def tasks_from_list(rows: list[dict[str, Any]]) -> tuple[Task, ...]:
    """Tasks from a list."""
    return tuple(Task(t["name"], t.get("essential", True), t.get("share_pct"),
                      tuple(Activity(a) for a in t.get("activities", []))) for t in rows)


def tasks_to_list(tasks: tuple[Task, ...]) -> list[dict[str, Any]]:
    """Tasks as a list."""
    return [{"name": t.name, "essential": t.essential, "share_pct": t.share_pct,
             "activities": [a.value for a in t.activities]} for t in tasks]


def lifting_task_from_dict(row: dict[str, Any]) -> LiftingTask:
    """A NIOSH lifting task (the task validates its own values and choices)."""
    from rtw_planner.domain.demands.niosh import LiftingTask

    known = {f.name for f in fields(LiftingTask)}
    unknown = sorted(set(row) - known)
    if unknown:
        raise ValidationError("lifting task", unknown[0], "one of " + ", ".join(sorted(known)))
    return LiftingTask(**row)


def _plain(value: object) -> object:
    return value.value if isinstance(value, Enum) else value


def lifting_tasks_to_list(tasks: tuple[LiftingTask, ...]) -> list[dict[str, Any]]:
    """NIOSH lifting tasks as a list."""
    return [{f.name: _plain(getattr(t, f.name)) for f in fields(t)} for t in tasks]


def grip_from_list(rows: list[dict[str, Any]]) -> tuple[GripTrials, ...]:
    """Grip trials from a list."""
    from rtw_planner.domain.capacity.grip import GripTrials, Hand

    return tuple(GripTrials(Hand(g["hand"]), tuple(g["trials_kg"])) for g in rows)


def grip_to_list(grip: tuple[GripTrials, ...]) -> list[dict[str, Any]]:
    """Grip trials as a list."""
    return [{"hand": g.hand.value, "trials_kg": list(g.trials_kg)} for g in grip]
