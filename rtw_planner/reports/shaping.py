"""Right-to-left text: Arabic shaped with HarfBuzz (uharfbuzz) into the joined letter forms the font has, and each
printed line put in display order by the Unicode bidirectional algorithm (python-bidi), left-to-right paragraphs.

Shaping keeps logical order so that line breaking, width measurement and text extraction see the words as written;
only the drawing of a finished line reorders it (see text.ScriptParagraph and text.draw_string)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import uharfbuzz as hb
from bidi import get_display
from reportlab.pdfbase import pdfmetrics

from rtw_planner.reports.fonts import RIGHT_TO_LEFT

ARABIC_RUN = re.compile("[\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufefe\u200c\u200d]+")


def has_right_to_left(text: str) -> bool:
    """Whether the text holds any right-to-left letter (Hebrew, Arabic...)."""
    return any(unicodedata.bidirectional(c) in RIGHT_TO_LEFT for c in text)


def shape_arabic(text: str, font_name: str) -> str:
    """The text with each run of Arabic replaced by the font's joined forms (initial, medial, final, ligatures) in
    logical order; other text is unchanged."""
    return ARABIC_RUN.sub(lambda run: shape_run(run.group(0), font_name), text)


@lru_cache(maxsize=4096)
def shape_run(run: str, font_name: str) -> str:
    """One Arabic run shaped by HarfBuzz, each glyph written as the character the font maps to it (the Arabic
    presentation forms, which text extraction turns back into letters); a cluster whose glyphs have no
    character of their own keeps its original letters."""
    font = pdfmetrics.getFont(font_name)
    face = getattr(font, "face", None)
    if face is None or not getattr(font, "shapable", False):
        return run
    buffer = hb.Buffer()
    buffer.add_str(run)
    buffer.guess_segment_properties()
    buffer.flags = hb.BufferFlags.REMOVE_DEFAULT_IGNORABLES
    hb.shape(hb.Font(font.hbFace), buffer, {})
    glyphs_of: dict[int, list[int]] = {}
    for info in buffer.glyph_infos:
        glyphs_of.setdefault(info.cluster, []).append(info.codepoint)
    starts = sorted(glyphs_of)
    shaped = []
    for at, start in enumerate(starts):
        end = starts[at + 1] if at + 1 < len(starts) else len(run)
        # HarfBuzz returns right-to-left glyphs in display order; reversed, a cluster's glyphs are in logical order.
        chars = [face.glyphToChar.get(glyph) for glyph in reversed(glyphs_of[start])]
        shaped.append("".join(chr(min(c)) for c in chars if c) if all(chars) else run[start:end])
    return "".join(shaped)


def display_order(text: str) -> str:
    """One line of a left-to-right paragraph in the order it is drawn: right-to-left runs reversed, brackets in
    them mirrored, numbers kept left to right."""
    return get_display(text, base_dir="L") if has_right_to_left(text) else text
