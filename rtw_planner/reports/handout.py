"""Lay out the patient handout from its content blocks, in 12 pt or 16 pt large print; user text is always escaped."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from datetime import date
from functools import cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from rtw_planner.domain.case.model import Case, Clinic
from rtw_planner.domain.issuing.options import RenderOptions
from rtw_planner.reports import handout_blocks as hb
from rtw_planner.reports import handout_parts as hp
from rtw_planner.reports.progress_charts import PracticeLabels, practice_chart
from rtw_planner.reports.styles import FONT, FONT_BOLD, MARGIN, PAPER_SIZES, stylesheet
from rtw_planner.reports.templates import letter_document, numbered_canvas
from rtw_planner.reports.text import para, text_width

BODY_SIZE, LARGE_PRINT_SIZE = 12.0, 16.0
WARNING = colors.HexColor("#a4161a")
TINT = colors.HexColor("#e8eef5")
GRID = colors.HexColor("#8a8a8a")
THIS_WEEK = colors.HexColor("#fff3c4")
MIN_ROWS = 4  # a week-by-week table breaks across pages only with at least 4 rows on each side
ROW = 1.6  # a one-line table row, in body sizes: leading 1.2 plus padding 0.15 above and 0.25 below
CHART_HEIGHT = 13.0  # a chart's height, in body sizes: its text is in the body size too
SHORT_LIST = 5  # a list of up to 5 items is never split across pages
TABLE_PADDING = 0.5  # a table cell's left and right padding, in body sizes


class WeeksTable(Table):
    """A table that repeats its header on the next page and never leaves fewer than MIN_ROWS rows on
    either side of a break: if the next page would get too few, it breaks a row or more earlier."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 - reportlab's names
        while availHeight > 0:
            parts: list[Flowable] = super().split(availWidth, availHeight)
            if len(parts) != 2:
                return parts
            first, rest = (part._nrows - self.repeatRows for part in parts)
            if first < MIN_ROWS:
                return []
            if rest >= MIN_ROWS:
                return parts
            availHeight -= min(self._rowHeights)
        return []


@cache
def handout_styles(size: float) -> dict[str, ParagraphStyle]:
    """Paragraph styles at one body size, derived from the shared stylesheet; headings are larger."""
    sheet = stylesheet(size)
    body = sheet["body"]
    cell = ParagraphStyle(f"cell{size}", parent=body, leading=size * 1.2, spaceAfter=0)
    return {
        "body": body,
        "strong": ParagraphStyle(f"strong{size}", parent=body, fontName=FONT_BOLD),
        "title": ParagraphStyle(f"title{size}", parent=sheet["title"], fontSize=size * 1.6, leading=size * 2,
                                spaceBefore=0),
        "heading": ParagraphStyle(f"heading{size}", parent=sheet["heading"], fontSize=size * 1.35,
                                  leading=size * 1.7, spaceBefore=size * 0.7, spaceAfter=size * 0.3),
        "warning": ParagraphStyle(f"warning{size}", parent=sheet["heading"], fontSize=size * 1.35,
                                  leading=size * 1.7, spaceBefore=0, textColor=WARNING),
        "bullet": ParagraphStyle(f"bullet{size}", parent=body, leftIndent=size * 1.4, bulletIndent=size * 0.3,
                                 bulletFontSize=size, spaceAfter=size * 0.2),
        "cell": cell,
        "cell_bold": ParagraphStyle(f"cell_bold{size}", parent=cell, fontName=FONT_BOLD),
        "cell_head": ParagraphStyle(f"cell_head{size}", parent=cell, fontName=FONT_BOLD, alignment=TA_CENTER),
    }


class _Layout:
    """Turns content blocks into flowables at one size and frame width."""

    def __init__(self, size: float, width: float) -> None:
        self.size, self.width, self.styles = size, width, handout_styles(size)

    def p(self, text: str, style: str = "body", **kwargs: Any) -> Paragraph:
        return para(text, self.styles[style], bullet=kwargs.get("bulletText"), line_breaks=True)

    def grid(self, data: list[list[Any]], widths: list[float], *commands: tuple[Any, ...], kind: type = Table,
             repeat: int = 1) -> Table:
        """A table in the embedded font (a cell without a paragraph would otherwise name Helvetica)."""
        table = kind(data, colWidths=widths, repeatRows=repeat, hAlign="LEFT")
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, self.size), *commands]))
        return table

    def block(self, block: hp.Block) -> list[Flowable]:
        if isinstance(block, hp.Text):
            return [self.p(block.text, "strong" if block.strong else "body")]
        if isinstance(block, hp.Bullets):
            return [self.p(item, "bullet", bulletText="•") for item in block.items]
        if isinstance(block, hp.Table):
            return [*self.tables(block)]
        return [Spacer(1, self.size * 0.3), self.chart(block), Spacer(1, self.size * 0.6)]

    def chart(self, b: hp.PracticeChart) -> Flowable:
        """A chart the frame wide, its words in the body size."""
        labels = PracticeLabels(b.axis, b.quota, b.met, b.missed, b.goal, b.caption, b.done)
        return practice_chart(b.series, self.width, self.size * CHART_HEIGHT, font_size=self.size, labels=labels)

    def column_groups(self, table: hp.Table) -> tuple[float, float, list[list[int]]]:
        """The first column's width, the other columns' width, and which columns go in each table: as many equal
        columns side by side as fit the widest cell (a header may wrap between words), the rest in more tables
        below, balanced (5 columns that fit 4 a table go 3 and 2; 7 that fit 3 go 3, 2 and 2)."""
        pad = self.size * TABLE_PADDING

        def widest(texts: list[str]) -> float:
            return max((text_width(t, FONT_BOLD, self.size) for t in texts), default=0.0) + 2 * pad + 1

        first = widest([row[0] for row in table.rows])
        need = max(widest([row[c] for row in table.rows] + table.header[c].split())
                   for c in range(1, len(table.header)))
        columns = list(range(1, len(table.header)))
        fits = max(1, min(len(columns), int((self.width - first) // need)))
        count = math.ceil(len(columns) / fits)
        sizes = [len(columns) // count + (n < len(columns) % count) for n in range(count)]  # 7 in 3: 3, 2, 2
        groups = [columns[sum(sizes[:n]):sum(sizes[:n + 1])] for n in range(count)]
        return first, (self.width - first) / sizes[0], groups

    def tables(self, table: hp.Table) -> list[Table]:
        """The week-by-week table: the week column and as many activity columns as fit, repeated below for the
        rest; this week bold on yellow, the goals bold on the header's tint. Notes go under the last one."""
        first, width, groups = self.column_groups(table)
        out: list[Table] = []
        for n, columns in enumerate(groups):
            keep = [0, *columns]
            data: list[list[Any]] = [[self.p(table.header[c], "cell_head") for c in keep]]
            for i, row in enumerate(table.rows):
                bold = i == table.bold_row or (table.goal_row and i == len(table.rows) - 1)
                data.append([self.p(row[c], "cell_bold" if bold else "cell") for c in keep])
            last = len(data) - 1
            notes = n == len(groups) - 1 and table.notes
            if notes:
                data.append([[self.p(note, "cell") for note in table.notes]] + [""] * len(columns))
            commands: list[tuple[Any, ...]] = [
                ("GRID", (0, 0), (-1, last), 0.6, GRID), ("BACKGROUND", (0, 0), (-1, 0), TINT),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, last), self.size * 0.15),
                ("BOTTOMPADDING", (0, 0), (-1, -1), self.size * 0.25),
                ("LEFTPADDING", (0, 0), (-1, last), self.size * TABLE_PADDING),
                ("RIGHTPADDING", (0, 0), (-1, last), self.size * TABLE_PADDING)]
            if notes:
                commands += [("SPAN", (0, -1), (-1, -1)), ("LEFTPADDING", (0, -1), (0, -1), 0),
                             ("TOPPADDING", (0, -1), (0, -1), self.size * 0.4)]
            if table.bold_row is not None:
                this_week = 1 + table.bold_row
                commands.append(("BACKGROUND", (0, this_week), (-1, this_week), THIS_WEEK))
            if table.goal_row:
                commands.append(("BACKGROUND", (0, last), (-1, last), TINT))
            grid = self.grid(data, [first] + [width] * len(columns), *commands, kind=WeeksTable, repeat=1)
            grid.spaceBefore = self.size * 0.6  # dropped at the top of a page
            out.append(grid)
        return out

    def height(self, flowables: list[Flowable]) -> float:
        """Room the flowables need on a page, plus the start of a table (a header of up to 2 rows' height and
        MIN_ROWS weeks)."""
        text = sum(f.wrap(self.width, 1e6)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in flowables)
        return text + (MIN_ROWS + 2) * ROW * self.size + self.size

    def chart_groups(self, section: hp.HandoutSection) -> list[Flowable]:
        """A section with charts: the heading and what comes before the charts as in `section`, then each chart
        kept on one page with the paragraphs just before it."""
        blocks, cuts = list(section.blocks), []
        for n, block in enumerate(blocks):
            if isinstance(block, hp.PracticeChart):
                first = n
                while first > 0 and isinstance(blocks[first - 1], hp.Text):
                    first -= 1
                cuts.append(first)
        out = [f for part in parts(hp.HandoutSection(section.heading, tuple(blocks[:cuts[0]])))
               for f in self.kept_with_next(part)] if cuts[0] else []
        for n, (start, end) in enumerate(zip(cuts, [*cuts[1:], len(blocks)], strict=True)):
            heading = [] if n or cuts[0] else [section.heading]  # a heading never sits alone above a chart
            out.append(KeepTogether(self.flow([*heading, *blocks[start:end]])))
        return out

    def kept_with_next(self, part: list[hp.Block | str]) -> list[Flowable]:
        """A part whose head (its heading and the lines before its first list) stays with the start of what
        follows; the rest may go on to the next page between blocks. A list of up to SHORT_LIST items is kept
        whole; a longer one may break, but never with fewer than two items on either side."""
        head = next((n for n, b in enumerate(part) if not isinstance(b, str | hp.Text)), len(part))
        chunks: list[list[Flowable]] = []
        for block in part[head:]:
            flow = self.flow([block])
            chunks += [flow] if len(flow) <= SHORT_LIST else [flow[:2], *([f] for f in flow[2:-2]), flow[-2:]]
        first = self.flow(part[:head]) + (chunks.pop(0) if chunks else [])
        return [KeepTogether(first), *(KeepTogether(c) for c in chunks)]  # a paragraph is not split either

    def flow(self, blocks: Sequence[hp.Block | str]) -> list[Flowable]:
        """Blocks as flowables; a plain string is the section's heading."""
        return [f for b in blocks for f in ([self.p(b, "heading")] if isinstance(b, str) else self.block(b))]

    def section(self, section: hp.HandoutSection) -> list[Flowable]:
        """A section in parts that fill the page they start on (see `parts` and `kept_with_next`). In one with
        tables, the heading and lead-in stay with the start of the first table; a table breaks across pages with
        its header repeated. One with charts: see chart_groups. A warning section is a box that breaks only between
        its lines."""
        if any(isinstance(b, hp.PracticeChart) for b in section.blocks):
            return self.chart_groups(section)
        if not section.warning:
            flow = [self.p(section.heading, "heading"), *(f for b in section.blocks for f in self.block(b))]
            tables = [i for i, f in enumerate(flow) if isinstance(f, WeeksTable)]
            if not tables:
                return [f for part in parts(section) for f in self.kept_with_next(part)]
            out: list[Flowable] = [CondPageBreak(self.height(flow[:tables[0]])), KeepTogether(flow[:tables[0]])]
            for f in flow[tables[0]:]:
                out += [CondPageBreak(self.height([])), f] if isinstance(f, WeeksTable) else [f]
            return out
        rows = [[self.p(section.heading, "warning")], *([f] for b in section.blocks for f in self.block(b))]
        scale = self.size / BODY_SIZE
        box = self.grid(rows, [self.width], ("BOX", (0, 0), (-1, -1), 2 * scale, WARNING),  # a row a line: it splits
                        ("LEFTPADDING", (0, 0), (-1, -1), 10 * scale), ("RIGHTPADDING", (0, 0), (-1, -1), 10 * scale),
                        ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), self.size * 0.35),
                        ("TOPPADDING", (0, 0), (0, 0), 8 * scale), ("BOTTOMPADDING", (0, -1), (0, -1), 6 * scale))
        return [KeepTogether([Spacer(1, self.size * 0.9), box])]

    def log_sheet(self, log: hb.LogSheet) -> list[Flowable]:
        """The weekly log on a page of its own: every box, line and gap grows with the print size."""
        scale = self.size / BODY_SIZE
        widest = max(text_width(part, FONT_BOLD, self.size) for h in log.header[1:] for part in h.split(" ", 1))
        day_width = max(widest + 4 * scale + 2, self.size * 2.6)  # 'Wed' in bold on one line; a box to tick
        box = Spacer(1, self.size * 2.8)
        days = [para(h.replace(" ", "\n", 1), self.styles["cell_head"], line_breaks=True) for h in log.header[1:]]
        data: list[list[Any]] = [[self.p(log.header[0], "cell_bold"), *days]]  # 'Mon 4' on two lines
        data += [[self.p(label, "cell"), *([box] * (len(log.header) - 1))] for label in log.rows]  # empty tick boxes
        days_count = len(log.header) - 1
        sheet = self.grid(data, [self.width - day_width * days_count] + [day_width] * days_count,
                          ("GRID", (0, 0), (-1, -1), 1.2 * scale, colors.black), ("BACKGROUND", (0, 0), (-1, 0), TINT),
                          ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 4 * scale),
                          ("BOTTOMPADDING", (0, 0), (-1, -1), 5 * scale), ("LEFTPADDING", (1, 0), (-1, 0), 2 * scale),
                          ("RIGHTPADDING", (1, 0), (-1, 0), 2 * scale))
        notes = self.grid([[[self.p(log.notes, "strong"), Spacer(1, 45 * mm * scale)]]], [self.width],
                          ("BOX", (0, 0), (-1, -1), 1.2 * scale, colors.black))
        return [PageBreak(), KeepTogether([self.p(log.heading, "heading"), self.p(log.week, "strong"),
                                           self.p(log.intro, "body"), Spacer(1, 2 * mm * scale), sheet]),
                Spacer(1, 8 * mm * scale), notes]


def parts(section: hp.HandoutSection) -> list[list[hp.Block | str]]:
    """The section cut before each bold line that heads a plain one or a list ('What helps me:' and its bullets,
    a goal and its small steps), so a long section fills the page it starts on and a heading never sits alone."""
    out: list[list[hp.Block | str]] = [[section.heading]]
    for n, block in enumerate(section.blocks):
        after = section.blocks[n + 1] if n + 1 < len(section.blocks) else None
        heads = isinstance(block, hp.Text) and block.strong and (isinstance(after, hp.Bullets) or
                                                                  isinstance(after, hp.Text) and not after.strong)
        if heads and out[-1] != [section.heading]:
            out.append([])
        out[-1].append(block)
    return out


def story(content: hb.HandoutContent, width: float) -> list[Flowable]:
    """The handout's flowables in reading order, the log sheet on a page of its own."""
    layout = _Layout(LARGE_PRINT_SIZE if content.large_print else BODY_SIZE, width)
    flow: list[Flowable] = [layout.p(content.title, "title"), layout.p(content.made_for, "strong"),
                            layout.p(" ".join(content.intro), "body")]
    flow += [f for section in content.sections for f in layout.section(section)]
    return flow + layout.log_sheet(content.log)


def render_patient_handout(case: Case, clinic: Clinic, today: date | None = None, *,
                           options: RenderOptions | None = None, invariant: bool = False) -> bytes:
    """The patient handout as PDF bytes: 12 pt body text, or 16 pt in large print."""
    options = options or RenderOptions()
    large_print = options.large_print
    content = hb.build_handout(case, clinic, today or date.today(), large_print)
    size = LARGE_PRINT_SIZE if large_print else BODY_SIZE
    buffer = io.BytesIO()
    scale = size / BODY_SIZE  # letterhead, running header and footer grow with large print
    doc = letter_document(buffer, clinic, content.later_page_header, content.title, invariant=invariant,
                          draft=options.draft, header_size=(size - 2) / scale, header_bold=True,
                          scale=scale)  # larger than a letter's
    width = PAPER_SIZES[clinic.paper_size][0] - 2 * MARGIN
    doc.build(story(content, width), canvasmaker=numbered_canvas(content.page_footer, size - 2))
    return buffer.getvalue()
