"""Two windows on one clinic server database (PostgreSQL; skipped without RTW_PLANNER_TEST_PG_URL): the title
names the server, the second save of a case is refused naming the first person, and the other window notices the
change on its next look."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from gui_factories import unassessed_case

from rtw_planner.db.repository import CaseRepository, ClinicRepository
from rtw_planner.domain.edits import case_edits
from rtw_planner.gui.connecting import Connector
from rtw_planner.gui.mainwindow import MainWindow
from rtw_planner.gui.team.people import current_user
from rtw_planner.gui.team.server import ServerAddress


@pytest.fixture
def server_windows(qtbot, server_databases, ui_settings, prompts) -> Iterator[tuple[MainWindow, MainWindow]]:  # type: ignore[no-untyped-def]
    url = server_databases()
    windows = []
    for _ in range(2):
        connector = Connector(prompts, ui_settings)
        db = connector.open(url)
        window = MainWindow(CaseRepository(db), ClinicRepository(db), ui_settings, prompts, url, connector)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
    yield windows[0], windows[1]
    for window in windows:
        window.workplace.watch.timer.stop()
        window.cases.db.close()


def test_two_windows_on_the_server(server_windows, prompts) -> None:  # type: ignore[no-untyped-def]
    first, second = server_windows
    address = ServerAddress.from_url(first.workplace.location)
    assert first.windowTitle() == f"{address.database} on {address.host} — RTW Planner"
    assert first.workplace.watch.timer.isActive()  # a server is looked at every few seconds
    saved = first.cases.save(unassessed_case())
    first.reload_list()
    second.workplace.watch.check()
    assert second.case_model.rowCount() == 1
    first.open_case(saved.id)
    second.open_case(saved.id)
    first.case_view.push(case_edits.set_case_field("job_title", "Team leader"))
    assert first.case_view.save()
    second.case_view.push(case_edits.set_case_field("employer", "Acme Stores plc"))
    assert not second.case_view.save()  # refused; the scripted answer keeps editing
    (conflict,) = prompts.conflicts
    who = current_user(first.cases.db)  # the server's role once db.identity is merged; the system user until then
    assert conflict.changed_by == who
    assert second.case_view.case.employer == "Acme Stores plc"
    assert second.case_view.is_dirty()
    second.workplace.watch.check()
    assert second.case_view.banner.isVisible()
    assert second.case_view.banner.label.text().startswith(f"Changed by {who} at ")


def test_the_other_window_hears_of_a_save_without_looking(server_windows, qtbot) -> None:  # type: ignore[no-untyped-def]
    """LISTEN/NOTIFY: the second window's list shows the first's new case with no focus change and no timer tick
    (the slow timer behind the notices is a minute)."""
    first, second = server_windows
    assert second.workplace.watch.listener is not None
    assert second.workplace.watch.timer.interval() == 60_000
    first.cases.save(unassessed_case())
    first.reload_list()
    qtbot.waitUntil(lambda: second.case_model.rowCount() == 1, timeout=5000)
