"""The match chart as a reportlab Drawing: capacity as a percentage of each demand, 100% dashed."""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String
from reportlab.lib import colors

from rtw_planner.domain.demands.units import round_half_up
from rtw_planner.domain.match.items import MatchStatus
from rtw_planner.domain.match.job import ChartBar
from rtw_planner.reports.styles import FONT, MUTED, register_fonts
from rtw_planner.reports.text import graphics_text, text_width

COLOURS = {MatchStatus.MATCH: colors.HexColor("#2e7d32"), MatchStatus.MISMATCH: colors.HexColor("#c62828"),
           MatchStatus.NOT_TESTED: colors.HexColor("#9e9e9e")}
FONT_SIZE = 7.5  # normal print; every length below scales with the font size
ROW, BAR, TOP = 13.0 / FONT_SIZE, 8.5 / FONT_SIZE, 6.0 / FONT_SIZE  # a bar's row and height; room above the bars
MIN_SCALE, MAX_SCALE = 150, 200  # the axis runs to at least 150% and at most 200%; longer bars are cut with a mark
LABEL_SHARE = 0.4  # labels wider than this share of the width go above their bars (large print)


def _scale(bars: Sequence[ChartBar]) -> int:
    top = max((b.percent_of_demand or 0 for b in bars), default=0)
    return min(max(MIN_SCALE, 50 * math.ceil(top / 50)), MAX_SCALE)


def _lines(text: str, width: float, size: float) -> list[str]:
    """The caption broken into lines that fit the width."""
    lines: list[str] = []
    for word in text.split():
        if lines and text_width(f"{lines[-1]} {word}", FONT, size) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines or [""]


class _Chart:
    """Geometry of one chart: labels beside the bars in normal print, above them when they are too wide."""

    def __init__(self, bars: Sequence[ChartBar], width: float, size: float, caption: str,
                 scale: int | None = None) -> None:
        self.size, self.bars = size, bars
        widest = max((text_width(b.label, FONT, size) for b in bars), default=0) + size
        self.stacked = widest > width * LABEL_SHARE
        self.left = text_width("0%", FONT, size) / 2 if self.stacked else widest  # the axis's first label fits
        self.row = size * (ROW + (1.25 if self.stacked else 0))
        right = text_width("400%", FONT, size) + size  # room for a value label past the longest bar
        self.plot = max(width - self.left - right, 60.0)
        self.caption = _lines(caption, width - self.left, size)
        self.bottom = size * (2.7 + 1.35 * len(self.caption) + 1.1)  # axis labels, caption lines and legend
        self.height = size * TOP + self.row * max(len(bars), 1) + self.bottom
        self.scale = scale or _scale(bars)

    def x(self, percent: float) -> float:
        return self.left + self.plot * min(percent, self.scale) / self.scale

    def bar_y(self, n: int) -> float:
        """The bottom of the n-th bar."""
        return self.height - self.size * TOP - self.row * (n + 1) + (self.size * ROW - self.size * BAR) / 2

    def text(self, x: float, y: float, text: str, anchor: str = "start",
             colour: colors.Color = colors.black) -> String | Group:
        return graphics_text(x, y, text, font=FONT, size=self.size, colour=colour, anchor=anchor)


def match_charts(bars: Sequence[ChartBar], width: float, caption: str, not_tested: str, *,
                 font_size: float = FONT_SIZE, max_height: float = math.inf) -> list[Drawing]:
    """The match chart in as many parts as it takes for each to be at most `max_height` tall (large print with
    many items), each part with its own axis, caption and legend."""
    chart = _Chart(bars, width, font_size, caption)
    room = max_height - (chart.height - chart.row * max(len(bars), 1))
    per_part = max(int(room // chart.row), 1) if math.isfinite(room) else max(len(bars), 1)
    return [match_chart(bars[n:n + per_part], width, caption, not_tested, font_size, scale=chart.scale)
            for n in range(0, max(len(bars), 1), per_part)]  # one scale for every part, so bars compare


def match_chart(bars: Sequence[ChartBar], width: float, caption: str, not_tested: str,
                font_size: float = FONT_SIZE, *, scale: int | None = None) -> Drawing:
    """Horizontal bars, one per required item, coloured by result; a dashed line marks 100% (the demand). Every
    length follows `font_size`, so large print grows the whole chart; `scale` (the axis's end, in %) defaults to
    what the bars need."""
    register_fonts()
    c = _Chart(bars, width, font_size, caption, scale)
    size, bar_height = font_size, font_size * BAR
    drawing = Drawing(width, c.height, initialFontName=FONT, initialFontSize=size)
    axis_y = c.bottom - size * 0.55
    for tick in range(0, c.scale + 1, 50):
        x = c.x(tick)
        drawing.add(Line(x, axis_y, x, c.height - size * TOP, strokeColor=colors.HexColor("#e0e0e0"),
                         strokeWidth=0.4))
        drawing.add(c.text(x, axis_y - size * 1.2, f"{tick}%", "middle", MUTED))
    for n, bar in enumerate(bars):
        y = c.bar_y(n)
        if c.stacked:
            drawing.add(c.text(0, y + bar_height + size * 0.35, bar.label))
        else:
            drawing.add(c.text(c.left - size * 0.8, y + size * 0.2, bar.label, "end"))
        colour = COLOURS.get(bar.status, COLOURS[MatchStatus.NOT_TESTED])
        if bar.percent_of_demand is None:
            drawing.add(Rect(c.left, y, size * 0.8, bar_height, fillColor=None, strokeColor=colour, strokeWidth=0.6))
            drawing.add(c.text(c.left + size * 1.35, y + size * 0.2, not_tested, colour=colour))
            continue
        end = c.x(bar.percent_of_demand)
        drawing.add(Rect(c.left, y, max(end - c.left, 0.5), bar_height, fillColor=colour, strokeColor=None))
        if bar.percent_of_demand > c.scale:  # cut: two white slashes near the end
            for dx in (-1.2 * size, -0.67 * size):
                drawing.add(Line(end + dx, y - 1, end + dx + size * 0.4, y + bar_height + 1,
                                 strokeColor=colors.white, strokeWidth=1.2))
        drawing.add(c.text(end + size * 0.4, y + size * 0.2, f"{round_half_up(bar.percent_of_demand):.0f}%",
                           colour=MUTED))
    hundred = c.x(100)
    drawing.add(Line(hundred, axis_y, hundred, c.height - size * TOP + 2, strokeColor=colors.black, strokeWidth=0.9,
                     strokeDashArray=[3, 2]))
    drawing.add(Line(c.left, axis_y, c.left + c.plot, axis_y, strokeColor=MUTED, strokeWidth=0.6))
    for n, line in enumerate(c.caption):
        drawing.add(c.text(c.left, axis_y - size * (2.55 + 1.35 * n), line, colour=MUTED))
    x = c.left
    for status in (MatchStatus.MATCH, MatchStatus.MISMATCH, MatchStatus.NOT_TESTED):
        drawing.add(Rect(x, size * 0.27, size * 1.07, size * 0.8, fillColor=COLOURS[status], strokeColor=None))
        drawing.add(c.text(x + size * 1.47, size * 0.33, status.label))
        x += size * 2.13 + text_width(status.label, FONT, size) + size * 1.33
    return drawing
