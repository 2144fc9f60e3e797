"""The match model: demand against capacity item by item, with the gap and where each figure came from."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from rtw_planner.domain.capacity.evaluation import Evaluation
from rtw_planner.domain.demands.profile import Activity, Frequency, PhysicalProfile
from rtw_planner.domain.demands.units import ForceUnit, MassUnit
from rtw_planner.domain.match.items import match
from rtw_planner.gui.models.match_table import MatchTableModel

A, F = Activity, Frequency
DEMANDS = PhysicalProfile(strength={(A.LIFT_FLOOR_TO_WAIST, F.OCCASIONAL): 23.0, (A.PUSH_SUSTAINED, F.FREQUENT): 150.0,
                                    (A.PULL_INITIAL, F.OCCASIONAL): 200.0})
MEASURED = PhysicalProfile(strength={(A.LIFT_FLOOR_TO_WAIST, F.OCCASIONAL): 12.0,
                                     (A.PUSH_SUSTAINED, F.CONSTANT): 200.0})


def test_match_model_shows_gaps(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = MatchTableModel()
    model.set_items(match(DEMANDS, MEASURED, Evaluation(date(2026, 11, 20), "Sam Rivers", profile=MEASURED)))
    qtmodeltester.check(model)
    rows = {model.data(model.index(r, 0)): r for r in range(model.rowCount())}
    row = rows["Lift floor to waist, occasional"]
    assert model.data(model.index(row, 3)) == "Mismatch"
    assert model.data(model.index(row, 4)) == "11 kg short (48%)"
    assert model.data(model.index(rows["Push, sustained, frequent"], 5)).endswith("measured at constant frequency")
    assert model.data(model.index(rows["Pull, initial, occasional"], 3)) == "Not tested"
    assert model.data(model.index(row, 3), Qt.ItemDataRole.BackgroundRole) is not None


def test_match_model_follows_the_display_units(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = MatchTableModel()
    model.set_items(match(DEMANDS, MEASURED, None))
    model.set_units(MassUnit.LB, ForceUnit.KGF)
    qtmodeltester.check(model)
    assert model.data(model.index(0, 1)) == "50.7 lb"  # 23 kg
    assert model.data(model.index(1, 1)) == "15.3 kgf"  # 150 N
