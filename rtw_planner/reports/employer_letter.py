"""Lay out the employer letter from its content blocks; user text is always escaped."""

from __future__ import annotations

import io
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from rtw_planner.domain.case import Case, Clinic
from rtw_planner.reports.letter_blocks import LetterContent, build_letter
from rtw_planner.reports.styles import stylesheet
from rtw_planner.reports.templates import letter_document, numbered_canvas


def _p(text: str, style: str) -> Paragraph:
    return Paragraph(escape(text), stylesheet()[style])


def story(content: LetterContent) -> list[Flowable]:
    """The letter's flowables in reading order."""
    flow: list[Flowable] = [
        _p(content.letter_date, "right"),
    ]
    if content.recipient:
        flow.append(_p(content.recipient, "body"))
    flow += [Spacer(1, 3 * mm), _p(content.salutation, "body"), _p(content.subject, "title")]
    flow += [_p(text, "body") for text in content.paragraphs]
    for section in content.sections:
        block: list[Flowable] = [_p(section.heading, "heading")]
        if section.intro:
            block.append(_p(section.intro, "body"))
        block += [Paragraph(escape(item), stylesheet()["bullet"], bulletText="•") for item in section.items]
        if not section.items and section.when_empty:
            block.append(_p(section.when_empty, "body"))
        flow.append(KeepTogether(block[:3]))
        flow += block[3:]
    flow += [Spacer(1, 4 * mm), _p(content.closing, "body"), Spacer(1, 8 * mm)]
    name, *details = content.signature
    flow.append(KeepTogether([_p(name, "strong")] + [_p(line, "small") for line in details]))
    return flow


def render_employer_letter(case: Case, clinic: Clinic, letter_date: date | None = None,
                           invariant: bool = False) -> bytes:
    """The employer letter as PDF bytes."""
    content = build_letter(case, clinic, letter_date or date.today())
    buffer = io.BytesIO()
    doc = letter_document(buffer, clinic, content.later_page_header, content.title, invariant=invariant)
    doc.build(story(content), canvasmaker=numbered_canvas(content.page_footer))
    return buffer.getvalue()
