"""Edits of a physical profile (the job's demands or an evaluation's measurements) and of the rest of the demands."""

from __future__ import annotations

from rtw_planner.domain.demands.job import DemandSource, JobDemands, Task
from rtw_planner.domain.demands.mmh_tasks import MmhJobTask
from rtw_planner.domain.demands.niosh import LiftingTask
from rtw_planner.domain.demands.profile import Activity, Frequency, PostureTolerance
from rtw_planner.domain.demands.ratings import KEY_TO_NAME, RatedGroup, Rating
from rtw_planner.domain.demands.strength import StrengthLevel
from rtw_planner.domain.edits.commands import Batch, Edit, Insert, Remove, Set, typing_run
from rtw_planner.domain.edits.lenses import DEMANDS, DEMANDS_PROFILE, Attr, Entry, Item, Lens

TASKS = Attr(DEMANDS, "tasks")
LIFTING_TASKS = Attr(DEMANDS, "lifting_tasks")
MMH_TASKS = Attr(DEMANDS, "mmh_tasks")
DEMAND_FIELDS = {"shift_hours": "shift length", "days_per_week": "days per week", "source": "demands source",
                 "arm_leg_controls": "seated arm or leg controls", "production_pace": "production-rate pace"}


def _whose(profile: Lens) -> str:
    return "" if profile == DEMANDS_PROFILE else "measured "


def set_strength(profile: Lens, activity: Activity, frequency: Frequency, value: float | None) -> Edit:
    """One cell of the strength table (kg or N; None leaves it blank)."""
    return Set(Entry(Attr(profile, "strength"), (activity, frequency)), value,
               f"change {_whose(profile)}{activity.label.lower()}, {frequency.value}")


def set_posture(profile: Lens, activity: Activity, tolerance: PostureTolerance | None) -> Edit:
    """One row of the posture table (None leaves it blank)."""
    return Set(Entry(Attr(profile, "postures"), activity), tolerance,
               f"change {_whose(profile)}{activity.label.lower()} tolerance")


def set_carry_distance(profile: Lens, metres: float | None, typed: str) -> Edit:
    """The carry distance; keystrokes merge."""
    label = f"{_whose(profile)}carry distance"
    return Set(Attr(profile, "carry_distance_m"), metres, f"change {label}", typing_run(label, typed))


def set_rating(group: RatedGroup, key: str, rating: Rating) -> Edit:
    """One rated demand; not present removes it."""
    value = None if rating is Rating.NOT_PRESENT else rating
    return Set(Entry(Attr(DEMANDS, "ratings"), (group, key)), value,
               f"rate {KEY_TO_NAME[group][key].lower()} {rating.label.lower()}")


def set_strength_rating(level: StrengthLevel | None) -> Edit:
    """The DOT strength level of the job (None: not rated)."""
    return Set(Attr(DEMANDS, "strength_rating"), level,
               "rate DOT strength " + ("not rated" if level is None else level.label.lower()))


def set_demand_field(name: str, value: object, typed: str | None = None) -> Edit:
    """Shift length, days per week, source, arm or leg controls, production pace; typed numbers merge."""
    label = DEMAND_FIELDS[name]
    return Set(Attr(DEMANDS, name), value, f"change {label}", None if typed is None else typing_run(label, typed))


def set_source(source: DemandSource, template: str) -> Edit:
    """Where the demands came from; the template name is kept only for a generic template."""
    kept = template if source is DemandSource.GENERIC_TEMPLATE else ""
    return Batch((Set(Attr(DEMANDS, "source"), source, ""), Set(Attr(DEMANDS, "template"), kept, "")),
                 "change demands source")


def copy_template(demands: JobDemands, title: str) -> Edit:
    """Replace the demands with a copied job template."""
    return Set(DEMANDS, demands, f"copy the job template {title}")


def add_task(task: Task, index: int) -> Edit:
    """Add a task."""
    return Insert(TASKS, index, task, "add task")


def remove_task(index: int) -> Edit:
    """Remove a task (undo puts it back)."""
    return Remove(TASKS, index, f"remove task {index + 1}")


def edit_task(index: int, task: Task, what: str) -> Edit:
    """Change one column of a task."""
    return Set(Item(TASKS, index), task, f"edit task {index + 1} {what}")


def add_lifting_task(task: LiftingTask, index: int) -> Edit:
    """Add a lifting task from the NIOSH calculator."""
    return Insert(LIFTING_TASKS, index, task, "add lifting task")


def edit_lifting_task(index: int, task: LiftingTask) -> Edit:
    """Replace a lifting task with its edited version."""
    return Set(Item(LIFTING_TASKS, index), task, f"edit lifting task {index + 1}")


def remove_lifting_task(index: int) -> Edit:
    """Remove a lifting task (undo puts it back)."""
    return Remove(LIFTING_TASKS, index, f"remove lifting task {index + 1}")


def add_mmh_task(task: MmhJobTask, index: int) -> Edit:
    """Add a handling task (lift, lower, push, pull or carry) for the Liberty Mutual equations."""
    return Insert(MMH_TASKS, index, task, "add handling task")


def edit_mmh_task(index: int, task: MmhJobTask) -> Edit:
    """Replace a handling task with its edited version."""
    return Set(Item(MMH_TASKS, index), task, f"edit handling task {index + 1}")


def remove_mmh_task(index: int) -> Edit:
    """Remove a handling task (undo puts it back)."""
    return Remove(MMH_TASKS, index, f"remove handling task {index + 1}")
