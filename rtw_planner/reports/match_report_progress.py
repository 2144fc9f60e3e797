"""The job-match report's progress section: scores against baseline (with consent), charts, capacity re-measured."""

from __future__ import annotations

from datetime import date

from rtw_planner.domain.capacity.evaluation import Effort
from rtw_planner.domain.case.model import Case, ConsentCategory
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.units import format_number
from rtw_planner.domain.issuing.disclosure import PAIN_INSTRUMENTS
from rtw_planner.domain.match.items import MatchItem, MatchStatus
from rtw_planner.domain.match.job import JobMatch
from rtw_planner.domain.outcomes.instruments import Instrument, InstrumentError, get_instrument
from rtw_planner.domain.outcomes.progress import ScoreSeries, capacity_series, instruments_recorded, score_series
from rtw_planner.reports.match_report_parts import Part, ReportContext, ScoreCharts, Section, Table, Text
from rtw_planner.reports.wording import fill

MAX_CHARTS = 4
Words = dict[str, str]


def category(instrument_id: str) -> ConsentCategory:
    """The consent a recipient outside the clinical team needs to see this instrument's scores."""
    return ConsentCategory.PAIN_SCORES if instrument_id.upper() in PAIN_INSTRUMENTS else ConsentCategory.OUTCOME_SCORES


def day(value: date) -> str:
    """'25 Sep 2026'."""
    return f"{value.day} {value:%b %Y}"


def _instrument(instrument_id: str) -> Instrument | None:
    try:
        return get_instrument(instrument_id)
    except (InstrumentError, ValidationError):
        return None  # a licence-holder's instrument no longer installed: scores are shown without thresholds


def signed(value: str, difference: float) -> str:
    """'+95 m', '−2.33', '±0' from the difference and its formatted size."""
    return ("+" if difference > 0 else "−" if difference < 0 else "±") + value


def score_row(series: ScoreSeries, w: Words) -> tuple[str, ...]:
    """Name, baseline and latest (with dates), change, thresholds and the flag."""
    instrument = _instrument(series.instrument_id)
    decimals = instrument.display_decimals if instrument else 2
    unit = instrument.items[0].unit if instrument and len(instrument.items) == 1 else None

    def score(value: float) -> str:
        return format_number(value, decimals) + (f" {unit}" if unit else "")

    name = series.name if series.name.upper().startswith(series.instrument_id) \
        else f"{series.name} ({series.instrument_id})"
    baseline = f"{score(series.values[0])} ({day(series.dates[0])})"
    latest = f"{score(series.values[-1])} ({day(series.dates[-1])})" if len(series.values) > 1 else "—"
    change = "—"
    if series.changes:
        last = series.changes[-1]
        change = signed(score(abs(last.difference)), last.difference)
        if last.percent is not None:
            change += f" ({signed(format_number(abs(last.percent), 0), last.percent)}%)"
    thresholds = "; ".join(f"{label} {format_number(t[0], 2)}" for label, t in
                           (("MCID", instrument.mcid), ("MDC", instrument.mdc)) if t) if instrument else ""
    return (name, baseline, latest, change, thresholds or w["progress_no_thresholds"],
            series.latest_flag or w["progress_one_score"])


def _charts(shown: list[ScoreSeries], w: Words) -> Section:
    """At most MAX_CHARTS charts, those with a change first, in the table's order."""
    chosen = sorted(sorted(shown, key=lambda s: len(s.values) < 2)[:MAX_CHARTS], key=shown.index)
    axes = []
    for series in chosen:
        instrument = _instrument(series.instrument_id)
        unit = instrument.items[0].unit if instrument and len(instrument.items) == 1 else None
        axes.append(fill(w["progress_axis_unit"], unit=unit) if unit else w["progress_axis"])
    parts: list[Part] = [ScoreCharts(tuple(chosen), tuple(axes), w["progress_legend_score"],
                                     w["progress_legend_band"], w["progress_legend_goal"])]
    if len(shown) > len(chosen):
        parts.append(Text(fill(w["progress_charts_more"], shown=len(chosen), total=len(shown)), "small"))
    return Section(w["progress_charts_heading"], tuple(parts), level=2)


def essential_mismatches(case: Case, m: JobMatch) -> list[MatchItem]:
    """Mismatched items that an essential task involves."""
    return [i for i in m.items
            if i.status is MatchStatus.MISMATCH and case.demands.essential_tasks_involving(i.activity)]


def _capacity(ctx: ReportContext) -> Section:
    """Each essential mismatched item's measured values by date, and the change from the first to the latest."""
    case, w, units = ctx.case, ctx.words, ctx.units
    items = essential_mismatches(case, ctx.match)
    if not items:
        return Section(w["remeasured_heading"], (Text(w["remeasured_none"]),), level=2)
    rows: list[tuple[str, ...]] = []
    dates_used: set[date] = set()
    for item in items:
        key = item.frequency if item.frequency is not None else item.measure
        dates, values = capacity_series(case, item.activity, key) if key is not None else ((), ())
        dates_used.update(dates)
        measured = "; ".join(f"{day(d)}: {units.capacity(item, v)}" for d, v in zip(dates, values, strict=True))
        change = signed(units.amount(item, abs(values[-1] - values[0])), values[-1] - values[0]) \
            if len(values) > 1 else "—"
        rows.append((item.label, units.amount(item, item.demand), measured or w["remeasured_not_measured"], change))
    header = (w["col_item"], w["col_demand"], w["col_measured"], w["col_change"])
    parts: list[Part] = [Text(w["remeasured_intro"]), Table("capacity", header, tuple(rows))]
    if ctx.allows(ConsentCategory.EFFORT) and any(e.effort is Effort.INCONSISTENT and e.assessed_on in dates_used
                                                   for e in case.evaluations):
        parts.append(Text(w["remeasured_minimum"], "small"))
    return Section(w["remeasured_heading"], tuple(parts), level=2)


def progress_sections(ctx: ReportContext) -> tuple[Section, ...]:
    """Scores of each category (outcome scores; pain scores for the PEG and the pain ratings) only where the report
    carries it, with one line for a category left out. Capacity re-measured is functional: always."""
    w = ctx.words
    recorded = instruments_recorded(ctx.case)
    shown = [score_series(ctx.case, i) for i in recorded if ctx.allows(category(i))]
    parts: list[Part] = [] if recorded else [Text(w["progress_none"])]
    if shown:
        header = tuple(w[k] for k in ("col_measure", "col_baseline", "col_latest", "col_score_change",
                                      "col_thresholds", "col_flag"))
        rows = tuple(score_row(s, w) for s in shown)
        parts += [Text(w["progress_intro"]),
                  Table("progress", header, rows, tuple(n for n, row in enumerate(rows) if row[-1] == "worse")),
                  Text(w["progress_flag_note"], "small")]
    parts += [ctx.withheld(c) for c in (ConsentCategory.PAIN_SCORES, ConsentCategory.OUTCOME_SCORES)
              if ctx.is_withheld(c)]
    charts = (_charts(shown, w),) if shown else ()
    return (Section(w["progress_heading"], tuple(parts)), *charts, _capacity(ctx))
