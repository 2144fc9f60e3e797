"""Lay out the job-match report from its content blocks; user text is always escaped."""

from __future__ import annotations

import io
import re
from datetime import date
from functools import cache

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, TableStyle
from reportlab.platypus import Table as RlTable

from rtw_planner.domain.case import Case, Clinic
from rtw_planner.domain.disclosure import DisclosureRequest, DocumentKind, decide, default_request
from rtw_planner.domain.rendering import RenderOptions
from rtw_planner.reports.match_chart import match_chart
from rtw_planner.reports.match_report_blocks import MatchReportContent, build_match_report
from rtw_planner.reports.match_report_parts import Chart, Part, ScoreCharts, Section, Table, Text
from rtw_planner.reports.progress_charts import ScoreLabels, score_chart
from rtw_planner.reports.styles import ACCENT, FONT, FONT_BOLD, MUTED, stylesheet
from rtw_planner.reports.templates import letter_document, numbered_canvas
from rtw_planner.reports.text import para

UNIT_SPACE = re.compile(r"(\d) (kg|lb|N|min|h|cm|in)\b")
BASE_SIZE = 10.0
CELL_SIZE = 8.5
GRID = colors.HexColor("#b0b7c0")
HEADER_BACK = colors.HexColor("#dce6f1")
STRIPE = colors.HexColor("#f5f7fa")
FLAG_BACK = colors.HexColor("#fdecea")
FLAG_TEXT = colors.HexColor("#b71c1c")
CAVEAT_BACK = colors.HexColor("#fff4e0")
CAVEAT_EDGE = colors.HexColor("#e0a040")
WIDTHS = {  # share of the frame width per column, by table kind
    "items": (0.20, 0.10, 0.12, 0.11, 0.13, 0.34),
    "niosh": (0.13, 0.075, 0.075, 0.075, 0.075, 0.075, 0.075, 0.25, 0.20),
    "projection": (0.19, 0.10, 0.11, 0.10, 0.17, 0.33),
    "pairs": (0.30, 0.70),
    "progress": (0.22, 0.15, 0.15, 0.15, 0.12, 0.21),
    "capacity": (0.25, 0.13, 0.47, 0.15),
}
SCORE_CHART_HEIGHT = 150.0
CHART_GAP = 6 * mm


@cache
def styles() -> dict[str, ParagraphStyle]:
    """The report's paragraph styles, all in the embedded DejaVu family."""
    sheet = stylesheet(BASE_SIZE)
    body = sheet["body"]
    cell = ParagraphStyle("cell", parent=body, fontSize=CELL_SIZE, leading=CELL_SIZE * 1.25, spaceAfter=0)
    return {
        "title": sheet["title"], "heading": sheet["heading"], "body": body, "small": sheet["small"],
        "bullet": ParagraphStyle("report_bullet", parent=sheet["bullet"], spaceAfter=2),
        "note": ParagraphStyle("note", parent=sheet["small"], leftIndent=10, bulletIndent=2),
        "subheading": ParagraphStyle("subheading", parent=body, fontName=FONT_BOLD, textColor=ACCENT, spaceBefore=6,
                                     spaceAfter=3),
        "caveat": ParagraphStyle("caveat", parent=body, fontSize=BASE_SIZE - 1, leading=(BASE_SIZE - 1) * 1.35,
                                 backColor=CAVEAT_BACK, borderColor=CAVEAT_EDGE, borderWidth=0.6, borderPadding=4,
                                 leftIndent=4, rightIndent=4, spaceBefore=5, spaceAfter=9),
        "cell": cell,
        "cell_head": ParagraphStyle("cell_head", parent=cell, fontName=FONT_BOLD),
        "cell_flag": ParagraphStyle("cell_flag", parent=cell, fontName=FONT_BOLD, textColor=FLAG_TEXT),
        "pair_label": ParagraphStyle("pair_label", parent=cell, fontSize=BASE_SIZE - 1,
                                     leading=(BASE_SIZE - 1) * 1.3, textColor=MUTED),
        "pair_value": ParagraphStyle("pair_value", parent=cell, fontSize=BASE_SIZE - 1,
                                     leading=(BASE_SIZE - 1) * 1.3),
    }


def _p(text: str, style: str) -> Paragraph:
    return para(text, styles()[style])


def _cell(text: str, style: str) -> Paragraph:
    """A table cell; a number stays on one line with its unit ('240 min', '48%')."""
    return _p(UNIT_SPACE.sub("\\1\u00a0\\2", text), style)


def _widths(kind: str, frame_width: float) -> list[float]:
    return [share * frame_width for share in WIDTHS[kind]]


def _base_style() -> list[tuple[object, ...]]:
    """Every cell in the DejaVu family, even plain strings, so no Helvetica can appear."""
    return [("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3), ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]


def table(part: Table, frame_width: float) -> RlTable:
    """A grid table that repeats its header row on each page it spans; mismatch rows are tinted."""
    header = [_cell(text, "cell_head") for text in part.header]
    result_column = 3 if part.kind == "items" else -1
    body = [[_cell(text, "cell_flag" if n in part.flagged and col == result_column else "cell")
             for col, text in enumerate(row)] for n, row in enumerate(part.rows)]
    commands = _base_style() + [
        ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD), ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACK),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID), ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, STRIPE])]
    commands += [("BACKGROUND", (0, n + 1), (-1, n + 1), FLAG_BACK) for n in part.flagged]
    grid = RlTable([header, *body], colWidths=_widths(part.kind, frame_width), repeatRows=1, splitByRow=1,
                   hAlign="LEFT", spaceAfter=4)
    grid.setStyle(TableStyle(commands))
    return grid


def pairs(part: Table, frame_width: float) -> RlTable:
    """Label and value lines, aligned in two columns without a grid."""
    rows = [[_p(label, "pair_label"), _p(value, "pair_value")] for label, value in part.rows]
    grid = RlTable(rows, colWidths=_widths("pairs", frame_width), hAlign="LEFT", spaceAfter=6)
    grid.setStyle(TableStyle(_base_style() + [("LEFTPADDING", (0, 0), (0, -1), 0),
                                                       ("TOPPADDING", (0, 0), (-1, -1), 1),
                                                       ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return grid


def score_charts(part: ScoreCharts, frame_width: float) -> RlTable:
    """Score charts two to a row, each half the frame wide."""
    width = (frame_width - CHART_GAP) / 2
    charts: list[Flowable] = [score_chart(series, width, SCORE_CHART_HEIGHT, labels=ScoreLabels(axis, part.score,
                                                                                                 part.band, part.goal))
                              for series, axis in zip(part.series, part.axes, strict=True)]
    charts += [Spacer(width, 1)] * (len(charts) % 2)
    grid = RlTable([charts[n:n + 2] for n in range(0, len(charts), 2)], colWidths=[width + CHART_GAP, width],
                   hAlign="LEFT", spaceAfter=4)
    grid.setStyle(TableStyle(_base_style() + [("LEFTPADDING", (0, 0), (-1, -1), 0),
                                              ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                              ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
    return grid


def part_flowable(part: Part, frame_width: float) -> Flowable:
    """One content block as a flowable."""
    if isinstance(part, Text):
        if part.style in ("bullet", "note"):
            return para(part.text, styles()[part.style], bullet="•" if part.style == "bullet" else "–")
        return _p(part.text, part.style)
    if isinstance(part, Table):
        return pairs(part, frame_width) if part.kind == "pairs" else table(part, frame_width)
    if isinstance(part, ScoreCharts):
        return score_charts(part, frame_width)
    return match_chart(part.bars, frame_width, part.caption, part.not_tested)


def section_flowables(section: Section, frame_width: float) -> list[Flowable]:
    """A section: sub-sections and charts are kept whole; long tables split under a repeated header."""
    heading = _p(section.heading, ("title", "heading", "subheading")[section.level])
    body = [part_flowable(part, frame_width) for part in section.parts]
    if section.level == 0:
        return [heading, *body]
    if section.level == 2 or any(isinstance(part, Chart | ScoreCharts) for part in section.parts):
        return [KeepTogether([heading, *body])]
    if section.parts and isinstance(section.parts[0], Table):  # a long table splits; the break keeps the heading
        return [CondPageBreak(40 * mm), heading, *body]
    return [CondPageBreak(40 * mm), KeepTogether([heading, *body[:1]]), *body[1:]]


def story(content: MatchReportContent, frame_width: float) -> list[Flowable]:
    """The report's flowables in reading order."""
    return [flowable for section in content.sections for flowable in section_flowables(section, frame_width)]


def render_match_report(case: Case, clinic: Clinic, today: date | None = None, *,
                        request: DisclosureRequest | None = None, options: RenderOptions | None = None,
                        table_id: str = "dot", invariant: bool = False) -> bytes:
    """The job-match report as PDF bytes, on the clinic's paper size, for the clinical team unless `request` names
    another recipient. Raises ValidationError when the disclosure rules do not allow the request."""
    today = today or date.today()
    options = options or RenderOptions()
    decision = decide(DocumentKind.MATCH_REPORT, case, request or default_request(DocumentKind.MATCH_REPORT, case),
                      today, jurisdiction=clinic.jurisdiction)
    content = build_match_report(case, clinic, today, table_id,
                                 recipient=None if decision.internal else decision.recipient)
    buffer = io.BytesIO()
    doc = letter_document(buffer, clinic, content.later_page_header, content.title, invariant=invariant,
                          draft=options.draft)
    doc.build(story(content, doc.width), canvasmaker=numbered_canvas(content.page_footer))
    return buffer.getvalue()
