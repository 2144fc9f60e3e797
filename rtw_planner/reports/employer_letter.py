"""Lay out the employer letter from its content blocks; user text is always escaped."""

from __future__ import annotations

import io
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from rtw_planner.domain.case import Case, Clinic
from rtw_planner.domain.disclosure import DisclosureRequest
from rtw_planner.domain.rendering import RenderOptions
from rtw_planner.reports.letter_blocks import LetterContent, ScheduleTable, Section, build_letter
from rtw_planner.reports.styles import ACCENT, FONT, FONT_BOLD, MUTED, stylesheet
from rtw_planner.reports.templates import letter_document, numbered_canvas
from rtw_planner.reports.text import para

HEADING_ROOM = 25 * mm  # a heading needs this much room below it, or it starts the next page


def _p(text: str, style: str) -> Paragraph:
    return para(text, stylesheet()[style])


def story(content: LetterContent) -> list[Flowable]:
    """The letter's flowables in reading order."""
    flow: list[Flowable] = [_p(content.letter_date, "right")]
    if content.recipient:
        flow.append(_p(content.recipient, "body"))
    flow += [Spacer(1, 2 * mm), _notice(content.notice), Spacer(1, 3 * mm), _p(content.salutation, "body"),
             _p(content.subject, "title")]
    flow += [_p(text, "body") for text in content.paragraphs]
    for section in content.sections:
        flow += _section(section)
    if content.schedule is not None:
        flow += _schedule(content.schedule)
    for section in content.after_schedule:
        flow += _section(section)
    name, *details = content.signature
    flow += [CondPageBreak(45 * mm), Spacer(1, 4 * mm), _p(content.closing, "body"), Spacer(1, 8 * mm),
             _p(name, "strong"), *[_p(line, "small") for line in details]]
    return flow


def _section(section: Section) -> list[Flowable]:
    # A conditional page break keeps a heading off the foot of a page far more cheaply than KeepTogether.
    block: list[Flowable] = [CondPageBreak(HEADING_ROOM), _p(section.heading, "heading")]
    if section.intro:
        block.append(_p(section.intro, "body"))
    block += [para(item, stylesheet()["bullet"], bullet="•") for item in section.items]
    if not section.items and section.when_empty:
        block.append(_p(section.when_empty, "body"))
    return block


def _notice(text: str) -> Paragraph:
    """The delivery notice, boxed so it is seen first."""
    return para(text, stylesheet()["notice"])


def _schedule(schedule: ScheduleTable) -> list[Flowable]:
    # Short cells are plain strings: drawn as text (never parsed as markup) and much cheaper than paragraphs.
    table = Table([list(schedule.columns), *[list(row) for row in schedule.rows]],
                  colWidths=["9%", "24%", "16%", "15%", "14%", "22%"], repeatRows=1)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD),
                               ("FONTSIZE", (0, 0), (-1, -1), 9), ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
                               ("LINEBELOW", (0, 1), (-1, -1), 0.25, MUTED), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return [CondPageBreak(HEADING_ROOM + 30 * mm), _p(schedule.heading, "heading"), _p(schedule.intro, "body"), table]


def render_employer_letter(case: Case, clinic: Clinic, letter_date: date | None = None, *,
                           request: DisclosureRequest | None = None, options: RenderOptions | None = None,
                           invariant: bool = False) -> bytes:
    """The employer letter as PDF bytes; the consent rules are applied in build_letter. Raises ValidationError
    when the disclosure rules do not allow the request."""
    options = options or RenderOptions()
    content = build_letter(case, clinic, letter_date or date.today(), request=request)
    buffer = io.BytesIO()
    doc = letter_document(buffer, clinic, content.later_page_header, content.title, invariant=invariant,
                          draft=options.draft)
    doc.build(story(content), canvasmaker=numbered_canvas(content.page_footer))
    return buffer.getvalue()
