"""Lay out the job-match report from its content blocks, in normal or large print; user text is always escaped."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, TableStyle
from reportlab.platypus import Table as RlTable

from rtw_planner.domain.case.model import Case, Clinic
from rtw_planner.domain.issuing.disclosure import DisclosureRequest, DocumentKind, decide, default_request
from rtw_planner.domain.issuing.options import RenderOptions
from rtw_planner.reports.match_chart import match_charts
from rtw_planner.reports.match_report_blocks import MatchReportContent, build_match_report
from rtw_planner.reports.match_report_parts import Chart, Part, ScoreCharts, Section, Table, Text
from rtw_planner.reports.progress_charts import ScoreLabels, score_chart
from rtw_planner.reports.styles import ACCENT, FONT, FONT_BOLD, MUTED, stylesheet
from rtw_planner.reports.templates import letter_document, numbered_canvas
from rtw_planner.reports.text import para

UNIT_SPACE = re.compile(r"(\d) (kg|kgf|lb|lbf|N|min|h|cm|in|m|s)\b")
GRID = colors.HexColor("#b0b7c0")
HEADER_BACK = colors.HexColor("#dce6f1")
STRIPE = colors.HexColor("#f5f7fa")
FLAG_BACK = colors.HexColor("#fdecea")
FLAG_TEXT = colors.HexColor("#b71c1c")
CAVEAT_BACK = colors.HexColor("#fff4e0")
CAVEAT_EDGE = colors.HexColor("#e0a040")
NOTICE_BACK = colors.HexColor("#eef3f8")
WIDTHS = {  # share of the frame width per column, by table kind, in normal print
    "items": (0.20, 0.10, 0.12, 0.11, 0.13, 0.34),
    "rated": (0.20, 0.12, 0.12, 0.11, 0.18, 0.27),
    "niosh": (0.13, 0.07, 0.07, 0.07, 0.07, 0.07, 0.07, 0.25, 0.20),
    "projection": (0.19, 0.10, 0.11, 0.10, 0.17, 0.33),
    "pairs": (0.30, 0.70),
    "progress": (0.22, 0.15, 0.15, 0.15, 0.12, 0.21),
    "capacity": (0.25, 0.13, 0.47, 0.15),
}
LARGE_WIDTHS = {  # large print: a grid of many columns cannot hold 16 pt text, so rows become cards
    "niosh": (0.30, 0.35, 0.35),  # turned on its side: a row per multiplier, a column per end
    "pairs": (0.36, 0.64),
    "card": (0.36, 0.64),  # a card per row: the column names beside the row's values
}
CHART_GAP = 6 * mm


@dataclass(frozen=True)
class Look:
    """Type sizes and chart geometry. Large print sets a 16 pt body everywhere: tables, notes and chart labels."""

    body: float = 10.0
    cell: float = 8.5
    small: float = 8.5
    pair: float = 9.0  # label and value lines, and boxed caveats
    chart: float = 7.5
    score_chart_height: float = 150.0
    charts_per_row: int = 2
    large: bool = False

    def widths(self, kind: str, frame_width: float) -> list[float]:
        """Column widths of a table kind."""
        return [share * frame_width for share in (LARGE_WIDTHS if self.large else WIDTHS)[kind]]


NORMAL = Look()
LARGE = Look(body=16.0, cell=16.0, small=16.0, pair=16.0, chart=16.0, score_chart_height=300.0, charts_per_row=1,
             large=True)


@cache
def styles(look: Look = NORMAL) -> dict[str, ParagraphStyle]:
    """The report's paragraph styles, all in the embedded DejaVu family."""
    sheet = stylesheet(look.body)
    body = sheet["body"]
    small = ParagraphStyle("report_small", parent=sheet["small"], fontSize=look.small, leading=look.small * 1.35)
    cell = ParagraphStyle("cell", parent=body, fontSize=look.cell, leading=look.cell * 1.25, spaceAfter=0)
    pair = ParagraphStyle("pair_value", parent=cell, fontSize=look.pair, leading=look.pair * 1.3)
    boxed = {"leftIndent": 4, "rightIndent": 4, "borderPadding": 4}  # so the box's edge stays on the margin
    return {
        "title": sheet["title"], "heading": sheet["heading"], "body": body, "small": small,
        "bullet": ParagraphStyle("report_bullet", parent=sheet["bullet"], spaceAfter=2, leftIndent=look.body * 1.4,
                                 bulletIndent=look.body * 0.4, bulletFontSize=look.body),
        "note": ParagraphStyle("note", parent=small, leftIndent=look.small * 1.2, bulletIndent=2,
                               bulletFontSize=look.small),
        "subheading": ParagraphStyle("subheading", parent=body, fontName=FONT_BOLD, textColor=ACCENT, spaceBefore=6,
                                     spaceAfter=3),
        "caveat": ParagraphStyle("caveat", parent=pair, leading=look.pair * 1.35, backColor=CAVEAT_BACK,
                                 borderColor=CAVEAT_EDGE, borderWidth=0.6, spaceBefore=5, spaceAfter=9, **boxed),
        "notice": ParagraphStyle("report_notice", parent=body, fontName=FONT_BOLD, backColor=NOTICE_BACK,
                                 borderColor=ACCENT, borderWidth=0.8, spaceBefore=4, spaceAfter=8, **boxed),
        "cell": cell,
        "cell_head": ParagraphStyle("cell_head", parent=cell, fontName=FONT_BOLD),
        "cell_flag": ParagraphStyle("cell_flag", parent=cell, fontName=FONT_BOLD, textColor=FLAG_TEXT),
        "pair_label": ParagraphStyle("pair_label", parent=pair, textColor=MUTED),
        "pair_value": pair,
    }


class Layout:
    """Turns content blocks into flowables for one frame width and look."""

    def __init__(self, frame_width: float, look: Look = NORMAL, frame_height: float = 600.0) -> None:
        self.width, self.look, self.styles = frame_width, look, styles(look)
        self.chart_height = frame_height - 4 * look.body  # a chart part fits a page under its heading

    def p(self, text: str, style: str) -> Paragraph:
        return para(text, self.styles[style])

    def cell(self, text: str, style: str) -> Paragraph:
        """A table cell; a number stays on one line with its unit ('240 min', '48%')."""
        return self.p(UNIT_SPACE.sub("\\1\u00a0\\2", text), style)

    def _base_style(self) -> list[tuple[object, ...]]:
        """Every cell in the DejaVu family, even plain strings, so no Helvetica can appear."""
        pad = 4 if self.look.large else 3
        return [("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), self.look.cell),
                ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), pad),
                ("RIGHTPADDING", (0, 0), (-1, -1), pad), ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]

    def table(self, part: Table) -> list[Flowable]:
        """A grid table that repeats its header row on each page it spans; mismatch rows are tinted. In large
        print the NIOSH table is turned on its side, a row per multiplier, and any other table becomes a card per
        row, so no column is too narrow for 16 pt text."""
        if self.look.large:
            return [self._niosh_turned(part)] if part.kind == "niosh" else self._cards(part)
        return [self._grid(part)]

    def _grid(self, part: Table) -> RlTable:
        header = [self.cell(text, "cell_head") for text in part.header]
        result_column = 3 if part.kind in ("items", "rated") else -1
        body = [[self.cell(text, "cell_flag" if n in part.flagged and col == result_column else "cell")
                 for col, text in enumerate(row)] for n, row in enumerate(part.rows)]
        commands = self._base_style() + [
            ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD), ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACK),
            ("GRID", (0, 0), (-1, -1), 0.4, GRID), ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, STRIPE])]
        commands += [("BACKGROUND", (0, n + 1), (-1, n + 1), FLAG_BACK) for n in part.flagged]
        grid = RlTable([header, *body], colWidths=self.look.widths(part.kind, self.width), repeatRows=1,
                       splitByRow=1, hAlign="LEFT", spaceAfter=4)
        grid.setStyle(TableStyle(commands))
        return grid

    def _cards(self, part: Table) -> list[Flowable]:
        """A card per row: the row's first cell as its title (tinted when flagged), then each column's name beside
        its value (a dash is left out); each card is kept whole on a page."""
        cards: list[Flowable] = []
        result_column = 3 if part.kind in ("items", "rated") else -1
        for n, row in enumerate(part.rows):
            flagged = n in part.flagged
            lines = [[self.cell(row[0], "cell_head"), ""]]
            lines += [[self.cell(part.header[col], "pair_label"),
                       self.cell(row[col], "cell_flag" if flagged and col == result_column else "cell")]
                      for col in range(1, len(row)) if row[col] != "—"]  # a dash says nothing a reader needs
            card = RlTable(lines, colWidths=self.look.widths("card", self.width), hAlign="LEFT", spaceAfter=6)
            card.setStyle(TableStyle(self._base_style() + [
                ("SPAN", (0, 0), (-1, 0)), ("BACKGROUND", (0, 0), (-1, 0), FLAG_BACK if flagged else HEADER_BACK),
                ("BOX", (0, 0), (-1, -1), 0.6, GRID), ("LINEBELOW", (0, 0), (-1, 0), 0.4, GRID)]))
            cards.append(KeepTogether([card]))
        return cards

    def _niosh_turned(self, part: Table) -> RlTable:
        columns = list(zip(part.header, *part.rows, strict=True))  # (label, origin, destination?) per multiplier
        header, *rows = columns
        grid = RlTable([[self.cell(t, "cell_head") for t in header],
                        *[[self.cell(t, "cell_head" if n == 0 else "cell") for n, t in enumerate(row)]
                          for row in rows]],
                       colWidths=self.look.widths("niosh", self.width)[:len(header)], repeatRows=1, hAlign="LEFT",
                       spaceAfter=4)
        commands = self._base_style() + [("BACKGROUND", (0, 0), (-1, 0), HEADER_BACK),
                                         ("BACKGROUND", (0, 1), (0, -1), HEADER_BACK),
                                         ("GRID", (0, 0), (-1, -1), 0.4, GRID)]
        commands += [("BACKGROUND", (n + 1, 1), (n + 1, -1), FLAG_BACK) for n in part.flagged]
        grid.setStyle(TableStyle(commands))
        return grid

    def pairs(self, part: Table) -> RlTable:
        """Label and value lines, aligned in two columns without a grid."""
        rows = [[self.p(label, "pair_label"), self.p(value, "pair_value")] for label, value in part.rows]
        grid = RlTable(rows, colWidths=self.look.widths("pairs", self.width), hAlign="LEFT", spaceAfter=6)
        grid.setStyle(TableStyle(self._base_style() + [("LEFTPADDING", (0, 0), (0, -1), 0),
                                                       ("TOPPADDING", (0, 0), (-1, -1), 1),
                                                       ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
        return grid

    def score_charts(self, part: ScoreCharts) -> RlTable:
        """Score charts, two to a row in normal print, one to a row in large print."""
        per_row = self.look.charts_per_row
        width = (self.width - CHART_GAP * (per_row - 1)) / per_row
        charts: list[Flowable] = [
            score_chart(series, width, self.look.score_chart_height, font_size=self.look.chart,
                        labels=ScoreLabels(axis, part.score, part.band, part.goal))
            for series, axis in zip(part.series, part.axes, strict=True)]
        charts += [Spacer(width, 1)] * (-len(charts) % per_row)
        widths = [width + CHART_GAP] * (per_row - 1) + [width]
        grid = RlTable([charts[n:n + per_row] for n in range(0, len(charts), per_row)], colWidths=widths,
                       hAlign="LEFT", spaceAfter=4)
        grid.setStyle(TableStyle(self._base_style() + [("LEFTPADDING", (0, 0), (-1, -1), 0),
                                                       ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                                       ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
        return grid

    def part(self, part: Part) -> list[Flowable]:
        """One content block as flowables (a match chart too tall for a page comes in parts)."""
        if isinstance(part, Text):
            if part.style in ("bullet", "note"):
                return [para(part.text, self.styles[part.style], bullet="•" if part.style == "bullet" else "–")]
            paragraph = self.p(part.text, part.style)
            return [KeepTogether([paragraph])] if part.style in ("caveat", "notice") else [paragraph]  # a box whole
        if isinstance(part, Table):
            return [self.pairs(part)] if part.kind == "pairs" else self.table(part)
        if isinstance(part, ScoreCharts):
            return [self.score_charts(part)]
        return list(match_charts(part.bars, self.width, part.caption, part.not_tested, font_size=self.look.chart,
                                 max_height=self.chart_height))

    def _lead(self, before: list[Flowable], table: RlTable) -> float:
        """The height needed below a page's top for the heading (and any intro) and the table's header row and first
        two rows, so a heading never ends a page alone or with a header row and nothing under it."""
        height = sum(f.wrap(self.width, 10_000)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in before)
        table.wrap(self.width, 10_000)
        return height + sum(table._rowHeights[:3]) + 4  # noqa: SLF001 - reportlab keeps row heights here

    def _grid_at(self, section: Section) -> int | None:
        """Where a grid table starts the section, first or after one paragraph of introduction (normal print)."""
        if self.look.large:
            return None
        for n, part in enumerate(section.parts[:2]):
            if isinstance(part, Table) and part.kind != "pairs" and all(isinstance(p, Text) for p in section.parts[:n]):
                return n
        return None

    def section(self, section: Section) -> list[Flowable]:
        """A section: sub-sections (in normal print) and charts are kept whole; a long table splits under a repeated
        header, with its heading, any introduction and first rows kept together; otherwise the heading stays with
        its first block."""
        heading = self.p(section.heading, ("title", "heading", "subheading")[section.level])
        body = [flowable for part in section.parts for flowable in self.part(part)]
        if section.level == 0:
            return [heading, *body]
        if section.level == 2 and self.look.large:  # kept whole, a large-print sub-section would leave a gap
            return [KeepTogether([heading, *body[:1]]), *body[1:]]
        if section.level == 2 or any(isinstance(part, Chart | ScoreCharts) for part in section.parts):
            return [KeepTogether([heading, *body])]
        grid = self._grid_at(section)
        if grid is not None:
            table = body[grid]
            assert isinstance(table, RlTable)  # a grid table in normal print is one flowable
            return [CondPageBreak(self._lead([heading, *body[:grid]], table)), heading, *body]
        return [KeepTogether([heading, *body[:1]]), *body[1:]]

    def story(self, content: MatchReportContent) -> list[Flowable]:
        """The report's flowables in reading order."""
        return [flowable for section in content.sections for flowable in self.section(section)]


def render_match_report(case: Case, clinic: Clinic, today: date | None = None, *,
                        request: DisclosureRequest | None = None, options: RenderOptions | None = None,
                        table_id: str = "dot", invariant: bool = False) -> bytes:
    """The job-match report as PDF bytes, on the clinic's paper size, in the options' units and print size, for the
    clinical team unless `request` names another recipient; a draft carries the DRAFT mark on every page. Raises
    ValidationError when the disclosure rules do not allow the request."""
    today = today or date.today()
    options = options or RenderOptions()
    decision = decide(DocumentKind.MATCH_REPORT, case, request or default_request(DocumentKind.MATCH_REPORT, case),
                      today, jurisdiction=clinic.jurisdiction)
    content = build_match_report(case, clinic, today, table_id, decision=decision, units=options.units(clinic))
    look = LARGE if options.large_print else NORMAL
    buffer = io.BytesIO()
    scale = look.body / NORMAL.body  # letterhead, running header and footer grow with the body text
    doc = letter_document(buffer, clinic, content.later_page_header, content.title, invariant=invariant,
                          draft=options.draft, header_bold=options.large_print, scale=scale)
    doc.build(Layout(doc.width, look, doc.height - 6 * mm).story(content),
              canvasmaker=numbered_canvas(content.page_footer, size=8 * scale))
    return buffer.getvalue()
