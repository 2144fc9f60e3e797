"""The database the window works on: its name in the title and status bar, File › Connect to clinic server and
File › Open local file switching the case list, and what reception may see."""

from __future__ import annotations

from pathlib import Path

import peewee as pw
import pytest
from gui_factories import assessed_case, unassessed_case

from rtw_planner.db.database import open_database
from rtw_planner.db.errors import BusyError, PermissionDeniedError
from rtw_planner.db.repository import CaseRepository, ClinicRepository
from rtw_planner.gui import workplace as workplace_module
from rtw_planner.gui.actions import Action
from rtw_planner.gui.connecting import Connector
from rtw_planner.gui.kit.choices import UnsavedChoice
from rtw_planner.gui.mainwindow import MainWindow
from rtw_planner.gui.team.people import current_user
from rtw_planner.gui.team.roles import Role

URL = "postgresql://sam@clinic-db:5432/rtw"


class ServerStandIn(Connector):
    """Answers the connect dialog with a database file standing in for the clinic server at URL."""

    def __init__(self, prompts, settings, path: Path) -> None:  # type: ignore[no-untyped-def]
        super().__init__(prompts, settings)
        self.path = path
        self.opened: list[pw.Database] = []

    def ask_server(self, parent):  # type: ignore[no-untyped-def]
        db = open_database(self.path)
        self.opened.append(db)
        return db, URL


@pytest.fixture
def server_file(tmp_path: Path) -> Path:
    """The 'server' database: one case in it."""
    path = tmp_path / "server.sqlite3"
    db = open_database(path)
    CaseRepository(db).save(unassessed_case(patient_name="Bo Server"))
    db.close()
    return path


@pytest.fixture
def team_window(qtbot, repositories, ui_settings, prompts, db_path, server_file) -> MainWindow:  # type: ignore[no-untyped-def]
    cases, clinic = repositories
    main = MainWindow(cases, clinic, ui_settings, prompts, db_path, ServerStandIn(prompts, ui_settings, server_file))
    qtbot.addWidget(main)
    main.show()
    yield main
    for db in main.workplace.connector.opened:
        db.close()


def names(window: MainWindow) -> list[str]:
    model = window.case_model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def test_title_and_status_bar_name_the_file_and_who_works_on_it(team_window, db_path) -> None:  # type: ignore[no-untyped-def]
    assert team_window.windowTitle() == "gui.sqlite3 — RTW Planner"
    assert team_window.workplace.status_label.text() == \
        f"File gui.sqlite3 · {current_user(team_window.cases.db)} (administrator)"
    assert team_window.workplace.status_label.toolTip() == str(db_path)


def test_connecting_shows_the_servers_case_list_and_names_it(team_window, repositories) -> None:  # type: ignore[no-untyped-def]
    local_db = team_window.cases.db
    team_window.cases.save(unassessed_case(patient_name="Al Local"))
    team_window.reload_list()
    assert names(team_window) == ["Al Local"]
    team_window.menu_actions[Action.CONNECT_SERVER].trigger()
    assert names(team_window) == ["Bo Server"]
    assert team_window.cases.db is team_window.workplace.connector.opened[0]
    assert team_window.windowTitle() == "rtw on clinic-db — RTW Planner"
    assert team_window.workplace.status_label.text().startswith("Clinic server rtw on clinic-db:5432 as sam · ")
    assert local_db.is_closed()
    team_window.open_case(team_window.case_model.case_id(0))
    assert team_window.windowTitle() == "Bo Server[*] — rtw on clinic-db — RTW Planner"


def test_open_local_file_goes_back(team_window, prompts, db_path) -> None:  # type: ignore[no-untyped-def]
    team_window.workplace.connect_to_server()
    prompts.file_name = ""
    assert not team_window.workplace.open_local_file()  # cancelled: still on the server
    assert team_window.windowTitle() == "rtw on clinic-db — RTW Planner"
    prompts.file_name = str(db_path)
    team_window.menu_actions[Action.OPEN_LOCAL].trigger()
    assert team_window.windowTitle() == "gui.sqlite3 — RTW Planner"
    assert names(team_window) == []


def test_a_file_that_cannot_be_opened_is_explained(team_window, prompts, tmp_path) -> None:  # type: ignore[no-untyped-def]
    not_a_database = tmp_path / "notes.sqlite3"
    not_a_database.write_bytes(b"this is not a database" * 100)
    prompts.file_name = str(not_a_database)
    assert not team_window.workplace.open_local_file()
    assert len(prompts.errors) == 1
    assert "notes.sqlite3" in prompts.errors[0]
    assert team_window.windowTitle() == "gui.sqlite3 — RTW Planner"


def test_unsaved_edits_are_resolved_before_switching(team_window, prompts) -> None:  # type: ignore[no-untyped-def]
    team_window.new_case()
    team_window.case_view.form.patient_name_edit.setText("Cy Unsaved")
    team_window.case_view.form.patient_name_edit.editingFinished.emit()
    prompts.unsaved_answer = UnsavedChoice.CANCEL
    assert not team_window.workplace.connect_to_server()
    assert team_window.workplace.connector.opened == []
    assert team_window.case_view.is_dirty()


def test_reception_sees_the_caseload_and_appointments_only(qtbot, repositories, ui_settings, prompts, db_path,  # type: ignore[no-untyped-def]
                                                            monkeypatch) -> None:
    monkeypatch.setattr(workplace_module, "current_role", lambda db: Role.RECEPTION)
    cases, clinic = repositories
    window = MainWindow(cases, clinic, ui_settings, prompts, db_path)
    qtbot.addWidget(window)
    window.show()
    assert window.workplace.status_label.text().endswith("(reception)")
    documents = [a for a in window.menuBar().actions() if a.text() == "&Documents"]
    assert documents
    assert not documents[0].isVisible()
    assert not window.menu_actions[Action.EXPORT_CASE].isVisible()
    assert window.menu_actions[Action.NEW_CASE].isVisible()
    case = cases.save(assessed_case())
    window.open_case(case.id)
    view = window.case_view
    visible = [view.tabs.tabText(i) for i in range(view.tabs.count()) if view.tabs.isTabVisible(i)]
    assert visible == ["Details", "Appointments"]
    assert not view.form.diagnosis_edit.isVisible()
    assert view.form.patient_name_edit.isVisible()


def test_a_case_the_role_may_not_open_is_explained(window, prompts, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    saved = window.cases.save(unassessed_case())
    window.reload_list()

    def refuse(case_id: int) -> None:
        raise PermissionDeniedError("kim (reception) may not read diagnoses, notes, scores, documents or a case's "
                                    "history; ask the clinic's administrator")

    monkeypatch.setattr(window.cases, "get", refuse)
    window.open_case(saved.id)
    assert prompts.errors == ["kim (reception) may not read diagnoses, notes, scores, documents or a case's "
                              "history; ask the clinic's administrator"]
    assert not window.has_case_view() or window.stack.currentWidget() is not window.case_view


def test_a_busy_database_keeps_the_new_case_unsaved_and_says_so(window, prompts, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def busy(case: object) -> None:
        raise BusyError

    monkeypatch.setattr(window.cases, "save", busy)
    window.open_demo_case()
    assert prompts.errors == ["the database is busy, try again (another window or program is saving)"]
    assert window.case_model.rowCount() == 0


def test_the_other_database_has_its_own_clinic(team_window, server_file) -> None:  # type: ignore[no-untyped-def]
    team_window.workplace.connect_to_server()
    assert isinstance(team_window.clinic_repository, ClinicRepository)
    assert team_window.clinic_repository.db is team_window.cases.db
