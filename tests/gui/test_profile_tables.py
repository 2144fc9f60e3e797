"""The strength and posture models: edits validated by the domain, display units, and the edit each change makes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt

from rtw_planner.domain.demands.profile import Activity, Frequency, PhysicalProfile
from rtw_planner.domain.demands.units import ForceUnit, MassUnit
from rtw_planner.domain.edits.commands import Edit
from rtw_planner.domain.edits.lenses import Attr, evaluation
from rtw_planner.gui.models.profile_tables import PostureTableModel, StrengthTableModel

LIFT = (Activity.LIFT_FLOOR_TO_WAIST, Frequency.OCCASIONAL)


@pytest.fixture
def german() -> Iterator[None]:
    """Numbers typed the German way ('18,5')."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(before)


def test_strength_model_edits_and_rejects(qtmodeltester, qtbot, german) -> None:  # type: ignore[no-untyped-def]
    model = StrengthTableModel()
    model.set_profile(PhysicalProfile(strength={LIFT: 23.0}))
    qtmodeltester.check(model)
    index = model.index(0, 0)  # lift floor to waist, occasional
    assert model.data(index) == "23 kg"
    with qtbot.waitSignal(model.profile_changed):
        assert model.setData(index, "18,5")
    assert model.profile.strength[(Activity.LIFT_FLOOR_TO_WAIST, Frequency.OCCASIONAL)] == 18.5
    assert model.data(index, Qt.ItemDataRole.EditRole) == "18,5"  # shown for editing as it is typed
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
    push_row = [i for i in range(model.rowCount())
                if "Push" in model.headerData(i, Qt.Orientation.Vertical)][0]
    assert model.setData(model.index(push_row, 0), "10")
    assert abs(model.profile.strength[(Activity.PUSH_INITIAL, Frequency.OCCASIONAL)] - 98.0665) < 1e-6
    assert model.headerData(push_row, Qt.Orientation.Vertical) == "Push, initial (kgf)"


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


def test_a_cell_edit_is_sent_for_the_profile_the_model_shows(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = StrengthTableModel()
    model.lens = Attr(evaluation(0), "profile")
    sent: list[Edit] = []
    model.sink = lambda edit: sent.append(edit) or None  # type: ignore[func-returns-value]
    assert model.setData(model.index(0, 0), "15")
    assert [e.text for e in sent] == ["change measured lift floor to waist, occasional"]
    assert model.profile.strength == {}  # shown when the case view refreshes it
    with qtbot.assertNotEmitted(model.dataChanged):
        model.set_profile(PhysicalProfile())  # the same profile: nothing to redraw
