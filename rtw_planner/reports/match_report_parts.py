"""The job-match report's content blocks, and how its values are written (no layout here)."""

from __future__ import annotations

from dataclasses import dataclass

from rtw_planner.domain.job_match import ChartBar
from rtw_planner.domain.matching import MatchItem
from rtw_planner.domain.profile import Kind
from rtw_planner.domain.progress import ScoreSeries
from rtw_planner.domain.units import format_minutes, format_number, round_half_up


@dataclass(frozen=True)
class Text:
    """A paragraph; style is 'body', 'caveat' (boxed), 'bullet', 'small' or 'note' (a small bullet)."""

    text: str
    style: str = "body"


@dataclass(frozen=True)
class Table:
    """A table; `kind` chooses the column widths ('pairs': label and value lines, no header or grid);
    `flagged` rows are mismatches or risks."""

    kind: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    flagged: tuple[int, ...] = ()


@dataclass(frozen=True)
class Chart:
    """The match chart's bars and wording."""

    bars: tuple[ChartBar, ...]
    caption: str
    not_tested: str


@dataclass(frozen=True)
class ScoreCharts:
    """One score chart per series, two to a row; `axes` labels each chart's scale, the rest is the legend."""

    series: tuple[ScoreSeries, ...]
    axes: tuple[str, ...]
    score: str
    band: str
    goal: str


Part = Text | Table | Chart | ScoreCharts


@dataclass(frozen=True)
class Section:
    """A headed part of the report: level 0 is the title block, 1 a section, 2 a sub-section."""

    heading: str
    parts: tuple[Part, ...]
    level: int = 1


def two(value: float) -> str:
    """Two decimal places, rounded half up."""
    return f"{round_half_up(value, 2):.2f}"


def number(item: MatchItem, value: float) -> str:
    """A value with its unit, to 0.1 kg, 1 N or 1 minute."""
    return f"{format_number(value, 1 if item.activity.kind is Kind.MASS else 0)} {item.unit}"


def amount(item: MatchItem, value: float | None) -> str:
    """A value as a table shows it: '12 kg', '250 N', '420 min (7 h)'; a dash when there is none."""
    if value is None:
        return "—"
    return format_minutes(value) if item.activity.kind is Kind.POSTURE else number(item, value)
