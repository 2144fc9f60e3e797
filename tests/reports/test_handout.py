"""The patient handout PDF: sections, progress and charts, grade 8 or below, 12/16 pt, literal text, no diagnosis."""

from __future__ import annotations

import dataclasses
import io
import json
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pypdf
import pytest
from factories import followed_up_case
from pdf_support import embedded_font_names
from PIL import Image
from readability import flesch_kincaid_grade
from reportlab.lib.pagesizes import A4, LETTER

from rtw_planner.domain.case.model import Case, Clinic
from rtw_planner.domain.case.outcome_records import OutcomeRecord, PracticeEntry
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.issuing.options import RenderOptions
from rtw_planner.domain.plan.goals import Appointment
from rtw_planner.domain.plan.model import Plan
from rtw_planner.domain.plan.quota import QuotaActivity, QuotaUnit, load_plan_wording
from rtw_planner.reports.handout import MIN_ROWS, WeeksTable, render_patient_handout
from rtw_planner.reports.handout_blocks import HandoutContent, build_handout
from rtw_planner.reports.handout_parts import Bullets, HandoutSection, PracticeChart, Table

WORDING = Path(__file__).resolve().parents[2] / "resources" / "wording" / "patient-handout.json"
CANARY = "CANARY-DIAGNOSIS"
CLINIC = Clinic("Riverside Pain & Rehab", "1 High Street\nLeeds", "0113 496 0000", "rtw@clinic.example")
TODAY = date(2026, 12, 1)  # a Tuesday, before the return on Monday 4 January 2027; walking started on 23 November
HEADINGS = ("Going back to work", "Your goals", "This week's small step", "Your quotas week by week",
            "How you are doing", "Pacing on good days and bad days", "Your flare-up plan", "Stop and get help if…",
            "Your next visit and when to contact us", "Your weekly log")


@pytest.fixture
def case() -> Case:
    return replace(followed_up_case(), diagnosis=f"{CANARY} lumbar disc prolapse")


def read(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf))


def words(pdf: bytes) -> str:
    return re.sub(r"\s+", " ", "\n".join(page.extract_text() for page in read(pdf).pages))


def strings(value: Any, skip: tuple[type, ...] = (Clinic,)) -> Iterator[str]:
    """Every string of a content object, in order (the clinic's own details are not generated wording)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from strings(item, skip)
    elif dataclasses.is_dataclass(value) and not isinstance(value, skip):
        for field in dataclasses.fields(value):
            yield from strings(getattr(value, field.name), skip)


def font_sizes(pdf: bytes) -> Counter[float]:
    """Characters printed at each font size."""
    sizes: Counter[float] = Counter()
    for page in read(pdf).pages:
        page.extract_text(visitor_text=lambda text, _cm, tm, _font, size: sizes.update(
            {round(size * tm[0], 1): len(text.strip())}))
    return sizes


def test_handout_has_every_section_and_the_plan(case: Case) -> None:
    text = words(render_patient_handout(case, CLINIC, TODAY, invariant=True))
    for heading in HEADINGS:
        assert heading in text
    for expected in (
        "Made for Marek Dąbrowski on 1 December 2026.",
        "You go back to work on Monday 4 January 2027. In the first week you work 4 hours a day, Monday to Friday "
        "(the days are to be agreed with your employer).",
        "This week, at home: walking, 9 minutes each day.",  # week 2 of walking, from 23 November: 8.8 minutes
        "Walk the dog 30 minutes each morning by 1 March 2027.",
        "Stand at the picking station 60 minutes at a time by 29 March 2027.",
        "Walk to the park and back (15 minutes), by 17 January 2027",
        "30 November 2026 9 minutes not yet not yet", "7 December 2026 10 minutes not yet not yet",
        "4 January 2027 14 minutes 20 minutes 6 times", "Your goal 30 minutes 60 minutes 20 times",
        "The quotas marked “not yet” start on Monday 4 January 2027.",
        "We will give you the next weeks at your next visit.",
        "Walking: half your quota for 2 days (4 minutes), then 6, 7, and back to 9 minutes.",  # 4.4, 5.87, 7.33
        "Phone: 0113 496 0000", "Email: rtw@clinic.example",
        "Friday 11 December 2026 at 10:30 with Priya Shah, Riverside clinic, room 2.",
        "30 November 2026 to 6 December 2026", "Mon 30", "Sun 6", "Walking: 9 minutes",
    ):
        assert expected in text
    wording = load_plan_wording()
    for line in (*wording.red_flags, wording.red_flags_action, *wording.pacing, *wording.flare_up):
        assert line in text


def test_no_diagnosis_notes_or_projections(case: Case) -> None:
    pdf = render_patient_handout(case, CLINIC, TODAY, invariant=True)
    text = words(pdf).lower()
    assert CANARY.lower() not in text
    assert "lumbar" not in text
    assert "estimat" not in text
    assert "projection" not in text
    assert CANARY.encode() not in pdf
    assert CANARY not in repr(build_handout(case, CLINIC, TODAY))


def test_log_sheet_is_on_its_own_last_page(case: Case) -> None:
    pages = [re.sub(r"\s+", " ", p.extract_text()) for p in read(render_patient_handout(case, CLINIC, TODAY)).pages]
    assert "Your weekly log" in pages[-1]
    assert "Your weekly log" not in " ".join(pages[:-1])
    assert "Your next appointment" not in pages[-1]
    for row in ("Walking: 9 minutes", "I had a flare-up", "Mon 30", "Tue 1", "Wed 2", "Thu 3", "Fri 4", "Sat 5",
                "Sun 6"):
        assert row in pages[-1]
    assert "Standing" not in pages[-1]  # it starts on 4 January: not on this week's sheet


def test_page_footer_and_running_header(case: Case) -> None:
    reader = read(render_patient_handout(case, CLINIC, TODAY, invariant=True))
    total = len(reader.pages)
    assert total >= 2
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert f"Page {number} of {total}" in text
        assert ("Plan for Marek, continued" in text) == (number > 1)
    assert CLINIC.name in reader.pages[0].extract_text()  # the letterhead


def test_only_embedded_dejavu_fonts(case: Case) -> None:
    pdf = render_patient_handout(case, CLINIC, TODAY, options=RenderOptions(large_print=True), invariant=True)
    base_fonts = embedded_font_names(pdf)
    assert base_fonts
    assert all("DejaVuSans" in name for name in base_fonts), base_fonts
    assert b"Helvetica" not in pdf


@pytest.mark.parametrize(("large_print", "body"), [(False, 12.0), (True, 16.0)])
def test_body_text_size(case: Case, large_print: bool, body: float) -> None:
    sizes = font_sizes(render_patient_handout(case, CLINIC, TODAY, options=RenderOptions(large_print=large_print),
                                              invariant=True))
    sizes = Counter({size: n for size, n in sizes.items() if n})  # drop sizes set but never used for text
    assert sizes.most_common(1)[0][0] == body
    headings = sum(n for size, n in sizes.items() if size > body)
    assert headings > 100  # title and section headings are larger than the body
    grown = body / 12  # the letterhead grows with large print, as everything else does
    letterhead_and_page_furniture = {round(8.5 * grown, 1), round(15.0 * grown, 1), body - 2}  # address, name, footer
    assert all(size >= body for size in sizes if size not in letterhead_and_page_furniture), sizes


def test_large_print_takes_more_pages(case: Case) -> None:
    normal = len(read(render_patient_handout(case, CLINIC, TODAY)).pages)
    large = len(read(render_patient_handout(case, CLINIC, TODAY, options=RenderOptions(large_print=True))).pages)
    assert large > normal


def test_user_text_prints_literally(case: Case) -> None:
    goals = tuple(replace(g, activity="Walk <i>& talk</i>") if g.id == "walk-dog" else g for g in case.plan.goals)
    odd = replace(case, patient_name="Zoë <b>Łódź</b> & Co", plan=replace(case.plan, goals=goals))
    clinic = replace(CLINIC, name="Smith & <b>Jones</b>")
    for large_print in (False, True):
        pdf = render_patient_handout(odd, clinic, TODAY, options=RenderOptions(large_print=large_print),
                                     invariant=True)
        text = words(pdf)
        assert "Made for Zoë <b>Łódź</b> & Co on 1 December 2026." in text
        assert "Walk <i>& talk</i> 30 minutes each morning by 1 March 2027." in text
        assert text.count("Smith & <b>Jones</b>") >= 2  # letterhead and contact section
        assert "Plan for Zoë, continued" in read(pdf).pages[1].extract_text()


@pytest.mark.parametrize(("paper", "size"), [("a4", A4), ("letter", LETTER)])
def test_paper_size_follows_the_clinic(case: Case, paper: str, size: tuple[float, float]) -> None:
    reader = read(render_patient_handout(case, replace(CLINIC, paper_size=paper), TODAY, invariant=True))
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(size)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
@pytest.mark.parametrize("large_print", [False, True])
def test_every_page_renders_and_is_not_blank(case: Case, tmp_path: Path, large_print: bool) -> None:
    pdf = tmp_path / "handout.pdf"
    pdf.write_bytes(render_patient_handout(case, CLINIC, TODAY, options=RenderOptions(large_print=large_print),
                                              invariant=True))
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf), str(tmp_path / "page")], check=True, timeout=60)
    images = sorted(tmp_path.glob("page*.png"))
    assert len(images) == len(read(pdf.read_bytes()).pages)
    for path in images:
        with Image.open(path) as image:
            grey = image.convert("L")
            dark = sum(grey.histogram()[:128])
            assert dark > 0.005 * grey.width * grey.height, path.name


def test_generated_wording_reads_at_grade_8_or_below(case: Case) -> None:
    content = build_handout(case, CLINIC, TODAY)
    every = list(strings(content))
    assert len(every) > 120
    assert flesch_kincaid_grade("\n".join(every)) <= 8.0
    prose = list(strings(content, skip=(Clinic, Table)))  # sentences only, without the tables' short cells
    assert flesch_kincaid_grade("\n".join(prose)) <= 8.0
    fixed = json.loads(WORDING.read_text(encoding="utf-8"))
    lines = [v for k, v in fixed.items() if not k.startswith("_") and isinstance(v, str)]
    assert flesch_kincaid_grade("\n".join(lines)) <= 8.0


def test_quota_table_starts_this_week_and_shows_at_most_8_weeks(case: Case) -> None:
    slow = QuotaActivity("Cycling", QuotaUnit.MINUTES, (5,), 60, weekly_percent=5)
    plan = replace(case.plan, quotas=(*case.plan.quotas, slow))
    content = build_handout(replace(case, plan=plan), CLINIC, date(2027, 1, 20))  # walking week 9, the rest week 3
    (table,) = tables_of(content)
    assert table.header == ("Week starts on", "Walking", "Standing", "Lifting a 5 kg box, floor to waist", "Cycling")
    # Walking 8 x 1.1^8 = 17.15; standing 20 x 1.1^2 = 24.2; lifting 6.4 + 2 x 1.511 = 9.42; cycling 4 x 1.05^2 = 4.41
    assert table.rows[0] == ("18 January 2027", "17 minutes", "24 minutes", "9 times", "4 minutes")
    assert table.bold_row == 0
    assert [row[0] for row in table.rows[:-1]] == [f"{d} 2027" for d in (
        "18 January", "25 January", "1 February", "8 February", "15 February", "22 February", "1 March", "8 March")]
    assert table.rows[-1] == ("Your goal", "30 minutes", "60 minutes", "20 times", "60 minutes")
    assert "We will give you the next weeks at your next visit." in table.notes


def test_the_table_stops_once_every_quota_is_at_its_goal(case: Case) -> None:
    short = QuotaActivity("Stretching", QuotaUnit.REPETITIONS, (4,), 5, target_weeks=3)  # 3.2, 4.1, then 5
    plan = replace(case.plan, quotas=(short,), goals=())
    (table,) = tables_of(build_handout(replace(case, plan=plan, practice_log=()), CLINIC, TODAY))
    assert table.rows == (("4 January 2027", "3 times"), ("11 January 2027", "4 times"),
                          ("18 January 2027", "5 times"), ("Your goal", "5 times"))
    assert table.bold_row is None  # it starts after the issue date: no week is this week
    assert table.notes == ("Your quotas start on Monday 4 January 2027.",
                           "When you reach your goal, keep to it each day.")


def tables_of(content: HandoutContent) -> list[Table]:
    return [block for section in content.sections for block in section.blocks if isinstance(block, Table)]


def test_empty_plan_and_no_contact_details_still_print(case: Case) -> None:
    bare = Case("Li Wei", diagnosis=CANARY, plan=Plan(),
                next_appointment=Appointment(datetime(2026, 11, 30, 9, 0)))  # already past
    text = words(render_patient_handout(bare, Clinic(), TODAY, invariant=True))
    for heading in HEADINGS[1:]:
        assert heading in text
    assert "Going back to work" not in text  # no return date: the section is left out, not left empty
    for expected in ("We have not set your goals yet.", "Ask us what your small step is this week.",
                     "You do not have any quotas yet.", "Ask us for a phone number you can call.",
                     "We will tell you the date of your next visit.", "I had a flare-up",
                     "We will show how your tests change here once you have done them twice.",
                     "Bring your log sheets to each visit. We will show your practice here."):
        assert expected in text
    assert "30 November 2026" not in text
    assert CANARY not in text


def test_a_plan_that_cannot_reach_its_goal_asks_the_patient_to_ask(case: Case) -> None:
    stuck = QuotaActivity("Stair climbing", QuotaUnit.REPETITIONS, (1,), 100_000, weekly_percent=1)
    plan = replace(case.plan, quotas=(*case.plan.quotas, stuck))
    with pytest.raises(ValidationError):
        stuck.weeks()
    text = words(render_patient_handout(replace(case, plan=plan), CLINIC, TODAY))
    assert "Ask us about your quota for Stair climbing." in text


def test_clinic_can_change_the_wording(case: Case, data_dir: Path) -> None:
    bundled = json.loads(WORDING.read_text(encoding="utf-8"))
    (data_dir / "wording").mkdir()
    override = data_dir / "wording" / "patient-handout.json"
    override.write_text(json.dumps({**bundled, "goals_heading": "What you want to do again"}), encoding="utf-8")
    text = words(render_patient_handout(case, CLINIC, TODAY))
    assert "What you want to do again" in text
    assert "Your goals" not in text
    override.write_text(json.dumps({**bundled, "log_days": []}), encoding="utf-8")
    with pytest.raises(ValidationError, match="log_days"):
        build_handout(case, CLINIC, TODAY)
    older = {k: v for k, v in bundled.items() if not k.startswith("work_")}  # a copy made before a key was added
    override.write_text(json.dumps({**older, "goals_heading": "What you want to do again"}), encoding="utf-8")
    text = words(render_patient_handout(case, CLINIC, TODAY))
    assert "What you want to do again" in text
    assert "You go back to work on Monday 4 January 2027." in text


def test_invariant_output_is_byte_identical(case: Case) -> None:
    first = render_patient_handout(case, CLINIC, TODAY, invariant=True)
    assert render_patient_handout(case, CLINIC, TODAY, invariant=True) == first
    assert render_patient_handout(case, CLINIC, TODAY + timedelta(days=1), invariant=True) != first


def test_a_week_table_never_leaves_fewer_than_four_rows_on_a_page() -> None:
    rows = [["Walking", "", ""], ["Week", "Starts", "Each day"], *([str(n), "x", "y"] for n in range(1, 11))]
    table = WeeksTable(rows, colWidths=[100, 100, 100], rowHeights=[20] * 12, repeatRows=2)
    table.wrap(300, 1000)
    seen = set()
    for height in range(0, 260, 5):
        parts = table.split(300, height)
        if len(parts) == 1:
            assert height >= 12 * 20  # it fits whole
        elif parts:
            first, rest = (part._nrows - 2 for part in parts)
            assert first >= MIN_ROWS, height
            assert rest >= MIN_ROWS, height
            assert first + rest == 10
            seen.add(first)
    assert seen == {4, 5, 6}  # room for 7 or more weeks still leaves 4 for the next page


def test_a_clinics_long_warning_list_breaks_across_pages(case: Case, data_dir: Path) -> None:
    bundled = json.loads((WORDING.parent / "graded-activity.json").read_text(encoding="utf-8"))
    flags = [f"Warning sign number {n} that the clinic added" for n in range(1, 41)]
    (data_dir / "wording").mkdir()
    (data_dir / "wording" / "graded-activity.json").write_text(json.dumps({**bundled, "red_flags": flags}),
                                                               encoding="utf-8")
    text = words(render_patient_handout(case, CLINIC, TODAY, options=RenderOptions(large_print=True)))
    assert all(flag in text for flag in flags)
    assert text.count("Stop and get help if…") >= 2  # the heading repeats on the next page


WALK = "Your walk test went from 420 metres to 515 metres. That is better than before."
PSFS = "Your score for the tasks you chose went from 3 to 5. That is better than before."  # 5.33, in whole numbers
PAIN = "Your pain score went from 7 to 5. A lower number is good here."  # 4.67
WORRY = "Your score for worry about moving went from 55 to 42. A lower number is good here."


def progress(content: HandoutContent) -> HandoutSection:
    return next(s for s in content.sections if s.heading == "How you are doing")


def sentences(case: Case) -> tuple[str, ...]:
    """The 'How you are doing' sentences about tests."""
    return next(b.items for b in progress(build_handout(case, CLINIC, TODAY)).blocks if isinstance(b, Bullets))


def scored(case: Case, instrument: str, on: date, score: float) -> Case:
    kept = tuple(r for r in case.outcomes if (r.instrument_id, r.on) != (instrument, on))
    return replace(case, outcomes=(*kept, OutcomeRecord(instrument, on, (), score)))


def test_how_you_are_doing_in_plain_words(case: Case) -> None:
    text = words(render_patient_handout(case, CLINIC, TODAY, invariant=True))
    for expected in ("How you are doing", "Here is how your tests have changed since we first did them.", PAIN, PSFS,
                     WORRY, WALK, "Walking: you did your full quota 3 out of 4 times.",
                     "Walking: your quota and what you did", "Minutes a day", "Quota done", "Less than your quota"):
        assert expected in text
    assert PAIN + " That" not in text  # the PEG has no MCID or MDC: no verdict, only the numbers
    assert WORRY + " That" not in text
    for jargon in ("MCID", "MDC", "baseline", "PSFS", "6MWT", "TSK", "PEG", "Kinesiophobia"):
        assert jargon.lower() not in text.lower()


@pytest.mark.parametrize(("metres", "sentence"), [
    (515, WALK),
    (480, "Your walk test went from 420 metres to 480 metres. That is about the same as before."),  # +60 < MDC 86
    (300, "Your walk test went from 420 metres to 300 metres. We will talk about this with you at your next visit."),
])
def test_better_only_when_the_change_counts(case: Case, metres: float, sentence: str) -> None:
    said = sentences(scored(case, "6MWT", date(2026, 11, 20), metres))
    assert sentence in said
    assert sum("better" in line for line in said) == (2 if metres == 515 else 1)  # PSFS: +2.33 passes both


def test_a_test_done_once_or_without_plain_words_is_left_out(case: Case, data_dir: Path) -> None:
    once = replace(case, outcomes=tuple(r for r in case.outcomes if not (r.instrument_id == "6MWT"
                                                                         and r.on == date(2026, 11, 20))))
    assert not [line for line in sentences(once) if "walk test" in line]
    odd = scored(scored(case, "ODI", date(2026, 9, 25), 40), "ODI", date(2026, 11, 20), 20)  # not installed
    assert sentences(odd) == sentences(case) == (PAIN, PSFS, WORRY, WALK)
    bundled = json.loads(WORDING.read_text(encoding="utf-8"))
    (data_dir / "wording").mkdir()
    del bundled["progress_test_TSK-17"]
    (data_dir / "wording" / "patient-handout.json").write_text(json.dumps(bundled), encoding="utf-8")
    assert sentences(case) == (PAIN, PSFS, WALK)


def test_the_handout_charts_practice_and_says_test_results_in_words(case: Case) -> None:
    blocks = progress(build_handout(case, CLINIC, TODAY)).blocks
    (practice,) = [b for b in blocks if isinstance(b, PracticeChart)]
    assert practice.series.activity == "Walking"
    assert practice.series.done == (8, 8, 8, 4)
    assert practice.series.days[-1] == date(2026, 11, 26)  # up to the last day logged
    assert practice.series.goal == 30
    logged = PracticeEntry(date(2026, 11, 24), "Standing", None, 25, True)
    more = replace(case, practice_log=(*case.practice_log, logged))
    charts = [b for b in progress(build_handout(more, CLINIC, TODAY)).blocks if isinstance(b, PracticeChart)]
    assert [c.series.activity for c in charts] == ["Walking", "Standing"]
    text = words(render_patient_handout(case, CLINIC, TODAY, invariant=True))
    assert "over time" not in text  # a test's two or three results are its sentence, not a chart of it


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
def test_the_practice_chart_shows_days_met_and_missed(case: Case, tmp_path: Path) -> None:
    pdf = render_patient_handout(case, CLINIC, TODAY, invariant=True)
    number = next(n for n, page in enumerate(read(pdf).pages, start=1)
                  if "your quota and what you did" in page.extract_text())
    (tmp_path / "handout.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(number), "-l", str(number), str(tmp_path / "handout.pdf"),
                    str(tmp_path / "charts")], check=True, timeout=60)
    (image,) = tmp_path.glob("charts*.png")
    rgb = Image.open(image).convert("RGB")
    counts = rgb.getcolors(rgb.width * rgb.height) or []

    def near(colour: tuple[int, int, int]) -> int:
        return sum(n for n, c in counts if all(abs(a - b) <= 12 for a, b in zip(c, colour, strict=True)))

    # Green: 3 days met and the legend's mark; red: the ring of 1 day missed and the legend's ring.
    assert near((0x2E, 0x7D, 0x32)) > 1.5 * near((0xC6, 0x28, 0x28)) > 0
    assert near((0x1F, 0x4E, 0x79)) > 200  # the quota line and the headings in the accent blue
