"""The recorded exposure read on the DOT frequency scale, against the frequencies the demands give values for."""

from __future__ import annotations

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.demands.frequency_scales import exposure_notes
from rtw_planner.domain.demands.job import JobDemands
from rtw_planner.domain.demands.profile import Activity, Exposure, Frequency, PhysicalProfile
from rtw_planner.domain.match.job import job_match

CARRY = Activity.CARRY


def profile(hours: float, frequency: Frequency = Frequency.OCCASIONAL) -> PhysicalProfile:
    return PhysicalProfile({(CARRY, frequency): 15.0}, exposure={CARRY: Exposure(hours_per_shift=hours)})


def test_three_hours_of_eight_is_frequent_not_occasional() -> None:
    """3 h / 8 h = 0.375, above the DOT's 1/3 for Occasional and below 2/3: Frequently."""
    (note,) = exposure_notes(profile(3), 8)
    assert note.startswith("Carry: the recorded exposure, 3 h in a shift of 8 h, reads as frequently")
    assert "only for occasional" in note


def test_two_hours_of_eight_agrees_with_occasional() -> None:
    assert exposure_notes(profile(2), 8) == []  # 0.25, up to 1/3: Occasionally
    assert exposure_notes(profile(3, Frequency.FREQUENT), 8) == []


def test_six_hours_of_eight_is_constant() -> None:
    (note,) = exposure_notes(profile(6), 8)  # 0.75, at least 2/3
    assert "reads as constantly" in note


def test_the_match_lists_the_note() -> None:
    case = Case("Ana Lima", demands=JobDemands(profile(3), shift_hours=8))
    assert any(n.startswith("Carry: the recorded exposure") for n in job_match(case).notes)
