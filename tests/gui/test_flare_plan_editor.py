"""The patient's flare-up plan: lines in their words, too many refused at the field, typing undone word by word."""

from __future__ import annotations

from gui_factories import assessed_case, history, show_case

from rtw_planner.domain.plan.model import PersonalFlarePlan


def _open(window, case):  # type: ignore[no-untyped-def]
    return show_case(window, case, "plan_view").plan_view


def test_flare_up_plan_round_trip(window, repositories, qtbot) -> None:  # type: ignore[no-untyped-def]
    cases, _ = repositories
    plan = _open(window, assessed_case())
    edits = plan.flare_editor.edits
    edits["triggers"].setPlainText("Lifting from the bottom shelf\n\n  Long drives  \n")
    edits["warning_signs"].setPlainText("Stiff neck in the morning")
    edits["what_helps"].setPlainText("A warm shower\nTelling my supervisor early")
    assert window.case_view.save()
    assert cases.get(window.case_view.case_id).plan.flare_plan == PersonalFlarePlan(
        ("Lifting from the bottom shelf", "Long drives"), ("Stiff neck in the morning",),
        ("A warm shower", "Telling my supervisor early"))
    window.case_view.load(cases.get(window.case_view.case_id))
    reopened = window.case_view.plan_view.flare_editor
    assert reopened.edits["triggers"].toPlainText() == "Lifting from the bottom shelf\nLong drives"
    reopened.edits["what_helps"].setPlainText("\n".join(f"Thing {n}" for n in range(13)))
    assert not window.case_view.save()
    assert "flare-up plan what helps" in window.case_view.message_label.text()


def test_typing_a_trigger_undoes_word_by_word(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    plan = _open(window, assessed_case())
    view = window.case_view
    triggers = plan.flare_editor.edits["triggers"]
    qtbot.keyClicks(triggers, "Long drives")
    assert history(view) == ["edit flare-up triggers", "edit flare-up triggers"]
    assert view.case.plan.flare_plan.triggers == ("Long drives",)
    view.undo_stack.undo()
    assert triggers.toPlainText() == "Long"
    view.undo_stack.undo()
    assert triggers.toPlainText() == ""
    assert view.case.plan.flare_plan.is_empty()
