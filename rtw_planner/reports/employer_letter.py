"""Lay out the employer letter from its content blocks; user text always goes through `para`."""

from __future__ import annotations

import io
import math
from datetime import date
from functools import cache

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.flowables import HRFlowable

from rtw_planner.domain.case.model import Case, Clinic
from rtw_planner.domain.issuing.disclosure import DisclosureRequest
from rtw_planner.domain.issuing.options import RenderOptions
from rtw_planner.reports.letter_blocks import build_letter
from rtw_planner.reports.letter_content import LetterContent, PhaseCard, ScheduleTable, Section, Signature
from rtw_planner.reports.styles import ACCENT, FONT, FONT_BOLD, MUTED, stylesheet
from rtw_planner.reports.templates import letter_document, numbered_canvas
from rtw_planner.reports.text import para, text_width

BODY_SIZE, LARGE_BODY_SIZE = 10.5, 16.0
HEADING_ROOM = 25 * mm  # at normal size: a heading needs this much room below it, or it starts the next page
SCHEDULE_SHARES = (0.28, 0.28, 0.22, 0.22)  # of the width left after the phase number, as the columns are ordered
CARD_LABEL_SHARE = 0.28
CELL_PADDING = 3  # reportlab's default left and right cell padding, in points
NOTICE_FILL = colors.HexColor("#eef3f8")
RULE = colors.HexColor("#c9d3de")


class Layout:
    """Sizes for one rendering: every measure grows with the body size, so large print grows everything."""

    def __init__(self, large_print: bool, frame_width: float, frame_height: float) -> None:
        self.size = LARGE_BODY_SIZE if large_print else BODY_SIZE
        self.scale = self.size / BODY_SIZE
        self.styles: StyleSheet1 = stylesheet(self.size)
        self.extra = _extra_styles(self.size)
        self.width = frame_width
        self.page_room = frame_height / 2  # a block taller than this may split rather than leave half a page empty
        self.cell_size = self.styles["cell"].fontSize

    def p(self, text: str, style: str) -> Paragraph:
        """A paragraph in one of the sheet's styles, or the letter's own ('notice', 'card_label', 'label')."""
        return para(text, self.extra[style] if style in self.extra else self.styles[style])

    def room(self, points: float) -> CondPageBreak:
        """Start a new page unless this much room (at normal size) is left."""
        return CondPageBreak(points * self.scale)

    def cell(self, text: str, width: float, style: str = "cell") -> str | Paragraph:
        """Short text we control (numbers, dates, day names) as a plain string when it fits its column on one
        line, which is drawn as text and is much cheaper; otherwise a paragraph that wraps."""
        font = FONT_BOLD if style == "cell_head" else FONT
        if "\n" not in text and text_width(text, font, self.cell_size) <= width - 2 * CELL_PADDING:
            return text
        return self.p(text, style)


@cache
def _extra_styles(size: float) -> dict[str, ParagraphStyle]:
    body = stylesheet(size)["body"]
    cell = stylesheet(size)["cell"]
    return {
        "notice": ParagraphStyle("letter_notice", parent=body, fontName=FONT_BOLD, spaceAfter=0),
        "label": ParagraphStyle("letter_group_label", parent=body, fontName=FONT_BOLD, spaceBefore=2, spaceAfter=2),
        "card_label": ParagraphStyle("letter_card_label", parent=cell, fontName=FONT_BOLD),
        "bullet": ParagraphStyle("letter_bullet", parent=stylesheet(size)["bullet"], leftIndent=14 * size / BODY_SIZE,
                                 bulletIndent=4 * size / BODY_SIZE),
        "cell_bullet": ParagraphStyle("letter_cell_bullet", parent=cell, leftIndent=size * 0.9, bulletIndent=0,
                                      spaceAfter=1),
        "card_heading": ParagraphStyle("letter_card_heading", parent=body, fontName=FONT_BOLD, textColor=ACCENT,
                                       spaceBefore=6, spaceAfter=3),
    }


def story(content: LetterContent, layout: Layout) -> list[Flowable]:
    """The letter's flowables in reading order."""
    flow: list[Flowable] = [layout.p(content.letter_date, "right")]
    if content.recipient:
        flow.append(layout.p(content.recipient, "body"))
    flow += [Spacer(1, 2 * mm), _notice(content.notice, layout), Spacer(1, 3 * mm),
             layout.p(content.salutation, "body"), layout.p(content.subject, "title")]
    flow += [layout.p(text, "body") for text in content.paragraphs]
    for section in content.sections:
        flow += _section(section, layout)
    if content.schedule is not None:
        flow += _schedule(content.schedule, layout)
    *middle, last = content.after_schedule
    for section in middle:
        flow += _section(section, layout)
    # The last section (review and contact) moves with the signature, so the signature never stands alone; its
    # conditional page break is dropped, as the block is kept together anyway.
    flow.append(_signature(content.signature, layout, _section(last, layout)[1:]))
    return flow


def _section(section: Section, layout: Layout) -> list[Flowable]:
    # A conditional page break keeps a heading off the foot of a page far more cheaply than KeepTogether.
    block: list[Flowable] = [layout.room(HEADING_ROOM), layout.p(section.heading, "heading")]
    if section.intro:
        block.append(layout.p(section.intro, "body"))
    block += [para(item, layout.extra["bullet"], bullet="•") for item in section.items]
    if not section.items and not section.groups and section.when_empty:
        block.append(layout.p(section.when_empty, "body"))
    for group in section.groups:
        block += [layout.room(HEADING_ROOM * 0.6), layout.p(group.label, "label")]
        block += [para(item, layout.extra["bullet"], bullet="•") for item in group.items]
    if section.outro:
        block.append(layout.p(section.outro, "body"))
    return block


def _notice(text: str, layout: Layout) -> Table:
    """The delivery notice, boxed so it is seen first; a table cell keeps the box inside the margins."""
    box = Table([[layout.p(text, "notice")]], colWidths=[layout.width])
    box.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("BACKGROUND", (0, 0), (-1, -1), NOTICE_FILL),
                             ("BOX", (0, 0), (-1, -1), 0.8, ACCENT),
                             ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                             ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    return box


def _schedule(schedule: ScheduleTable, layout: Layout) -> list[Flowable]:
    # The phase number column is as wide as its heading, so the heading never breaks inside the word.
    first = text_width(schedule.columns[0], FONT_BOLD, layout.cell_size) + 2 * CELL_PADDING + 4
    widths = [first, *(share * (layout.width - first) for share in SCHEDULE_SHARES)]
    header = [layout.cell(text, w, "cell_head") for text, w in zip(schedule.columns, widths, strict=True)]
    rows: list[list[str | Paragraph]] = [[layout.cell(text, w) for text, w in zip(row, widths, strict=True)]
                                         for row in schedule.rows]
    last_row = len(rows)
    if schedule.footnote:  # a last row spanning the table, so the note never leaves the rows it explains
        rows.append([layout.p(schedule.footnote, "small"), *([""] * (len(widths) - 1))])
    table = Table([header, *rows], colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD),
                               ("FONTSIZE", (0, 0), (-1, -1), layout.cell_size),
                               ("LEADING", (0, 0), (-1, -1), layout.cell_size * 1.3),
                               ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
                               ("LINEBELOW", (0, 1), (-1, last_row), 0.25, MUTED), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               *([("SPAN", (0, last_row + 1), (-1, last_row + 1)),
                                  ("NOSPLIT", (0, last_row), (-1, last_row + 1))] if schedule.footnote else [])]))
    # Heading, lead-in and a short table start on the same page (an estimate of the rows' height is far cheaper
    # than KeepTogether's trial layout); a table longer than that splits between rows and repeats its header.
    row_height = layout.cell_size * 1.3 + 2 * CELL_PADDING
    estimate = sum(row_height * (1 if all(isinstance(c, str) for c in row) else 2) for row in [header, *rows])
    needed = HEADING_ROOM * layout.scale + estimate
    flow: list[Flowable] = [CondPageBreak(needed) if needed < layout.page_room else layout.room(HEADING_ROOM + 15 * mm),
                            layout.p(schedule.heading, "heading"), layout.p(schedule.intro, "body"), table]
    for card in schedule.cards:
        flow += _card(card, layout)
    return flow


def _card(card: PhaseCard, layout: Layout) -> list[Flowable]:
    """One phase: its heading kept with a table of labels and what the clinician wrote, as written."""
    label_width = CARD_LABEL_SHARE * layout.width
    rows = []
    for label, values in card.rows:
        if len(values) == 1:
            shown: Flowable | list[Flowable] = layout.p(values[0], "cell")
        else:
            shown = [para(v, layout.extra["cell_bullet"], bullet="•") for v in values]
        rows.append([layout.cell(label, label_width, "card_label"), shown])
    table = Table(rows, colWidths=[label_width, layout.width - label_width])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTNAME", (0, 0), (0, -1), FONT_BOLD),
                               ("FONTSIZE", (0, 0), (-1, -1), layout.cell_size),
                               ("LEADING", (0, 0), (-1, -1), layout.cell_size * 1.3),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                               ("LEFTPADDING", (1, 0), (1, -1), 10 * layout.scale)]))
    return [CondPageBreak(_card_height(card, layout, label_width)), layout.p(card.heading, "card_heading"), table]


def _card_height(card: PhaseCard, layout: Layout, label_width: float) -> float:
    """A generous estimate of a card's height with its heading, from the width of its text, so a card that fits
    on a page is not split across two (far cheaper than a trial layout). A longer card splits between rows."""
    value_width = layout.width - label_width - 10 * layout.scale - 2 * CELL_PADDING
    leading = layout.cell_size * 1.3
    height = HEADING_ROOM * layout.scale * 0.5
    for label, values in card.rows:
        label_lines = math.ceil(text_width(label, FONT_BOLD, layout.cell_size) / (label_width - 2 * CELL_PADDING))
        value_lines = sum(math.ceil(text_width(v, FONT, layout.cell_size) * 1.1 / value_width) for v in values)
        height += max(label_lines, value_lines) * leading + 2 * CELL_PADDING
    return min(height, layout.page_room)


def _signature(signature: Signature, layout: Layout, before: list[Flowable]) -> KeepTogether:
    """The flowables `before` it, then the closing, signature line, who signs and the date, never split across
    pages."""
    name, *details = signature.lines
    return KeepTogether([
        *before, Spacer(1, 4 * mm), layout.p(signature.closing, "body"), Spacer(1, 12 * mm * layout.scale),
        HRFlowable(width=75 * mm * layout.scale, thickness=0.6, color=MUTED, hAlign="LEFT", spaceAfter=1),
        layout.p(signature.signature_label, "small"), Spacer(1, 2 * mm), layout.p(name, "strong"),
        *[layout.p(line, "small") for line in details], layout.p(signature.dated, "body"),
    ])


def render_employer_letter(case: Case, clinic: Clinic, letter_date: date | None = None, *,
                           request: DisclosureRequest | None = None, options: RenderOptions | None = None,
                           invariant: bool = False) -> bytes:
    """The employer letter as PDF bytes; the consent rules are applied in build_letter. Raises ValidationError
    when the disclosure rules do not allow the request."""
    options = options or RenderOptions()
    content = build_letter(case, clinic, letter_date or date.today(), request=request, options=options)
    buffer = io.BytesIO()
    layout_scale = LARGE_BODY_SIZE / BODY_SIZE if options.large_print else 1.0
    doc = letter_document(buffer, clinic, content.later_page_header, content.title, invariant=invariant,
                          draft=options.draft, scale=layout_scale)
    layout = Layout(options.large_print, doc.width, doc.height)
    doc.build(story(content, layout), canvasmaker=numbered_canvas(content.page_footer, size=8 * layout_scale))
    return buffer.getvalue()
