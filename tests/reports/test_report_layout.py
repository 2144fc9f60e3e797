"""The job-match report's layout: large print at 16 pt everywhere in the body, DRAFT on every page of a draft only,
headings never alone at a page foot, nothing in the side margins, and a long chart split on one scale."""

from __future__ import annotations

import io
import math
import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest
from disclosure_cases import CLINIC, DAY, LIFT, sensitive_case
from PIL import Image
from reportlab.graphics.shapes import String
from reportlab.lib.pagesizes import LETTER

from rtw_planner.domain.case.model import Case, Clinic
from rtw_planner.domain.demands.job import Task
from rtw_planner.domain.demands.niosh import LiftingTask
from rtw_planner.domain.demands.profile import Activity, Frequency, PhysicalProfile
from rtw_planner.domain.issuing.options import RenderOptions
from rtw_planner.domain.match.items import MatchStatus
from rtw_planner.domain.match.job import ChartBar
from rtw_planner.reports.match_chart import match_charts
from rtw_planner.reports.match_report import LARGE_WIDTHS, WIDTHS, render_match_report
from rtw_planner.reports.match_report_blocks import build_match_report

LARGE = RenderOptions(large_print=True, draft=False)
FOOTER = re.compile(r"Page \d+ of \d+")
MARGIN_PT = 20 / 25.4 * 72


def busy(case: Case, items: int, tasks: int = 0) -> Case:
    """The case with `items` strength demands (half of them mismatched) and `tasks` more essential tasks."""
    keys = [(a, f) for a in Activity if a.kind.value != "posture" for f in Frequency][:items]
    demands = replace(case.demands, profile=PhysicalProfile({LIFT: 20.0, **{k: 10.0 for k in keys}}),
                      tasks=(*case.demands.tasks, *(Task(f"Task {n} with a long name that wraps", True, None,
                                                         (LIFT[0], Activity.CARRY)) for n in range(tasks))),
                      lifting_tasks=(LiftingTask.metric(load_kg=12, h_cm=45, v_cm=20, d_cm=60, a_deg=45,
                                                        frequency_per_min=1, duration="long", coupling="fair",
                                                        name="Case to pallet"),))
    capacity = {LIFT: 12.0, **{k: 5.0 + 10 * (n % 2) for n, k in enumerate(keys)}}
    return replace(case, demands=demands,
                   evaluations=tuple(replace(e, profile=PhysicalProfile(capacity)) for e in case.evaluations))


def pdf_pages(pdf: bytes) -> list[pypdf.PageObject]:
    return list(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def sized_text(page: pypdf.PageObject) -> Iterator[tuple[float, str]]:
    """Each run of text on the page with the size it is set in, in points."""
    found: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if text.strip():
            scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])  # rotated text (an axis title) too
            found.append((round(size * scale, 1), text.strip()))

    page.extract_text(visitor_text=visit)
    return iter(found)


def test_large_print_sets_the_whole_body_at_16_points() -> None:
    case = busy(sensitive_case(), items=6)
    pdf = render_match_report(case, CLINIC, DAY, options=LARGE, invariant=True)
    header = f"{case.patient_name}: job-match report, continued"
    frame = {CLINIC.name, *CLINIC.address.splitlines(), CLINIC.phone, header}  # letterhead and running header
    small = [(size, text) for page in pdf_pages(pdf) for size, text in sized_text(page)
             if size < 16 and text not in frame and not FOOTER.fullmatch(text)]
    assert small == []
    normal = render_match_report(case, CLINIC, DAY, invariant=True)
    assert {size for page in pdf_pages(normal) for size, _ in sized_text(page)} >= {7.5, 8.5, 10.0}


def test_large_print_chart_labels_are_16_points() -> None:
    bars = [ChartBar(f"Item {n}", 50.0 * n, MatchStatus.MATCH) for n in range(30)]
    parts = match_charts(bars, 480, "Capacity as % of demand", "not tested", font_size=16, max_height=600)
    assert len(parts) > 1
    assert all(part.height <= 600 for part in parts)
    labels = [[node for node in part.contents if isinstance(node, String)] for part in parts]
    assert all(node.fontSize == 16 for nodes in labels for node in nodes)
    assert sum(1 for nodes in labels for node in nodes if node.text.startswith("Item ")) == 30  # every bar once
    for nodes in labels:  # every part on the same axis, to 200%, so bars compare across pages
        assert [n.text for n in nodes if n.text.endswith("%") and n.textAnchor == "middle"] == \
            ["0%", "50%", "100%", "150%", "200%"]


@pytest.mark.parametrize("draft", [True, False])
def test_a_draft_is_marked_on_every_page_and_an_issued_report_on_none(draft: bool) -> None:
    pdf = render_match_report(busy(sensitive_case(), 12), CLINIC, DAY, options=RenderOptions(draft=draft),
                              invariant=True)
    pages = pdf_pages(pdf)
    assert len(pages) > 2
    assert [("DRAFT" in page.extract_text()) for page in pages] == [draft] * len(pages)
    assert str(pypdf.PdfReader(io.BytesIO(pdf)).metadata.title).startswith("DRAFT") is draft


def headings(case: Case) -> set[str]:
    return {section.heading for section in build_match_report(case, CLINIC, DAY).sections}


@pytest.mark.parametrize("large", [False, True])
@pytest.mark.parametrize(("items", "tasks"), [(0, 0), (3, 2), (7, 5), (12, 9), (18, 3), (24, 12)])
def test_no_heading_ends_a_page(large: bool, items: int, tasks: int) -> None:
    case = busy(sensitive_case(), items, tasks)
    pdf = render_match_report(case, CLINIC, DAY, options=RenderOptions(large_print=large, draft=False),
                              invariant=True)
    titles = headings(case)
    for number, page in enumerate(pdf_pages(pdf)[:-1], start=1):
        lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        body = [line for line in lines if not FOOTER.fullmatch(line)]
        last = body[-1]
        assert not any(title.endswith(last) for title in titles), f"page {number} ends with the heading {last!r}"


@pytest.mark.parametrize("clinic", [CLINIC, replace(CLINIC, paper_size="letter")], ids=["a4", "letter"])
def test_nothing_is_drawn_in_the_side_margins(clinic: Clinic, tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    case = replace(busy(sensitive_case(), 10, 4), patient_name="Wojciech Żółtowski-Brzęczyszczykiewicz")
    for name, options in (("large", LARGE), ("normal", RenderOptions(draft=False))):
        (tmp_path / f"{name}.pdf").write_bytes(render_match_report(case, clinic, DAY, options=options))
        subprocess.run(["pdftoppm", "-png", "-r", "36", str(tmp_path / f"{name}.pdf"), str(tmp_path / name)],
                       check=True, timeout=120)
    images = sorted(tmp_path.glob("*.png"))
    assert len(images) > 4
    for image in images:
        grey = Image.open(image).convert("L")
        edge = int((MARGIN_PT - 1.5) / 72 * 36)  # the margin, less a stroke's width
        for x in (*range(edge), *range(grey.width - edge, grey.width)):
            column = [grey.getpixel((x, y)) for y in range(grey.height)]
            assert min(column) > 240, f"{image.name}: ink at x={x}"  # type: ignore[operator]


def test_large_print_on_letter_paper_with_many_items_fits() -> None:
    pdf = render_match_report(busy(sensitive_case(), 24, 12), replace(CLINIC, paper_size="letter"), DAY,
                              options=LARGE, invariant=True)
    pages = pdf_pages(pdf)
    assert all((float(p.mediabox.width), float(p.mediabox.height)) == pytest.approx(LETTER) for p in pages)
    text = " ".join(p.extract_text() for p in pages)
    assert "Pull, sustained, constant" in text  # the 24th item is there


def test_every_table_is_exactly_the_frame_wide() -> None:
    for widths in (WIDTHS, LARGE_WIDTHS):
        for kind, shares in widths.items():
            assert sum(shares) == pytest.approx(1.0), kind
