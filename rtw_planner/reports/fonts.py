"""Which font prints each character: the bundled DejaVu Sans wherever it has the glyph, else an installed font that
fontconfig finds (Noto CJK for Chinese, Japanese and Korean), registered with reportlab on first use."""

from __future__ import annotations

import hashlib
import io
import logging
import unicodedata
from collections.abc import Iterable
from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from rtw_planner.reports import fontconfig
from rtw_planner.reports.outline_subset import build_subset
from rtw_planner.reports.styles import FONT, FONT_BOLD, FONT_BOLD_ITALIC, FONT_ITALIC, register_fonts

log = logging.getLogger(__name__)

UPRIGHT = {FONT_ITALIC: FONT, FONT_BOLD_ITALIC: FONT_BOLD}  # DejaVu's obliques lack Arabic; the uprights have it
BOLD_FONTS = {FONT_BOLD, FONT_BOLD_ITALIC}
RIGHT_TO_LEFT = {"R", "AL"}  # Unicode bidi classes of Hebrew, Arabic, Syriac, Thaana... letters
FallbackChoice = dict[str, str]  # character -> registered font name


@cache
def coverage(font_name: str) -> frozenset[str]:
    """Every character the registered font has a glyph for."""
    register_fonts()
    char_to_glyph = getattr(pdfmetrics.getFont(font_name).face, "charToGlyph", None)
    if char_to_glyph is None:  # a standard PDF font (not embedded, so not ours): trust it with ASCII only
        return frozenset(map(chr, range(0x20, 0x7F)))
    return frozenset(map(chr, char_to_glyph))


@cache
def plain(font_name: str) -> frozenset[str]:
    """The characters the font prints as they are: covered, and neither right-to-left nor in need of shaping.
    Text made only of these takes the fast path."""
    return frozenset(c for c in coverage(font_name) if unicodedata.bidirectional(c) not in RIGHT_TO_LEFT)


def is_plain(text: str, font_name: str) -> bool:
    """The fast check every printed string goes through: ASCII, or only characters the font prints as they are."""
    return text.isascii() or plain(font_name).issuperset(text)


def font_runs(text: str, font_name: str) -> list[tuple[str, str]]:
    """The text cut into (font name, text) runs, in order: the given font wherever it has the glyph."""
    missing = set(text) - coverage(font_name)
    if not missing:
        return [(font_name, text)]
    choice: FallbackChoice = {}
    upright = UPRIGHT.get(font_name)
    if upright:
        choice.update((c, upright) for c in missing if c in coverage(upright))
    rest = frozenset(missing - choice.keys())
    if rest:
        choice.update(fallback_fonts(rest, font_name in BOLD_FONTS))
    runs: list[tuple[str, list[str]]] = []
    for char in text:
        font = choice.get(char, font_name)
        if runs and runs[-1][0] == font:
            runs[-1][1].append(char)
        else:
            runs.append((font, [char]))
    return [(font, "".join(chars)) for font, chars in runs]


@cache
def fallback_fonts(chars: frozenset[str], bold: bool) -> FallbackChoice:
    """A registered font for each character an installed font has, preferring one TrueType face for all of them
    (embedded as it is) to CFF faces (converted); characters no font has are left out and logged."""
    chars = frozenset(c for c in chars if not c.isspace() and unicodedata.category(c) not in ("Cc", "Cf"))
    found = fontconfig.candidates(chars, bold)
    whole_truetype = next((f for f in found if f.truetype and all(f.covers(c) for c in chars)), None)
    assigned: dict[fontconfig.InstalledFont, set[str]] = {}
    for char in chars:
        face = whole_truetype or next((f for f in found if f.covers(char)), None)
        if face is not None:
            assigned.setdefault(face, set()).add(char)
    choice: FallbackChoice = {}
    for face, face_chars in assigned.items():
        name = register_fallback(face, frozenset(face_chars))
        if name:
            choice.update((c, name) for c in face_chars)
    unprinted = chars - choice.keys()
    if unprinted:
        warn_unprintable(unprinted)
    return choice


def register_fallback(face: fontconfig.InstalledFont, chars: frozenset[str]) -> str | None:
    """Register the face (TrueType as it is; CFF as a converted subset of `chars`) and return its name, or None
    when it cannot be loaded or embedded."""
    try:
        if face.truetype:
            return _register_truetype(face.path, face.index)
        return _register_subset(face.path, face.index, chars)
    except (TTFError, OSError, KeyError, ValueError, AssertionError) as error:
        log.warning("the installed font %s could not be used (%s: %s)", face.path, type(error).__name__, error)
        return None


@cache
def _register_truetype(path: str, index: int) -> str:
    name = "Fallback-" + _digest(path, str(index))
    pdfmetrics.registerFont(TTFont(name, path, subfontIndex=index))
    return name


@cache
def _register_subset(path: str, index: int, chars: frozenset[str]) -> str:
    # One font per character set, cached: the same name in every paragraph of a document is converted once.
    name = "FallbackSubset-" + _digest(path, str(index), "".join(sorted(chars)))
    pdfmetrics.registerFont(TTFont(name, io.BytesIO(build_subset(path, index, chars, name))))
    return name


def _digest(*parts: str) -> str:
    return hashlib.sha1("\0".join(parts).encode(), usedforsecurity=False).hexdigest()[:12]


_warned: set[str] = set()


def warn_unprintable(chars: Iterable[str]) -> None:
    """Log, once per kind of script, that some characters have no font; names the Unicode script family only,
    never the text."""
    scripts = sorted({_script_family(c) for c in chars} - _warned)
    if scripts:
        _warned.update(scripts)
        log.warning("no installed font has some %s characters of a document, so they print as empty boxes; on "
                    "Debian install fonts-noto-cjk (and fontconfig) or a font with those characters",
                    ", ".join(scripts))


def _script_family(char: str) -> str:
    # The first word of the character's Unicode name ('CJK', 'HANGUL', 'THAI', 'EMOJI'...) says the script.
    return unicodedata.name(char, "UNNAMED").split()[0]
