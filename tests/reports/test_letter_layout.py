"""The letter on paper: units, large print, the signature block kept together, no heading left at a page foot, a
schedule that repeats its header, and nothing outside the margins with many tasks, phases and long names."""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest
from factories import followed_up_case
from letter_cases import CLINIC, DAY, make_case, page_texts, pdf_text
from PIL import Image

from rtw_planner.cli import main
from rtw_planner.domain.case.jurisdiction import Jurisdiction
from rtw_planner.domain.case.model import Case, Clinician
from rtw_planner.domain.demands.job import Task
from rtw_planner.domain.demands.profile import Activity
from rtw_planner.domain.demands.units import MassUnit
from rtw_planner.domain.issuing.options import RenderOptions
from rtw_planner.domain.plan.adjustments import Limitation, SelectedNote
from rtw_planner.domain.plan.phases import Contract, Phase, PhasedReturn
from rtw_planner.reports.employer_letter import render_employer_letter
from rtw_planner.reports.letter_blocks import build_letter

ISSUED = RenderOptions(draft=False)
LONG = "Zofia Łukasiewicz-Wróblewska Ζωή Παπαδοπούλου Жанна Ковальчук"


def notes(count: int) -> tuple[SelectedNote, ...]:
    return tuple(SelectedNote(f"n{i}", f"Adjustment {i}: provide a trolley for loads over the limit at bench {i}.",
                              Limitation.LIFTING_CARRYING, "test") for i in range(count))


def crowded(paper: str = "a4") -> tuple[Case, object]:
    """Twelve tasks with long names, eight phases, a long name: the most a letter is asked to hold."""
    base = make_case(name=LONG, notes=notes(6))
    tasks = tuple(Task(f"Task {i}: {LONG} at the {'north' if i % 2 else 'south'} dock, pallet bay {i}", True, 5,
                       (Activity.LIFT_FLOOR_TO_WAIST, Activity.SIT) if i % 3 else (Activity.CARRY,))
                  for i in range(12))
    plan = PhasedReturn(Contract(37.5, 5), base.plan.phased_return.start,  # type: ignore[union-attr]
                        tuple(Phase(1, p, restrictions=(f"Restriction for {p}%: {LONG}",),
                                    progression_criteria=f"{LONG} manages {p}% for a week")
                              for p in (20, 30, 40, 50, 60, 70, 80, 100)), max_weeks=8)
    case = replace(base, job_title=f"Senior picker and trainer, {LONG}", employer=f"{LONG} Holdings",
                   clinician=Clinician(LONG, "Occupational therapist", "HCPC OT000002"),
                   demands=replace(base.demands, tasks=tasks), plan=replace(base.plan, phased_return=plan))
    return case, replace(CLINIC, paper_size=paper)


def body_sizes(pdf: bytes, marker: str) -> set[float]:
    """The font sizes of the text runs that contain `marker`."""
    sizes: set[float] = set()
    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        def visit(text: str, _cm: object, tm: list[float], _font: object, size: float) -> None:
            if marker in text:
                sizes.add(round(size * tm[3], 1))
        page.extract_text(visitor_text=visit)
    return sizes


# --- Units ------------------------------------------------------------------------------------------------------


def test_lb_letter_prints_loads_in_lb_and_forces_in_lbf() -> None:
    text = pdf_text(render_employer_letter(make_case(), CLINIC, DAY, options=RenderOptions(mass_unit=MassUnit.LB),
                                           invariant=True))
    assert "kg" not in text
    assert "No lifting from floor to waist above 26.4 lb occasionally" in text  # 12 kg = 26.455 lb, rounded down
    assert "the role asks for 44.1 lb" in text  # 20 kg = 44.09 lb
    assert "Push (force to keep moving): up to 35 lbf frequently" in text  # 160 N / 4.448 = 35.97, rounded down
    assert "Carry 22 lb frequently" in text  # 10 kg = 22.05 lb


def test_a_us_clinic_prints_lb_unless_told_otherwise() -> None:
    us = replace(CLINIC, jurisdiction=Jurisdiction.US)
    assert "26.4 lb" in pdf_text(render_employer_letter(make_case(), us, DAY, invariant=True))
    metric = pdf_text(render_employer_letter(make_case(), us, DAY, options=RenderOptions(mass_unit=MassUnit.KG),
                                             invariant=True))
    assert "12 kg" in metric
    assert " lb" not in metric


def test_render_units_lb_on_the_demo_prints_no_kg(current_demo_text: str, tmp_path: Path) -> None:
    case_file, out = tmp_path / "demo.json", tmp_path / "letter.pdf"
    case_file.write_text(current_demo_text, encoding="utf-8")
    assert main(["render", "employer-letter", "--case", str(case_file), "--out", str(out), "--units", "lb"]) == 0
    text = pdf_text(out.read_bytes())
    assert "kg" not in text
    assert "No lifting from floor to waist above 26.4 lb occasionally" in text  # the phases' stored wording too
    assert "Pull (force to start moving) 45 lbf occasionally" in text  # 200 N = 44.96 lbf


# --- Large print ------------------------------------------------------------------------------------------------


def test_large_print_sets_the_body_in_16_point_and_grows_the_rest() -> None:
    normal = render_employer_letter(make_case(), CLINIC, DAY, invariant=True)
    large = render_employer_letter(make_case(), CLINIC, DAY, options=RenderOptions(large_print=True), invariant=True)
    assert body_sizes(normal, "I am writing about") == {10.5}
    assert body_sizes(large, "I am writing about") == {16.0}
    assert max(body_sizes(large, "Phase 1: 4 to 10")) > max(body_sizes(normal, "Phase 1: 4 to 10"))
    assert max(body_sizes(large, "4:48")) > max(body_sizes(normal, "4:48"))
    assert len(pypdf.PdfReader(io.BytesIO(large)).pages) > len(pypdf.PdfReader(io.BytesIO(normal)).pages)


# --- Pages ------------------------------------------------------------------------------------------------------


LENGTHS = list(range(0, 19, 3))  # numbers of adjustments, so the letter's end falls at many places on a page


@pytest.mark.parametrize("count", LENGTHS)
@pytest.mark.parametrize("large", [False, True])
def test_closing_signature_line_name_and_date_share_one_page(count: int, large: bool) -> None:
    """However long the letter runs, the block moves as one, with the review and contact section before it, so the
    signature never stands alone on a page."""
    pdf = render_employer_letter(make_case(notes=notes(count)), CLINIC, DAY,
                                 options=RenderOptions(large_print=large), invariant=True)
    [page] = [p for p in page_texts(pdf) if "Yours sincerely," in p]
    for part in ("Review and contact", "please contact Ana Costa on 0113 496 0999", "Signature", "Ana Costa",
                 "Physiotherapist", "Registration: HCPC PH000001", "Date: 1 December 2026"):
        assert part in page


@pytest.mark.parametrize("count", LENGTHS)
def test_no_heading_is_the_last_thing_on_a_page(count: int) -> None:
    case = make_case(notes=notes(count))
    content = build_letter(case, CLINIC, DAY)
    headings = {s.heading for s in (*content.sections, *content.after_schedule)}
    headings |= {c.heading for c in content.schedule.cards} if content.schedule else set()
    reader = pypdf.PdfReader(io.BytesIO(render_employer_letter(case, CLINIC, DAY, invariant=True)))
    for page in reader.pages[:-1]:
        lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        body = [line for line in lines if not line.startswith("Page ")]
        assert body[-1] not in headings, body[-1]


def test_a_long_schedule_repeats_its_header_on_the_next_page() -> None:
    many = tuple(Phase(1, p) for p in range(10, 101, 3))  # 31 phases: more rows than one page holds
    case = make_case(plan_phases=many)
    pages = page_texts(render_employer_letter(case, CLINIC, DAY, invariant=True))
    header = "Phase Dates Working days Hours a day (h:mm) Hours a week (h:mm)"
    with_rows = [p for p in pages if "Mon to Fri*" in p]  # only the table's rows carry the suggestion mark
    assert len(with_rows) >= 2
    assert all(header in p for p in with_rows)


@pytest.mark.parametrize("draft", [True, False])
def test_draft_mark_on_every_page_only_on_a_draft(draft: bool) -> None:
    pdf = render_employer_letter(make_case(notes=notes(12)), CLINIC, DAY, options=RenderOptions(draft=draft),
                                 invariant=True)
    pages = page_texts(pdf)
    assert len(pages) > 1
    assert all(("DRAFT" in p) is draft for p in pages)


def rasterise(pdf: bytes, folder: Path) -> list[Image.Image]:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed, so the PDF cannot be rasterised")
    (folder / "letter.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(folder / "letter.pdf"), str(folder / "page")],
                   check=True, capture_output=True, timeout=120)
    return [Image.open(p).convert("L") for p in sorted(folder.glob("page*.png"))]


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("large", [False, True])
def test_nothing_runs_into_the_side_margins(paper: str, large: bool, tmp_path: Path) -> None:
    """The 20 mm margins stay blank below the letterhead (which the fonts engineer lays out) on every page of
    the most crowded letter: tables, the notice box and long unbroken text all wrap inside the frame."""
    case, clinic = crowded(paper)
    options = RenderOptions(draft=False, large_print=large)
    pdf = render_employer_letter(case, clinic, DAY, options=options, invariant=True)  # type: ignore[arg-type]
    pages = rasterise(pdf, tmp_path)
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        width, height = page.size
        margin = int(width * 15 / (210 if paper == "a4" else 216))  # 15 of the 20 mm: a little slack
        top = int(height * 0.22) if number == 1 else int(height * 0.08)  # below the letterhead or running header
        for box in ((0, top, margin, height), (width - margin, top, width, height)):
            darkest, _ = page.crop(box).getextrema()
            assert darkest > 200, f"page {number}: ink in the margin {box}"


def test_the_crowded_letter_holds_every_task_and_phase() -> None:
    case, clinic = crowded()
    text = pdf_text(render_employer_letter(case, clinic, DAY, options=ISSUED, invariant=True))  # type: ignore[arg-type]
    for i in range(12):
        assert f"Task {i}: " in text
    for number in range(1, 9):
        assert f"Phase {number}: " in text
    assert "Restriction for 20%" in text
    assert text.count("As in phase") == 0  # each phase's own restriction differs
    assert "Until 4 January 2027" not in text  # no phase is a single day; every limit names a whole phase


def test_both_paper_sizes_and_jurisdictions_render() -> None:
    case = followed_up_case()
    for jurisdiction in Jurisdiction:
        for paper in ("a4", "letter"):
            clinic = replace(CLINIC, jurisdiction=jurisdiction, paper_size=paper)
            text = pdf_text(render_employer_letter(case, clinic, DAY, invariant=True))
            assert "Phase 1: 4 to 10 January 2027" in text
            assert (" lb " in text) is (jurisdiction is Jurisdiction.US)


@pytest.mark.parametrize("extra_tasks", LENGTHS)
@pytest.mark.parametrize("large", [False, True])
def test_a_phase_card_that_fits_on_a_page_is_not_split(extra_tasks: int, large: bool) -> None:
    """More tasks push the schedule down the page; each card still starts and ends on the same page."""
    base = make_case()
    tasks = (*base.demands.tasks, *(Task(f"Desk task {i}", False, None, (Activity.SIT,)) for i in range(extra_tasks)))
    case = replace(base, demands=replace(base.demands, tasks=tasks))
    pages = page_texts(render_employer_letter(case, CLINIC, DAY, options=RenderOptions(large_print=large),
                                              invariant=True))
    for number, percent in enumerate((50, 60, 75, 100), start=1):
        [page] = [p for p in pages if f"Phase {number}: " in p]
        assert f"Criterion after {percent}%" in page
