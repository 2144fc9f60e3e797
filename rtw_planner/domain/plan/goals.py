"""SMART functional goals with dated milestones and a status, linked to quota activities; the next appointment."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.data.validation import EARLIEST_DATE, LATEST_DATE, a_date, iso_date, number_in_range, text
from rtw_planner.domain.demands.units import format_number
from rtw_planner.domain.plan.quota import MAX_AMOUNT, QuotaActivity, quota_for_week

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
    """A dated step on the way to a goal. `amount`, when set, is how much the step asks for in the unit of the
    goal's quota activity (15 for 'walk to the park and back, 15 minutes'), so it can be checked against the quota
    of the week it is due in."""

    description: str
    due: date
    done: bool = False
    amount: float | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "description", text("milestone description", self.description, required=True))
        a_date("milestone due date", self.due, required=True)
        if not isinstance(self.done, bool):
            raise ValidationError("milestone done", self.done, "true or false")
        if self.amount is not None:
            amount = number_in_range("milestone amount", self.amount, 0, MAX_AMOUNT, "")
            if amount <= 0:
                raise ValidationError("milestone amount", self.amount, f"a number above 0 and up to {MAX_AMOUNT:g}")
            object.__setattr__(self, "amount", amount)


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


def linked_activities(goal: Goal, quotas: Iterable[QuotaActivity]) -> list[QuotaActivity]:
    """The quota activities that build towards a goal: named by Goal.quota_activity or listing it in goal_ids."""
    return [a for a in quotas if a.name == goal.quota_activity or goal.id in a.goal_ids]


def _started(activity: QuotaActivity, start_date: date, starts: Mapping[str, date] | None, today: date) -> date | None:
    """Where the activity's weeks count from, or None while its first week is still ahead of `today`."""
    begins = (starts or {}).get(activity.name, start_date)
    return begins if begins <= today else None


def this_weeks_small_step(goals: Iterable[Goal], quotas: Iterable[QuotaActivity], start_date: date, today: date, *,
                          return_date: date | None = None, starts: Mapping[str, date] | None = None) -> str:
    """One short 'you' sentence for the handout, or '' when no open goal gives one. `today` is the issue date;
    quota weeks count from `start_date`, or from an activity's own date in `starts` (home practice often starts
    before the return to work).

    Open goals are taken by due date. For the first that gives a step: this week's quota of a linked activity that
    has started ('This week: walk 9 minutes each day.'); a quota whose first week is still ahead is never 'this
    week'. Before `return_date` the step is the home quota, in the activity's own name ('This week, at home:
    walking, 9 minutes each day.'), never the goal's workplace words. Failing a quota, the goal's next open
    milestone ('This week: walk to the shop (by 5 March).'); before the return to work only one due before it."""
    activities = list(quotas)
    at_home = return_date is not None and today < return_date
    for goal in sorted((g for g in goals if g.status.is_open), key=lambda g: (g.due, g.id)):
        for activity in linked_activities(goal, activities):
            begins = _started(activity, start_date, starts, today)
            if begins is None:
                continue
            try:
                amount = activity.unit.words(quota_for_week(activity, begins, today))
            except ValidationError:  # a plan that cannot reach its goal gives no step
                continue
            if at_home:
                return f"This week, at home: {_lower_first(activity.name)}, {amount} each day."
            return f"This week: {_lower_first(goal.activity)} {amount} each day."
        milestone = goal.next_milestone()
        if milestone is not None and not (at_home and return_date is not None and milestone.due >= return_date):
            when = f"{milestone.due.day} {MONTHS[milestone.due.month - 1]}"
            return f"This week: {_lower_first(milestone.description).rstrip('.')} (by {when})."
    return ""


def _milestone_warnings(goal: Goal, activity: QuotaActivity | None, begins: date) -> list[tuple[str, str, str]]:
    """A milestone must never ask for more than the quota of the week it is due in, as the patient reads both
    (whole minutes and times): the handout says 'do not do more than your quota'."""
    out: list[tuple[str, str, str]] = []
    steps = sorted((m for m in goal.milestones if not m.done and m.amount is not None), key=lambda m: m.due)
    for milestone in steps:
        assert milestone.amount is not None  # filtered above
        field = f"Plan: goal '{goal.id}', milestone due {milestone.due.isoformat()}"
        if activity is None:
            out.append((field, "the milestone has an amount, but the goal has no quota activity to check it against.",
                        "Link the goal to a quota activity, or clear the milestone's amount."))
            continue
        unit, weeks = activity.unit, activity.weeks()
        quota = quota_for_week(activity, begins, milestone.due)
        if milestone.amount <= unit.for_patient(quota):
            continue
        asked = f"{format_number(milestone.amount, 1)} {unit.value}"
        problem = (f"the milestone asks for {asked}, more than the quota of {unit.number(quota)} {unit.value} for "
                   "the week it is due in, while the handout says not to do more than the quota.")
        reaching = [n for n, q in enumerate(weeks) if unit.for_patient(q) >= milestone.amount]
        fix = (f"Move it to the week of {(begins + timedelta(weeks=reaching[0])).isoformat()} or later, or lower "
               "its amount." if reaching else "Lower its amount to the goal or less.")
        out.append((field, problem, fix))
    return out


def goal_quota_warnings(goals: Iterable[Goal], quotas: Iterable[QuotaActivity], start_date: date, *,
                        starts: Mapping[str, date] | None = None) -> list[tuple[str, str, str]]:
    """(field, problem, what to do) for a quota that cannot reach its goal, for an open goal due before the quota
    linked to it reaches the goal, and for an open milestone that asks for more than the quota of its week. Quota
    weeks count from `start_date`, or an activity's own date in `starts`. Goals are named by id and milestones by
    due date, never by the patient's words."""
    activities = list(quotas)
    out: list[tuple[str, str, str]] = []
    begins = {a.name: (starts or {}).get(a.name, start_date) for a in activities}
    reached: dict[str, date] = {}
    for activity in activities:
        try:
            reached[activity.name] = begins[activity.name] + timedelta(weeks=len(activity.weeks()) - 1)
        except ValidationError:
            out.append(("Plan: graded activity", "a quota does not reach its goal within two years.",
                        "Raise the weekly percent or lower the goal."))
    for goal in (g for g in goals if g.status.is_open):
        linked = [a for a in linked_activities(goal, activities) if a.name in reached]
        for activity in linked:
            if goal.due < reached[activity.name]:
                out.append((f"Plan: goal '{goal.id}'", f"the goal is due on {goal.due.isoformat()}, but its quota "
                            f"reaches the goal only in the week of {reached[activity.name].isoformat()}.",
                            "Move the goal's date, or let the quota rise faster."))
        first = linked[0] if linked else None
        out += _milestone_warnings(goal, first, begins[first.name] if first else start_date)
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


def goal_to_dict(goal: Goal) -> dict[str, Any]:
    """Plain JSON types for case files and the database."""
    return {"id": goal.id, "activity": goal.activity, "target": goal.target, "due": goal.due.isoformat(),
            "status": goal.status.value, "quota_activity": goal.quota_activity, "measure": goal.measure,
            "milestones": [_milestone_to_dict(m) for m in goal.milestones]}


def _milestone_to_dict(milestone: Milestone) -> dict[str, Any]:
    """An amount is written only when set, so files without one stay as they were."""
    data: dict[str, Any] = {"description": milestone.description, "due": milestone.due.isoformat(),
                            "done": milestone.done}
    return data if milestone.amount is None else {**data, "amount": milestone.amount}


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
    milestones = tuple(Milestone(m.get("description"), iso_date("milestone due date", m.get("due")),
                                 m.get("done", False), m.get("amount")) for m in row["milestones"])
    return Goal(row["id"], row["activity"], row["target"], iso_date("goal due date", row["due"]),
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
