"""The job-match report PDF: content, provenance, NIOSH, charts, progress, flags, embedded fonts, paper, text, PNG."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pypdf
import pytest
from factories import followed_up_case
from pdf_support import embedded_font_names
from PIL import Image
from reportlab.graphics.shapes import Line, String
from reportlab.lib.pagesizes import A4, LETTER

from rtw_planner.domain.capacity.evaluation import Effort
from rtw_planner.domain.case.model import Case, Clinic, Clinician
from rtw_planner.domain.demands.job import DemandSource, JobDemands
from rtw_planner.domain.demands.niosh import LiftingTask
from rtw_planner.domain.demands.profile import Activity, Frequency, PhysicalProfile
from rtw_planner.domain.match.job import chart_bars, job_match
from rtw_planner.reports.match_chart import match_chart
from rtw_planner.reports.match_report import render_match_report
from rtw_planner.reports.match_report_blocks import Table, build_match_report

CANARY = "CANARY-DIAGNOSIS"
CLINIC = Clinic("Riverside Rehab", "1 High Street\nLeeds", "0113 496 0000", "rtw@clinic.example")
TODAY = date(2026, 12, 1)
RULE = "Nova Scotia WCB rule of thumb, lower bound"
CAVEAT = "the minimum the person demonstrated, not their maximum"
PROVENANCE = "Measured (20 Nov 2026, Priya Shah, Physiotherapist; WorkWell FCE (re-test))"
MISMATCH_ROWS = (  # item, demand, capacity, result, gap (% of demand)
    "Lift floor to waist, occasional 23 kg 12 kg Mismatch 11 kg (48%)",
    "Lift floor to waist, frequent 12 kg 7 kg Mismatch 5 kg (42%)",
    "Carry, occasional 20 kg 15 kg Mismatch 5 kg (25%)",
    "Standing, at a time 60 min (1 h) 30 min Mismatch 30 min (50%)",
    "Standing, per day 420 min (7 h) 240 min (4 h) Mismatch 180 min (43%)",
)


@pytest.fixture
def case() -> Case:
    return replace(followed_up_case(), diagnosis=f"{CANARY} lumbar disc")


def render(case: Case, clinic: Clinic = CLINIC, table_id: str = "dot") -> bytes:
    return render_match_report(case, clinic, TODAY, table_id=table_id, invariant=True)


def pages(pdf: bytes) -> list[pypdf.PageObject]:
    return list(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def words(pdf: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pages(pdf)))


def with_current(case: Case, **changes: Any) -> Case:
    *history, current = case.evaluations
    return replace(case, evaluations=(*history, replace(current, **changes)))


def test_report_states_the_match(case: Case) -> None:
    text = words(render(case))
    for expected in (
        "Job-match report", "Marek Dąbrowski", "12 March 1984", "Warehouse order picker", "Northgate Distribution Ltd",
        "Priya Shah, Physiotherapist, HCPC PH123456",
        "For the clinical team. It contains: abilities, limits, schedule and adjustments; date of birth; grip "
        "strength against population norms; effort and consistency ratings; pain scores; outcome scores.",
        "The diagnosis and clinical notes are never part of this report; they stay in the clinical record.",
        "Job's strength level Heavy", "Person's strength level between Light and Medium",
        "DOT Appendix C (version 1), complete", "Meets the job's strength level No",
        "9 match, 5 mismatch, 27 not tested", "Pick cases from racking to pallet: lift floor to waist, occasional",
        "Evaluation 20 Nov 2026, Priya Shah, Physiotherapist; WorkWell FCE (re-test)",
        "25 Sep 2026, Priya Shah, Physiotherapist; WorkWell FCE (initial): Inconsistent effort",
        "Carry, frequent 10 kg — Not tested", PROVENANCE + ", measured at constant frequency",
        "Strength levels: 'DOT Appendix C' (version 1). Sources: SSA POMS DI 25001.001",
    ):
        assert expected in text
    for row in MISMATCH_ROWS:
        assert row in text
    assert text.count(PROVENANCE) >= 14  # every measured row names its evaluation and date


def test_the_diagnosis_never_appears(case: Case) -> None:
    pdf = render(case)
    assert CANARY not in words(pdf)
    assert "lumbar" not in words(pdf)
    assert CANARY.encode() not in pdf
    assert CANARY not in repr(build_match_report(case, CLINIC, TODAY))


def test_niosh_results_of_the_lifting_task(case: Case) -> None:
    text = words(render(case))
    assert "Lifting task: Case from bottom rack to pallet" in text
    assert "load 12 kg; H 45 cm; V 20 cm; D 60 cm; A 45°; F 1/min; duration long (2–8 h); coupling fair" in text
    assert "End HM VM DM AM FM CM RWL LI Origin 0.56 0.84 0.89 0.86 0.75 0.95 5.82 kg 2.06" in text
    assert "RWL 5.82 kg, LI 2.06" in text
    assert "Lifting index above 1.0: increased risk for some workers." in text


def test_niosh_destination_governs_and_reasons_outside_the_equation(case: Case) -> None:
    task = LiftingTask.us(load_lb=30, h_in=10, v_in=30, d_in=20, a_deg=0, frequency_per_min=1, duration="short",
                          coupling="good", h_dest_in=30, v_dest_in=50, control_at_destination=True,
                          name="Box to <top> shelf & back", one_handed=True)
    odd = replace(case, demands=replace(case.demands, lifting_tasks=(task,)))
    text = words(render(odd))
    assert "Lifting task: Box to <top> shelf & back" in text
    assert "load 30 lb; H 10 in; V 30 in; D 20 in" in text
    assert "destination H 30 in, V 50 in" in text
    assert "Computed with the US constants (load constant 51 lb); this task's values are in lb and inches" in text
    assert "Destination 0.00" in text
    assert "The destination has the lower RWL and governs" in text
    assert "RWL 0.00 lb, LI not computable (the RWL is 0)." in text  # the task's own system, nothing converted
    assert "Outside the equation at the destination: H 30 in is beyond 25 in, so HM = 0." in text
    assert "One-handed lifting is outside the scope of the NIOSH lifting equation." in text


def test_chart_is_drawn_from_the_bars(case: Case) -> None:
    bars = chart_bars(job_match(case).items)
    drawing = match_chart(bars, 480, "Capacity as % of demand", "not tested")
    texts = [node.text for node in drawing.contents if isinstance(node, String)]
    assert {"Lift floor to waist, occasional", "52%", "400%", "not tested", "Mismatch", "100%"} <= set(texts)
    assert all(node.fontName == "DejaVuSans" for node in drawing.contents if isinstance(node, String))
    assert any(node.strokeDashArray for node in drawing.contents if isinstance(node, Line))
    text = words(render(case))
    assert "Lift floor to waist, occasional 52% Lift floor to waist, frequent 58%" in text
    assert "Capacity as % of demand (dashed line: 100% = demand)" in text


@pytest.mark.parametrize("source", list(DemandSource))
def test_template_flag_only_for_generic_template_demands(case: Case, source: DemandSource) -> None:
    flagged = replace(case, demands=replace(case.demands, source=source, template="Warehouse operative"))
    text = words(render(flagged))
    flag = "copied from the generic template 'Warehouse operative', not analysed at this workplace"
    assert (flag in text) is (source is DemandSource.GENERIC_TEMPLATE)
    assert ("generic template" in text.lower()) is (source is DemandSource.GENERIC_TEMPLATE)
    assert source.label in text


def test_estimated_only_when_a_rule_is_chosen(case: Case) -> None:
    plain = words(render(case))
    assert not re.search(r"(?<!never )estimated", plain, re.IGNORECASE)
    text = words(render(with_current(case, estimation_rule="ns-wcb-lower")))
    assert "Carry, frequent 10 kg 7.5 kg (estimated) Mismatch 2.5 kg (25%) Estimated from the occasional value" in text
    assert f"Some capacities are estimated, not measured (rule: {RULE})." in text
    assert f"Estimation rule '{RULE}': https://www.wcb.ns.ca" in text


def test_inconsistent_effort_is_stated_only_when_it_applies(case: Case) -> None:
    assert CAVEAT not in words(render(case))
    text = words(render(with_current(case, effort=Effort.INCONSISTENT)))
    assert "Effort Inconsistent effort" in text
    assert CAVEAT in text


def test_projections_are_labelled_estimates(case: Case) -> None:
    """The demo's September evaluation rated as full effort, and a minimum-only one in October between: the trend
    runs through September and November (0.5 kg a week), and says the October values were left out."""
    september, november = case.evaluations
    october = replace(september, assessed_on=date(2026, 10, 23), effort=Effort.INCONSISTENT, id=None)
    case = replace(case, evaluations=(replace(september, effort=Effort.CONSISTENT), october, november))
    text = words(render(case))
    assert "Capacity projections (estimates for planning, not promises)" in text
    assert "Lift floor to waist, occasional 23 kg 12 kg 0.5 kg 23 April 2027 Linear trend (least squares)" in text
    assert "Too few measurements to project" in text
    assert "An estimate, not a promise" in text
    assert "Evaluations with inconsistent effort are left out of these trends" in text


def test_grip_means_and_norms(case: Case) -> None:
    text = words(render(case))
    # 41.17 kg = 90.76 lb, 77.7% of the 116.8 lb norm for men aged 40–44, which is 52.98 kg
    assert ("Right hand: trials 40.5, 42, 41 kg; mean 41.2 kg. That is 78% of the norm for men aged 40–44 (53 kg); "
            "the norm gives no SD, so no z-score.") in text
    assert " lb" not in text.split("Grip strength")[1].split("Progress over time")[0]
    assert "Grip norms: Mathiowetz (1985)" in text
    unknown = words(render(replace(case, sex=None)))
    assert "Left hand: trials 38, 39.5, 38.5 kg; mean 38.7 kg." in unknown
    assert "No norm comparison: the person's age or sex is not recorded." in unknown
    assert "% of the norm" not in unknown


def test_grip_names_the_dominant_hand(case: Case) -> None:
    from rtw_planner.domain.capacity.grip import Handedness

    evaluations = case.evaluations
    left_handed = replace(case, evaluations=(*evaluations[:-1], replace(evaluations[-1],
                                                                         dominant_hand=Handedness.LEFT)))
    text = words(render(left_handed))
    assert "Right hand: trials 40.5, 42, 41 kg" in text
    assert "Left hand (dominant): trials 38, 39.5, 38.5 kg" in text
    mixed = replace(case, evaluations=(*evaluations[:-1], replace(evaluations[-1], dominant_hand=Handedness.MIXED)))
    assert "(dominant)" not in words(render(mixed))  # neither hand is, for mixed handedness


def test_another_table_is_named_with_its_gaps(case: Case) -> None:
    text = words(render(case, table_id="nd-wsi"))
    assert "North Dakota WSI (version 1), incomplete" in text
    assert "Table 'North Dakota WSI' is incomplete" in text
    assert "DOT Appendix C" not in text


def test_only_embedded_dejavu_fonts(case: Case) -> None:
    pdf = render(case)
    names = embedded_font_names(pdf)
    assert names
    assert all("DejaVuSans" in name for name in names), names
    assert b"Helvetica" not in pdf
    if shutil.which("pdffonts"):
        out = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
        rows = out.splitlines()[2:]
        assert rows
        assert all("DejaVuSans" in row and " yes " in row for row in rows), out


def test_pages_are_numbered_and_headed(case: Case) -> None:
    found = pages(render(case))
    assert 3 <= len(found) <= 8  # the progress section adds a page of score charts, the 25 rated demands one more
    for number, page in enumerate(found, start=1):
        assert f"Page {number} of {len(found)}" in page.extract_text()
    assert "Marek Dąbrowski: job-match report, continued" in found[1].extract_text()


@pytest.mark.parametrize(("paper", "size"), [("a4", A4), ("letter", LETTER)])
def test_paper_size_follows_the_clinic(case: Case, paper: str, size: tuple[float, float]) -> None:
    pdf = render(case, replace(CLINIC, paper_size=paper))
    for page in pages(pdf):
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(size)
    for row in MISMATCH_ROWS:
        assert row in words(pdf)


def test_user_text_prints_literally(case: Case) -> None:
    odd = replace(case, patient_name="<b>Zoë</b> & Łódź", employer="R&D <Ltd>", job_title="Picker &amp; packer",
                  clinician=Clinician("Dr Ægir <i>Ørsted</i>"))
    text = words(render(odd, replace(CLINIC, name="Smith & <b>Jones</b>")))
    for literal in ("<b>Zoë</b> & Łódź", "R&D <Ltd>", "Picker &amp; packer", "Dr Ægir <i>Ørsted</i>",
                    "Smith & <b>Jones</b>", "<b>Zoë</b> & Łódź: job-match report, continued"):
        assert literal in text


def test_a_long_table_repeats_its_header(case: Case) -> None:
    strength = {(a, f): 5.0 for a in Activity if a.kind.value != "posture" for f in Frequency}
    demands = replace(case.demands, profile=PhysicalProfile(strength))
    texts = [re.sub(r"\s+", " ", page.extract_text()) for page in pages(render(replace(case, demands=demands)))]
    header = "Item Demand Capacity Result Gap (% of demand) Provenance Lift floor to waist, occasional 5 kg"
    first = next(n for n, text in enumerate(texts) if header in text)
    last = next(n for n, text in enumerate(texts) if "Pull, sustained, constant 5 N" in text)
    assert last > first
    assert "Item Demand Capacity Result Gap (% of demand) Provenance" in texts[last]  # the header, repeated


def test_nothing_measured_yet() -> None:
    bare = Case("Li Wei", demands=JobDemands(PhysicalProfile({(Activity.CARRY, Frequency.OCCASIONAL): 10})))
    text = words(render(bare))
    for expected in ("No evaluation has been recorded yet", "Person's strength level Not graded",
                     "Cannot be said without an evaluation", "Carry, occasional 10 kg — Not tested",
                     "Grip strength was not measured", "No mismatch affects an essential task",
                     "No lifting tasks are recorded", "Date of birth Not recorded"):
        assert expected in text
    empty = words(render(Case("Li Wei")))
    assert "No demands of this kind are recorded." in empty


def test_clinic_wording_overrides_the_bundled_template(case: Case, data_dir: Path) -> None:
    bundled = Path(__file__).resolve().parents[2] / "resources" / "wording" / "match-report.json"
    (data_dir / "wording").mkdir()
    text = bundled.read_text(encoding="utf-8").replace('"Job-match report"', '"Functional job match"')
    (data_dir / "wording" / "match-report.json").write_text(text, encoding="utf-8")
    assert "Functional job match" in words(render(case))


def test_pages_render_to_png_and_are_not_blank(case: Case, tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    pdf = tmp_path / "match.pdf"
    pdf.write_bytes(render(case))
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(tmp_path / "page")], check=True, timeout=60)
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == len(pages(pdf.read_bytes()))
    for image in images:
        grey = Image.open(image).convert("L")
        dark = sum(count for value, count in enumerate(grey.histogram()) if value < 200)
        assert dark > 0.005 * grey.width * grey.height, image.name


def test_invariant_output_is_byte_identical(case: Case) -> None:
    first = render(case)
    assert render(case) == first
    assert render(replace(case, job_title="Driver")) != first


def test_content_blocks_are_plain_text(case: Case) -> None:
    title, evaluation_used, summary, *_ = build_match_report(case, CLINIC, TODAY).sections
    assert title.heading == "Job-match report"
    assert ("Name", "Marek Dąbrowski") in next(p for p in title.parts if isinstance(p, Table)).rows
    assert (evaluation_used.heading, summary.heading) == ("Evaluation used", "Summary")
