"""The job-match report's progress section: scores against baseline, withheld per category without consent, score
charts, and capacity re-measured for the essential mismatches (a followed-up case's records)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, cast

import pypdf
import pytest
from factories import followed_up_case
from PIL import Image
from pypdf.generic import DictionaryObject

from rtw_planner.domain.capacity.evaluation import Effort
from rtw_planner.domain.case.model import Case, Clinic, Consent, ConsentCategory
from rtw_planner.domain.case.outcome_records import OutcomeRecord
from rtw_planner.domain.issuing.disclosure import Delivery, DisclosureRequest, DocumentKind, RecipientRole, decide
from rtw_planner.reports.match_report import render_match_report
from rtw_planner.reports.match_report_blocks import MatchReportContent, Table, build_match_report
from rtw_planner.reports.match_report_parts import ScoreCharts, Section, Text

CLINIC = Clinic("Riverside Rehab", "1 High Street\nLeeds", "0113 496 0000", "rtw@clinic.example")
TODAY = date(2026, 12, 1)


@pytest.fixture
def case() -> Case:
    return followed_up_case()


def render(case: Case) -> bytes:
    return render_match_report(case, CLINIC, TODAY, invariant=True)


def pages(pdf: bytes) -> list[pypdf.PageObject]:
    return list(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def words(pdf: bytes) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pages(pdf)))


INSURER = "Acme Insurance"
TO_INSURER = DisclosureRequest(INSURER, RecipientRole.INSURER, Delivery.SENT)


def sendable(case: Case) -> Case:
    """The case with a consent to send functional information to the insurer, and nothing more."""
    functional = Consent(ConsentCategory.FUNCTIONAL, INSURER, "claim", date(2026, 10, 1))
    return replace(case, consents=(*case.consents, functional))
PROGRESS_ROWS = (  # measure, baseline, latest, change, MCID; MDC, flag
    "PEG (Pain, Enjoyment of life, General activity) 7 (25 Sep 2026) 4.67 (20 Nov 2026) −2.33 (−33%) None known "
    "better, moderate change (no MCID or MDC known)",
    "Patient-Specific Functional Scale (PSFS) 3 (25 Sep 2026) 5.33 (20 Nov 2026) +2.33 (+78%) MCID 1.3; MDC 2 better",
    "Tampa Scale for Kinesiophobia (17 items) (TSK-17) 55 (25 Sep 2026) 42 (20 Nov 2026) −13 (−24%) None known "
    "better (no MCID or MDC known)",
    "Six-minute walk test (6MWT) 420 m (25 Sep 2026) 515 m (20 Nov 2026) +95 m (+23%) MDC 86 better",
)
NAMES = {"PEG": "PEG (Pain, Enjoyment", "PSFS": "Patient-Specific Functional Scale", "TSK-17": "Tampa Scale",
         "6MWT": "Six-minute walk test"}
WITHHELD_OUTCOME = "Not part of this report: the outcome scores."
WITHHELD_PAIN = "Not part of this report: the pain scores."


def to_insurer(case: Case, today: date = TODAY) -> MatchReportContent:
    """The report's content as sent to the insurer, under the disclosure rules."""
    decision = decide(DocumentKind.MATCH_REPORT, case, TO_INSURER, today, jurisdiction=CLINIC.jurisdiction)
    return build_match_report(case, CLINIC, today, decision=decision)


def section(content: MatchReportContent, heading: str) -> Section:
    return next(s for s in content.sections if s.heading.startswith(heading))


def part(content: MatchReportContent, heading: str, kind: type[Any]) -> Any:
    return next(p for p in section(content, heading).parts if isinstance(p, kind))


def scored(case: Case, instrument: str, on: date, score: float) -> Case:
    """The case with that score recorded (replacing any on the same day)."""
    kept = tuple(r for r in case.outcomes if (r.instrument_id, r.on) != (instrument, on))
    return replace(case, outcomes=(*kept, OutcomeRecord(instrument, on, (), score)))


def consent_to(case: Case, *categories: ConsentCategory, recipient: str = INSURER) -> Case:
    given = tuple(Consent(c, recipient, "claim management", date(2026, 11, 1)) for c in categories)
    return replace(case, consents=(*case.consents, *given))


def fonts(page: pypdf.PageObject) -> list[str]:
    resources = cast("DictionaryObject", page["/Resources"].get_object())
    return [str(cast("DictionaryObject", ref.get_object())["/BaseFont"])
            for ref in cast("DictionaryObject", resources["/Font"].get_object()).values()]


def test_progress_for_the_clinical_team(case: Case) -> None:
    pdf = render(case)
    text = words(pdf)
    for expected in ("Progress over time", "The flag says better or worse only when the change passes both the MCID "
                     "and the MDC", *PROGRESS_ROWS, "Charts: scores over time"):
        assert expected in text
    charts_page = next(p for p in pages(pdf) if "Charts: scores over time" in p.extract_text())
    chart_text = re.sub(r"\s+", " ", charts_page.extract_text())
    for label in ("25 Sep", "23 Oct", "20 Nov", "1 Mar", "Baseline ± MCID", "Goal due", "Score (m)"):
        assert label in chart_text
    names = fonts(charts_page)
    assert any(name.endswith("+DejaVuSans-Bold") for name in names)  # the chart titles
    assert all(name.endswith(("+DejaVuSans", "+DejaVuSans-Bold")) for name in names), names


def test_progress_is_withheld_without_consent(case: Case) -> None:
    text = words(render_match_report(sendable(case), CLINIC, TODAY, invariant=True, request=TO_INSURER))
    assert "Progress over time" in text
    assert WITHHELD_OUTCOME in text
    assert WITHHELD_PAIN in text
    for name in (*NAMES.values(), "Charts: scores over time", "515 m", "MCID 1.3"):
        assert name not in text
    # Re-measured capacity is functional information: it goes to everyone the report goes to.
    assert "Capacity re-measured" in text
    assert "25 Sep 2026: 8 kg; 20 Nov 2026: 12 kg" in text


@pytest.mark.parametrize(("categories", "shown"), [
    ((ConsentCategory.OUTCOME_SCORES,), ("PSFS", "TSK-17", "6MWT")),
    ((ConsentCategory.PAIN_SCORES,), ("PEG",)),
    ((ConsentCategory.OUTCOME_SCORES, ConsentCategory.PAIN_SCORES), ("PEG", "PSFS", "TSK-17", "6MWT")),
    ((ConsentCategory.FUNCTIONAL, ConsentCategory.PROJECTIONS), ()),
])
def test_each_score_category_needs_its_own_consent(case: Case, categories: tuple[ConsentCategory, ...],
                                                   shown: tuple[str, ...]) -> None:
    content = to_insurer(consent_to(case, *categories, ConsentCategory.FUNCTIONAL))
    progress = section(content, "Progress over time")
    tables = [p for p in progress.parts if isinstance(p, Table)]
    listed = tuple(i for t in tables for row in t.rows for i, name in NAMES.items() if row[0].startswith(name))
    assert len(listed) == sum(len(t.rows) for t in tables)
    assert listed == shown
    notes = {p.text for p in progress.parts if isinstance(p, Text)}
    assert (WITHHELD_OUTCOME in notes) is (ConsentCategory.OUTCOME_SCORES not in categories)
    assert any(WITHHELD_PAIN in n for n in notes) is (ConsentCategory.PAIN_SCORES not in categories)
    charts = [p for s in content.sections for p in s.parts if isinstance(p, ScoreCharts)]
    assert tuple(s.instrument_id for c in charts for s in c.series) == shown
    other = to_insurer(consent_to(consent_to(case, ConsentCategory.FUNCTIONAL), *categories,
                                  recipient="Someone else"))
    assert not [p for p in section(other, "Progress over time").parts if isinstance(p, Table)]  # not for this one


def test_an_expired_consent_withholds_the_scores(case: Case) -> None:
    lapsed = replace(case, consents=(Consent(ConsentCategory.OUTCOME_SCORES, INSURER, "claim", date(2026, 10, 1),
                                             expiry=date(2026, 11, 30)),))
    pdf = render_match_report(sendable(lapsed), CLINIC, TODAY, invariant=True, request=TO_INSURER)
    assert WITHHELD_OUTCOME in words(pdf)
    day_before = to_insurer(sendable(lapsed), date(2026, 11, 30))
    assert [p for p in section(day_before, "Progress over time").parts if isinstance(p, Table)]


def test_better_or_worse_only_past_both_thresholds(case: Case) -> None:
    small = scored(case, "PSFS", date(2026, 11, 20), 4.5)  # +1.5: past the MCID of 1.3, not the MDC of 2
    rows = part(build_match_report(small, CLINIC, TODAY), "Progress over time", Table).rows
    psfs = next(r for r in rows if "(PSFS)" in r[0])
    assert psfs[3:] == ("+1.5 (+50%)", "MCID 1.3; MDC 2", "no meaningful change")
    slower = scored(case, "6MWT", date(2026, 11, 20), 300)  # −120 m: past the MDC of 86 m
    table = part(build_match_report(slower, CLINIC, TODAY), "Progress over time", Table)
    walk = next(n for n, r in enumerate(table.rows) if "(6MWT)" in r[0])
    assert table.rows[walk][3:] == ("−120 m (−29%)", "MDC 86", "worse")
    assert table.flagged == (walk,)
    one = scored(replace(case, outcomes=()), "TUG", date(2026, 11, 20), 9.5)
    (row,) = part(build_match_report(one, CLINIC, TODAY), "Progress over time", Table).rows
    assert row[1:] == ("9.5 s (20 Nov 2026)", "—", "—", "None known", "Baseline only")


def test_at_most_four_score_charts_those_with_a_change_first(case: Case) -> None:
    extra = scored(case, "TUG", date(2026, 9, 1), 12.0)  # one score, and first in order
    content = build_match_report(extra, CLINIC, TODAY)
    assert len(part(content, "Progress over time", Table).rows) == 5
    charts = part(content, "Charts: scores over time", ScoreCharts)
    assert [s.instrument_id for s in charts.series] == ["PEG", "PSFS", "TSK-17", "6MWT"]
    assert charts.axes == ("Score", "Score", "Score", "Score (m)")
    assert "Charts for 4 of the 5 measures; the table above lists them all." in words(render(extra))


def test_capacity_re_measured_for_essential_mismatches(case: Case) -> None:
    content = build_match_report(case, CLINIC, TODAY)
    table = part(content, "Capacity re-measured", Table)
    assert table.header == ("Item", "Demand", "Measured (oldest first)", "Change")
    assert table.rows == (
        ("Lift floor to waist, occasional", "23 kg", "25 Sep 2026: 8 kg; 20 Nov 2026: 12 kg", "+4 kg"),
        ("Lift floor to waist, frequent", "12 kg", "20 Nov 2026: 7 kg", "—"),
        ("Standing, at a time", "60 min (1 h)", "25 Sep 2026: 20 min; 20 Nov 2026: 30 min", "+10 min"),
        ("Standing, per day", "420 min (7 h)", "25 Sep 2026: 180 min (3 h); 20 Nov 2026: 240 min (4 h)",
         "+60 min (1 h)"),
    )
    notes = [p.text for p in section(content, "Capacity re-measured").parts if isinstance(p, Text)]
    assert "Values from an evaluation with inconsistent effort are minimums" in " ".join(notes)
    consistent = replace(case, evaluations=tuple(replace(e, effort=Effort.CONSISTENT) for e in case.evaluations))
    parts = section(build_match_report(consistent, CLINIC, TODAY), "Capacity re-measured").parts
    assert len(parts) == 2
    assert "minimums" not in " ".join(p.text for p in parts if isinstance(p, Text))


def test_no_scores_yet() -> None:
    text = words(render(Case("Li Wei")))
    assert "No outcome measures or performance tests are recorded." in text
    assert "No mismatch affects an essential task." in text
    assert "Charts: scores over time" not in text


def test_the_charts_page_renders_the_lines_and_the_band(case: Case, tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    pdf = render(case)
    number = next(n for n, p in enumerate(pages(pdf), start=1) if "Charts: scores over time" in p.extract_text())
    (tmp_path / "report.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(number), "-l", str(number), str(tmp_path / "report.pdf"),
                    str(tmp_path / "charts")], check=True, timeout=60)
    (image,) = tmp_path.glob("charts*.png")
    rgb = Image.open(image).convert("RGB")
    counts = cast("list[tuple[int, tuple[int, int, int]]]", rgb.getcolors(rgb.width * rgb.height))

    def near(colour: tuple[int, int, int]) -> int:
        return sum(n for n, c in counts if all(abs(a - b) <= 12 for a, b in zip(c, colour, strict=True)))

    assert near((0x1F, 0x4E, 0x79)) > 300  # the score lines and markers (and the headings) in the accent blue
    assert near((0xDC, 0xE6, 0xF1)) > 1000  # the PSFS band, baseline ± MCID
