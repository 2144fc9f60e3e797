"""The job-match report in the document's units: loads in kg or lb, forces as N (kgf) or lbf, grip and its norm in
one unit, strength-table notes converted, and each NIOSH task in its own system, said so."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from disclosure_cases import CLINIC, DAY, LIFT, sensitive_case, words
from hypothesis import given
from hypothesis import strategies as st

from rtw_planner.domain.case.jurisdiction import Jurisdiction
from rtw_planner.domain.case.model import Case, Clinic
from rtw_planner.domain.demands.niosh import LiftingTask
from rtw_planner.domain.demands.profile import Activity, Frequency, PhysicalProfile
from rtw_planner.domain.demands.units import MassUnit
from rtw_planner.domain.issuing.options import RenderOptions
from rtw_planner.reports.match_report import render_match_report
from rtw_planner.reports.match_report_blocks import build_match_report
from rtw_planner.reports.match_report_parts import Text, UnitFormat

PUSH = (Activity.PUSH_INITIAL, Frequency.OCCASIONAL)
US_CLINIC = replace(CLINIC, jurisdiction=Jurisdiction.US)  # lb unless the clinic chose
US_TASK = LiftingTask.us(load_lb=30, h_in=10, v_in=30, d_in=20, a_deg=0, frequency_per_min=1, duration="short",
                         coupling="good", name="Box to shelf")
METRIC_TASK = LiftingTask.metric(load_kg=12, h_cm=45, v_cm=20, d_cm=60, a_deg=45, frequency_per_min=1,
                                 duration="long", coupling="fair", name="Case to pallet")


@pytest.fixture
def case() -> Case:
    """Lifts 12 kg of a 20 kg demand and pushes 200 N of 250 N; two NIOSH tasks, one in each system."""
    base = sensitive_case()
    demands = replace(base.demands, profile=PhysicalProfile({LIFT: 20.0, PUSH: 250.0}),
                      lifting_tasks=(US_TASK, METRIC_TASK))
    evaluations = tuple(replace(e, profile=PhysicalProfile({LIFT: e.profile.strength[LIFT], PUSH: 200.0}))
                        for e in base.evaluations)
    return replace(base, demands=demands, evaluations=evaluations)


def text(case: Case, clinic: Clinic = CLINIC, options: RenderOptions | None = None) -> str:
    return words(render_match_report(case, clinic, DAY, options=options, invariant=True))


def between(text: str, start: str, end: str) -> str:
    return text[text.index(start):text.index(end, text.index(start))]


def test_a_us_clinic_prints_pounds_and_pound_force(case: Case) -> None:
    report = text(case, US_CLINIC)
    # 20 kg = 44.09 lb, 12 kg = 26.46 lb, 8 kg = 17.64 lb; 250 N = 56.2 lbf, 200 N = 44.96 lbf, 50 N = 11.24 lbf
    assert "Lift floor to waist, occasional 44.1 lb 26.4 lb Mismatch 17.6 lb (40%)" in report
    assert "Push, initial, occasional 56 lbf 44 lbf Mismatch 11 lbf (20%)" in report  # 200 N = 44.96 lbf, never up
    assert "Pick cases: lift floor to waist, occasional 17.6 lb short (40%)" in report
    assert "1 Oct 2026: 17.6 lb; 12 Nov 2026: 26.4 lb +8.8 lb" in report  # 8 kg (17.64), 12 kg (26.46, down)
    # The capacity rounded down, as the letter shows it; 4 kg in 6 weeks: 0.667 kg = 1.47 lb a week.
    assert "26.4 lb 1.47 lb 4 February 2027" in report
    # 40, 41, 42 kg = 88.18, 90.39, 92.59 lb; the norm for men 65–69 is 91.1 lb; 90.39 / 91.1 = 99%
    assert "Right hand: trials 88.2, 90.4, 92.6 lb; mean 90.4 lb. That is 99% of the norm for men aged 65–69 " \
           "(91.1 lb)" in report
    assert "counted as 0 lb" in report
    assert "Rounding: values are rounded half up for display (0.1 lb, 1 lbf" in report
    outside_niosh = report.replace(between(report, "Lifting task: Case to pallet", "Grip strength"), "")
    assert not re.search(r"\d kgf?\b", outside_niosh)
    assert " N " not in outside_niosh


def test_a_metric_clinic_prints_kilograms_and_newtons_with_kgf(case: Case) -> None:
    report = text(case)
    # 250 N = 25.49 kgf, 200 N = 20.39 kgf, 50 N = 5.10 kgf
    assert "Lift floor to waist, occasional 20 kg 12 kg Mismatch 8 kg (40%)" in report
    # A capacity is rounded down, as the letter shows it: 200 N = 20.39 kgf -> 20.3
    assert "Push, initial, occasional 250 N (25.5 kgf) 200 N (20.3 kgf) Mismatch 50 N (5.1 kgf) (20%)" in report
    assert "Right hand: trials 40, 41, 42 kg; mean 41 kg. That is 99% of the norm for men aged 65–69 (41.3 kg)" \
        in report  # 91.1 lb = 41.32 kg: the norm in the unit of the measurement
    assert "counted as 0 kg" in report
    assert "counted as 0 lb" not in report
    outside_niosh = report.replace(between(report, "Lifting task: Box to shelf", "Lifting task: Case"), "")
    assert not re.search(r"\d lbf?\b", outside_niosh)


def test_the_render_option_overrides_the_clinic(case: Case) -> None:
    assert "Lift floor to waist, occasional 20 kg 12 kg" in text(case, US_CLINIC, RenderOptions(mass_unit=MassUnit.KG))
    assert "Lift floor to waist, occasional 44.1 lb 26.4 lb" in text(case, CLINIC, RenderOptions(mass_unit=MassUnit.LB))


def test_each_niosh_task_keeps_its_own_system_and_says_which(case: Case) -> None:
    for report in (text(case), text(case, US_CLINIC)):
        us = between(report, "Lifting task: Box to shelf", "Lifting task: Case to pallet")
        metric = between(report, "Lifting task: Case to pallet", "Grip strength")
        assert "Computed with the US constants (load constant 51 lb); this task's values are in lb and inches" in us
        assert "RWL 43.63 lb, LI 0.69" in us  # 30 lb / 43.63 lb = 0.69
        assert " kg" not in us
        assert "Computed with the metric constants (load constant 23 kg); this task's values are in kg and cm" \
            in metric
        assert "RWL 5.82 kg, LI 2.06" in metric
        assert " lb" not in metric


def test_strength_table_limits_in_the_notes_follow_the_document(case: Case) -> None:
    weak = replace(case, evaluations=tuple(replace(e, profile=PhysicalProfile({LIFT: 2.0})) for e in case.evaluations))

    def notes(units: MassUnit) -> list[str]:
        summary = build_match_report(weak, CLINIC, DAY, units=units).sections[2]
        return [p.text for p in summary.parts if isinstance(p, Text) and p.style == "note"]

    # Sedentary needs 10 lb occasionally (4.54 kg); 2 kg is 4.41 lb
    assert "Below the Sedentary range of 'DOT Appendix C': 2 kg occasional (needs 4.5 kg)." in notes(MassUnit.KG)
    assert "Below the Sedentary range of 'DOT Appendix C': 4.4 lb occasional (needs 10 lb)." in notes(MassUnit.LB)


@given(st.decimals(min_value=0, max_value=2000, places=2))
def test_pounds_in_a_note_become_kilograms_in_a_metric_document(pounds: object) -> None:
    note = f"'Table of {pounds} lb' gives {pounds} lb occasional."
    metric = UnitFormat(MassUnit.KG).in_text(note)
    assert metric.startswith(f"'Table of {pounds} lb' gives ")  # a quoted name is left as written
    value = float(metric.removeprefix(f"'Table of {pounds} lb' gives ").removesuffix(" kg occasional."))
    assert value == pytest.approx(float(str(pounds)) * 0.45359237, abs=0.05 + 1e-9)
    assert UnitFormat(MassUnit.LB).in_text(note) == note
