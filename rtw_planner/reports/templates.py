"""Page templates: a first page with the clinic letterhead and later pages with a running header;
every page carries 'Page N of M'."""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from rtw_planner.domain.case import Clinic
from rtw_planner.reports.styles import ACCENT, FONT, FONT_BOLD, MARGIN, MUTED, PAPER_SIZES, register_fonts
from rtw_planner.reports.text import draw_string

LETTERHEAD_HEIGHT = 32 * mm


def numbered_canvas(footer_template: str) -> type[Canvas]:
    """A canvas class that writes the footer ('Page {page} of {pages}') once the page count is known."""

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
                self.setFont(FONT, 8)
                self.setFillColor(MUTED)
                width = self._pagesize[0]
                self.drawCentredString(width / 2, 10 * mm,
                                       footer_template.format(page=self._pageNumber, pages=pages))
                super().showPage()
            super().save()

    return NumberedCanvas


def _draw_letterhead(canvas: Canvas, clinic: Clinic) -> None:
    width, height = canvas._pagesize
    top = height - MARGIN
    logo_width = 0.0
    if clinic.logo_png:
        image = ImageReader(io.BytesIO(clinic.logo_png))
        iw, ih = image.getSize()
        logo_height = 22 * mm
        logo_width = logo_height * iw / ih
        canvas.drawImage(image, width - MARGIN - logo_width, top - logo_height, logo_width, logo_height, mask="auto")
    canvas.setFillColor(ACCENT)
    draw_string(canvas, MARGIN, top - 12, clinic.name or "Clinic name not set (File > Clinic details)",
                font=FONT_BOLD, size=15)
    canvas.setFillColor(MUTED)
    lines = [line for line in clinic.address.splitlines() if line.strip()]
    lines.append("  ·  ".join(b for b in (clinic.phone, clinic.email) if b))
    y = top - 26
    for line in lines[:5]:
        draw_string(canvas, MARGIN, y, line, font=FONT, size=8.5)
        y -= 11
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(0.8)
    canvas.line(MARGIN, height - MARGIN - LETTERHEAD_HEIGHT + 4 * mm, width - MARGIN,
                height - MARGIN - LETTERHEAD_HEIGHT + 4 * mm)


DRAFT_GREY = 0.82


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


def _draw_running_header(canvas: Canvas, text: str, size: float = 8.5, bold: bool = False) -> None:
    width, height = canvas._pagesize
    canvas.setFillColor(ACCENT if bold else MUTED)
    draw_string(canvas, MARGIN, height - MARGIN + 4 * mm, text, font=FONT_BOLD if bold else FONT, size=size)


def letter_document(target: io.BytesIO, clinic: Clinic, later_header: str, title: str,
                    invariant: bool = False, draft: bool = False, header_size: float = 8.5,
                    header_bold: bool = False) -> BaseDocTemplate:
    """A document whose first page has the letterhead and whose later pages have a running header; a draft has
    the DRAFT mark on every page."""
    register_fonts()
    pagesize = PAPER_SIZES[clinic.paper_size]
    width, height = pagesize
    first = Frame(MARGIN, MARGIN + 6 * mm, width - 2 * MARGIN, height - 2 * MARGIN - LETTERHEAD_HEIGHT - 6 * mm,
                  id="first", leftPadding=0, rightPadding=0)
    later = Frame(MARGIN, MARGIN + 6 * mm, width - 2 * MARGIN, height - 2 * MARGIN - 6 * mm, id="later",
                  leftPadding=0, rightPadding=0)
    def on_first(canvas: Canvas, _doc: Any) -> None:
        if draft:
            draw_draft_mark(canvas)
        _draw_letterhead(canvas, clinic)

    def on_later(canvas: Canvas, _doc: Any) -> None:
        if draft:
            draw_draft_mark(canvas)
        _draw_running_header(canvas, later_header, header_size, header_bold)

    return BaseDocTemplate(
        target, pagesize=pagesize, title=f"DRAFT: {title}" if draft else title,
        author=clinic.name or "RTW Planner", creator="RTW Planner",
        invariant=int(invariant), initialFontName=FONT, initialFontSize=10,
        pageTemplates=[PageTemplate("First", [first], onPage=on_first, autoNextPageTemplate="Later"),
                       PageTemplate("Later", [later], onPage=on_later)],
        leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
    )
