"""Editable tables of the Plan tab: phases, quota activities and goals. Each edit is validated by the domain."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import Qt

from rtw_planner.domain.errors import ValidationError
from rtw_planner.domain.goals import Goal, GoalStatus, Milestone
from rtw_planner.domain.phases import Duties, Phase, PhasedReturn
from rtw_planner.domain.quota import QuotaActivity, QuotaUnit
from rtw_planner.domain.units import format_number
from rtw_planner.gui.models.base import Index, RowsTableModel
from rtw_planner.gui.models.profile_tables import parse_number

EDITABLE = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsEditable
READ_ONLY = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled


def _number(field: str, value: object, allowed: str) -> float | None:
    try:
        return parse_number(value)
    except ValueError:
        raise ValidationError(field, value, allowed) from None


def _short(day: date) -> str:
    return f"{day.day} {day:%b}"


class PhasesTableModel(RowsTableModel):
    """Phases with their calendar dates and hours; weeks, percentage, days, duties and criteria are editable."""

    COLUMNS = ("Weeks", "% of hours", "Days a week", "Duties", "Dates", "Hours a week", "Hours a day",
               "Progression criteria")
    EDITABLE_COLUMNS = (0, 1, 2, 3, 7)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.plan: PhasedReturn | None = None

    def set_plan(self, plan: PhasedReturn | None) -> None:
        """Show a phased return (not counted as an edit)."""
        self.plan = plan
        self.set_rows(plan.phases if plan else ())

    def phased_return(self) -> PhasedReturn | None:
        """The plan with the edited phases. Raises ValidationError."""
        return None if self.plan is None else replace(self.plan, phases=self.rows())

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return EDITABLE if index.column() in self.EDITABLE_COLUMNS else READ_ONLY

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        phase: Phase = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(phase.restrictions) or "No restrictions"
        contract_days = self.plan.contract.days_per_week if self.plan else 5.0
        values = [str(phase.weeks), format_number(phase.percent, 2),
                  format_number(phase.days_per_week or contract_days, 2), phase.duties.value]
        if column < 4:
            return values[column] if role == Qt.ItemDataRole.EditRole or column != 3 else phase.duties.label
        if column == 7:
            return phase.progression_criteria
        try:
            scheduled = self.phased_return().schedule()[index.row()]  # type: ignore[union-attr]
        except (ValidationError, AttributeError, IndexError):
            return ""
        if column == 4:
            return f"{_short(scheduled.first_day)} – {_short(scheduled.last_day)}"
        return format_number(scheduled.weekly_hours if column == 5 else scheduled.hours_per_day, 2)

    def edited(self, row: Phase, column: int, value: Any) -> Phase:
        text = str(value).strip()
        if column == 0:
            if not text.isdigit():
                raise ValidationError("phase weeks", text, "a whole number from 1 to 52")
            return replace(row, weeks=int(text))
        if column == 1:
            return replace(row, percent=_number("phase percentage", text, "a number above 0 and up to 100"))
        if column == 2:
            return replace(row, days_per_week=_number("phase days per week", text, "a number above 0 and up to 7"))
        if column == 3:
            try:
                return replace(row, duties=Duties(text.lower()))
            except ValueError:
                raise ValidationError("phase duties", text, "usual, modified or alternative") from None
        return replace(row, progression_criteria=text)


class QuotasTableModel(RowsTableModel):
    """Graded-activity quotas: the clinician's trials, goal and progression."""

    COLUMNS = ("Activity", "Unit", "Trials", "Baseline", "Start %", "Weekly %", "Target weeks", "Goal", "Weeks")

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return READ_ONLY if index.column() in (3, 8) else EDITABLE

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
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
            return replace(row, start_percent=_number("start percent", text, "a number above 0 and up to 100"))
        if column == 5:
            weekly = _number("weekly percent", text, "a number above 0")
            return replace(row, weekly_percent=weekly, target_weeks=None if weekly else row.target_weeks)
        if column == 6:
            if text and not text.isdigit():
                raise ValidationError("target weeks", text, "a whole number of weeks, or blank")
            weeks = int(text) if text else None
            weekly = row.weekly_percent if weeks is None and row.weekly_percent else 10.0
            return replace(row, target_weeks=weeks, weekly_percent=None if weeks else weekly)
        return replace(row, goal=_number("goal", text, "a number above 0"))


class GoalsTableModel(RowsTableModel):
    """SMART goals; milestones are written 'description (YYYY-MM-DD)' separated by semicolons, done ones with ✓."""

    COLUMNS = ("Activity", "Target", "By", "Status", "Quota activity", "Shown by", "Milestones")

    def flags(self, index: Index) -> Qt.ItemFlag:
        return EDITABLE if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        goal: Goal = self._rows[index.row()]
        milestones = "; ".join(f"{'✓ ' if m.done else ''}{m.description} ({m.due.isoformat()})"
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
            return replace(row, quota_activity=text or None)
        if column == 5:
            return replace(row, measure=text.upper() or None)  # an instrument or test id, e.g. PSFS or 6MWT
        return replace(row, milestones=tuple(_milestone(part) for part in text.split(";") if part.strip()))


def _date(field: str, text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError(field, text, "a date written YYYY-MM-DD") from None


def _milestone(text: str) -> Milestone:
    done = text.strip().startswith("✓")
    body = text.strip().lstrip("✓").strip()
    if not body.endswith(")") or "(" not in body:
        raise ValidationError("milestone", body, "a description followed by its date, e.g. 'Walk 15 minutes "
                              "(2027-01-31)'")
    description, _, when = body[:-1].rpartition("(")
    return Milestone(description.strip(), _date("milestone due date", when.strip()), done)
