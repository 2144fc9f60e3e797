"""The Progress tab: records are scored as typed and added, the log grows, charts hold the series, CSV export."""

from __future__ import annotations

import csv
import stat
from datetime import date, timedelta
from html import unescape
from pathlib import Path

import pytest
from PySide6.QtCore import QDate

from rtw_planner.domain.case.demo import demo_shift_days
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.outcomes.csv_export import COLUMNS, csv_text
from rtw_planner.domain.outcomes.progress import practice_series, score_series
from rtw_planner.gui.actions import Action
from rtw_planner.gui.kit.choices import UnsavedChoice
from rtw_planner.gui.models.outcomes_table import OutcomesTableModel, PracticeTableModel
from rtw_planner.gui.widgets.progress_view import ProgressView, parse_answers

# The demo opens with its dates moved to stand to today as they stood to 6 December 2026 (whole weeks).
SHIFT = timedelta(days=demo_shift_days(date.today()))
DAY = date(2026, 11, 27) + SHIFT


def _shown(day: date) -> str:
    return f"{day:%d %b %Y}"


def _progress(window, qtbot) -> ProgressView:  # type: ignore[no-untyped-def]
    window.open_demo_case()
    view: ProgressView = window.case_view.progress_view
    window.case_view.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.score_chart.score_item is not None and view.practice_chart.done_item is not None)
    return view


def _type_answers(view: ProgressView, qtbot, instrument: str, answers: str) -> None:  # type: ignore[no-untyped-def]
    view.instrument_combo.setCurrentIndex(view.instrument_combo.findData(instrument))
    view.record_date.setDate(QDate(DAY.year, DAY.month, DAY.day))
    view.answers_edit.clear()
    qtbot.keyClicks(view.answers_edit, answers)


def test_parse_answers() -> None:
    assert parse_answers("7 6 8") == [7.0, 6.0, 8.0]
    assert parse_answers(" 7, -, 8.5 ") == [7.0, None, 8.5]
    assert parse_answers("") == []
    with pytest.raises(ValidationError, match="answer 2: 'x'"):
        parse_answers("7 x 8")


def test_models_pass_the_model_tester(window, qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    view = _progress(window, qtbot)
    assert isinstance(view.outcomes_model, OutcomesTableModel)
    assert isinstance(view.practice_model, PracticeTableModel)
    for model in (view.outcomes_model, view.practice_model):
        qtmodeltester.check(model)
    assert (view.outcomes_model.rowCount(), view.practice_model.rowCount()) == (10, 4)
    model = view.outcomes_model
    fifth = [model.data(model.index(4, c)) for c in range(4)]
    assert fifth == [_shown(date(2026, 10, 23) + SHIFT), "PEG", "6 5 6", "5.67"]
    assert view.practice_model.data(view.practice_model.index(3, 4)) == "No"


def test_adding_a_peg_record_scores_it(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _progress(window, qtbot)
    _type_answers(view, qtbot, "PEG", "7 6 8")
    assert "7.00" in view.score_label.text()
    view.add_record_button.click()
    assert view.outcomes_model.rowCount() == 11
    added = view.outcomes()[-1]
    assert (added.instrument_id, added.on, added.answers, added.score) == ("PEG", DAY, (7.0, 6.0, 8.0), 7.0)
    assert view.outcomes_model.data(view.outcomes_model.index(10, 3)) == "7"
    assert view.answers_edit.text() == ""
    assert window.case_view.is_dirty()


@pytest.mark.parametrize(("answers", "shown"), [
    ("7 x 8", "answer 2: 'x' is not allowed"),
    ("11 6 8", "PEG item 1 (pain): 11.0 is not allowed"),
    ("7 6 8 9", "PEG answers: 4 is not allowed"),
])
def test_bad_answers_show_an_error_and_add_nothing(window, qtbot, answers: str,  # type: ignore[no-untyped-def]
                                                   shown: str) -> None:
    view = _progress(window, qtbot)
    _type_answers(view, qtbot, "PEG", answers)
    assert shown in unescape(view.score_label.text())
    assert "Score:" not in view.score_label.text()
    view.add_record_button.click()
    assert shown in view.message_label.text()
    assert view.outcomes_model.rowCount() == 10
    assert not window.case_view.is_dirty()


def test_missing_answer_and_reverse_scoring_rules(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _progress(window, qtbot)
    _type_answers(view, qtbot, "PEG", "7 - 8")
    assert "PEG answers: 2 of 3 answered, so it cannot be scored. Answer item 2." in view.score_label.text()
    view.add_record_button.click()  # refused, with what is missing, at the answers field
    assert view.outcomes_model.rowCount() == 10
    assert "Answer item 2" in view.message_label.text()
    assert view.answers_edit.styleSheet() != ""
    assert view.answers_edit.text() == "7 - 8"
    _type_answers(view, qtbot, "TSK-17", "3 3 3 1 3")
    view.add_record_button.click()
    assert "TSK-17 answers: 5 of 17 answered" in view.message_label.text()
    assert "items 6, 7, 8, 9, 10, 11, 12, 13, …" in view.message_label.text()
    _type_answers(view, qtbot, "TSK-17", " ".join("1" if n % 4 == 0 else "3" for n in range(1, 18)))
    assert "<b>55.00</b>, high kinesiophobia" in view.score_label.text()  # items 4, 8, 12, 16 reversed: 1 counts 4


def test_adding_practice_and_saving_keep_the_entries(window, qtbot, repositories) -> None:  # type: ignore[no-untyped-def]
    cases, _ = repositories
    view = _progress(window, qtbot)
    _type_answers(view, qtbot, "PSFS", "6 6 7")
    view.add_record_button.click()
    view.activity_combo.setCurrentText("Walking")
    view.practice_date.setDate(QDate(DAY.year, DAY.month, DAY.day))
    view.done_edit.setText("9")
    view.met_box.setChecked(True)
    view.add_practice_button.click()
    assert view.practice_model.rowCount() == 5
    entry = view.practice_log()[-1]
    assert (entry.on, entry.activity, entry.quota, entry.done, entry.completed) == (DAY, "Walking", 8.0, 9.0, True)
    assert window.case_view.save()
    saved = cases.get(window.case_view.case_id)
    assert saved.outcomes[-1].instrument_id == "PSFS"
    assert saved.outcomes[-1].score == pytest.approx(19 / 3)
    assert saved.practice_log[-1] == entry
    assert len(saved.outcomes) == 11


def test_bad_practice_done_adds_nothing(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _progress(window, qtbot)
    view.done_edit.setText("lots")
    view.add_practice_button.click()
    assert "practice done: 'lots'" in view.message_label.text()
    view.done_edit.setText("-3")
    view.add_practice_button.click()
    assert "practice done" in view.message_label.text()
    assert view.practice_model.rowCount() == 4


def test_a_logged_quota_matches_the_chart_quota_for_that_day(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _progress(window, qtbot)
    on = date(2026, 12, 10) + SHIFT  # week 3 of the practice that began on 23 Nov (as written)
    view.activity_combo.setCurrentText("Walking")
    view.practice_date.setDate(QDate(on.year, on.month, on.day))
    view.done_edit.setText("9")
    view.add_practice_button.click()
    case = window.case_view.current_case()
    series = practice_series(case, "Walking")
    assert view.practice_log()[-1].quota == pytest.approx(series.quota[series.days.index(on)])  # 9.68


def test_score_chart_holds_the_series_and_band(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _progress(window, qtbot)
    view.chart_instrument.setCurrentText("PSFS")
    qtbot.waitUntil(lambda: view.score_chart.series is not None and view.score_chart.series.instrument_id == "PSFS")
    expected = score_series(window.case_view.current_case(), "PSFS")
    xs, ys = view.score_chart.score_item.getData()
    assert list(ys) == pytest.approx([3.0, 4.0, 16 / 3])
    assert list(ys) == pytest.approx(list(expected.values))
    assert len(xs) == 3
    assert list(xs) == sorted(xs)
    assert view.score_chart.band_item.getRegion() == pytest.approx((1.7, 4.3))
    assert "Patient-Specific Functional Scale" in view.flag_label.text()
    assert view.flag_label.text().endswith("better")
    view.chart_instrument.setCurrentText("6MWT")
    walk = view.score_chart.series
    assert walk is not None
    assert walk.instrument_id == "6MWT"
    assert walk.goal_dates == (date(2027, 3, 1) + SHIFT,)
    assert list(view.score_chart.score_item.getData()[1]) == [420.0, 515.0]


def test_practice_chart_holds_quota_and_done(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _progress(window, qtbot)
    view.chart_activity.setCurrentText("Walking")
    _, done = view.practice_chart.done_item.getData()
    assert list(done) == [8.0, 8.0, 8.0, 4.0]
    _, quota = view.practice_chart.quota_item.getData()
    assert list(quota[:7]) == [8.0] * 7
    assert quota[7] == pytest.approx(8.8)
    assert len(quota) == 18  # 23 Nov to two weeks after the last entry (10 Dec)


def test_export_outcomes_writes_an_owner_only_csv(window, qtbot, prompts, repositories,  # type: ignore[no-untyped-def]
                                                  tmp_path: Path) -> None:
    cases, _ = repositories
    view = _progress(window, qtbot)
    _type_answers(view, qtbot, "PEG", "7 6 8")
    view.add_record_button.click()
    out = tmp_path / "outcomes.csv"
    prompts.file_name = str(out)
    window.menu_actions[Action.EXPORT_OUTCOMES].trigger()  # unsaved: the default answer cancels
    assert prompts.asked
    assert not out.exists()
    prompts.unsaved_answer = UnsavedChoice.SAVE
    assert window.files.export_outcomes() == out
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    text = out.read_text(encoding="utf-8")
    assert text == csv_text(cases.get(window.case_view.case_id))
    table = list(csv.reader(text.splitlines()))
    assert table[0] == list(COLUMNS)
    assert len(table) == 1 + 11 + 4
    assert ["outcome", DAY.isoformat(), "PEG", "7.0"] in [row[:4] for row in table]


def test_an_added_record_and_practice_day_undo(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from gui_factories import history, planned_case, show_case

    view = show_case(window, planned_case(), "progress_view")
    progress = view.progress_view
    today = date.today()
    progress.instrument_combo.setCurrentIndex(progress.instrument_combo.findData("PEG"))
    progress.record_date.setDate(QDate(today.year, today.month, today.day))
    qtbot.keyClicks(progress.answers_edit, "5 5 5")
    progress.add_record_button.click()
    progress.activity_combo.setCurrentText("Walking")
    progress.done_edit.setText("8")
    progress.add_practice_button.click()
    shown = f"{today.day} {today:%b %Y}"
    assert history(view) == [f"add PEG of {shown}", f"log practice of {shown}"]
    assert (progress.outcomes_model.rowCount(), progress.practice_model.rowCount()) == (1, 1)
    view.undo_stack.undo()
    assert view.case.practice_log == ()
    assert progress.practice_model.rowCount() == 0
    view.undo_stack.undo()
    assert view.case.outcomes == ()
    assert progress.outcomes_model.rowCount() == 0
    view.undo_stack.redo()
    assert progress.outcomes()[0].score == 5.0
