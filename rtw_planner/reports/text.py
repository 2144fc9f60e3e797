"""Every piece of text a document prints goes through here: never parsed as markup, and set so that any script
prints as it was written (CJK in a fallback font, Arabic shaped, right-to-left runs in display order)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import textTransformFrags
from reportlab.platypus.paraparser import ParaFrag, ParaParser

from rtw_planner.reports.fonts import font_runs, is_plain
from rtw_planner.reports.shaping import display_order, has_right_to_left, shape_arabic

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Group, String

_templates: WeakKeyDictionary[ParagraphStyle, ParaFrag] = WeakKeyDictionary()


class ScriptParagraph(Paragraph):
    """A paragraph holding right-to-left text. Lines are broken and measured in logical order; each line is put in
    display order only as it is drawn, as the bidirectional algorithm requires (reordering before breaking would
    move words between lines)."""

    def drawPara(self, debug: int = 0) -> Any:  # noqa: N802 - reportlab's name
        logical: Any = getattr(self, "blPara")  # noqa: B009 - set by wrap(), untyped in reportlab
        self.blPara = _display_lines(logical)
        try:
            return super().drawPara(debug)
        finally:
            self.blPara = logical


def para(text: str, style: ParagraphStyle, *, bullet: str | None = None, line_breaks: bool = False) -> Paragraph:
    """Plain text (a name, an address, wording) as a paragraph. The text is never read as markup, so '<b>' or '&'
    prints as typed; `line_breaks` keeps its newlines as line breaks (otherwise they are spaces)."""
    template = _template(style)
    lines = text.split("\n") if line_breaks else [text.replace("\n", " ")]
    frags: list[ParaFrag] = []
    right_to_left = False
    for number, line in enumerate(lines):
        if number:
            frags.append(template.clone(text="", lineBreak=True, __tag__="br"))
        if is_plain(line, style.fontName):
            frags.append(template.clone(text=line))
            continue
        shaped = shape_arabic(line, style.fontName)
        right_to_left = right_to_left or has_right_to_left(shaped)
        frags += [template.clone(text=run, fontName=font) for font, run in font_runs(shaped, style.fontName)]
    textTransformFrags(frags, style)  # a style's upper/lower case, as the parser would apply it
    kind = ScriptParagraph if right_to_left else Paragraph
    markup = escape(text).replace("\n", "<br/>" if line_breaks else " ")  # kept as .text, as reportlab does
    return kind(markup, style, bulletText=bullet, frags=frags)


def draw_string(canvas: Canvas, x: float, y: float, text: str, *, font: str, size: float,
                align: str = "left") -> None:
    """Plain text drawn straight on the canvas (letterhead, running header, footer); `align` is left, centre or
    right of x."""
    runs = _canvas_runs(text, font)
    width = sum(stringWidth(run, run_font, size) for run_font, run in runs)
    x -= {"left": 0.0, "centre": width / 2, "right": width}[align]
    for run_font, run in runs:
        canvas.setFont(run_font, size)
        canvas.drawString(x, y, run)
        x += stringWidth(run, run_font, size)


def graphics_text(x: float, y: float, text: str, *, font: str, size: float, colour: Any = None,
                  anchor: str = "start") -> String | Group:
    """Plain text for a chart (reportlab graphics): the same fallback fonts and shaping as draw_string. Text the
    main font prints is one String; other text is a group of one String per font run. `anchor` is start, middle or
    end of x, as in reportlab's String."""
    from reportlab.graphics.shapes import Group, String

    kwargs: dict[str, Any] = {} if colour is None else {"fillColor": colour}
    if is_plain(text, font):
        return String(x, y, text, fontName=font, fontSize=size, textAnchor=anchor, **kwargs)
    runs = _canvas_runs(text, font)
    width = sum(stringWidth(run, run_font, size) for run_font, run in runs)
    x -= {"start": 0.0, "middle": width / 2, "end": width}[anchor]
    group = Group()
    for run_font, run in runs:
        group.add(String(x, y, run, fontName=run_font, fontSize=size, **kwargs))
        x += stringWidth(run, run_font, size)
    return group


def text_width(text: str, font: str, size: float) -> float:
    """The width the text takes when drawn with draw_string."""
    return float(sum(stringWidth(run, run_font, size) for run_font, run in _canvas_runs(text, font)))


def _canvas_runs(text: str, font: str) -> list[tuple[str, str]]:
    if is_plain(text, font):
        return [(font, text)]
    # Display order first, then fonts: which font draws a character does not depend on its neighbours.
    return font_runs(display_order(shape_arabic(text, font)), font)


def _template(style: ParagraphStyle) -> ParaFrag:
    """The fragment reportlab's parser makes for plain text in this style (font, size, colour), made once per
    style and cloned for every paragraph: parsing each string as markup was most of the cost of a paragraph."""
    template = _templates.get(style)
    if template is None:
        parsed = ParaParser().parse("x", style)[1]
        template = _templates[style] = parsed[0]
    return template


def _display_lines(lines_of: Any) -> Any:
    """A copy of a broken paragraph's lines in display order: simple lines are lists of words, others lists of
    fragments (a right-to-left run is reordered within its fragment)."""
    if lines_of.kind == 0:
        lines = []
        for extra_space, words in lines_of.lines:
            shown = display_order(" ".join(words)).split(" ")
            lines.append((extra_space, shown if len(shown) == len(words) else words))
        return lines_of.clone(lines=lines)
    return lines_of.clone(lines=[line.clone(words=[_display_frag(f) for f in line.words]) for line in lines_of.lines])


def _display_frag(frag: Any) -> Any:
    text = getattr(frag, "text", "")
    return frag.clone(text=display_order(text)) if text and has_right_to_left(text) else frag
