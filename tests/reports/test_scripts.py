"""Names in any script print as written: CJK through a fontconfig font, Arabic shaped, right-to-left in display
order; the PDFs are read back with pypdf."""

from __future__ import annotations

import io
import logging
import re
import unicodedata

import pypdf
import pytest
from fontTools.ttLib import TTFont
from hypothesis import given
from hypothesis import strategies as st
from pdf_support import embedded_font_names
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from rtw_planner.domain.case.model import Clinic
from rtw_planner.reports import fontconfig, fonts, outline_subset
from rtw_planner.reports.shaping import display_order, shape_arabic
from rtw_planner.reports.styles import FONT, FONT_BOLD, FONT_ITALIC, stylesheet
from rtw_planner.reports.templates import letter_document, numbered_canvas
from rtw_planner.reports.text import ScriptParagraph, draw_string, para, text_width

CHINESE = "王小明"
JAPANESE = "山田 さくら"
KOREAN = "김민준"
ARABIC = "محمد عبد الله"
HEBREW = "דוד כהן"
POLISH = "Zażółć Gęślą-Łódź"
GREEK = "Ελένη Παπαδοπούλου"
CYRILLIC = "Иван Петров"
# محمد by the Unicode joining rules: meem initial, hah medial, meem medial, dal final (Arabic Presentation Forms-B).
MUHAMMAD_JOINED = "\ufee3\ufea4\ufee4\ufeaa"
MUHAMMAD_ISOLATED = "\u0645\u062d\u0645\u062f"


def document(*texts: str, clinic: Clinic | None = None, style: str = "body") -> bytes:
    """A two-page document of the texts in the real page templates (letterhead, running header, footer)."""
    buffer = io.BytesIO()
    clinic = clinic or Clinic(name="Clinic", address="1 High Street", phone="0113 496 0000")
    doc = letter_document(buffer, clinic, f"{texts[0]}: continued", "Scripts")
    story: list[Paragraph] = [para(t, stylesheet()[style]) for t in texts]
    story += [para("Filler line to reach page two.", stylesheet()["body"]) for _ in range(80)]
    doc.build(story, canvasmaker=numbered_canvas(f"{texts[0]}, page {{page}} of {{pages}}"))
    return buffer.getvalue()


def extracted(pdf: bytes) -> str:
    """The text pypdf extracts, with Arabic presentation forms folded back to letters (NFKC) and spaces joined."""
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text))


def squashed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("name", [CHINESE, JAPANESE, KOREAN, ARABIC, HEBREW, POLISH, GREEK, CYRILLIC])
def test_a_name_in_any_script_can_be_read_back(name: str) -> None:
    sentence = f"The patient {name} starts on Monday."
    # pypdf reads a right-to-left run back in logical order but loses the space after it: compare those without
    # spaces (the order of the words inside the run is still checked).
    same = squashed if name in (ARABIC, HEBREW) else str
    text = same(extracted(document(sentence)))
    assert same(sentence) in text
    assert same(f"{sentence}: continued") in text  # the running header, drawn on the canvas
    assert same(f"{sentence}, page 2 of 3") in text  # the footer


def test_every_font_is_embedded_and_none_is_helvetica() -> None:
    pdf = document(f"{CHINESE} {JAPANESE} {KOREAN} {ARABIC} {POLISH}", style="strong")
    names = embedded_font_names(pdf)  # fails on any font without embedded TrueType outlines
    assert not [n for n in names if "Helvetica" in n]
    assert any("Fallback" in n for n in names)  # the CJK glyphs came from a fallback font, not empty boxes


def test_cjk_glyphs_are_real_outlines_not_empty_boxes() -> None:
    runs = fonts.font_runs(f"Mr {CHINESE}", FONT)
    assert [text for _, text in runs] == ["Mr ", CHINESE]
    face = pdfmetrics.getFont(runs[1][0]).face
    glyph_ids = [face.charToGlyph[ord(c)] for c in CHINESE]
    assert 0 not in glyph_ids  # glyph 0 is .notdef, the empty box


def test_a_cff_font_is_converted_to_truetype_outlines() -> None:
    found = fontconfig.candidates(frozenset(CHINESE), False)
    cff = next(f for f in found if not f.truetype and all(f.covers(c) for c in CHINESE))
    font = TTFont(io.BytesIO(outline_subset.build_subset(cff.path, cff.index, frozenset(CHINESE), "Test-Subset")))
    assert "glyf" in font
    assert "CFF " not in font
    cmap = font.getBestCmap()
    assert sorted(cmap) == sorted(map(ord, CHINESE))
    assert all(font["glyf"][cmap[ord(c)]].numberOfContours > 0 for c in CHINESE)


def test_the_same_characters_are_converted_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[frozenset[str]] = []
    build = outline_subset.build_subset

    def counting(path: str, index: int, chars: frozenset[str], name: str) -> bytes:
        calls.append(chars)
        return build(path, index, chars, name)

    monkeypatch.setattr(fonts, "build_subset", counting)
    rare = "龘靐齉"  # characters no other test uses, so no earlier conversion is cached
    first = fonts.font_runs(f"A {rare}", FONT_BOLD)
    again = fonts.font_runs(f"B {rare} C", FONT_BOLD)
    assert calls == [frozenset(rare)]
    assert first[1][0] == again[1][0]


def test_arabic_is_joined_as_the_unicode_joining_rules_say() -> None:
    assert shape_arabic(MUHAMMAD_ISOLATED, FONT) == MUHAMMAD_JOINED
    assert shape_arabic("Dr Smith", FONT) == "Dr Smith"
    pdf = document(f"Contact {MUHAMMAD_ISOLATED} today.")
    raw = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert MUHAMMAD_JOINED in raw
    assert MUHAMMAD_ISOLATED not in raw


def test_right_to_left_runs_are_drawn_in_display_order() -> None:
    # A Hebrew name in an English sentence: the name's letters run right to left, the sentence stays in place.
    assert display_order("Mr דוד כהן lives here") == "Mr ןהכ דוד lives here"
    # Digits inside a right-to-left run keep their own left-to-right order.
    assert display_order("Flat דוד 12 כהן") == "Flat ןהכ 12 דוד"
    assert display_order("Plain text") == "Plain text"


def test_a_right_to_left_name_split_across_lines_keeps_its_first_word_on_the_first_line() -> None:
    paragraph = para(f"Written for {HEBREW} today", stylesheet()["body"])
    assert isinstance(paragraph, ScriptParagraph)
    size = stylesheet()["body"].fontSize
    paragraph.wrap(text_width("Written for דוד", FONT, size) + size / 2, 1000)
    lines = [" ".join(words) for _, words in paragraph.blPara.lines]
    assert lines == ["Written for דוד", "כהן today"]  # logical order: the name's first word ends line one


def test_an_oblique_style_prints_arabic_in_the_upright_font() -> None:
    assert fonts.font_runs("x محمد", FONT_ITALIC) == [(FONT_ITALIC, "x "), (FONT, "محمد")]


def test_markup_in_names_prints_literally_and_plain_text_stays_simple() -> None:
    paragraph = para("Smith & <b>Jones</b>", stylesheet()["body"])
    assert type(paragraph) is Paragraph
    assert len(paragraph.frags) == 1
    assert "Smith & <b>Jones</b>" in extracted(document("Smith & <b>Jones</b>"))


def test_line_breaks_keep_every_address_line() -> None:
    paragraph = para(f"1 High Street\n{CHINESE}路 88 号\n{ARABIC}", stylesheet()["body"], line_breaks=True)
    assert paragraph.wrap(400, 1000)[1] == pytest.approx(3 * stylesheet()["body"].leading)


def test_draw_string_measures_and_draws_mixed_scripts() -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, initialFontName=FONT)
    text = f"Plan for {CHINESE} and {ARABIC}"
    draw_string(canvas, 300, 700, text, font=FONT, size=10, align="right")
    canvas.save()
    assert text in extracted(buffer.getvalue())
    assert text_width(text, FONT, 10) > text_width("Plan for  and ", FONT, 10)


def test_without_a_font_for_them_characters_still_render_and_the_log_names_no_text(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(fontconfig, "candidates", lambda chars, bold: ())
    monkeypatch.setattr(fonts, "_warned", set())
    unusual = "丂丄"  # not used elsewhere, so no cached choice hides the missing font
    with caplog.at_level(logging.WARNING):
        pdf = document(f"Name {unusual} here")
    assert "Name" in extracted(pdf)
    assert "CJK" in caplog.text
    assert "fonts-noto-cjk" in caplog.text
    assert unusual[0] not in caplog.text
    assert unusual[1] not in caplog.text


def test_fontconfig_missing_is_a_warning_not_a_crash(monkeypatch: pytest.MonkeyPatch,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    fontconfig.fc_match_available.cache_clear()
    monkeypatch.setattr(fontconfig.shutil, "which", lambda _name: None)
    try:
        with caplog.at_level(logging.WARNING):
            assert fontconfig.candidates(frozenset("丅"), False) == ()
        assert "fc-match is not installed" in caplog.text
    finally:
        fontconfig.fc_match_available.cache_clear()


def test_fontconfig_charsets_are_read_as_ranges() -> None:
    starts, ends = fontconfig.parse_charset("20-7e a0 4e00-9fff")
    assert (starts, ends) == ((0x20, 0xA0, 0x4E00), (0x7E, 0xA0, 0x9FFF))
    face = fontconfig.InstalledFont("x.ttc", 2, False, starts, ends)
    assert face.covers("A")
    assert face.covers("\u00a0")
    assert face.covers("王")
    assert not face.covers("\u00a1")
    assert not face.covers("\U0001f600")
    listing = "/f/a.ttc\t2\tCFF\t20-7e\nbroken line\n/f/b.ttf\t\tTrueType\t4e00-9fff zz\n"
    assert [(f.path, f.index, f.truetype) for f in fontconfig.parse_listing(listing)] == [("/f/a.ttc", 2, False)]


def test_the_language_hint_follows_the_script() -> None:
    assert fontconfig.language_of(frozenset("山田さくら")) == "ja"
    assert fontconfig.language_of(frozenset("김민준")) == "ko"
    assert fontconfig.language_of(frozenset("王小明")) == "zh-cn"
    assert fontconfig.language_of(frozenset("\u0e01")) == ""


@given(st.lists(st.tuples(st.integers(0, 0x2FFFF), st.integers(0, 300)), max_size=12),
       st.integers(0, 0x30200))
def test_a_charset_read_back_covers_exactly_its_ranges(spans: list[tuple[int, int]], code: int) -> None:
    ranges, start = [], 0
    for gap, length in spans:  # disjoint, ascending ranges, as fontconfig prints them
        first = start + gap
        ranges.append((first, first + length))
        start = first + length + 2
    text = " ".join(f"{a:x}" if a == b else f"{a:x}-{b:x}" for a, b in ranges)
    face = fontconfig.InstalledFont("f", 0, True, *fontconfig.parse_charset(text))
    assert face.covers(chr(code)) == any(a <= code <= b for a, b in ranges)


MIXED = "abc XYZ 123 ąęłżź ÄÖÜ ЖЩ αβ 王小明山田さくら김 <>&;\n"


@given(st.text(alphabet=MIXED, max_size=40), st.booleans())
def test_para_keeps_every_character_in_order_whatever_the_fonts(text: str, line_breaks: bool) -> None:
    paragraph = para(text, stylesheet()["body"], line_breaks=line_breaks)
    kept = "".join(getattr(f, "text", "") for f in paragraph.frags)
    assert kept == (text.replace("\n", "") if line_breaks else text.replace("\n", " "))
    assert all(f.fontName == FONT or f.fontName.startswith("Fallback") for f in paragraph.frags)
