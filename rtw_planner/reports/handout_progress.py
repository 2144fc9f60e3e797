"""The handout's 'How you are doing' section: plain sentences on tests done twice or more, and practice charts.
A test's score is said in a sentence, not charted: a chart of two or three results says the sentence again."""

from __future__ import annotations

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.units import format_number, round_half_up
from rtw_planner.domain.outcomes.instruments import Instrument, InstrumentError, get_instrument
from rtw_planner.domain.outcomes.progress import ScoreSeries, instruments_recorded, practice_series, score_series
from rtw_planner.reports.handout_parts import (
    Block,
    Bullets,
    HandoutSection,
    HandoutWording,
    PracticeChart,
    Text,
)

VERDICTS = {"better": "progress_better", "worse": "progress_worse", "no meaningful change": "progress_same"}


def _instrument(instrument_id: str) -> Instrument | None:
    try:
        return get_instrument(instrument_id)
    except (InstrumentError, ValidationError):
        return None


def score_sentence(w: HandoutWording, series: ScoreSeries) -> str | None:
    """'Your walk test went from 420 metres to 515 metres. That is better than before.' None for a test with one
    score or without plain words for it. Better or worse is said only when the change passes the MCID and the MDC
    where they are known (the series' latest flag); the same, when it passes neither."""
    test = w.optional(f"progress_test_{series.instrument_id}")
    instrument = _instrument(series.instrument_id)
    if test is None or len(series.values) < 2 or instrument is None:
        return None
    first, last = series.values[0], series.values[-1]
    # Whole numbers (4.67 reads as 5), unless rounding would make a change look like none.
    decimals = 0 if round_half_up(first) != round_half_up(last) or first == last else \
        min(instrument.display_decimals, 1)
    unit = w.optional(f"progress_unit_{instrument.items[0].unit}") if len(instrument.items) == 1 else None

    def value(score: float) -> str:
        return format_number(score, decimals) + (f" {unit}" if unit else "")

    words = [w.text("progress_went", test=test, first=value(first), last=value(last))]
    if instrument.direction == "higher is worse":
        words.append(w.text("progress_lower"))
    verdict = VERDICTS.get(series.latest_flag)
    if verdict is not None:
        words.append(w.text(verdict))
    return " ".join(words)


def _practice(w: HandoutWording, case: Case) -> tuple[Block, ...]:
    """A chart for each activity with log entries: the quota against what was done, up to the last day logged."""
    activities = dict.fromkeys(e.activity for e in sorted(case.practice_log, key=lambda e: e.on))
    units = {q.name: q.unit.value for q in case.plan.quotas}
    blocks: list[Block] = []
    for activity in activities:
        entries = [e for e in case.practice_log if e.activity == activity]
        series = practice_series(case, activity, max(e.on for e in entries))
        axis = w.optional(f"practice_axis_{units.get(activity)}") or w.text("practice_axis")
        if activity in units:
            blocks.append(Text(w.text("practice_met", activity=activity, met=sum(e.completed for e in entries),
                                      days=len(entries))))
        blocks.append(PracticeChart(w.text("practice_caption", activity=activity), series, axis,
                                    *(w.text(f"practice_legend_{k}") for k in ("quota", "met", "missed", "goal",
                                                                                 "done"))))
    return tuple(blocks) if blocks else (Text(w.text("practice_none")),)


def progress_section(w: HandoutWording, case: Case) -> HandoutSection:
    """Plain words only: no thresholds or jargon, and no verdict where the numbers alone must speak."""
    sentences = [sentence for instrument_id in instruments_recorded(case)
                 if (sentence := score_sentence(w, score_series(case, instrument_id))) is not None]
    scores: tuple[Block, ...] = (Text(w.text("progress_intro")), Bullets(tuple(sentences))) if sentences \
        else (Text(w.text("progress_none")),)
    return HandoutSection(w.text("progress_heading"), (*scores, *_practice(w, case)))
