"""Enumerations in tables are drop-downs (goal status, quota unit, consent category and recipient, the goal's graded
activity) and table dates take what people type; an activity not in the plan is refused."""

from __future__ import annotations

from datetime import date

from gui_factories import EMPLOYER, history, planned_case, show_case
from PySide6.QtWidgets import QComboBox, QStyleOptionViewItem, QTableView

from rtw_planner.domain.case.model import ConsentCategory
from rtw_planner.domain.plan.goals import GoalStatus
from rtw_planner.domain.plan.quota import QuotaUnit
from rtw_planner.gui.kit.dates import OptionalDateEdit


def _edit(view: QTableView, row: int, column: int, change) -> object:  # type: ignore[no-untyped-def]
    """Edit a cell through its delegate as the view does: editor, its data, the user's change, back to the model."""
    index = view.model().index(row, column)
    delegate = view.itemDelegateForColumn(column)
    editor = delegate.createEditor(view.viewport(), QStyleOptionViewItem(), index)
    delegate.setEditorData(editor, index)
    shown = change(editor)
    delegate.setModelData(editor, view.model(), index)
    editor.deleteLater()
    return shown


def _items(combo: QComboBox) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_goal_status_and_its_graded_activity_are_chosen(window) -> None:  # type: ignore[no-untyped-def]
    view = show_case(window, planned_case())
    goals = view.plan_view.goals_panel.goals_view

    def pick_achieved(combo: QComboBox) -> list[str]:
        combo.setCurrentIndex(combo.findData(GoalStatus.ACHIEVED.value))
        return _items(combo)

    assert _edit(goals, 0, 3, pick_achieved) == [s.label for s in GoalStatus]
    assert view.case.plan.goals[0].status is GoalStatus.ACHIEVED

    def unlink(combo: QComboBox) -> list[str]:
        combo.setCurrentIndex(0)
        return _items(combo)

    assert _edit(goals, 0, 4, unlink) == ["(none)", "Walking"]  # the plan's activities
    assert view.case.plan.goals[0].quota_activity is None
    model = goals.model()
    refused: list[str] = []
    model.invalid_input.connect(refused.append)
    assert not model.setData(model.index(0, 4), "Nonexistent activity")
    assert refused == ["goal quota activity: 'Nonexistent activity' is not allowed; expected one of the plan's "
                       "graded activities (Walking), or none"]
    assert view.case.plan.goals[0].quota_activity is None

    def type_date(editor: OptionalDateEdit) -> str:
        editor.setText("1 March 2027")
        return editor.text()

    _edit(goals, 0, 2, type_date)
    assert view.case.plan.goals[0].due == date(2027, 3, 1)
    assert history(view)[-1] == "edit goal 1 by"


def test_quota_unit_is_a_drop_down(window) -> None:  # type: ignore[no-untyped-def]
    view = show_case(window, planned_case())

    def metres(combo: QComboBox) -> list[str]:
        combo.setCurrentIndex(combo.findData(QuotaUnit.METRES.value))
        return _items(combo)

    assert _edit(view.plan_view.quotas_view, 0, 1, metres) == ["min", "m", "reps", "kg"]
    assert view.case.plan.quotas[0].unit is QuotaUnit.METRES


def test_consent_category_recipient_and_dates(window) -> None:  # type: ignore[no-untyped-def]
    view = show_case(window, planned_case())
    consents = view.details.consents_view

    def outcome_scores(combo: QComboBox) -> int:
        combo.setCurrentIndex(combo.findData(ConsentCategory.OUTCOME_SCORES.value))
        return combo.count()

    assert _edit(consents, 0, 0, outcome_scores) == len(ConsentCategory)
    assert view.case.consents[0].category is ConsentCategory.OUTCOME_SCORES

    def typed_recipient(combo: QComboBox) -> list[str]:
        combo.setEditText("Dr A. Jones, GP")
        return _items(combo)

    assert _edit(consents, 0, 1, typed_recipient) == [EMPLOYER]  # the case's contacts
    assert view.case.consents[0].recipient == "Dr A. Jones, GP"

    def expiry(editor: OptionalDateEdit) -> None:
        editor.setText("31/12/2027")

    _edit(consents, 0, 4, expiry)
    assert view.case.consents[0].expiry == date(2027, 12, 31)

    def cleared(editor: OptionalDateEdit) -> None:
        editor.clear()

    _edit(consents, 0, 4, cleared)
    assert view.case.consents[0].expiry is None
