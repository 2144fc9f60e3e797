"""The Capacity tab's tolerances: what the job needs beside what the person tolerates; edits undo; the match
shows the rated items."""

from __future__ import annotations

from datetime import date, timedelta

from gui_factories import assessed_case, show_case
from PySide6.QtCore import Qt

from rtw_planner.domain.capacity.evaluation import Evaluation
from rtw_planner.domain.capacity.tolerances import Tolerance
from rtw_planner.domain.demands.job import JobDemands
from rtw_planner.domain.demands.ratings import RatedGroup, Rating
from rtw_planner.domain.match.items import MatchStatus

TODAY = date.today()
P = RatedGroup.PHYSICAL


def rated_case() -> object:
    """A job that needs stooping frequently and kneeling occasionally; one evaluation, nothing tolerated yet."""
    demands = JobDemands(ratings={(P, "stooping"): Rating.FREQUENT, (P, "kneeling"): Rating.OCCASIONAL})
    return assessed_case(evaluations=(Evaluation(TODAY - timedelta(days=7), "Sam Rivers"),), demands=demands)


def test_the_job_needs_beside_the_tolerance(window) -> None:  # type: ignore[no-untyped-def]
    panel = show_case(window, rated_case(), "capacity_view").capacity_view.tolerances_panel
    model = panel.models[P]
    stooping = model.keys.index("stooping")
    assert "strength" not in model.keys  # compared by loads
    assert len(model.keys) == 19
    assert model.index(stooping, 0).data() == "Stooping"
    assert model.index(stooping, 1).data() == "F  Frequent"
    assert model.index(stooping, 2).data() == ""  # not tested
    assert not model.flags(model.index(stooping, 1)) & Qt.ItemFlag.ItemIsEditable
    table = panel.tables[P]
    assert table.accessibleName() == "Tolerances: Physical demand factors (DOT)"
    assert not table.tabKeyNavigation()


def test_a_tolerance_is_an_undoable_edit_and_reaches_the_match(window) -> None:  # type: ignore[no-untyped-def]
    view = show_case(window, rated_case(), "capacity_view")
    model = view.capacity_view.tolerances_panel.models[P]
    stooping = model.keys.index("stooping")
    assert model.setData(model.index(stooping, 2), "O")
    assert model.setData(model.index(stooping, 3), "observed in FCE")
    assert view.undo_stack.undoText() == "change stooping tolerance"
    assert view.case.evaluations[0].tolerances == {(P, "stooping"): Tolerance(Rating.OCCASIONAL, "observed in FCE")}
    assert model.index(stooping, 2).data() == "O  Occasional"
    view.settle()
    rated = view.match_view.rated_model.items
    assert [(i.name, i.status) for i in rated] == [("Stooping", MatchStatus.MISMATCH),
                                                   ("Kneeling", MatchStatus.NOT_TESTED)]
    assert view.match_view.rated_model.index(0, 4).data() == "needs Frequent, tolerates Occasional"
    view.undo_stack.undo()  # the source
    assert view.case.evaluations[0].tolerances == {(P, "stooping"): Tolerance(Rating.OCCASIONAL, "")}
    view.undo_stack.undo()  # the frequency: nothing recorded
    assert view.case.evaluations[0].tolerances == {}
    assert model.index(stooping, 2).data() == ""
    view.undo_stack.redo()
    assert model.index(stooping, 2).data() == "O  Occasional"


def test_a_bad_code_is_refused_with_a_message(window) -> None:  # type: ignore[no-untyped-def]
    view = show_case(window, rated_case(), "capacity_view")
    model = view.capacity_view.tolerances_panel.models[P]
    assert not model.setData(model.index(model.keys.index("kneeling"), 2), "sometimes")
    assert view.capacity_view.message_label.text() == ("Tolerated: 'sometimes' is not allowed; expected blank, N, S, "
                                                       "O, F or C")
    assert view.case.evaluations[0].tolerances == {}


def test_cell_editors_are_named_for_their_row(window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QComboBox, QStyleOptionViewItem

    panel = show_case(window, rated_case(), "capacity_view").capacity_view.tolerances_panel
    table, model = panel.tables[P], panel.models[P]
    stooping = model.keys.index("stooping")
    for column, name in ((2, "Stooping tolerated frequency"), (3, "Stooping tolerance source")):
        index = model.index(stooping, column)
        editor = table.itemDelegateForColumn(column).createEditor(table.viewport(), QStyleOptionViewItem(), index)
        assert editor.accessibleName() == name
        if column == 2:
            assert isinstance(editor, QComboBox)
            assert [editor.itemText(i) for i in range(editor.count())] == [
                "Not tested", "N  Not at all", "S  Seldom", "O  Occasional", "F  Frequent", "C  Constant"]
