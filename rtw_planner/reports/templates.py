"""Page templates: a first page with the clinic letterhead and later pages with a running header; every page
carries 'Page N of M'. A `scale` (large print) grows the letterhead, header and footer with the body text."""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from rtw_planner.domain.case.model import Clinic
from rtw_planner.reports import letterhead
from rtw_planner.reports.styles import ACCENT, FONT, FONT_BOLD, MARGIN, MUTED, PAPER_SIZES, register_fonts
from rtw_planner.reports.text import draw_string, text_width

FOOTER_BASELINE = 10 * mm
FOOTER_ROOM = 6 * mm  # between the bottom margin and the text frame, so the footer never touches the text
HEADER_BASELINE = 4 * mm  # above the top margin
MIN_SHRINK = 0.75  # a header or footer too long for the line is made up to this much smaller, then shortened
DRAFT_GREY = 0.82
ELLIPSIS = "…"
MIN_FIRST_FRAME = 40 * mm


def fitted(text: str, font: str, size: float, width: float) -> tuple[str, float]:
    """Text and size that fit on one line of `width`: made smaller first, then cut with an ellipsis."""
    needed = text_width(text, font, size)
    if needed <= width:
        return text, size
    size = max(size * width / needed, size * MIN_SHRINK)
    while text and text_width(text, font, size) > width:
        text = text[:-2].rstrip() + ELLIPSIS if len(text) > 1 else ""
    return text, size


def numbered_canvas(footer_template: str, size: float = 8) -> type[Canvas]:
    """A canvas class that writes the footer ('Page {page} of {pages}') at `size` once the page count is known."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("initialFontName", FONT)  # so no unembedded Helvetica reference remains
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            pages = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self.setFillColor(MUTED)
                width = self._pagesize[0]
                footer = footer_template.format(page=self._pageNumber, pages=pages)
                footer, footer_size = fitted(footer, FONT, size, width - 2 * MARGIN)
                draw_string(self, width / 2, FOOTER_BASELINE, footer, font=FONT, size=footer_size, align="centre")
                super().showPage()
            super().save()

    return NumberedCanvas


def draw_draft_mark(canvas: Canvas) -> None:
    """A large diagonal DRAFT across the page, light enough to read through, so a draft is never taken for the
    issued document."""
    width, height = canvas._pagesize
    canvas.saveState()
    canvas.setFillGray(DRAFT_GREY)
    canvas.setFont(FONT_BOLD, min(width, height) / 4.2)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(45)
    canvas.drawCentredString(0, -min(width, height) / 12, "DRAFT")
    canvas.restoreState()


def _draw_running_header(canvas: Canvas, text: str, size: float, bold: bool) -> None:
    width, height = canvas._pagesize
    font = FONT_BOLD if bold else FONT
    text, size = fitted(text, font, size, width - 2 * MARGIN)
    canvas.setFillColor(ACCENT if bold else MUTED)
    draw_string(canvas, MARGIN, height - MARGIN + HEADER_BASELINE, text, font=font, size=size)


def letter_document(target: io.BytesIO, clinic: Clinic, later_header: str, title: str,
                    invariant: bool = False, draft: bool = False, header_size: float = 8.5,
                    header_bold: bool = False, scale: float = 1.0) -> BaseDocTemplate:
    """A document whose first page has the letterhead and whose later pages have a running header; a draft has
    the DRAFT mark on every page. `scale` grows the letterhead and the running header (1.0 normal print; the
    body size of large print over the normal one); the footer's size is numbered_canvas's."""
    register_fonts()
    pagesize = PAPER_SIZES[clinic.paper_size]
    width, height = pagesize
    head = letterhead.layout(clinic, width, scale)
    bottom = MARGIN + FOOTER_ROOM
    # A letterhead taller than the page allows (dozens of address lines) still leaves a frame, never a negative one.
    first_top = max(height - MARGIN - head.height - letterhead.GAP, bottom + MIN_FIRST_FRAME)
    first = Frame(MARGIN, bottom, width - 2 * MARGIN, first_top - bottom, id="first", leftPadding=0, rightPadding=0)
    later = Frame(MARGIN, bottom, width - 2 * MARGIN, height - MARGIN - bottom, id="later",
                  leftPadding=0, rightPadding=0)

    def on_first(canvas: Canvas, _doc: Any) -> None:
        if draft:
            draw_draft_mark(canvas)
        head.draw(canvas)

    def on_later(canvas: Canvas, _doc: Any) -> None:
        if draft:
            draw_draft_mark(canvas)
        _draw_running_header(canvas, later_header, header_size * scale, header_bold)

    return BaseDocTemplate(
        target, pagesize=pagesize, title=f"DRAFT: {title}" if draft else title,
        author=clinic.name or "RTW Planner", creator="RTW Planner",
        invariant=int(invariant), initialFontName=FONT, initialFontSize=10,
        pageTemplates=[PageTemplate("First", [first], onPage=on_first, autoNextPageTemplate="Later"),
                       PageTemplate("Later", [later], onPage=on_later)],
        leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
    )
