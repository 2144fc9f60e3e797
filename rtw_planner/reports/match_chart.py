"""The match chart as a reportlab Drawing: capacity as a percentage of each demand, 100% dashed."""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from rtw_planner.domain.job_match import ChartBar
from rtw_planner.domain.matching import MatchStatus
from rtw_planner.domain.units import round_half_up
from rtw_planner.reports.styles import FONT, MUTED, register_fonts

COLOURS = {MatchStatus.MATCH: colors.HexColor("#2e7d32"), MatchStatus.MISMATCH: colors.HexColor("#c62828"),
           MatchStatus.NOT_TESTED: colors.HexColor("#9e9e9e")}
ROW = 13.0  # points per bar
BAR = 8.5
FONT_SIZE = 7.5
TOP, BOTTOM = 6.0, 40.0  # room above the bars; room below for the axis, caption and legend
MIN_SCALE, MAX_SCALE = 150, 200  # the axis runs to at least 150% and at most 200%; longer bars are cut with a mark


def _scale(bars: Sequence[ChartBar]) -> int:
    top = max((b.percent_of_demand or 0 for b in bars), default=0)
    return min(max(MIN_SCALE, 50 * math.ceil(top / 50)), MAX_SCALE)


def _text(x: float, y: float, text: str, anchor: str = "start", colour: colors.Color = colors.black) -> String:
    return String(x, y, text, fontName=FONT, fontSize=FONT_SIZE, fillColor=colour, textAnchor=anchor)


def match_chart(bars: Sequence[ChartBar], width: float, caption: str, not_tested: str) -> Drawing:
    """Horizontal bars, one per required item, coloured by result; a dashed line marks 100% (the demand)."""
    register_fonts()
    height = TOP + ROW * max(len(bars), 1) + BOTTOM
    drawing = Drawing(width, height, initialFontName=FONT, initialFontSize=FONT_SIZE)
    label_width = max((stringWidth(b.label, FONT, FONT_SIZE) for b in bars), default=0) + 8
    right = 34.0  # room for a value label past the longest bar
    plot = max(width - label_width - right, 60.0)
    scale = _scale(bars)

    def x_at(percent: float) -> float:
        return label_width + plot * min(percent, scale) / scale

    axis_y = BOTTOM - 4
    for tick in range(0, scale + 1, 50):
        x = x_at(tick)
        drawing.add(Line(x, axis_y, x, height - TOP, strokeColor=colors.HexColor("#e0e0e0"), strokeWidth=0.4))
        drawing.add(_text(x, axis_y - 9, f"{tick}%", "middle", MUTED))
    for n, bar in enumerate(bars):
        y = height - TOP - ROW * (n + 1) + (ROW - BAR) / 2
        drawing.add(_text(label_width - 6, y + 1.5, bar.label, "end"))
        colour = COLOURS.get(bar.status, COLOURS[MatchStatus.NOT_TESTED])
        if bar.percent_of_demand is None:
            drawing.add(Rect(label_width, y, 6, BAR, fillColor=None, strokeColor=colour, strokeWidth=0.6))
            drawing.add(_text(label_width + 10, y + 1.5, not_tested, colour=colour))
            continue
        end = x_at(bar.percent_of_demand)
        drawing.add(Rect(label_width, y, max(end - label_width, 0.5), BAR, fillColor=colour, strokeColor=None))
        if bar.percent_of_demand > scale:  # cut: two white slashes near the end
            for dx in (-9.0, -5.0):
                drawing.add(Line(end + dx, y - 1, end + dx + 3, y + BAR + 1, strokeColor=colors.white,
                                 strokeWidth=1.2))
        drawing.add(_text(end + 3, y + 1.5, f"{round_half_up(bar.percent_of_demand):.0f}%", colour=MUTED))
    hundred = x_at(100)
    drawing.add(Line(hundred, axis_y, hundred, height - TOP + 2, strokeColor=colors.black, strokeWidth=0.9,
                     strokeDashArray=[3, 2]))
    drawing.add(Line(label_width, axis_y, label_width + plot, axis_y, strokeColor=MUTED, strokeWidth=0.6))
    drawing.add(_text(label_width, axis_y - 19, caption, colour=MUTED))
    x = label_width
    for status in (MatchStatus.MATCH, MatchStatus.MISMATCH, MatchStatus.NOT_TESTED):
        drawing.add(Rect(x, 2, 8, 6, fillColor=COLOURS[status], strokeColor=None))
        drawing.add(_text(x + 11, 2.5, status.label))
        x += 16 + stringWidth(status.label, FONT, FONT_SIZE) + 10
    return drawing
