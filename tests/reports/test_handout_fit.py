"""The handout agrees with itself and fits the fridge door: four pages and the log sheet, whole numbers, this week's
step counted from the issue date, the patient's own flare-up plan, and large print that grows every element."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date, datetime

import pypdf
import pytest
from factories import followed_up_case
from reportlab.graphics.shapes import Drawing, Group, String
from reportlab.platypus import KeepTogether, Table

from rtw_planner.domain.case.casefile import parse
from rtw_planner.domain.case.model import Case, Clinic
from rtw_planner.domain.issuing.options import RenderOptions
from rtw_planner.domain.outcomes.progress import quota_starts
from rtw_planner.domain.plan.goals import Appointment, goal_quota_warnings
from rtw_planner.domain.plan.model import PersonalFlarePlan
from rtw_planner.domain.plan.phases import Phase
from rtw_planner.domain.plan.quota import QuotaActivity, QuotaUnit
from rtw_planner.reports.handout import _Layout, render_patient_handout
from rtw_planner.reports.handout_blocks import build_handout
from rtw_planner.reports.handout_parts import Bullets, PracticeChart, Text
from rtw_planner.reports.handout_parts import Table as TableBlock
from rtw_planner.reports.styles import MARGIN, PAPER_SIZES

CLINIC = Clinic("Riverside Pain & Rehab", "1 High Street\nLeeds", "0113 496 0000", "rtw@clinic.example")
TODAY = date(2026, 12, 1)  # a Tuesday: walking practice began on 23 November, the return to work is on 4 January
VISIT = Appointment(datetime(2026, 12, 18, 10, 30), "Priya Shah", "Riverside clinic, room 2")
WIDTH = PAPER_SIZES["a4"][0] - 2 * MARGIN
# A number with a decimal point before 'minutes' or 'times', or on either side of 'to' ('from 7 to 4.7').
DECIMAL_AMOUNT = re.compile(r"\d+[.,]\d+\s*(?:minutes?|times?)\b|\d+[.,]\d+ to \d|\bto \d+[.,]\d+")


@pytest.fixture
def case() -> Case:
    return replace(followed_up_case(), next_appointment=VISIT)


@pytest.fixture
def demo(demo_text: str) -> Case:
    """The shipped demo case, for the tests about it: its handout fits and its plan agrees with itself."""
    return replace(parse(demo_text), next_appointment=VISIT)


def pages(pdf: bytes) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text()) for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def render(case: Case, today: date = TODAY, clinic: Clinic = CLINIC, large_print: bool = False) -> list[str]:
    return pages(render_patient_handout(case, clinic, today, options=RenderOptions(large_print=large_print),
                                        invariant=True))


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_demo_fits_on_four_pages_and_the_log_sheet(demo: Case, paper: str) -> None:
    text = render(demo, clinic=replace(CLINIC, paper_size=paper))
    assert len(text) <= 5
    assert "Your weekly log" in text[-1]
    assert not any("Your weekly log" in page for page in text[:-1])
    first = text[0]
    assert "You go back to work on Monday 4 January 2027. In the first week you work 4 hours a day, Monday to " \
           "Friday (the days are to be agreed with your employer)." in first  # phase 1: 50% of 40 hours over 5 days
    assert "This week, at home: walking, 9 minutes each day." in first  # week 2 of walking: 8.8 minutes


@pytest.mark.parametrize("large_print", [False, True])
@pytest.mark.parametrize("today", [TODAY, date(2027, 1, 20), date(2027, 2, 17)])
def test_no_decimal_in_any_minutes_times_or_range(case: Case, large_print: bool, today: date) -> None:
    text = " ".join(render(case, today, large_print=large_print))
    assert DECIMAL_AMOUNT.findall(text) == []
    assert "minutes" in text
    assert "times" in text


def test_every_amount_in_the_quota_table_is_whole(case: Case) -> None:
    (table,) = [b for s in build_handout(case, CLINIC, date(2027, 1, 20)).sections for b in s.blocks
                if isinstance(b, TableBlock)]
    amounts = [cell.split()[0] for row in table.rows for cell in row[1:] if cell != "not yet"]
    assert amounts
    assert all(a.isdigit() for a in amounts)


def test_this_weeks_step_before_and_after_the_return_to_work(case: Case) -> None:
    before = render(case, TODAY)[0]
    assert "This week, at home: walking, 9 minutes each day." in before
    assert "This week: stand at the picking station" not in before
    # 12 January: walking week 8 from 23 November, 8 x 1.1^7 = 15.59 minutes; phase 2, 60% of 40 hours over 5 days.
    after = render(case, date(2027, 1, 12))[0]
    assert "This week: walk the dog 16 minutes each day." in after
    assert "You went back to work on Monday 4 January 2027. This week you work 4 hours and 48 minutes a day, " \
           "Monday to Friday (the days are to be agreed with your employer)." in after
    quarter = render(case, date(2027, 1, 12), clinic=replace(CLINIC, quarter_hours=True))[0]
    assert "This week you work 4 hours and 45 minutes a day" in quarter


def test_the_working_days_in_words(case: Case) -> None:
    phased = case.plan.phased_return
    assert phased is not None
    three_days = replace(phased, phases=(Phase(1, 50, days_per_week=3), *phased.phases[1:]))
    text = render(replace(case, plan=replace(case.plan, phased_return=three_days)))[0]
    assert "In the first week you work 6 hours and 40 minutes a day, Monday, Wednesday and Friday" in text  # 20/3


def test_before_any_quota_starts_the_handout_says_when(case: Case) -> None:
    later = replace(case, practice_log=())  # no home practice yet: every quota counts from 4 January
    first = render(later)[0]
    assert "Your first quota starts on Monday 4 January 2027." in first
    assert "Ask us what your small step is this week." in first  # no milestone is due before the return
    assert "This week, at home" not in first


def test_the_demo_plan_agrees_with_itself(demo: Case) -> None:
    plan = demo.plan
    starts = quota_starts(demo, TODAY)
    assert starts == {"Walking": date(2026, 11, 23), "Standing": date(2027, 1, 4),
                      "Lifting a 5 kg box, floor to waist": date(2027, 1, 4)}
    assert goal_quota_warnings(plan.goals, plan.quotas, date(2027, 1, 4), starts=starts) == []
    # By hand, walking from 23 November: 15 minutes by 17 January is week 8 (8 x 1.1^7 = 15.59, read as 16); 20 by
    # 7 February is week 11 (20.75); the goal of 30 is reached in week 15, from 1 March, its due date. From 4
    # January: standing 30 by 14 February is week 6 (20 x 1.1^5 = 32.2); lifting 12 by 7 February is week 5
    # (6.4 + 4 x 1.511 = 12.44); standing's 60 is reached on 29 March and lifting's 20 on 8 March.
    milestones = {m.description: m.amount for g in plan.goals for m in g.milestones}
    assert milestones == {"Walk to the park and back (15 minutes)": 15, "Walk 20 minutes without stopping": 20,
                          "Stand 30 minutes while cooking dinner": 30, "Lift a 5 kg box from the floor 12 times": 12}


def test_a_practice_chart_without_test_results_keeps_its_heading(case: Case) -> None:
    text = render(replace(case, outcomes=()))
    (page,) = [p for p in text if "How you are doing" in p]
    assert "We will show how your tests change here once you have done them twice." in page
    assert "Walking: your quota and what you did" in page


def flare_blocks(case: Case) -> tuple[object, ...]:
    return next(s for s in build_handout(case, CLINIC, TODAY).sections if s.heading == "Your flare-up plan").blocks


def test_the_patients_own_flare_up_plan_in_their_words(case: Case) -> None:
    own = PersonalFlarePlan(("Sitting in the car for an hour",), ("Pain spreading into my buttock",),
                            ("A warm shower, then a gentle walk", "Telling my supervisor early"))
    mine = replace(case, plan=replace(case.plan, flare_plan=own))
    blocks = flare_blocks(mine)
    for heading, lines in (("What can set off a flare-up for me:", own.triggers),
                           ("My early signs of a flare-up:", own.warning_signs), ("What helps me:", own.what_helps)):
        at = blocks.index(Text(heading, strong=True))
        assert blocks[at + 1] == Bullets(lines)
    text = " ".join(render(mine))
    assert "What helps me: • A warm shower, then a gentle walk • Telling my supervisor early" in text
    assert "Use what helps you: relaxing, heat, good sleep" in text  # the general advice stays
    none = flare_blocks(replace(case, plan=replace(case.plan, flare_plan=PersonalFlarePlan())))
    assert not any(isinstance(b, Text) and b.text.endswith("for me:") for b in none)


def strings(node: Drawing | Group) -> list[String]:
    out: list[String] = []
    for child in node.contents:
        out += strings(child) if isinstance(child, Group) else [child] if isinstance(child, String) else []
    return out


def test_large_print_charts_use_the_larger_print(case: Case) -> None:
    (chart,) = [b for s in build_handout(case, CLINIC, TODAY).sections for b in s.blocks
                if isinstance(b, PracticeChart)]
    normal, large = (_Layout(size, WIDTH).chart(chart) for size in (12.0, 16.0))
    assert isinstance(normal, Drawing)
    assert isinstance(large, Drawing)
    assert {s.fontSize for s in strings(normal)} == {12.0}
    assert {s.fontSize for s in strings(large)} == {16.0}
    assert large.height > normal.height


def sheet_rows(size: float, case: Case) -> list[float]:
    flow = _Layout(size, WIDTH).log_sheet(build_handout(case, CLINIC, TODAY).log)
    (kept,) = [f for f in flow if isinstance(f, KeepTogether)]
    (sheet,) = [f for f in kept._content if isinstance(f, Table)]
    sheet.wrap(WIDTH, 10_000)
    return list(sheet._rowHeights)


def test_large_print_grows_the_log_sheet(case: Case) -> None:
    normal, large = sheet_rows(12.0, case), sheet_rows(16.0, case)
    assert len(normal) == len(large)
    assert all(big >= small * 16 / 12 - 0.5 for small, big in zip(normal, large, strict=True))


def furniture_sizes(pdf: bytes) -> dict[str, float]:
    """The font size of the running header and of the page footer on page 2."""
    sizes: dict[str, float] = {}
    page = pypdf.PdfReader(io.BytesIO(pdf)).pages[1]
    page.extract_text(visitor_text=lambda text, _cm, tm, _font, size: sizes.update(
        {key: size * tm[0] for key in ("continued", "Page 2 of") if key in text}))
    return sizes


def test_large_print_grows_the_running_header_and_footer(case: Case) -> None:
    normal, large = (furniture_sizes(render_patient_handout(case, CLINIC, TODAY, invariant=True,
                                                            options=RenderOptions(large_print=lp)))
                     for lp in (False, True))
    assert normal == {"continued": 10.0, "Page 2 of": 10.0}
    assert large == {"continued": 14.0, "Page 2 of": 14.0}


def test_many_activities_go_in_side_by_side_tables_that_fit(case: Case) -> None:
    extra = tuple(QuotaActivity(f"Activity number {n}", QuotaUnit.MINUTES, (10,), 30) for n in range(1, 5))
    many = replace(case, plan=replace(case.plan, quotas=(*case.plan.quotas, *extra)))
    (block,) = [b for s in build_handout(many, CLINIC, TODAY).sections for b in s.blocks
                if isinstance(b, TableBlock)]
    assert len(block.header) == 1 + 7
    counts = []
    for size in (12.0, 16.0):
        tables = _Layout(size, WIDTH).tables(block)
        columns = [len(t._colWidths) - 1 for t in tables]
        assert sum(columns) == 7  # every activity once, each table with the week column
        assert max(columns) - min(columns) <= 1  # balanced, not 3, 3 and 1
        assert all(sum(t._colWidths) <= WIDTH + 0.01 for t in tables)  # none runs past the margin
        counts.append(len(tables))
    assert 1 < counts[0] < counts[1]  # larger print, fewer columns a table
