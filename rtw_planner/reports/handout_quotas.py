"""The handout's quota table: the next weeks of every activity side by side, from the week of the issue date."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.plan.goals import long_date
from rtw_planner.domain.plan.quota import QuotaActivity, quota_for_week, week_number
from rtw_planner.reports.handout_parts import Block, HandoutWording, Table, Text

SHOWN_WEEKS = 8  # two months ahead: the clinician gives the next weeks at a review, so the page stays short


@dataclass(frozen=True)
class QuotaWeeks:
    """The plan's activities, the day each one's weeks count from, and the issue date they are seen from."""

    quotas: tuple[QuotaActivity, ...]
    starts: Mapping[str, date]
    today: date

    def goal_week(self, activity: QuotaActivity) -> date:
        """The first day of the week the quota reaches the goal (raises ValidationError if it never does)."""
        return self.starts[activity.name] + timedelta(weeks=len(activity.weeks()) - 1)


def _table(w: HandoutWording, weeks: QuotaWeeks, group: list[QuotaActivity]) -> Table:
    """One row a week from this week (or from the first week, before any has started), up to SHOWN_WEEKS or the
    week every activity is at its goal; then a row of goals. Every activity in `group` starts on the same
    weekday, so a row is one plan week for all of them."""
    starts, today = weeks.starts, weeks.today
    anchor = min(starts[q.name] for q in group)
    first = anchor + timedelta(weeks=week_number(anchor, today) - 1)
    at_goal = max(weeks.goal_week(q) for q in group)
    rows: list[tuple[str, ...]] = []
    for k in range(SHOWN_WEEKS):
        day = first + timedelta(weeks=k)
        rows.append((long_date(day), *(w.text("quota_not_yet") if day < starts[q.name]
                                       else q.unit.words(quota_for_week(q, starts[q.name], day)) for q in group)))
        if day >= at_goal:
            break
    rows.append((w.text("quota_goal_row"), *(q.unit.words(q.goal) for q in group)))
    later: dict[date, list[str]] = {}
    for activity in (q for q in group if starts[q.name] > today):
        later.setdefault(starts[activity.name], []).append(activity.name)
    if len(later) == 1:  # one day for all that start later: none started yet, or those marked 'not yet'
        ((day, names),) = later.items()
        notes = [w.text("quota_starts_first" if len(names) == len(group) else "quota_starts_all", day=w.day(day))]
    else:
        notes = [w.text("quota_starts", activities="; ".join(names), day=w.day(day)) for day, names in later.items()]
    notes.append(w.text("quota_keep"))
    if at_goal > first + timedelta(weeks=len(rows) - 2):
        notes.append(w.text("quota_next"))
    return Table((w.text("quota_week_header"), *(q.name for q in group)), tuple(rows), tuple(notes),
                 bold_row=0 if today >= anchor else None, goal_row=True)


def quota_blocks(w: HandoutWording, weeks: QuotaWeeks) -> tuple[Block, ...]:
    """The section's blocks: a lead-in, one table for the activities that start on the same weekday (usually all),
    and a line asking the patient to ask about any plan that cannot reach its goal."""
    if not weeks.quotas:
        return (Text(w.text("quotas_none")),)
    groups: dict[int, list[QuotaActivity]] = {}
    problems: list[Block] = []
    for activity in weeks.quotas:
        try:
            activity.weeks()
        except ValidationError:  # a plan that cannot reach its goal: the clinician must fix it first
            problems.append(Text(w.text("quota_problem", activity=activity.name)))
            continue
        groups.setdefault(weeks.starts[activity.name].weekday(), []).append(activity)
    tables = [_table(w, weeks, group) for group in groups.values()]
    said = {w.text("quota_keep"), w.text("quota_next")}  # said once, under the last table
    tables = [replace(t, notes=tuple(n for n in t.notes if n not in said)) for t in tables[:-1]] + tables[-1:]
    started = any(t.bold_row is not None for t in tables)
    intro = w.text("quotas_intro") + (" " + w.text("quota_this_week") if started else "")
    return (Text(intro), *tables, *problems)
