"""A small TrueType font holding only the glyphs a document needs, built with fontTools from any installed font.

reportlab embeds TrueType (glyf) outlines only; Noto CJK and most OpenType CJK fonts have CFF (PostScript) outlines,
which reportlab refuses ("postscript outlines are not supported"). The needed glyphs are drawn through fontTools'
cu2qu pen, which turns their cubic curves into the quadratic ones TrueType holds, into a new font of just those
glyphs (a few kB: loading and converting the whole 20 MB collection would take seconds)."""

from __future__ import annotations

import io
from functools import lru_cache

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

MAX_ERROR = 1.0  # font units (of 1000 or 2048 an em) a quadratic curve may stray from the cubic one
NOTDEF = ".notdef"


@lru_cache(maxsize=8)
def source_font(path: str, index: int) -> TTFont:
    """The installed font, opened lazily: only the tables and glyphs used are read."""
    return TTFont(path, fontNumber=index, lazy=True)


def build_subset(path: str, index: int, chars: frozenset[str], ps_name: str) -> bytes:
    """A TrueType font named `ps_name` with the glyphs of `chars` (those the font has) and .notdef, as bytes."""
    source = source_font(path, index)
    cmap = source.getBestCmap()
    glyph_set = source.getGlyphSet()
    hmtx = source["hmtx"]
    order = [NOTDEF]
    char_map: dict[int, str] = {}
    for char in sorted(chars):
        name = cmap.get(ord(char))
        if name is None:
            continue
        char_map[ord(char)] = name
        if name not in order:
            order.append(name)
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        # TrueType contours run clockwise, PostScript's anticlockwise: reverse them while converting.
        glyph_set[name].draw(Cu2QuPen(pen, MAX_ERROR, reverse_direction=True))
        glyphs[name] = pen.glyph()
    builder = FontBuilder(source["head"].unitsPerEm, isTTF=True)
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap(char_map)
    builder.setupGlyf(glyphs)
    builder.setupHorizontalMetrics({name: hmtx[name] for name in order})
    hhea = source["hhea"]
    builder.setupHorizontalHeader(ascent=hhea.ascent, descent=hhea.descent)
    builder.setupNameTable({"familyName": ps_name, "styleName": "Regular", "psName": ps_name})
    os2 = source["OS/2"]
    builder.setupOS2(sTypoAscender=os2.sTypoAscender, sTypoDescender=os2.sTypoDescender,
                     usWinAscent=os2.usWinAscent, usWinDescent=os2.usWinDescent,
                     fsType=os2.fsType)  # the font's own embedding licence, which reportlab checks
    builder.setupPost()
    out = io.BytesIO()
    builder.save(out)
    return out.getvalue()
