"""Starting the app: names for QSettings, the bundled fonts, the main window on the given database, and a clear
message (not a traceback) when the database cannot be opened."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from rtw_planner.gui import app
from rtw_planner.gui.mainwindow import MainWindow


@pytest.fixture(autouse=True)
def application_names(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Put back the names create_application sets, so no later test's QSettings() finds the real user's file."""
    names = (QCoreApplication.organizationName(), QCoreApplication.applicationName(),
             QCoreApplication.applicationVersion())
    yield
    QCoreApplication.setOrganizationName(names[0])
    QCoreApplication.setApplicationName(names[1])
    QCoreApplication.setApplicationVersion(names[2])


def test_create_application_names_it_and_loads_the_fonts(qapp) -> None:  # type: ignore[no-untyped-def]
    from rtw_planner import __version__

    assert app.create_application() is qapp  # one application per process
    assert QCoreApplication.organizationName() == "RTW Planner"
    assert QCoreApplication.applicationName() == "rtw-planner"
    assert QCoreApplication.applicationVersion() == __version__
    assert "DejaVu Sans" in QFontDatabase.families()


def test_a_missing_font_is_logged_not_fatal(qapp, monkeypatch, tmp_path: Path, caplog) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(app, "font_path", lambda style: tmp_path / f"absent-{style}.ttf")
    app.load_bundled_fonts()
    assert [r.getMessage() for r in caplog.records] == ["could not load the bundled regular font",
                                                        "could not load the bundled bold font"]


class OneTurnOfTheLoop:
    """The application, except that exec() runs what is waiting and returns: a real exec() in the test process
    would end the application for every later test (the subprocess test in test_architecture runs the real one)."""

    def __init__(self, real: QApplication) -> None:
        self.real = real
        self.quit_asked = False

    def exec(self) -> int:
        QApplication.processEvents()
        return 0

    def quit(self) -> None:
        self.quit_asked = True


def new_main_windows(before: set[object]) -> list[MainWindow]:
    """The main windows made since before (windows other tests left behind are not this run's)."""
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w not in before]


def test_run_shows_the_main_window_and_exits(qapp, monkeypatch, tmp_path: Path, ui_settings, prompts) -> None:  # type: ignore[no-untyped-def]
    loop = OneTurnOfTheLoop(qapp)
    monkeypatch.setattr(app, "create_application", lambda: loop)
    monkeypatch.setenv(app.EXIT_WHEN_SHOWN_ENV, "1")
    before = set(QApplication.topLevelWidgets())
    database = tmp_path / "cases.sqlite3"
    assert app.run(database, settings=ui_settings, prompts=prompts) == 0
    (window,) = new_main_windows(before)  # one window: the opening frame became the full window
    assert window.isVisible()
    assert window.attached
    assert window.windowTitle() == "cases.sqlite3 — RTW Planner"
    assert window.centralWidget() is window.splitter
    assert window.stack.currentWidget() is window.home
    assert window.focusWidget() is window.search_edit  # the keyboard has somewhere to start, as before the frame
    assert loop.quit_asked  # the startup benchmark's switch: quit once shown
    assert database.stat().st_size > 0  # created and migrated


def test_the_first_window_is_painted_before_the_database_is_opened(qapp, monkeypatch, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                   ui_settings, prompts) -> None:
    monkeypatch.setattr(app, "create_application", lambda: OneTurnOfTheLoop(qapp))
    monkeypatch.setenv(app.EXIT_WHEN_SHOWN_ENV, "first")
    made: list[MainWindow] = []  # kept here: run() lets its window go when it returns this early
    opening = MainWindow.opening
    monkeypatch.setattr(MainWindow, "opening", lambda *a, **k: made.append(opening(*a, **k)) or made[-1])
    database = tmp_path / "cases.sqlite3"
    assert app.run(database, settings=ui_settings, prompts=prompts) == 0
    (window,) = made
    assert not database.exists()  # the benchmark stopped it before the database was opened
    assert window.isVisible()
    assert not window.attached
    assert window.centralWidget() is window.opening_page
    assert window.opening_page.was_painted
    assert "Opening the caseload" in window.opening_page.text()
    assert window.windowTitle() == "RTW Planner"
    window.close()


def test_the_opening_window_takes_its_remembered_place(qapp, qtbot, tmp_path: Path, ui_settings) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QRect, QSettings

    from rtw_planner.gui import settings as keys
    from rtw_planner.gui.settings import UiSettings

    earlier = MainWindow.opening(ui_settings)
    qtbot.addWidget(earlier)
    earlier.setGeometry(QRect(20, 10, 960, 580))  # the offscreen screen is 800×600: no wider fits
    ui_settings.set(keys.WINDOW_GEOMETRY, earlier.saveGeometry())
    window = MainWindow.opening(ui_settings)
    qtbot.addWidget(window)
    assert window.size() == earlier.size()  # where the last window was closed, not the default size
    first_time = MainWindow.opening(UiSettings(QSettings(str(tmp_path / "new.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(first_time)
    assert first_time.size() != earlier.size()  # so the remembered size is what made the difference


def test_a_database_that_cannot_open_is_explained(qapp, tmp_path: Path, ui_settings, prompts) -> None:  # type: ignore[no-untyped-def]
    not_a_database = tmp_path / "cases.sqlite3"
    not_a_database.write_bytes(b"this is not SQLite, " * 100)
    boxes: list[QDialog] = []

    def note(box: QDialog) -> None:
        boxes.append(box)
        box.accept()

    prompts.fill_in = note
    before = set(QApplication.topLevelWidgets())
    assert app.run(not_a_database, settings=ui_settings, prompts=prompts) == 1
    assert not [w for w in new_main_windows(before) if w.isVisible()]  # no window left saying it is opening
    (box,) = boxes
    assert isinstance(box, QMessageBox)
    assert box.icon() is QMessageBox.Icon.Critical
    assert box.windowTitle() == "RTW Planner cannot start"
    assert str(not_a_database) in box.text()


def test_a_server_url_at_start_opens_the_clinic_server(qapp, monkeypatch, tmp_path: Path, ui_settings,  # type: ignore[no-untyped-def]
                                                        prompts) -> None:
    from rtw_planner.db.database import open_database
    from rtw_planner.gui import connecting

    opened: list[str] = []

    def server(location: str, password_prompt: object = None) -> object:  # a file standing in for the server
        opened.append(location)
        return open_database(tmp_path / "server.sqlite3")

    loop = OneTurnOfTheLoop(qapp)
    monkeypatch.setattr(app, "create_application", lambda: loop)
    monkeypatch.setattr(connecting, "open_database", server)
    monkeypatch.setenv(app.EXIT_WHEN_SHOWN_ENV, "1")
    monkeypatch.setenv("RTW_PLANNER_DB", "postgresql://sam@clinic-db:5432/rtw")  # as --db or the environment give it
    before = set(QApplication.topLevelWidgets())
    assert app.run(None, settings=ui_settings, prompts=prompts) == 0
    assert opened == ["postgresql://sam@clinic-db:5432/rtw"]
    assert [w.windowTitle() for w in new_main_windows(before)] == ["rtw on clinic-db — RTW Planner"]
