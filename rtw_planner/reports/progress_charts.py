"""Progress charts as reportlab Drawings: scores over time with the MCID band, and quota against what was done."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, PolyLine, Rect, Shape
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from rtw_planner.domain.demands.units import format_number
from rtw_planner.domain.match.items import MatchStatus
from rtw_planner.domain.outcomes.progress import PracticeSeries, ScoreSeries
from rtw_planner.reports.match_chart import COLOURS, FONT_SIZE
from rtw_planner.reports.styles import ACCENT, FONT, FONT_BOLD, MUTED, register_fonts
from rtw_planner.reports.text import graphics_text

GRID = colors.HexColor("#e0e0e0")  # the match chart's grid lines
BAND = colors.HexColor("#dce6f1")
MET, MISSED, NEUTRAL = (COLOURS[s] for s in (MatchStatus.MATCH, MatchStatus.MISMATCH, MatchStatus.NOT_TESTED))
DASH = [3, 2]  # the match chart's dashed demand line
SWATCH = 1.6  # a legend sample is this many font sizes wide
MARKS = ("filled", "open", "square")  # a practice day's marks: quota met, below the quota, no quota set
DAILY_TICKS = 14  # up to two weeks a label a day, else one a week


@dataclass(frozen=True)
class ScoreLabels:
    """The score chart's words; `title` None means the instrument's name."""

    axis: str = "Score"
    score: str = "Score"
    band: str = "Baseline ± MCID"
    goal: str = "Goal due"
    title: str | None = None


@dataclass(frozen=True)
class PracticeLabels:
    """The practice chart's words; `title` None means the activity."""

    axis: str = "Amount each day"
    quota: str = "Quota"
    met: str = "Done, quota met"
    missed: str = "Done, below quota"
    goal: str = "Goal"
    title: str | None = None
    done: str = "Done, no quota set"


def short_date(day: date) -> str:
    """'25 Sep'."""
    return f"{day.day} {day:%b}"


def ticks(low: float, high: float, count: int = 4) -> list[float]:
    """Round-numbered ticks (steps of 1, 2, 2.5 or 5 times a power of ten) covering low to high."""
    if high - low < 1e-9:
        pad = max(abs(high) * 0.1, 1.0)
        low, high = low - pad, high + pad
    raw = (high - low) / count
    power = 10.0 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw * (1 - 1e-9))
    first = math.floor(low / step + 1e-9) * step
    steps = math.ceil(high / step - 1e-9) - math.floor(low / step + 1e-9)
    return [first + n * step for n in range(steps + 1)]


class _Plot:
    """One chart's frame: maps values and days to points, and draws title, axes, ticks and legend."""

    def __init__(self, width: float, height: float, size: float, title: str, axis: str, y_ticks: Sequence[float],
                 days: tuple[float, float], legend: Sequence[tuple[str, str, colors.Color]]) -> None:
        register_fonts()
        self.drawing = Drawing(width, height, initialFontName=FONT, initialFontSize=size)
        self.size, self.y_ticks, self.days, self.legend = size, list(y_ticks), days, legend
        self.marker = size * 0.33  # a marker's radius: 2.5 points beside 7.5-point text
        self.swatch = size * SWATCH
        self.line = max(1.4, size * 0.15)  # a series' stroke, heavier with larger text
        labels = [format_number(t, 2) for t in self.y_ticks]
        self.left = size * 1.6 + max(stringWidth(t, FONT, size) for t in labels) + 5
        self.right = width - stringWidth("30 Sep", FONT, size) / 2 - 2
        rows = self._legend_rows(width)
        self.bottom = len(rows) * size * 1.5 + size * 2.2
        self.top = height - size * 1.9
        self.text(0, height - size, title, font=FONT_BOLD, colour=ACCENT)
        for tick, label in zip(self.y_ticks, labels, strict=True):
            y = self.y(tick)
            self.drawing.add(Line(self.left, y, self.right, y, strokeColor=GRID, strokeWidth=0.4))
            self.text(self.left - 4, y - size * 0.35, label, "end", MUTED)
        title_y = Group(graphics_text(0, 0, axis, font=FONT, size=size, colour=MUTED, anchor="middle"))
        title_y.translate(size * 0.9, (self.top + self.bottom) / 2)
        title_y.rotate(90)
        self.drawing.add(title_y)
        self._draw_legend(rows)

    def x(self, day: float) -> float:
        low, high = self.days
        return self.left + (self.right - self.left) * (day - low) / (high - low)

    def y(self, value: float) -> float:
        low, high = self.y_ticks[0], self.y_ticks[-1]
        return self.bottom + (self.top - self.bottom) * (value - low) / (high - low)

    def text(self, x: float, y: float, text: str, anchor: str = "start", colour: colors.Color = colors.black,
             font: str = FONT) -> None:
        self.drawing.add(graphics_text(x, y, text, font=font, size=self.size, colour=colour, anchor=anchor))

    def _crowded(self, dates: Sequence[tuple[float, date]]) -> list[bool]:
        """For each date label, whether it would crowd the last one shown before it."""
        edge, out = -math.inf, []
        for at, day in dates:
            x, half = self.x(at), stringWidth(short_date(day), FONT, self.size) / 2
            out.append(x - half < edge + self.size * 0.6)
            edge = edge if out[-1] else x + half
        return out

    def axes(self, dates: Sequence[tuple[float, date]], regular: bool = False) -> None:
        """The axis lines and date labels: each that does not crowd the one before it, or (`regular`) every
        n-th date, n as small as leaves none crowded."""
        for x1, y1, x2, y2 in ((self.left, self.bottom, self.right, self.bottom),
                               (self.left, self.bottom, self.left, self.top)):
            self.drawing.add(Line(x1, y1, x2, y2, strokeColor=MUTED, strokeWidth=0.6))
        if regular:
            dates = next((dates[::n] for n in range(1, len(dates) + 1) if not any(self._crowded(dates[::n]))), [])
        for (at, day), crowded in zip(dates, self._crowded(dates), strict=True):
            if not crowded:
                x = self.x(at)
                self.drawing.add(Line(x, self.bottom, x, self.bottom - 3, strokeColor=MUTED, strokeWidth=0.6))
                self.text(x, self.bottom - self.size * 1.35, short_date(day), "middle", MUTED)

    def mark(self, kind: str, x: float, y: float, colour: colors.Color) -> Shape:
        """A day's mark, told apart by shape as well as colour so it reads in black-and-white print: a filled
        circle (quota met), an open ring (below the quota), a filled square (no quota set)."""
        r = self.marker * 1.1
        if kind == "open":
            return Circle(x, y, r * 0.85, fillColor=colors.white, strokeColor=colour, strokeWidth=r * 0.45)
        if kind == "square":
            return Rect(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8, fillColor=colour, strokeColor=colors.white,
                        strokeWidth=0.5)
        return Circle(x, y, r, fillColor=colour, strokeColor=colors.white, strokeWidth=0.5)

    def _legend_rows(self, width: float) -> list[list[tuple[float, str, str, colors.Color]]]:
        rows: list[list[tuple[float, str, str, colors.Color]]] = [[]]
        x = 0.0
        for kind, label, colour in self.legend:
            step = self.swatch + 4 + stringWidth(label, FONT, self.size) + self.size * 1.3
            if rows[-1] and x + step - self.size * 1.3 > width:
                rows.append([])
                x = 0.0
            rows[-1].append((x, kind, label, colour))
            x += step
        return rows

    def _draw_legend(self, rows: list[list[tuple[float, str, str, colors.Color]]]) -> None:
        width = self.swatch
        for n, row in enumerate(rows):
            y = 2 + (len(rows) - 1 - n) * self.size * 1.5 + self.size * 0.35
            for x, kind, label, colour in row:
                if kind == "band":
                    self.drawing.add(Rect(x, y - self.size * 0.4, width, self.size * 0.9, fillColor=colour,
                                          strokeColor=None))
                elif kind == "dash":
                    self.drawing.add(Line(x, y, x + width, y, strokeColor=colour, strokeWidth=0.9,
                                          strokeDashArray=DASH))
                elif kind in MARKS:
                    self.drawing.add(self.mark(kind, x + width / 2, y, colour))
                else:
                    self.drawing.add(Line(x, y, x + width, y, strokeColor=colour, strokeWidth=self.line))
                    if kind != "step":
                        self.drawing.add(Circle(x + width / 2, y, self.marker, fillColor=colour, strokeColor=None))
                self.text(x + width + 4, y - self.size * 0.35, label)


def score_chart(series: ScoreSeries, width: float, height: float, *, font_size: float = FONT_SIZE,
                labels: ScoreLabels = ScoreLabels()) -> Drawing:
    """Scores as a line with markers; shaded baseline ± MCID when known; dashed lines on goal due dates."""
    values = list(series.values) + (list(series.band) if series.band else [])
    days = sorted({*series.dates, *series.goal_dates})
    first, last = (days[0].toordinal(), days[-1].toordinal()) if days else (0, 1)
    pad = max((last - first) * 0.05, 3.0)
    legend = [("line", labels.score, ACCENT)] + ([("band", labels.band, BAND)] if series.band else []) \
        + ([("dash", labels.goal, colors.black)] if series.goal_dates else [])
    plot = _Plot(width, height, font_size, labels.title or series.name, labels.axis,
                 ticks(min(values, default=0.0), max(values, default=1.0)), (first - pad, last + pad), legend)
    drawing = plot.drawing
    if series.band is not None:
        low, high = (plot.y(v) for v in series.band)
        drawing.insert(0, Rect(plot.left, low, plot.right - plot.left, high - low, fillColor=BAND, strokeColor=None),
                       name="band")
    plot.axes([(d.toordinal(), d) for d in days])
    goals = Group(*(Line(plot.x(d.toordinal()), plot.bottom, plot.x(d.toordinal()), plot.top + 2,
                         strokeColor=colors.black, strokeWidth=0.9, strokeDashArray=DASH) for d in series.goal_dates))
    drawing.add(goals, name="goals")
    points = [(plot.x(d.toordinal()), plot.y(v)) for d, v in zip(series.dates, series.values, strict=True)]
    if points:
        drawing.add(PolyLine([c for point in points for c in point], strokeColor=ACCENT, strokeWidth=plot.line),
                    name="scores")
    drawing.add(Group(*(Circle(x, y, plot.marker, fillColor=ACCENT, strokeColor=colors.white, strokeWidth=0.5)
                        for x, y in points)), name="markers")
    return drawing


def practice_chart(series: PracticeSeries, width: float, height: float, *, font_size: float = FONT_SIZE,
                   labels: PracticeLabels = PracticeLabels()) -> Drawing:
    """The planned quota as a step line, what was done as marks (a green filled circle when it met the quota, a
    red open ring when it fell short, a grey square on a day without one), the goal dashed."""
    days = sorted({*series.days, *series.done_days})
    first, last = (days[0].toordinal(), days[-1].toordinal() + 1) if days else (0, 1)
    quota = dict(zip(series.days, series.quota, strict=True))
    marks = [("square", NEUTRAL) if day not in quota else ("filled", MET) if done >= quota[day] - 1e-9
             else ("open", MISSED) for day, done in zip(series.done_days, series.done, strict=True)]
    legend = ([("step", labels.quota, ACCENT)] if series.days else []) \
        + [(kind, label, colour) for label, (kind, colour) in ((labels.met, ("filled", MET)),
                                                                (labels.missed, ("open", MISSED)),
                                                                (labels.done, ("square", NEUTRAL)))
           if (kind, colour) in marks] \
        + ([("dash", labels.goal, colors.black)] if series.goal is not None else [])
    top = max([*series.quota, *series.done, series.goal or 0.0, 1.0])
    plot = _Plot(width, height, font_size, labels.title or series.activity, labels.axis, ticks(0.0, top),
                 (first, last), legend)
    drawing = plot.drawing
    span = last - first
    shown = days if span <= DAILY_TICKS else [days[0] + timedelta(weeks=n) for n in range((span - 1) // 7 + 1)]
    plot.axes([(d.toordinal() + 0.5, d) for d in shown], regular=True)
    if series.goal is not None:
        y = plot.y(series.goal)
        drawing.add(Line(plot.left, y, plot.right, y, strokeColor=colors.black, strokeWidth=0.9,
                         strokeDashArray=DASH), name="goal")
    steps = [c for day, amount in quota.items()
             for c in (plot.x(day.toordinal()), plot.y(amount), plot.x(day.toordinal() + 1), plot.y(amount))]
    if steps:
        drawing.add(PolyLine(steps, strokeColor=ACCENT, strokeWidth=plot.line), name="quota")
    drawing.add(Group(*(plot.mark(kind, plot.x(day.toordinal() + 0.5), plot.y(done), colour)
                        for day, done, (kind, colour) in zip(series.done_days, series.done, marks, strict=True))),
                name="done")
    return drawing
