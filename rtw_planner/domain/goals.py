"""SMART functional goals with dated milestones and a status, linked to quota activities; the next appointment."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from rtw_planner.domain.errors import ValidationError
from rtw_planner.domain.quota import QuotaActivity, quota_for_week
from rtw_planner.domain.validation import EARLIEST_DATE, LATEST_DATE, a_date, text

MAX_ID = 40
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")  # fixed English names, whatever the process locale


class GoalStatus(StrEnum):
    """Where a goal stands. Achieved and dropped goals are closed; a revised goal stays open with its new target."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    ACHIEVED = "achieved"
    REVISED = "revised"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        """Plain words: 'not started'."""
        return self.value.replace("_", " ")

    @property
    def is_open(self) -> bool:
        """Still being worked towards."""
        return self not in (GoalStatus.ACHIEVED, GoalStatus.DROPPED)


def long_date(day: date) -> str:
    """'1 March 2027': day first, month in words, so no reader misreads it."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _upper_first(words: str) -> str:
    return words[:1].upper() + words[1:]


def _lower_first(words: str) -> str:
    """'Walk' -> 'walk', but 'PSFS task' stays as it is (an acronym)."""
    return words if words[1:2].isupper() else words[:1].lower() + words[1:]


@dataclass(frozen=True)
class Milestone:
    """A dated step on the way to a goal."""

    description: str
    due: date
    done: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "description", text("milestone description", self.description, required=True))
        a_date("milestone due date", self.due, required=True)
        if not isinstance(self.done, bool):
            raise ValidationError("milestone done", self.done, "true or false")


@dataclass(frozen=True)
class Goal:
    """A SMART functional goal: an activity, a target and a date ('walk' + '15 minutes daily' + 1 March 2027).

    `quota_activity` names the QuotaActivity that builds towards it; `measure` is the instrument or test that
    shows it was reached (e.g. 'PSFS' or '6MWT')."""

    id: str
    activity: str
    target: str
    due: date
    status: GoalStatus = GoalStatus.NOT_STARTED
    milestones: tuple[Milestone, ...] = ()
    quota_activity: str | None = None
    measure: str | None = None

    def __post_init__(self) -> None:
        put = object.__setattr__
        put(self, "id", text("goal id", self.id, required=True, max_length=MAX_ID))
        put(self, "activity", text("goal activity", self.activity, required=True))
        put(self, "target", text("goal target", self.target, required=True))
        due = a_date("goal due date", self.due, required=True)
        if not isinstance(self.status, GoalStatus):
            raise ValidationError("goal status", self.status, "one of " + ", ".join(s.value for s in GoalStatus))
        if not isinstance(self.milestones, tuple | list) or not all(isinstance(m, Milestone) for m in self.milestones):
            raise ValidationError("goal milestones", self.milestones, "a list of milestones")
        put(self, "milestones", tuple(self.milestones))
        for milestone in self.milestones:
            if due is not None and milestone.due > due:
                raise ValidationError("milestone due date", milestone.due, f"a date on or before the goal's, "
                                                                           f"{due.isoformat()}")
        for field in ("quota_activity", "measure"):
            value = getattr(self, field)
            put(self, field, None if value is None else text(f"goal {field.replace('_', ' ')}", value) or None)

    @property
    def smart_text(self) -> str:
        """'Walk 15 minutes daily by 1 March 2027'."""
        return f"{_upper_first(self.activity)} {self.target} by {long_date(self.due)}"

    def next_milestone(self) -> Milestone | None:
        """The earliest milestone not yet done."""
        open_ones = [m for m in self.milestones if not m.done]
        return min(open_ones, key=lambda m: m.due) if open_ones else None


def this_weeks_small_step(goals: Iterable[Goal], quotas: Iterable[QuotaActivity], start_date: date,
                          today: date) -> str:
    """One short 'you' sentence for the handout, or '' when no open goal gives one.

    Open goals are taken by due date. For the first that gives a step: its linked quota activity's quota for this
    week ('This week: walk 9 minutes each day.'), else its next open milestone ('This week: walk to the shop (by
    5 March).'). A quota activity is linked by Goal.quota_activity (its name) or QuotaActivity.goal_ids."""
    activities = list(quotas)
    for goal in sorted((g for g in goals if g.status.is_open), key=lambda g: (g.due, g.id)):
        linked = [a for a in activities if a.name == goal.quota_activity or goal.id in a.goal_ids]
        for activity in linked:
            try:
                quota = quota_for_week(activity, start_date, today)
            except ValidationError:  # a plan that cannot reach its goal gives no step
                continue
            return f"This week: {_lower_first(goal.activity)} {activity.unit.words(quota)} each day."
        milestone = goal.next_milestone()
        if milestone is not None:
            when = f"{milestone.due.day} {MONTHS[milestone.due.month - 1]}"
            return f"This week: {_lower_first(milestone.description).rstrip('.')} (by {when})."
    return ""


def goal_quota_warnings(goals: Iterable[Goal], quotas: Iterable[QuotaActivity],
                        start_date: date) -> list[tuple[str, str, str]]:
    """(field, problem, what to do) for a quota that cannot reach its goal, and for an open goal due before the
    quota linked to it reaches the goal. Goals are named by id, never by the patient's words."""
    from datetime import timedelta

    activities = list(quotas)
    out: list[tuple[str, str, str]] = []
    reached: dict[str, date] = {}
    for activity in activities:
        try:
            reached[activity.name] = start_date + timedelta(weeks=len(activity.weeks()) - 1)
        except ValidationError:
            out.append(("Plan: graded activity", "a quota does not reach its goal within two years.",
                        "Raise the weekly percent or lower the goal."))
    for goal in (g for g in goals if g.status.is_open):
        for activity in activities:
            linked = activity.name == goal.quota_activity or goal.id in activity.goal_ids
            if linked and activity.name in reached and goal.due < reached[activity.name]:
                out.append((f"Plan: goal '{goal.id}'", f"the goal is due on {goal.due.isoformat()}, but its quota "
                            f"reaches the goal only in the week of {reached[activity.name].isoformat()}.",
                            "Move the goal's date, or let the quota rise faster."))
    return out


@dataclass(frozen=True)
class Appointment:
    """The next appointment: date and time, who with, and where."""

    when: datetime
    with_whom: str = ""
    place: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.when, datetime) or not EARLIEST_DATE <= self.when.date() <= LATEST_DATE:
            raise ValidationError("appointment date and time", self.when,
                                  f"a date and time from {EARLIEST_DATE.isoformat()} to {LATEST_DATE.isoformat()}")
        object.__setattr__(self, "with_whom", text("appointment with", self.with_whom))
        object.__setattr__(self, "place", text("appointment place", self.place))

    @property
    def in_words(self) -> str:
        """'Tuesday 2 March 2027 at 10:30 with Sam Lee, Room 2'."""
        weekday = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")[self.when.weekday()]
        parts = [f"{weekday} {long_date(self.when.date())} at {self.when:%H:%M}"]
        parts += [f"with {self.with_whom}"] if self.with_whom else []
        return " ".join(parts) + (f", {self.place}" if self.place else "")


def _date_from(field: str, value: object) -> date:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ValidationError(field, value, "a real calendar date written YYYY-MM-DD")


def goal_to_dict(goal: Goal) -> dict[str, Any]:
    """Plain JSON types for case files and the database."""
    return {"id": goal.id, "activity": goal.activity, "target": goal.target, "due": goal.due.isoformat(),
            "status": goal.status.value, "quota_activity": goal.quota_activity, "measure": goal.measure,
            "milestones": [{"description": m.description, "due": m.due.isoformat(), "done": m.done}
                           for m in goal.milestones]}


def goal_from_dict(data: Mapping[str, Any]) -> Goal:
    """The goal back from `goal_to_dict`; a missing status means not started."""
    keys = ("id", "activity", "target", "due", "status", "quota_activity", "measure", "milestones")
    if not isinstance(data, Mapping):
        raise ValidationError("goal", data, "an object with " + ", ".join(keys))
    unknown = sorted(set(data) - set(keys))
    if unknown:
        raise ValidationError("goal key", unknown[0], "one of " + ", ".join(keys))
    row: dict[str, Any] = {**dict.fromkeys(keys), "status": GoalStatus.NOT_STARTED.value, "milestones": [], **data}
    if row["status"] not in [s.value for s in GoalStatus]:
        raise ValidationError("goal status", row["status"], "one of " + ", ".join(s.value for s in GoalStatus))
    if not isinstance(row["milestones"], list) or not all(isinstance(m, Mapping) for m in row["milestones"]):
        raise ValidationError("goal milestones", row["milestones"], "a list of milestone objects")
    milestones = tuple(Milestone(m.get("description"), _date_from("milestone due date", m.get("due")),
                                 m.get("done", False)) for m in row["milestones"])
    return Goal(row["id"], row["activity"], row["target"], _date_from("goal due date", row["due"]),
                GoalStatus(row["status"]), milestones, row["quota_activity"], row["measure"])


def appointment_to_dict(appointment: Appointment) -> dict[str, Any]:
    """Plain JSON types; the time is ISO 8601 ('2027-03-02T10:30:00')."""
    return {"when": appointment.when.isoformat(), "with_whom": appointment.with_whom, "place": appointment.place}


def appointment_from_dict(data: Mapping[str, Any]) -> Appointment:
    """The appointment back from `appointment_to_dict`."""
    when = data.get("when")
    try:
        parsed = datetime.fromisoformat(when) if isinstance(when, str) else None
    except ValueError:
        parsed = None
    if parsed is None:
        raise ValidationError("appointment date and time", when, "a date and time written YYYY-MM-DDTHH:MM")
    return Appointment(parsed, data.get("with_whom", ""), data.get("place", ""))
