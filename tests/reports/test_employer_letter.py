"""The employer letter PDF: functional wording only, embedded DejaVu fonts, literal text, reproducible."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

import pypdf
import pytest
from factories import followed_up_case
from pdf_support import embedded_font_names
from reportlab.lib.pagesizes import A4, LETTER

from rtw_planner.domain.case.model import Case, Clinic, Clinician
from rtw_planner.reports.employer_letter import render_employer_letter
from rtw_planner.reports.letter_blocks import build_letter

CANARY = "CANARY-DIAGNOSIS"
CLINIC = Clinic("Smith & <b>Jones</b>", "1 High Street\nLeeds", "0113 496 0000", "rtw@clinic.example")
LETTER_DATE = date(2026, 12, 1)


@pytest.fixture
def case() -> Case:
    return replace(followed_up_case(), patient_name="Zoë Łódź-Müller", diagnosis=f"{CANARY} lumbar disc",
                   clinician=Clinician("Dr Ægir Ørsted", "Physiotherapist", "HCPC PH123456"))


def read(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf))


def words(pdf: bytes) -> str:
    text = "\n".join(page.extract_text() for page in read(pdf).pages)
    return re.sub(r"\s+", " ", text)


def test_letter_says_what_the_employer_needs(case: Case) -> None:
    pdf = render_employer_letter(case, CLINIC, LETTER_DATE, invariant=True)
    assert pdf.startswith(b"%PDF-")
    text = words(pdf)
    for expected in (
        "Zoë Łódź-Müller", "Northgate Distribution Ltd", "Warehouse order picker", "1 December 2026",
        "What Zoë Łódź-Müller can do now", "Limits that apply for now", "Not yet assessed",
        "Lift from floor to waist height: no more than 12 kg occasionally (up to a third of the day); the role asks "
        "for 23 kg.", "These limits apply through the phased return (to 31 January 2027) and after it, until "
        "capacity is measured again; the next review is on 8 January 2027.",
        "Push (force to keep moving): up to 160 N (16.3 kgf) frequently",
        "Stand: no more than 240 minutes (4 hours) in a working day; the role asks for 420 minutes (7 hours).",
        "Carry 10 kg frequently", "Pull (force to start moving) 200 N (20.4 kgf) occasionally",
        "functional assessment by Priya Shah", "on 20 November 2026",
        "I will review these recommendations on 8 January 2027.",
        "Dr Ægir Ørsted", "Physiotherapist", "Registration: HCPC PH123456",
        "please contact Dr Ægir Ørsted on 0113 496 0000 or rtw@clinic.example",  # no direct line: the clinic's
        "Scanner admin at the desk", "Move pallet truck between aisles: not yet assessed to pull",
        "Phase 4: 25 to 31 January 2027", "Mon to Fri*", "4:48", "Date: 1 December 2026",
    ):
        assert expected in text
    assert CANARY not in text
    assert "lumbar" not in text


def test_no_diagnosis_anywhere_in_the_file(case: Case) -> None:
    pdf = render_employer_letter(case, CLINIC, LETTER_DATE, invariant=True)
    assert CANARY.encode() not in pdf
    content = build_letter(case, CLINIC, LETTER_DATE)
    assert CANARY not in repr(content)


def test_only_embedded_dejavu_fonts(case: Case) -> None:
    pdf = render_employer_letter(case, CLINIC, LETTER_DATE, invariant=True)
    base_fonts = embedded_font_names(pdf)
    assert base_fonts
    assert all("DejaVuSans" in name for name in base_fonts), base_fonts
    assert not any("Helvetica" in name for name in base_fonts)
    assert b"Helvetica" not in pdf


def test_page_footer_counts_pages(case: Case) -> None:
    reader = read(render_employer_letter(case, CLINIC, LETTER_DATE, invariant=True))
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        assert f"Page {number} of {total}" in page.extract_text()
    if total > 1:
        assert "Zoë Łódź-Müller: return to work, continued" in reader.pages[1].extract_text()


@pytest.mark.parametrize(("paper", "size"), [("a4", A4), ("letter", LETTER)])
def test_paper_size_follows_the_clinic(case: Case, paper: str, size: tuple[float, float]) -> None:
    clinic = replace(CLINIC, paper_size=paper)
    reader = read(render_employer_letter(case, clinic, LETTER_DATE, invariant=True))
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(size)


def test_user_text_prints_literally(case: Case) -> None:
    odd = replace(case, patient_name="Ann <i>& Co</i>", employer="R&D <Ltd>", job_title="Picker &amp; packer")
    text = words(render_employer_letter(odd, CLINIC, LETTER_DATE, invariant=True))
    assert text.count("Smith & <b>Jones</b>") >= 2  # letterhead and signature
    assert "Re: Ann <i>& Co</i>, Picker &amp; packer" in text
    assert "R&D <Ltd>" in text


def test_invariant_output_is_byte_identical(case: Case) -> None:
    first = render_employer_letter(case, CLINIC, LETTER_DATE, invariant=True)
    assert render_employer_letter(case, CLINIC, LETTER_DATE, invariant=True) == first
    other = render_employer_letter(replace(case, job_title="Driver"), CLINIC, LETTER_DATE, invariant=True)
    assert other != first


def test_letter_with_logo_no_clinician_and_nothing_measured(case: Case) -> None:
    png = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000020000000108020000007b40e8dd0000000f49444154"
                        "789c6394f7ab6460600000043200e849211d0f0000000049454e44ae426082")
    bare = Case("Li Wei", employer="Acme", demands=case.demands)
    text = words(render_employer_letter(bare, replace(CLINIC, logo_png=png), LETTER_DATE, invariant=True))
    assert "Re: Li Wei, a member of staff" in text
    assert "Treating clinician" in text
    assert "No abilities have been measured yet" in text
    assert "A review date has not been set yet" in text
    assert "please contact the clinic on 0113 496 0000 or rtw@clinic.example" in text
    assert "based on a functional assessment" not in text
    assert "fit for work" not in text.lower()
    # Nothing was assessed, so every task waits for the assessment.
    assert "Avoid until assessed • Pick cases from racking to pallet: not yet assessed to lift from floor to waist" \
        in text
