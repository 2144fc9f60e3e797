"""Other people's saves: on a file the window looks when it gets the focus, on a server every few seconds; the case
list reloads, and the open case says who changed it and when."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import peewee as pw
import pytest
from gui_factories import unassessed_case
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from rtw_planner.db.database import open_database
from rtw_planner.db.repository import CaseRepository
from rtw_planner.gui.team import watch as watch_module
from rtw_planner.gui.team.people import current_user
from rtw_planner.gui.team.watch import ChangeWatch


@pytest.fixture
def colleague(db_path: Path, repositories) -> Iterator[CaseRepository]:  # type: ignore[no-untyped-def]
    """Someone else working on the window's database file, on a connection of their own."""
    db = open_database(db_path)
    yield CaseRepository(db)
    db.close()


def names(window) -> list[str]:  # type: ignore[no-untyped-def]
    model = window.case_model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def test_a_case_someone_else_added_appears_when_the_window_gets_the_focus(window, colleague) -> None:  # type: ignore[no-untyped-def]
    colleague.save(unassessed_case(patient_name="Di Elsewhere"))
    assert names(window) == []
    window.activateWindow()
    QApplication.sendEvent(window, QEvent(QEvent.Type.ActivationChange))
    assert names(window) == ["Di Elsewhere"]
    assert window.statusBar().currentMessage() == "The case list shows changes saved elsewhere"


def test_the_open_case_says_who_changed_it_and_reloads(window, colleague) -> None:  # type: ignore[no-untyped-def]
    saved = window.cases.save(unassessed_case())
    window.reload_list()
    window.open_case(saved.id)
    theirs = colleague.get(saved.id)
    colleague.save(replace(theirs, job_title="Team leader"))
    window.workplace.watch.check()
    banner = window.case_view.banner
    assert banner.isVisible()
    assert banner.label.text().startswith(f"Changed by {current_user(colleague.db)} at ")
    assert banner.label.text().endswith(": reload?")
    banner.reload_button.click()
    assert window.case_view.case.job_title == "Team leader"
    window.workplace.watch.check()  # announced once
    assert not banner.isVisible()


def test_the_windows_own_saves_are_no_news(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.open_demo_case()
    window.case_view.form.job_title_edit.setText("Cook")
    window.case_view.form.job_title_edit.editingFinished.emit()
    assert window.case_view.save()
    with qtbot.assertNotEmitted(window.workplace.watch.list_changed):
        window.workplace.watch.check()
    assert not window.case_view.banner.isVisible()


def test_a_server_is_looked_at_on_a_timer_a_file_only_on_focus(repositories, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    cases, _ = repositories
    on_file = ChangeWatch(cases.db)
    assert not on_file.timer.isActive()
    monkeypatch.setattr(watch_module, "is_server", lambda db: True)
    on_server = ChangeWatch(cases.db)
    assert on_server.timer.isActive()
    assert on_server.timer.interval() == watch_module.SERVER_POLL_MS


def test_a_database_that_cannot_be_read_waits_for_the_next_look(qtbot) -> None:  # type: ignore[no-untyped-def]
    unmigrated = pw.SqliteDatabase(":memory:")  # no case table: every look fails
    watch = ChangeWatch(unmigrated)
    watch.track(1)
    with qtbot.assertNotEmitted(watch.list_changed):
        watch.check()
    unmigrated.close()
