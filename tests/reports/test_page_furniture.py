"""Letterhead, running header, footer, notice box and DRAFT mark: everything stays on the page and inside the
margins, on A4 and Letter, in normal and large print. Word boxes come from poppler's pdftotext -bbox."""

from __future__ import annotations

import io
import re
import subprocess
from dataclasses import dataclass, replace
from pathlib import Path

import pypdf
import pytest
from PIL import Image
from pypdf.generic import ContentStream
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate

from rtw_planner.domain.case.model import Clinic
from rtw_planner.reports import letterhead
from rtw_planner.reports.styles import FONT, MARGIN, stylesheet
from rtw_planner.reports.templates import letter_document, numbered_canvas
from rtw_planner.reports.text import para

PAPERS = {"a4": A4, "letter": LETTER}
LONG_NAME = ("Centrum Rehabilitacji Bólu Przewlekłego i Powrotu do Pracy im. Świętej Łucji — 北京协和康复中心 — "
             "مركز الملك فهد")
ADDRESS = ["Oddział Rehabilitacji Zawodowej, Budynek C", "ul. Świętokrzyska 118/120", "00-116 Warszawa",
           "北京市东城区帅府园一号", "Skrytka pocztowa 77"]
PHONE, EMAIL = "+48 22 555 01 23", "rejestracja@centrum-bolu.example.pl"
BODY_START = "Bodystart paragraph."
TOLERANCE = 1.0  # points: pdftotext's boxes are rounded


def logo_png(width: int = 600, height: int = 300) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (31, 78, 121)).save(out, "PNG")
    return out.getvalue()


def busy_clinic(paper: str, logo: bool = True) -> Clinic:
    return Clinic(name=LONG_NAME, address="\n".join(ADDRESS), phone=PHONE, email=EMAIL, paper_size=paper,
                  logo_png=logo_png() if logo else None)


def build(clinic: Clinic, *, header: str = "Header for later pages", footer: str = "Page {page} of {pages}",
          pages: int = 2, draft: bool = False, scale: float = 1.0, footer_size: float = 8) -> bytes:
    buffer = io.BytesIO()
    doc = letter_document(buffer, clinic, header, "Furniture", draft=draft, scale=scale)
    story = [para(BODY_START, stylesheet()["body"])]
    story += [para(f"Line {n} of the body text.", stylesheet()["body"]) for n in range(45 * pages - 30)]
    doc.build(story, canvasmaker=numbered_canvas(footer, footer_size))
    return buffer.getvalue()


@dataclass(frozen=True)
class Word:
    text: str
    x_min: float
    y_min: float  # from the top of the page, as pdftotext gives it
    x_max: float
    y_max: float


def words_on(pdf: bytes, page: int, tmp_path: Path) -> list[Word]:
    path = tmp_path / "words.pdf"
    path.write_bytes(pdf)
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    return [Word(m[4], float(m[0]), float(m[1]), float(m[2]), float(m[3])) for m in re.findall(pattern, html)]


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_long_name_and_five_address_lines_keep_phone_and_email_on_page_one(paper: str, tmp_path: Path) -> None:
    width, _ = PAPERS[paper]
    words = words_on(build(busy_clinic(paper)), 1, tmp_path)
    text = " ".join(w.text for w in words)
    for line in [*ADDRESS, PHONE, EMAIL, "Warszawa", "Łucji"]:
        assert all(part in text for part in line.split()), line
    assert all(w.x_min >= MARGIN - TOLERANCE and w.x_max <= width - MARGIN + TOLERANCE for w in words)
    # The body starts below the letterhead's last line, however many lines it took.
    body_top = next(w.y_min for w in words if w.text == "Bodystart")
    letterhead_bottom = max(w.y_max for w in words if w.text in (EMAIL, PHONE.split()[0]))
    assert letterhead_bottom < body_top
    # The 600 x 300 px logo is 22 mm high, so 44 mm wide; no letterhead text reaches under it.
    logo_left = width - MARGIN - 44 * mm
    assert all(w.x_max <= logo_left for w in words if w.y_max < body_top)


def test_the_clinic_name_wraps_to_two_lines_then_shrinks() -> None:
    short = letterhead.layout(Clinic(name="Riverside Clinic"), A4[0])
    assert short.lines[0].style.fontSize == letterhead.NAME_SIZE
    assert len(short.lines[0].blPara.lines) == 1
    long = letterhead.layout(busy_clinic("a4"), A4[0])
    name = long.lines[0]
    assert len(name.blPara.lines) == 2
    assert letterhead.MIN_NAME_SIZE <= name.style.fontSize < letterhead.NAME_SIZE


def test_phone_and_email_share_a_line_only_when_they_fit() -> None:
    together = letterhead.layout(Clinic(name="C", phone="0113 496 0000", email="a@b.example"), A4[0])
    assert len(together.lines) == 2
    apart = letterhead.layout(Clinic(name="C", phone="0113 496 0000 " * 4, email="a" * 60 + "@b.example"), A4[0])
    assert len(apart.lines) == 3


def test_a_very_wide_logo_is_scaled_down_to_leave_room_for_the_text() -> None:
    head = letterhead.layout(replace(busy_clinic("a4"), logo_png=logo_png(2000, 100)), A4[0])
    room = A4[0] - 2 * MARGIN
    assert head.logo_size[0] == pytest.approx(room * letterhead.MAX_LOGO_SHARE)
    assert head.text_width == pytest.approx(room - head.logo_size[0] - letterhead.GAP)


def rectangles(page: pypdf.PageObject) -> list[tuple[float, float, float, float]]:
    """Every rectangle the page draws, in page coordinates (x0, y0, x1, y1), following q/Q/cm."""
    matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    stack: list[list[float]] = []
    found = []
    for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
        if operator == b"q":
            stack.append(matrix)
        elif operator == b"Q":
            matrix = stack.pop()
        elif operator == b"cm":
            a, b, c, d, e, f = (float(v) for v in operands)
            m = matrix
            matrix = [a * m[0] + b * m[2], a * m[1] + b * m[3], c * m[0] + d * m[2], c * m[1] + d * m[3],
                      e * m[0] + f * m[2] + m[4], e * m[1] + f * m[3] + m[5]]
        elif operator == b"re":
            x, y, w, h = (float(v) for v in operands)
            corners = [(matrix[0] * px + matrix[2] * py + matrix[4], matrix[1] * px + matrix[3] * py + matrix[5])
                       for px, py in ((x, y), (x + w, y + h))]
            found.append((min(c[0] for c in corners), min(c[1] for c in corners),
                          max(c[0] for c in corners), max(c[1] for c in corners)))
    return found


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_notice_box_stays_inside_the_margins(paper: str) -> None:
    width = PAPERS[paper][0]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=PAPERS[paper], leftMargin=MARGIN, rightMargin=MARGIN, initialFontName=FONT,
                      ).build([para("Patient's copy: given to the patient to pass on. " * 3, stylesheet()["notice"])])
    boxes = rectangles(pypdf.PdfReader(io.BytesIO(buffer.getvalue())).pages[0])
    assert len(boxes) == 1
    half_line = stylesheet()["notice"].borderWidth / 2
    x0, _, x1, _ = boxes[0]
    assert x0 - half_line >= MARGIN - 0.01
    assert x1 + half_line <= width - MARGIN + 0.01
    assert x1 - x0 > (width - 2 * MARGIN) * 0.95  # still a box across the text, not a sliver


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


@pytest.mark.parametrize(("paper", "scale"), [("a4", 1.0), ("letter", 1.0), ("a4", 16 / 12), ("letter", 16 / 12)])
def test_a_draft_says_draft_once_on_every_page_under_the_text(paper: str, scale: float) -> None:
    texts = page_texts(build(busy_clinic(paper), draft=True, pages=3, scale=scale))
    assert len(texts) >= 3
    assert [t.count("DRAFT") for t in texts] == [1] * len(texts)
    # Drawn first, so the text is painted over it (light grey) and stays readable.
    assert all(t.lstrip().startswith("DRAFT") for t in texts)


def test_an_issued_document_has_no_mark() -> None:
    texts = page_texts(build(busy_clinic("a4"), draft=False, pages=2))
    assert len(texts) == 2
    assert not any("DRAFT" in t for t in texts)


def text_sizes(pdf: bytes, page: int) -> dict[str, float]:
    """Each drawn string on the page and the font size it was set in."""
    sizes: dict[str, float] = {}

    def visit(text: str, _cm: object, _tm: object, _font: object, size: float) -> None:
        if text.strip():
            sizes[text.strip()] = size

    pypdf.PdfReader(io.BytesIO(pdf)).pages[page - 1].extract_text(visitor_text=visit)
    return sizes


def footer_size(pdf: bytes) -> float:
    return next(size for text, size in text_sizes(pdf, 2).items() if text.startswith("Page 2 of "))


def test_large_print_grows_the_letterhead_the_running_header_and_the_footer() -> None:
    clinic = busy_clinic("a4", logo=False)
    large = 16 / 12
    assert letterhead.layout(clinic, A4[0], large).height > letterhead.layout(clinic, A4[0]).height * 1.2
    normal_pdf, large_pdf = build(clinic), build(clinic, scale=large, footer_size=12)
    assert text_sizes(normal_pdf, 2)["Header for later pages"] == pytest.approx(8.5)
    assert text_sizes(large_pdf, 2)["Header for later pages"] == pytest.approx(8.5 * large)
    assert footer_size(normal_pdf) == pytest.approx(8)
    assert footer_size(large_pdf) == pytest.approx(12)


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_long_running_header_and_footer_fit_their_line(paper: str, tmp_path: Path) -> None:
    width = PAPERS[paper][0]
    long = "Plan for Małgorzata Wiśniewska-Kowalczyk 王小明, continued " * 6
    pdf = build(busy_clinic(paper), header=long, footer=long + "{page}/{pages}")
    words = words_on(pdf, 2, tmp_path)
    assert all(w.x_min >= MARGIN - TOLERANCE and w.x_max <= width - MARGIN + TOLERANCE for w in words)
    assert page_texts(pdf)[1].count("…") == 2  # both shortened, visibly
