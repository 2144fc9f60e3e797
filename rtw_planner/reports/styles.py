"""Fonts and paragraph styles: DejaVu Sans is the embedded main font (fonts.py finds fallbacks for what it lacks)."""

from __future__ import annotations

from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from rtw_planner.assets import font_path

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
FONT_BOLD_ITALIC = "DejaVuSans-BoldOblique"
PAPER_SIZES = {"a4": A4, "letter": LETTER}
MARGIN = 20 * mm
ACCENT = colors.HexColor("#1f4e79")
MUTED = colors.HexColor("#555555")
NOTICE_PADDING = (4, 6, 5, 6)  # top, right, bottom, left, in points
NOTICE_BORDER = 0.8


@cache
def register_fonts() -> str:
    """Register the bundled DejaVu Sans family once; returns the family name."""
    for name, style in ((FONT, "regular"), (FONT_BOLD, "bold"), (FONT_ITALIC, "italic"),
                        (FONT_BOLD_ITALIC, "bold_italic")):
        pdfmetrics.registerFont(TTFont(name, str(font_path(style))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC)
    return FONT


@cache
def stylesheet(base_size: float = 10.5) -> StyleSheet1:
    """Every style derives from one body style, in the embedded font."""
    register_fonts()
    sheet = StyleSheet1()
    body = ParagraphStyle("body", fontName=FONT, bulletFontName=FONT, fontSize=base_size, leading=base_size * 1.4,
                          spaceAfter=6)
    sheet.add(body)
    sheet.add(ParagraphStyle("small", parent=body, fontSize=base_size - 1.5, leading=(base_size - 1.5) * 1.35,
                             textColor=MUTED, spaceAfter=2))
    sheet.add(ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=base_size + 3,
                             leading=(base_size + 3) * 1.3, textColor=ACCENT, spaceBefore=6, spaceAfter=8))
    sheet.add(ParagraphStyle("heading", parent=body, fontName=FONT_BOLD, fontSize=base_size + 1,
                             leading=(base_size + 1) * 1.3, textColor=ACCENT, spaceBefore=8, spaceAfter=4))
    sheet.add(ParagraphStyle("bullet", parent=body, leftIndent=14, bulletIndent=4, spaceAfter=3))
    sheet.add(ParagraphStyle("clinic_name", parent=body, fontName=FONT_BOLD, fontSize=base_size + 5,
                             leading=(base_size + 5) * 1.2, textColor=ACCENT, spaceAfter=2))
    sheet.add(ParagraphStyle("right", parent=body, alignment=TA_RIGHT))
    # reportlab draws a border outside the text by its padding: indenting the text by the padding and the line's
    # width keeps the box, stroke included, between the margins on every paper size.
    inset = NOTICE_PADDING[1] + NOTICE_BORDER
    sheet.add(ParagraphStyle("notice", parent=body, fontName=FONT_BOLD, backColor=colors.HexColor("#eef3f8"),
                             borderColor=ACCENT, borderWidth=NOTICE_BORDER, borderPadding=NOTICE_PADDING,
                             leftIndent=inset, rightIndent=inset, spaceBefore=NOTICE_PADDING[0] + NOTICE_BORDER,
                             spaceAfter=8))
    sheet.add(ParagraphStyle("cell", parent=body, fontSize=base_size - 1.5, leading=(base_size - 1.5) * 1.3,
                             spaceAfter=0))
    sheet.add(ParagraphStyle("cell_head", parent=body, fontName=FONT_BOLD, fontSize=base_size - 1.5,
                             leading=(base_size - 1.5) * 1.3, spaceAfter=0))
    sheet.add(ParagraphStyle("strong", parent=body, fontName=FONT_BOLD, spaceAfter=0))
    return sheet
