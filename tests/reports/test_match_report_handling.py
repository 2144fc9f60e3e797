"""The job-match report shows the Liberty Mutual result beside each NIOSH lifting task and a part per handling task:
loads acceptable to 50, 75 and 90% of the person's sex, the share who accept the task's load, flags and caveats."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

import pypdf
from mmh_factories import handling_case, pallet_push, paper_lift, tote_carry

from rtw_planner.domain.capacity.grip import Sex as PersonSex
from rtw_planner.domain.case.model import Case, Clinic
from rtw_planner.domain.demands.units import MassUnit
from rtw_planner.reports.match_report import render_match_report
from rtw_planner.reports.match_report_blocks import Section, Table, Text, build_match_report

CLINIC = Clinic("Riverside Rehab", "1 High Street\nLeeds", "0113 496 0000", "rtw@clinic.example")
TODAY = date(2026, 12, 1)


def words(case: Case) -> str:
    pdf = render_match_report(case, CLINIC, TODAY, invariant=True)
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages))


def section(case: Case, heading: str, units: MassUnit | None = None) -> Section:
    report = build_match_report(case, CLINIC, TODAY, units=units)
    return next(s for s in report.sections if s.heading == heading)


def test_the_liberty_mutual_line_beside_the_niosh_task() -> None:
    # The followed-up case (a man) lifts 12 kg: H 45, V 20, D 60 cm, once a minute, fair coupling. As an LM lift:
    # H .45 (1.3532 - .45/.7079 = .71752), VRM .20 + .30 = .50 (.7746 + .5/1.912 - .25/3.296 = .96026), DV .60
    # (.8695 + .51083/10.62 = .91760), F 1 (.6259), fair coupling as poor handles (.925):
    # MAL = 82.6 × .71752 × .96026 × .91760 × .6259 × .925 = 30.23 kg; 90%: 30.23 × (1 - .276 × 1.2816) = 19.54;
    # 12 kg: z = (12 - 30.23)/(.276 × 30.23) = -2.185, so 98.6% of males accept it.
    text = words(handling_case(pallet_push()))
    assert ("Liberty Mutual equations, the same task as a lift (males): 30.2 kg acceptable to 50% and 19.5 kg to 90% "
            "of males; this load is acceptable to 98.6% of them.") in text


def test_a_push_for_a_man() -> None:
    # Male initial push, RL 70.3: V .95 (1.2737 - .95/1.335 + .9025/2.576 = .91244), DH 15 (1.0790 - ln 15/9.392
    # = .79066), F 1 (.6281): MAL 31.855 kgf = 312 N; 20 kgf: z = (20 - 31.855)/(.231 × 31.855) = -1.611: 94.6%.
    text = words(handling_case(pallet_push()))
    assert "Handling task: Pallet truck Task push, initial force Inputs V 0.95 m; DH 15.00 m; F 1/min" in text
    assert "Load or force of the task 196 N (20 kgf) Acceptable to 50% of males 312 N (31.9 kgf)" in text
    assert "Males who accept the task's load 94.6%" in text


def test_below_75_percent_is_flagged_and_out_of_range_has_no_figure() -> None:
    case = handling_case(tote_carry(), tote_carry(dh_m=12, name="Long carry"), sex=PersonSex.FEMALE)
    report = build_match_report(case, CLINIC, TODAY)
    carry = next(s for s in report.sections if s.heading == "Handling task: Tote to the cage")
    table = carry.parts[0]
    assert isinstance(table, Table)
    # Female carry by hand: MAL 16.88 kg; 15 kg acceptable to 68.5%, below 75%: the last row is flagged.
    assert table.rows[3] == ("Acceptable to 50% of females", "16.9 kg")
    assert table.rows[-1] == ("Females who accept the task's load", "68.5%")
    assert table.flagged == (len(table.rows) - 1,)
    long = next(s for s in report.sections if s.heading == "Handling task: Long carry")
    assert [row[1] for row in long.parts[0].rows[3:]] == ["—"] * 4  # type: ignore[union-attr]
    caveat = long.parts[1]
    assert isinstance(caveat, Text)
    assert caveat.style == "caveat"
    assert caveat.text.startswith("No valid result: horizontal distance DH 12.00 m is outside the equation's range "
                                  "2.10 m to 10.00 m (female); mean velocity DH × F = 12.0 m/min")


def test_us_units_and_an_unrecorded_sex() -> None:
    case = handling_case(pallet_push(), sex=None)
    intro = section(case, "Handling tasks: Liberty Mutual equations", MassUnit.LB)
    assert Text("The person's sex is not recorded: the female equations are used, the more protective population.",
                "caveat") in intro.parts
    push = section(case, "Handling task: Pallet truck", MassUnit.LB)
    # Female initial push by hand: 22.377 kgf = 49.3 lbf (÷ 0.45359237); 20 kgf = 44.1 lbf.
    assert push.parts[0].rows[2:4] == (("Load or force of the task", "44 lbf"),  # type: ignore[union-attr]
                                       ("Acceptable to 50% of females", "49 lbf"))


def test_no_handling_tasks_says_so() -> None:
    case = handling_case(paper_lift())
    bare = replace(case, demands=replace(case.demands, mmh_tasks=()))
    intro = section(bare, "Handling tasks: Liberty Mutual equations")
    assert intro.parts == (Text("No lifting, lowering, pushing, pulling or carrying tasks are recorded for the "
                                "Liberty Mutual equations."),)


def test_beside_a_us_niosh_task_the_lm_loads_are_in_lb() -> None:
    from rtw_planner.domain.demands.niosh import LiftingTask

    case = handling_case(pallet_push())
    task = LiftingTask.us(load_lb=30, h_in=15, v_in=30, d_in=20, a_deg=0, frequency_per_min=1, duration="short",
                          coupling="good", name="Box to shelf")
    us = replace(case, demands=replace(case.demands, lifting_tasks=(task,)))
    niosh = section(us, "Lifting task: Box to shelf")
    line = niosh.parts[-1]
    assert isinstance(line, Text)
    assert line.text.startswith("Liberty Mutual equations, the same task as a lift (males): ")
    assert " kg" not in line.text
    assert " lb acceptable to 50% and " in line.text
