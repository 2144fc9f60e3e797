"""Series for the progress charts: scores over time with the MCID band from baseline, capacity re-measured,
goal lines, and each activity's quota against what was done. Charts only draw these."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.profile import Activity, Frequency
from rtw_planner.domain.match.items import PostureMeasure
from rtw_planner.domain.match.projection import item_history
from rtw_planner.domain.outcomes.instruments import Change, Instrument, InstrumentError, get_instrument
from rtw_planner.domain.plan.quota import quota_for_week


@dataclass(frozen=True)
class ScoreSeries:
    """One instrument's scores, oldest first, with the band of no meaningful change around the baseline."""

    instrument_id: str
    name: str
    dates: tuple[date, ...]
    values: tuple[float, ...]
    band: tuple[float, float] | None  # baseline ± MCID (None without an MCID)
    changes: tuple[Change, ...]  # each later score against the baseline
    goal_dates: tuple[date, ...]  # due dates of goals this instrument shows

    @property
    def latest_flag(self) -> str:
        """The latest score against the baseline: better or worse only when it passes the MCID and the MDC where
        both are known; where neither is known, the direction and any percentage category, said as such."""
        if not self.changes:
            return ""
        last = self.changes[-1]
        if last.meaningful is None:
            category = f", {last.category} change" if last.category else ""
            return f"{last.direction}{category} (no MCID or MDC known)"
        return last.direction if last.meaningful else "no meaningful change"


def instruments_recorded(case: Case) -> list[str]:
    """The instruments with at least one scored record, in first-use order."""
    seen: dict[str, None] = {}
    for record in sorted(case.outcomes, key=lambda r: r.on):
        if record.score is not None:
            seen.setdefault(record.instrument_id, None)
    return list(seen)


def score_series(case: Case, instrument_id: str) -> ScoreSeries:
    """The scores of one instrument; the first is the baseline."""
    records = sorted((r for r in case.outcomes if r.instrument_id == instrument_id.upper() and r.score is not None),
                     key=lambda r: r.on)
    try:
        instrument: Instrument | None = get_instrument(instrument_id)
    except (InstrumentError, ValidationError):
        instrument = None  # a licence-holder's instrument that is no longer installed: plot without thresholds
    values = tuple(float(r.score) for r in records if r.score is not None)
    band = None
    changes: tuple[Change, ...] = ()
    if instrument is not None and values:
        if instrument.mcid is not None:
            band = (values[0] - instrument.mcid[0], values[0] + instrument.mcid[0])
        changes = tuple(instrument.change(values[0], v) for v in values[1:])
    goals = tuple(g.due for g in case.plan.goals if (g.measure or "").upper() == instrument_id.upper())
    return ScoreSeries(instrument_id.upper(), instrument.name if instrument else instrument_id.upper(),
                       tuple(r.on for r in records), values, band, changes, goals)


def capacity_series(case: Case, activity: Activity,
                    key: Frequency | PostureMeasure) -> tuple[tuple[date, ...], tuple[float, ...]]:
    """Re-measured capacity of one item across the evaluations (measured values only)."""
    history = item_history(case, activity, key)
    return tuple(d for d, _ in history), tuple(v for _, v in history)


@dataclass(frozen=True)
class PracticeSeries:
    """One activity: the planned quota day by day against what the log says was done."""

    activity: str
    goal: float | None
    days: tuple[date, ...]
    quota: tuple[float, ...]
    done_days: tuple[date, ...]
    done: tuple[float, ...]
    completed_share: float | None  # share of logged days that met the quota


def practice_start(case: Case, activity: str, new_entry_on: date | None = None) -> date | None:
    """Where an activity's quota weeks count from. Home practice often begins before the return to work, so it is
    whichever comes first: the return-to-work start, the first logged day, or a day about to be logged."""
    logged = [e.on for e in case.practice_log if e.activity == activity]
    candidates = [d for d in (case.rtw_start_date, min(logged) if logged else None, new_entry_on) if d is not None]
    return min(candidates) if candidates else None


def return_date(case: Case) -> date | None:
    """The first day back at work: the return-to-work start date, else the phased return's start."""
    phased = case.plan.phased_return
    return case.rtw_start_date or (phased.start if phased else None)


def plan_start(case: Case, today: date) -> date:
    """Where quota weeks count from when nothing says otherwise: the return to work, else today."""
    return return_date(case) or today


def quota_starts(case: Case, today: date) -> dict[str, date]:
    """Where each activity's quota weeks count from: home practice often starts before the return to work, so the
    first logged day when it is earlier (domain.progress.practice_start, as the practice chart counts)."""
    default = plan_start(case, today)
    return {q.name: min(d for d in (practice_start(case, q.name), default) if d is not None)
            for q in case.plan.quotas}


def practice_series(case: Case, activity: str, until: date | None = None) -> PracticeSeries:
    """Quota (from the plan, from the start date) and done (from the log) for one activity."""
    quotas = {q.name: q for q in case.plan.quotas}
    quota = quotas.get(activity)
    entries = sorted((e for e in case.practice_log if e.activity == activity), key=lambda e: e.on)
    start = practice_start(case, activity)
    days: list[date] = []
    planned: list[float] = []
    if quota is not None and start is not None:
        last = until or max([e.on for e in entries] + [start + timedelta(days=7 * len(quota.weeks()) - 1)])
        day = start
        while day <= last:
            days.append(day)
            planned.append(quota_for_week(quota, start, day))
            day += timedelta(days=1)
    logged = [e for e in entries if e.done is not None]
    share = sum(1 for e in entries if e.completed) / len(entries) if entries else None
    return PracticeSeries(activity, quota.goal if quota else None, tuple(days), tuple(planned),
                          tuple(e.on for e in logged), tuple(float(e.done) for e in logged if e.done is not None),
                          share)
