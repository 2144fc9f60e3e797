"""The pre-flight list: a headline that counts what blocks issuing, then every finding, blocks first, each in words
with its field and what to do; the view adds nothing of its own but the unsaved-edits blocker it is given."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from rtw_planner.domain.issuing.disclosure import DocumentKind
from rtw_planner.domain.issuing.preflight import Finding, Preflight, Severity
from rtw_planner.gui.dialogs.findings_view import FindingsView, finding_text
from rtw_planner.gui.kit.styles import ERROR_STYLE, READY_STYLE

NO_CLINICIAN = Finding(Severity.BLOCK, "Details: clinician", "no clinician is named.", "Name the clinician.")
NO_EVALUATION = Finding(Severity.BLOCK, "Capacity: evaluations", "no dated evaluation.", "Record one.")
OLD_EVALUATION = Finding(Severity.WARN, "Capacity: evaluations", "the evaluation is 9 months old.", "Re-assess.")
NO_REVIEW = Finding(Severity.WARN, "Details: review date", "no review date.", "Set one.")


def _view(qtbot) -> FindingsView:  # type: ignore[no-untyped-def]
    view = FindingsView()
    qtbot.addWidget(view)
    return view


def _result(*findings: Finding) -> Preflight:
    return Preflight(DocumentKind.EMPLOYER_LETTER, findings)


def test_a_finding_reads_as_severity_field_problem_and_fix() -> None:
    assert finding_text(NO_CLINICIAN) == ("Blocks issuing · Details: clinician: no clinician is named.\n"
                                          "What to do: Name the clinician.")
    assert finding_text(NO_REVIEW).startswith("Warning · Details: review date:")


def test_blocks_come_first_then_warnings(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot)
    view.show_result(_result(OLD_EVALUATION, NO_CLINICIAN, NO_REVIEW, NO_EVALUATION))
    assert view.texts() == [finding_text(f) for f in (NO_CLINICIAN, NO_EVALUATION, OLD_EVALUATION, NO_REVIEW)]
    assert view.texts(Severity.BLOCK) == [finding_text(NO_CLINICIAN), finding_text(NO_EVALUATION)]
    assert view.texts(Severity.WARN) == [finding_text(OLD_EVALUATION), finding_text(NO_REVIEW)]
    assert view.list.item(0).toolTip() == "Name the clinician."
    assert not view.list.item(0).icon().isNull()


@pytest.mark.parametrize(("findings", "headline"), [
    ((NO_CLINICIAN,), "1 problem blocks issuing. Drafts can still be previewed."),
    ((NO_CLINICIAN, NO_EVALUATION, NO_REVIEW), "2 problems block issuing; 1 warning. Drafts can still be previewed."),
    ((NO_CLINICIAN, OLD_EVALUATION, NO_REVIEW), "1 problem blocks issuing; 2 warnings. Drafts can still be previewed."),
])
def test_headline_counts_what_blocks(qtbot, findings, headline) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot)
    view.show_result(_result(*findings))
    assert view.headline.text() == headline
    assert view.headline.styleSheet() == ERROR_STYLE


@pytest.mark.parametrize(("findings", "headline"), [
    ((), "Ready to issue. Nothing to check."),
    ((NO_REVIEW,), "Ready to issue. Read the 1 warning first."),
    ((NO_REVIEW, OLD_EVALUATION), "Ready to issue. Read the 2 warnings first."),
])
def test_headline_when_ready(qtbot, findings, headline) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot)
    view.show_result(_result(*findings))
    assert view.headline.text() == headline
    assert view.headline.styleSheet() == READY_STYLE


def test_an_extra_blocker_is_listed_first_and_counted(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot)
    view.show_result(_result(NO_REVIEW), "Case: the case has unsaved edits.")
    assert view.texts(Severity.BLOCK) == ["Blocks issuing · Case: the case has unsaved edits."]
    assert view.texts()[1] == finding_text(NO_REVIEW)
    assert view.headline.text().startswith("1 problem blocks issuing; 1 warning.")
    assert view.list.item(0).data(Qt.ItemDataRole.UserRole) == Severity.BLOCK.value


def test_showing_again_replaces_the_list(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot)
    view.show_result(_result(NO_CLINICIAN, NO_EVALUATION))
    view.show_result(_result())
    assert view.texts() == []
    assert view.headline.text() == "Ready to issue. Nothing to check."
