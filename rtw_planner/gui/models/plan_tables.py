"""Editable tables of the Plan tab: phases, quota activities and goals. Each edit is validated by the domain."""

from __future__ import annotations

import math
import re
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import Qt

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.units import format_number
from rtw_planner.domain.edits import plan_edits
from rtw_planner.domain.edits.commands import Edit
from rtw_planner.domain.plan.goals import Goal, GoalStatus, Milestone
from rtw_planner.domain.plan.phases import (
    WEEKDAY_NAMES,
    Duties,
    Phase,
    PhasedReturn,
    ScheduledPhase,
    clock_hours,
    suggested_weekdays,
    weekday_names,
)
from rtw_planner.domain.plan.quota import QuotaActivity, QuotaUnit
from rtw_planner.gui.kit.dates_parse import parse_date
from rtw_planner.gui.kit.numbers import parse_number
from rtw_planner.gui.models.base import Index, RowsTableModel

EDITABLE = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsEditable
READ_ONLY = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled


def _number(field: str, value: object, allowed: str) -> float | None:
    try:
        return parse_number(value)
    except ValueError:
        raise ValidationError(field, value, allowed) from None


def _required_number(field: str, value: object, allowed: str) -> float:
    number = _number(field, value, allowed)
    if number is None:
        raise ValidationError(field, value, allowed)
    return number


FULL_DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# 'mon' and 'monday' both name Monday (0); the letter prints the short names.
_DAY_NUMBERS = {name.lower(): number for names in (WEEKDAY_NAMES, FULL_DAY_NAMES) for number, name in enumerate(names)}
_RANGE = re.compile(r"^(\w+)\s*(?:-|–|—|\bto\b)\s*(\w+)$", re.IGNORECASE)


def _day_number(word: str, text: str) -> int:
    number = _DAY_NUMBERS.get(word.strip().lower())
    if number is None:
        raise ValidationError("phase working days", text, "days such as 'Mon, Wed, Fri' or 'Mon to Thu', or blank "
                                                          "for the suggested days")
    return number


def parse_weekdays(text: str) -> tuple[int, ...] | None:
    """Working days typed as 'Mon, Wed, Fri', 'Mon to Thu', 'mon-wed, fri' or full names (0 = Monday); None for
    blank, which means the suggested days. Raises ValidationError naming the field."""
    days: set[int] = set()
    for part in re.split(r"[,;/]|\s+and\s+|&", text):
        part = part.strip()
        if not part:
            continue
        span = _RANGE.match(part)
        if span:
            first, last = _day_number(span.group(1), text), _day_number(span.group(2), text)
            if last < first:
                raise ValidationError("phase working days", text, "a range from an earlier to a later day, such as "
                                                                  "'Mon to Thu'")
            days.update(range(first, last + 1))
        else:
            days.update(_day_number(word, text) for word in part.split())
    return tuple(sorted(days)) if days else None


def _short(day: date) -> str:
    return f"{day.day} {day:%b}"


class PhasesTableModel(RowsTableModel):
    """Phases with their calendar dates and hours; weeks, percentage, days, working days, duties, an intended
    step down and the progression criteria are editable."""

    COLUMNS = ("Weeks", "% hours", "Days", "Working days", "Duties", "Dates", "h/week", "h/day", "Step down",
               "Progression criteria")
    WEEKS, PERCENT, DAYS, WEEKDAYS, DUTIES, DATES, WEEKLY_HOURS, DAILY_HOURS, STEP_DOWN, CRITERIA = range(10)
    EDITABLE_COLUMNS = (WEEKS, PERCENT, DAYS, WEEKDAYS, DUTIES, CRITERIA)
    # How an edit of a column is named: "edit phase 2 hours".
    COLUMN_WORDS = ("weeks", "hours", "days", "working days", "duties", "dates", "hours", "hours", "step down",
                    "progression criteria")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.plan: PhasedReturn | None = None

    def set_plan(self, plan: PhasedReturn | None) -> None:
        """Show a phased return (not an edit). Dates and hours follow from the whole plan, so every row is
        redrawn; the current cell stays."""
        if plan == self.plan:
            return
        self.plan = plan
        self.set_rows(plan.phases if plan else ())
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))

    def row_edit(self, index: int, row: Phase, column: int) -> Edit:
        return plan_edits.edit_phase(index, row, self.COLUMN_WORDS[column])

    def phased_return(self) -> PhasedReturn | None:
        """The plan with the edited phases. Raises ValidationError."""
        return None if self.plan is None else replace(self.plan, phases=self.rows())

    def _schedule(self) -> list[ScheduledPhase]:
        try:
            plan = self.phased_return()
            return plan.schedule() if plan is not None else []
        except ValidationError:
            return []

    def _is_step_down(self, row: int) -> bool:
        """True when the phase has fewer hours a week than the one before it (the pre-flight blocks it unless
        the clinician marks it as intended)."""
        schedule = self._schedule()
        return 0 < row < len(schedule) and schedule[row].weekly_hours < schedule[row - 1].weekly_hours

    def _contract_days(self) -> float:
        return self.plan.contract.days_per_week if self.plan else 5.0

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.column() == self.STEP_DOWN:
            shown = self._is_step_down(index.row()) or self._rows[index.row()].step_down_intended
            return READ_ONLY | Qt.ItemFlag.ItemIsUserCheckable if shown else READ_ONLY
        return EDITABLE if index.column() in self.EDITABLE_COLUMNS else READ_ONLY

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        phase: Phase = self._rows[index.row()]
        column = index.column()
        if column == self.STEP_DOWN:
            return self._step_down_data(index.row(), phase, role)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.WEEKDAYS:
                return "Days such as Mon, Wed, Fri or Mon to Thu; leave blank for the suggested days."
            if column == self.CRITERIA:
                return phase.progression_criteria or "No criteria written"
            return "\n".join(phase.restrictions) or "No restrictions"
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        edit = role == Qt.ItemDataRole.EditRole
        days = phase.days_per_week or self._contract_days()
        if column == self.WEEKS:
            return str(phase.weeks)
        if column == self.PERCENT:
            return format_number(phase.percent, 2)
        if column == self.DAYS:
            return format_number(days, 2)
        if column == self.WEEKDAYS:
            if phase.weekdays is not None:
                return weekday_names(phase.weekdays)
            return "" if edit else f"{weekday_names(suggested_weekdays(days))} (suggested)"
        if column == self.DUTIES:
            return phase.duties.value if edit else phase.duties.value.capitalize()  # "Modified": the header says duties
        if column == self.CRITERIA:
            return phase.progression_criteria
        schedule = self._schedule()
        if index.row() >= len(schedule):
            return ""
        scheduled = schedule[index.row()]
        if column == self.DATES:
            first, last = scheduled.first_day, scheduled.last_day
            if (first.year, first.month) == (last.year, last.month):
                return f"{first.day}–{_short(last)}"  # "4–10 Jan"
            return f"{_short(first)} – {_short(last)}"
        if column == self.WEEKLY_HOURS:
            return format_number(scheduled.weekly_hours, 2)
        return clock_hours(scheduled.hours_per_day)  # h:mm, as the letter prints it

    def _step_down_data(self, row: int, phase: Phase, role: int) -> Any:
        shown = self._is_step_down(row) or phase.step_down_intended
        if not shown:
            return None
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if phase.step_down_intended else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return "Intended" if phase.step_down_intended else "Hours go down: intended?"
        if role == Qt.ItemDataRole.ToolTipRole:
            return ("Fewer hours a week than the phase before. Tick when this is on purpose (the letter then "
                    "explains it); otherwise correct the phase. Issuing is blocked until one or the other.")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if index.isValid() and index.column() == self.STEP_DOWN and role == Qt.ItemDataRole.CheckStateRole:
            if not self.flags(index) & Qt.ItemFlag.ItemIsUserCheckable:
                return False
            ticked = Qt.CheckState(value) == Qt.CheckState.Checked
            return self.replace_row(index.row(), replace(self._rows[index.row()], step_down_intended=ticked),
                                    self.STEP_DOWN)
        return super().setData(index, value, role)

    def edited(self, row: Phase, column: int, value: Any) -> Phase:
        text = str(value).strip()
        if column == self.WEEKS:
            if not text.isdigit():
                raise ValidationError("phase weeks", text, "a whole number from 1 to 52")
            return replace(row, weeks=int(text))
        if column == self.PERCENT:
            return replace(row, percent=_required_number("phase percentage", text, "a number above 0 and up to 100"))
        if column == self.DAYS:
            days = _required_number("phase days per week", text, "a number above 0 and up to 7")
            keep = row.weekdays is not None and len(row.weekdays) == math.ceil(days)
            return replace(row, days_per_week=days, weekdays=row.weekdays if keep else None)  # else: suggested
        if column == self.WEEKDAYS:
            weekdays = parse_weekdays(text)
            expected = math.ceil(row.days_per_week or self._contract_days())
            if weekdays is not None and len(weekdays) != expected:
                raise ValidationError("phase working days", text, f"{expected} days, as many as the phase's days a "
                                                                  "week (change the days a week first)")
            return replace(row, weekdays=weekdays)
        if column == self.DUTIES:
            try:
                return replace(row, duties=Duties(text.lower()))
            except ValueError:
                raise ValidationError("phase duties", text, "usual, modified or alternative") from None
        return replace(row, progression_criteria=text)


class QuotasTableModel(RowsTableModel):
    """Graded-activity quotas: the clinician's trials, goal and progression."""

    COLUMNS = ("Activity", "Unit", "Trials", "Baseline", "Start %", "Weekly %", "Target weeks", "Goal", "Weeks")

    def insert_edit(self, index: int, row: QuotaActivity) -> Edit:
        return plan_edits.add_quota(row, index)

    def remove_edit(self, index: int, row: QuotaActivity) -> Edit:
        return plan_edits.remove_quota(index, row)

    def row_edit(self, index: int, row: QuotaActivity, column: int) -> Edit:
        return plan_edits.edit_quota(index, row, self.COLUMNS[column].lower())

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return READ_ONLY if index.column() in (3, 8) else EDITABLE

    def cell_data(self, index: Index, role: int) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        quota: QuotaActivity = self._rows[index.row()]
        column = index.column()
        if column == 8:
            try:
                return str(len(quota.weeks()))
            except ValidationError:
                return "over 104"
        values = [quota.name, quota.unit.value, ", ".join(format_number(t, 2) for t in quota.trials),
                  format_number(quota.baseline, 2), format_number(quota.start_percent, 2),
                  "" if quota.weekly_percent is None else format_number(quota.weekly_percent, 2),
                  "" if quota.target_weeks is None else str(quota.target_weeks), format_number(quota.goal, 2)]
        return values[column]

    def edited(self, row: QuotaActivity, column: int, value: Any) -> QuotaActivity:
        text = str(value).strip()
        if column == 0:
            return replace(row, name=text)
        if column == 1:
            try:
                return replace(row, unit=QuotaUnit(text))
            except ValueError:
                raise ValidationError("unit", text, "min, m, reps or kg") from None
        if column == 2:
            parts = [p for p in text.replace(";", ",").split(",") if p.strip()]
            trials = tuple(_number("trials", p, "numbers separated by commas") for p in parts)
            return replace(row, trials=trials)  # type: ignore[arg-type]
        if column == 4:
            return replace(row, start_percent=_required_number("start percent", text,
                                                               "a number above 0 and up to 100"))
        if column == 5:
            weekly = _number("weekly percent", text, "a number above 0")
            return replace(row, weekly_percent=weekly, target_weeks=None if weekly else row.target_weeks)
        if column == 6:
            if text and not text.isdigit():
                raise ValidationError("target weeks", text, "a whole number of weeks, or blank")
            weeks = int(text) if text else None
            weekly = row.weekly_percent if weeks is None and row.weekly_percent else 10.0
            return replace(row, target_weeks=weeks, weekly_percent=None if weeks else weekly)
        return replace(row, goal=_required_number("goal", text, "a number above 0"))


class GoalsTableModel(RowsTableModel):
    """SMART goals; milestones are written 'description (YYYY-MM-DD)', with the amount the step asks for in the
    quota's unit in square brackets after the date when there is one ('Walk to the park (2027-01-17) [15]'),
    separated by semicolons, done ones with ✓."""

    COLUMNS = ("Activity", "Target", "By", "Status", "Quota activity", "Shown by", "Milestones")
    quota_names: tuple[str, ...] | None = None  # the plan's graded activities a goal may link to (None: not known)

    def insert_edit(self, index: int, row: Goal) -> Edit:
        return plan_edits.add_goal(row, index)

    def remove_edit(self, index: int, row: Goal) -> Edit:
        return plan_edits.remove_goal(index)

    def row_edit(self, index: int, row: Goal, column: int) -> Edit:
        return plan_edits.edit_goal(index, row, self.COLUMNS[column].lower())

    def flags(self, index: Index) -> Qt.ItemFlag:
        return EDITABLE if index.isValid() else Qt.ItemFlag.NoItemFlags

    def cell_data(self, index: Index, role: int) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        goal: Goal = self._rows[index.row()]
        milestones = "; ".join(f"{'✓ ' if m.done else ''}{m.description} ({m.due.isoformat()})"
                               + ("" if m.amount is None else f" [{format_number(m.amount, 2)}]")
                               for m in goal.milestones)
        values = [goal.activity, goal.target, goal.due.isoformat(),
                  goal.status.value if role == Qt.ItemDataRole.EditRole else goal.status.label,
                  goal.quota_activity or "", goal.measure or "", milestones]
        return values[index.column()]

    def edited(self, row: Goal, column: int, value: Any) -> Goal:
        text = str(value).strip()
        if column == 0:
            return replace(row, activity=text)
        if column == 1:
            return replace(row, target=text)
        if column == 2:
            return replace(row, due=_date("goal due date", text))
        if column == 3:
            try:
                return replace(row, status=GoalStatus(text.lower().replace(" ", "_")))
            except ValueError:
                raise ValidationError("goal status", text, ", ".join(s.value for s in GoalStatus)) from None
        if column == 4:
            if text and self.quota_names is not None and text not in self.quota_names:
                raise ValidationError("goal quota activity", text, "one of the plan's graded activities ("
                                      + (", ".join(self.quota_names) or "none yet: add one under Graded activity")
                                      + "), or none")
            return replace(row, quota_activity=text or None)
        if column == 5:
            return replace(row, measure=text.upper() or None)  # an instrument or test id, e.g. PSFS or 6MWT
        return replace(row, milestones=tuple(_milestone(part) for part in text.split(";") if part.strip()))


def _date(field: str, text: str) -> date:
    """A date typed in any form the date fields take (14/02/2027, 14 Feb 2027, 2027-02-14); required."""
    day = parse_date(text, field)
    if day is None:
        raise ValidationError(field, text, "a date such as 2027-02-14")
    return day


def _milestone(text: str) -> Milestone:
    done = text.strip().startswith("✓")
    body = text.strip().lstrip("✓").strip()
    amount: float | None = None
    if body.endswith("]") and "[" in body:  # the amount in the quota's unit
        body, _, figure = body[:-1].rpartition("[")
        body = body.strip()
        try:
            amount = float(figure.strip())
        except ValueError:
            raise ValidationError("milestone amount", figure.strip(), "a number in the quota's unit, e.g. [15]") \
                from None
    if not body.endswith(")") or "(" not in body:
        raise ValidationError("milestone", body, "a description followed by its date, e.g. 'Walk 15 minutes "
                              "(2027-01-31)'")
    description, _, when = body[:-1].rpartition("(")
    return Milestone(description.strip(), _date("milestone due date", when.strip()), done, amount)
