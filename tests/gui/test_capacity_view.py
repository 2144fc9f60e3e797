"""The Capacity tab: the latest evaluation governs; evaluations, details, cells and grip undo, deletes included."""

from __future__ import annotations

from datetime import date, timedelta

from gui_factories import assessed_case, history, show_case

from rtw_planner.domain.capacity.evaluation import Effort, Evaluation
from rtw_planner.domain.capacity.grip import GripTrials, Hand, Sex
from rtw_planner.domain.demands.job import JobDemands
from rtw_planner.domain.demands.profile import STRENGTH_ACTIVITIES, Frequency, PhysicalProfile
from rtw_planner.domain.match.items import MatchStatus

TODAY = date.today()
EVERY_LIFT = PhysicalProfile(strength={(a, f): 10.0 for a in STRENGTH_ACTIVITIES
                                       for f in (Frequency.OCCASIONAL, Frequency.FREQUENT)})


def two_evaluations(**changes: object) -> object:
    """A man in his early forties assessed twice: first with inconsistent effort, then re-tested with grip."""
    first = Evaluation(TODAY - timedelta(days=60), "Sam Rivers", "WorkWell FCE (initial)", Effort.INCONSISTENT)
    second = Evaluation(TODAY - timedelta(days=7), "Sam Rivers", "WorkWell FCE (re-test)", Effort.CONSISTENT,
                        profile=EVERY_LIFT, grip=(GripTrials(Hand.RIGHT, (40.5, 42.0, 41.0)),))
    born = TODAY.replace(year=TODAY.year - 42) - timedelta(days=30)
    return assessed_case(evaluations=(first, second), sex=Sex.MALE, date_of_birth=born,
                         demands=JobDemands(profile=EVERY_LIFT), **changes)


def test_latest_evaluation_governs_and_history_is_kept(window, repositories) -> None:  # type: ignore[no-untyped-def]
    cases, _ = repositories
    view = show_case(window, two_evaluations(), "capacity_view")
    capacity = view.capacity_view
    assert capacity.chooser.count() == 2
    assert capacity.chooser.currentText().endswith("(current)")
    assert capacity.protocol_edit.text() == "WorkWell FCE (re-test)"
    capacity.new_button.click()
    assert capacity.chooser.count() == 3
    assert capacity.current().assessed_on == date.today()
    assert view.is_dirty()
    view.save()
    saved = cases.get(view.case_id)
    assert len(saved.evaluations) == 3
    assert saved.current_evaluation.assessed_on == date.today()
    assert saved.current_evaluation.protocol == "WorkWell FCE (re-test)"  # carried over to the new one
    view.settle()
    assert view.match_view.result.count(MatchStatus.NOT_TESTED) > 10


def test_inconsistent_effort_is_explained(window) -> None:  # type: ignore[no-untyped-def]
    capacity = show_case(window, two_evaluations(), "capacity_view").capacity_view
    assert not capacity.effort_warning.isVisibleTo(capacity)
    capacity.chooser.setCurrentIndex(0)  # the first evaluation recorded inconsistent effort
    assert capacity.effort_warning.isVisibleTo(capacity)
    assert "minimum" in capacity.effort_warning.text()


def test_grip_is_compared_with_norms(window) -> None:  # type: ignore[no-untyped-def]
    grip = show_case(window, two_evaluations(), "capacity_view").capacity_view.grip_panel
    text = grip.result_labels[Hand.RIGHT].text()
    assert "% of the norm for men aged 40–44" in text


def test_a_deleted_evaluation_comes_back_with_undo(window) -> None:  # type: ignore[no-untyped-def]
    view = show_case(window, two_evaluations(), "capacity_view")
    capacity = view.capacity_view
    kept = view.case.evaluations
    capacity.delete_button.click()
    assert len(view.case.evaluations) == 1
    assert capacity.chooser.currentText().endswith("(current)")
    day = kept[1].assessed_on
    assert view.undo_stack.undoText() == f"delete evaluation of {day.day} {day:%b %Y}"
    view.undo_stack.undo()
    assert view.case.evaluations == kept  # the saved one, with its id, back in its place
    assert capacity.chooser.currentIndex() == 1  # and shown
    assert capacity.protocol_edit.text() == "WorkWell FCE (re-test)"


def test_details_and_grip_of_an_evaluation_are_undoable_steps(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = show_case(window, two_evaluations(), "capacity_view")
    capacity = view.capacity_view
    before = view.case
    capacity.evaluator_edit.selectAll()
    qtbot.keyClicks(capacity.evaluator_edit, "Priya Shah")
    capacity.effort_combo.setCurrentIndex(capacity.effort_combo.findData(Effort.INCONSISTENT.value))
    assert capacity.effort_warning.isVisibleTo(capacity)
    capacity.rule_combo.setCurrentIndex(1)
    left = capacity.grip_panel.trial_edits[Hand.LEFT]
    for edit, trial in zip(left, ("30", "31", "29"), strict=True):
        qtbot.keyClicks(edit, trial)
    assert view.case.evaluations[1].grip[1] == GripTrials(Hand.LEFT, (30.0, 31.0, 29.0))
    assert history(view)[-1] == "change left grip"
    assert history(view)[:4] == ["change evaluator", "change evaluator", "change effort", "change estimation rule"]
    view.undo_stack.setIndex(0)
    assert view.case == before
    assert capacity.evaluator_edit.text() == "Sam Rivers"
    assert [e.text() for e in left] == ["", "", ""]
    assert not capacity.effort_warning.isVisibleTo(capacity)


def test_an_unfinished_grip_keeps_the_evaluation_shown(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = show_case(window, two_evaluations(), "capacity_view")
    capacity = view.capacity_view
    before = view.case
    qtbot.keyClicks(capacity.grip_panel.trial_edits[Hand.LEFT][0], "30")  # one trial of three
    assert "left grip trials" in view.message_label.text()
    capacity.chooser.setCurrentIndex(0)
    assert capacity.chooser.currentIndex() == 1
    assert capacity.message_label.text().startswith("Fix this evaluation first")
    assert view.case == before  # nothing recorded
    assert not view.save()


def test_dominant_hand_is_chosen_by_keyboard_shown_with_grip_and_undone(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from rtw_planner.domain.capacity.grip import Handedness

    view = show_case(window, two_evaluations(), "capacity_view")
    grip = view.capacity_view.grip_panel
    combo = grip.dominance_combo
    assert combo.currentText() == "Not recorded"
    assert combo.accessibleName() == "Dominant hand"
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # Right-handed, the first choice after "Not recorded"
    assert view.case.evaluations[1].dominant_hand is Handedness.RIGHT
    assert view.case.evaluations[0].dominant_hand is None  # only the evaluation shown
    assert grip.result_labels[Hand.RIGHT].text().startswith("Dominant hand. ")
    assert history(view)[-1] == "change dominant hand"
    view.undo_stack.undo()
    assert view.case.evaluations[1].dominant_hand is None
    assert combo.currentText() == "Not recorded"
    assert not grip.result_labels[Hand.RIGHT].text().startswith("Dominant")
