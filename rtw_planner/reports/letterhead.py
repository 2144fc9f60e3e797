"""The clinic letterhead on a document's first page: the name (wrapped to two lines, then made smaller), every
address line, phone and e-mail, and the logo on the right; measured before the page is laid out so the text frame
starts below it, however tall it is."""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from rtw_planner.domain.case.model import Clinic
from rtw_planner.reports.styles import ACCENT, FONT, FONT_BOLD, MARGIN, MUTED
from rtw_planner.reports.text import para, text_width

NAME_SIZE, MIN_NAME_SIZE, MAX_NAME_LINES = 15.0, 10.0, 2
DETAIL_SIZE = 8.5
LOGO_HEIGHT = 22 * mm
MAX_LOGO_SHARE = 0.35  # of the width between the margins; a wider logo is scaled down
GAP = 5 * mm  # between the text and the logo, and from the letterhead's rule to the text below
NO_NAME = "Clinic name not set (File > Clinic details)"


@dataclass(frozen=True)
class Letterhead:
    """The letterhead laid out for one page width: paragraphs wrapped, logo sized, and its full height."""

    clinic: Clinic
    lines: tuple[Paragraph, ...]
    line_heights: tuple[float, ...]
    text_width: float
    logo: ImageReader | None
    logo_size: tuple[float, float]
    height: float  # from the top margin down to the rule under it

    def draw(self, canvas: Canvas) -> None:
        """Draw it at the top margin of the canvas's page."""
        width, height = canvas._pagesize
        top = height - MARGIN
        if self.logo is not None:
            logo_width, logo_height = self.logo_size
            canvas.drawImage(self.logo, width - MARGIN - logo_width, top - logo_height, logo_width, logo_height,
                             mask="auto")
        y = top
        for line, line_height in zip(self.lines, self.line_heights, strict=True):
            y -= line_height
            line.wrapOn(canvas, self.text_width, line_height)
            line.drawOn(canvas, MARGIN, y)
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(0.8)
        rule = top - self.height
        canvas.line(MARGIN, rule, width - MARGIN, rule)


def layout(clinic: Clinic, page_width: float, scale: float = 1.0) -> Letterhead:
    """Wrap the clinic's details to the room left of the logo and measure the result."""
    room = page_width - 2 * MARGIN
    logo, logo_size = _logo(clinic.logo_png, room, scale)
    wrap_width = room - (logo_size[0] + GAP if logo is not None else 0)
    name = _name(clinic.name or NO_NAME, wrap_width, scale)
    detail = ParagraphStyle(f"letterhead_detail{scale}", fontName=FONT, fontSize=DETAIL_SIZE * scale,
                            leading=DETAIL_SIZE * scale * 1.3, textColor=MUTED)
    details = [line.strip() for line in clinic.address.splitlines() if line.strip()]
    contact = [b for b in (clinic.phone, clinic.email) if b]
    together = "  ·  ".join(contact)
    if text_width(together, FONT, detail.fontSize) <= wrap_width:
        contact = [together]  # one line when it fits; else phone and e-mail each on their own line
    lines = (name, *(para(line, detail) for line in [*details, *contact]))
    heights = tuple(line.wrap(wrap_width, 10_000)[1] for line in lines)
    heights = (heights[0] + 2 * scale, *heights[1:])  # a little air under the name
    text_height = sum(heights)
    return Letterhead(clinic, lines, heights, wrap_width, logo, logo_size,
                      max(text_height, logo_size[1]) + 3 * mm * scale)


def _name(name: str, width: float, scale: float) -> Paragraph:
    """The clinic name in at most two lines: made smaller step by step until it fits (a very long name that
    does not fit even at the smallest size wraps further rather than running off the page)."""
    size = NAME_SIZE * scale
    while True:
        style = ParagraphStyle(f"letterhead_name{size}", fontName=FONT_BOLD, fontSize=size, leading=size * 1.2,
                               textColor=ACCENT)
        paragraph = para(name, style)
        paragraph.wrap(width, 10_000)
        if len(paragraph.blPara.lines) <= MAX_NAME_LINES or size <= MIN_NAME_SIZE * scale:
            return paragraph
        size = max(size - 0.5 * scale, MIN_NAME_SIZE * scale)


def _logo(png: bytes | None, room: float, scale: float) -> tuple[ImageReader | None, tuple[float, float]]:
    if not png:
        return None, (0.0, 0.0)
    image = ImageReader(io.BytesIO(png))
    pixels_wide, pixels_high = image.getSize()
    height = LOGO_HEIGHT * scale
    width = height * pixels_wide / pixels_high
    if width > room * MAX_LOGO_SHARE:
        width, height = room * MAX_LOGO_SHARE, room * MAX_LOGO_SHARE * pixels_high / pixels_wide
    return image, (width, height)
