"""Every table model passes qtmodeltester, and the editable ones validate input."""

from __future__ import annotations

from rtw_planner.domain.case import casefile
from rtw_planner.domain.case.model import Case
from rtw_planner.domain.demands.profile import Activity, Frequency
from rtw_planner.domain.demands.units import ForceUnit, MassUnit
from rtw_planner.domain.match.items import match
from rtw_planner.gui.models.case_table import PAGE_SIZE, CaseTableModel
from rtw_planner.gui.models.match_table import MatchTableModel
from rtw_planner.gui.models.profile_tables import PostureTableModel, StrengthTableModel


def test_case_table_pages_and_searches(qtmodeltester, repositories, demo_text) -> None:  # type: ignore[no-untyped-def]
    cases, _ = repositories
    demo = casefile.parse(demo_text)
    cases.insert_many_for_benchmark([Case(patient_name=f"Person {i}", job_title="Cleaner")
                                     for i in range(PAGE_SIZE + 50)])
    cases.save(demo)
    model = CaseTableModel(cases)
    assert model.rowCount() == PAGE_SIZE
    assert model.total == PAGE_SIZE + 51
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == PAGE_SIZE + 51
    qtmodeltester.check(model)
    model.refresh("dąbrowski")
    qtmodeltester.check(model)
    assert model.rowCount() == 1
    assert model.data(model.index(0, 0)) == "Marek Dąbrowski"
    assert model.data(model.index(0, 3)) == "8 Jan 2027"


def test_strength_model_edits_and_rejects(qtmodeltester, qtbot, demo_text) -> None:  # type: ignore[no-untyped-def]
    model = StrengthTableModel()
    model.set_profile(casefile.parse(demo_text).demands.profile)
    qtmodeltester.check(model)
    index = model.index(0, 0)  # lift floor to waist, occasional
    assert model.data(index) == "23 kg"
    with qtbot.waitSignal(model.profile_changed):
        assert model.setData(index, "18,5")
    assert model.profile.strength[(Activity.LIFT_FLOOR_TO_WAIST, Frequency.OCCASIONAL)] == 18.5
    with qtbot.waitSignal(model.invalid_input) as blocker:
        assert not model.setData(index, "-3")
    assert "Lift floor to waist (occasional)" in blocker.args[0]
    assert "500 kg" in blocker.args[0]
    with qtbot.waitSignal(model.invalid_input):
        assert not model.setData(index, "lots")
    assert model.profile.strength[(Activity.LIFT_FLOOR_TO_WAIST, Frequency.OCCASIONAL)] == 18.5
    assert model.setData(index, "")
    assert (Activity.LIFT_FLOOR_TO_WAIST, Frequency.OCCASIONAL) not in model.profile.strength


def test_strength_model_converts_display_units(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = StrengthTableModel()
    model.set_units(MassUnit.LB, ForceUnit.KGF)
    qtmodeltester.check(model)
    assert model.setData(model.index(0, 0), "22.05")
    assert abs(model.profile.strength[(Activity.LIFT_FLOOR_TO_WAIST, Frequency.OCCASIONAL)] - 10.0) < 0.01
    push_row = [i for i in range(model.rowCount()) if "Push" in model.headerData(i, _vertical())][0]
    assert model.setData(model.index(push_row, 0), "10")
    assert abs(model.profile.strength[(Activity.PUSH_INITIAL, Frequency.OCCASIONAL)] - 98.0665) < 1e-6
    assert model.headerData(push_row, _vertical()) == "Push, initial (kgf)"


def _vertical():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.Orientation.Vertical


def test_posture_model_keeps_at_a_time_within_the_day(qtmodeltester, qtbot) -> None:  # type: ignore[no-untyped-def]
    model = PostureTableModel()
    qtmodeltester.check(model)
    assert model.setData(model.index(1, 1), "240")  # standing, per day
    assert model.setData(model.index(1, 0), "30")
    assert model.data(model.index(1, 1)) == "240 min (4 h)"
    with qtbot.waitSignal(model.invalid_input) as blocker:
        assert not model.setData(model.index(1, 0), "300")
    assert "minutes at a time" in blocker.args[0]
    assert model.profile.postures[Activity.STAND].minutes_at_a_time == 30


def test_match_model_shows_gaps(qtmodeltester, demo_text) -> None:  # type: ignore[no-untyped-def]
    case = casefile.parse(demo_text)
    model = MatchTableModel()
    model.set_items(match(case.demands.profile, case.capacity, case.current_evaluation))
    qtmodeltester.check(model)
    rows = {model.data(model.index(r, 0)): r for r in range(model.rowCount())}
    row = rows["Lift floor to waist, occasional"]
    assert model.data(model.index(row, 3)) == "Mismatch"
    assert model.data(model.index(row, 4)) == "11 kg short (48%)"
    assert model.data(model.index(rows["Push, sustained, frequent"], 5)).endswith("measured at constant frequency")
    assert model.data(model.index(rows["Pull, initial, occasional"], 3)) == "Not tested"
