"""The rated-demand model: every item of its group, ratings edited with the five codes."""

from __future__ import annotations

from PySide6.QtCore import Qt

from rtw_planner.domain.demands.ratings import DOT_FACTORS, RatedGroup, Rating
from rtw_planner.domain.demands.strength import StrengthLevel
from rtw_planner.domain.edits.commands import Edit
from rtw_planner.gui.models.ratings_table import RatingsTableModel


def test_ratings_model_lists_every_dot_factor_and_edits_ratings(qtmodeltester, qtbot) -> None:  # type: ignore[no-untyped-def]
    model = RatingsTableModel(RatedGroup.PHYSICAL)
    model.set_ratings({"stooping": Rating.FREQUENT})
    qtmodeltester.check(model)
    assert model.rowCount() == len(DOT_FACTORS) == 20
    stooping = DOT_FACTORS.index("Stooping")
    assert model.data(model.index(stooping, 1)) == "F  Frequent"
    with qtbot.waitSignal(model.ratings_changed):
        assert model.setData(model.index(stooping, 1), "c")
    assert model.ratings() == {"stooping": Rating.CONSTANT}
    assert not model.setData(model.index(stooping, 1), "X")
    assert model.setData(model.index(stooping, 1), "N")
    assert "stooping" not in model.ratings()


def test_dot_strength_is_rated_by_level_not_by_frequency(qtmodeltester, qtbot) -> None:  # type: ignore[no-untyped-def]
    model = RatingsTableModel(RatedGroup.PHYSICAL)
    strength = DOT_FACTORS.index("Strength")
    assert model.data(model.index(strength, 1)) == "Not rated"
    assert not model.setData(model.index(strength, 1), "C")  # Constant is a frequency, not a strength level
    assert not model.setData(model.index(strength, 1), "F")
    with qtbot.waitSignal(model.ratings_changed):
        assert model.setData(model.index(strength, 1), "m")
    assert model.strength_rating() is StrengthLevel.MEDIUM
    assert model.ratings() == {}
    assert model.data(model.index(strength, 1)) == "M  Medium"
    assert model.setData(model.index(strength, 1), "")
    assert model.strength_rating() is None
    sent: list[Edit] = []
    model.sink = lambda edit: sent.append(edit) or None  # type: ignore[func-returns-value]
    assert model.setData(model.index(strength, 1), "L")
    assert [e.text for e in sent] == ["rate DOT strength light"]
    model.set_ratings({}, StrengthLevel.VERY_HEAVY)
    qtmodeltester.check(model)
    assert model.data(model.index(strength, 1), Qt.ItemDataRole.EditRole) == "V"


def test_the_strength_row_offers_the_five_levels(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QStyleOptionViewItem, QTableView, QWidget

    from rtw_planner.gui.models.ratings_table import RatingDelegate

    model = RatingsTableModel(RatedGroup.PHYSICAL)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    delegate = RatingDelegate(view)
    index = model.index(DOT_FACTORS.index("Strength"), 1)
    editor = delegate.createEditor(QWidget(view), QStyleOptionViewItem(), index)
    assert [editor.itemText(i) for i in range(editor.count())] == [
        "Not rated", "S  Sedentary", "L  Light", "M  Medium", "H  Heavy", "V  Very Heavy"]
    editor.setCurrentIndex(editor.findData("H"))
    delegate.setModelData(editor, model, index)
    assert model.strength_rating() is StrengthLevel.HEAVY


def test_a_rating_is_sent_as_an_edit(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = RatingsTableModel(RatedGroup.PHYSICAL)
    sent: list[Edit] = []
    model.sink = lambda edit: sent.append(edit) or None  # type: ignore[func-returns-value]
    stooping = DOT_FACTORS.index("Stooping")
    assert model.setData(model.index(stooping, 1), "O")
    assert model.setData(model.index(stooping, 1), "N")  # not recorded yet: the same as not present, no edit
    assert [e.text for e in sent] == ["rate stooping occasional"]
    model.set_ratings({"stooping": Rating.OCCASIONAL})
    qtmodeltester.check(model)
    assert model.data(model.index(stooping, 1)) == "O  Occasional"


def test_the_delegate_offers_the_five_codes(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QStyleOptionViewItem, QTableView, QWidget

    from rtw_planner.gui.models.ratings_table import RatingDelegate

    model = RatingsTableModel(RatedGroup.PHYSICAL)
    model.set_ratings({"stooping": Rating.FREQUENT})
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    delegate = RatingDelegate(view)
    index = model.index(DOT_FACTORS.index("Stooping"), 1)
    editor = delegate.createEditor(QWidget(view), QStyleOptionViewItem(), index)
    assert [editor.itemData(i) for i in range(editor.count())] == [r.value for r in Rating]
    delegate.setEditorData(editor, index)
    assert editor.currentData() == "F"
    editor.setCurrentIndex(editor.findData("C"))
    delegate.setModelData(editor, model, index)
    assert model.ratings()["stooping"] is Rating.CONSTANT
