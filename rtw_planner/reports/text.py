"""Every piece of text a document prints goes through here: escaped, and set so that any script can print."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph


def para(text: str, style: ParagraphStyle, *, bullet: str | None = None, line_breaks: bool = False) -> Paragraph:
    """Plain text (a name, an address, wording) as a paragraph. The text is escaped, so markup in it prints
    literally; `line_breaks` keeps its newlines as line breaks."""
    markup = escape(text)
    if line_breaks:
        markup = markup.replace("\n", "<br/>")
    kwargs: dict[str, Any] = {} if bullet is None else {"bulletText": bullet}
    return Paragraph(markup, style, **kwargs)


def draw_string(canvas: Canvas, x: float, y: float, text: str, *, font: str, size: float,
                align: str = "left") -> None:
    """Plain text drawn straight on the canvas (letterhead, running header, footer); `align` is left, centre or
    right of x."""
    canvas.setFont(font, size)
    draw = {"left": canvas.drawString, "centre": canvas.drawCentredString, "right": canvas.drawRightString}[align]
    draw(x, y, text)


def text_width(text: str, font: str, size: float) -> float:
    """The width the text takes when drawn."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(stringWidth(text, font, size))
