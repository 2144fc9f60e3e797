"""Start the desktop application: Qt and the fonts, a first window at once, then the database and the rest."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from rtw_planner import __version__
from rtw_planner.assets import font_path
from rtw_planner.gui.mainwindow import MainWindow
from rtw_planner.gui.opening import wait_until_painted
from rtw_planner.gui.prompts import Prompts, message_box
from rtw_planner.gui.pyside_fix import keep_singletons_alive
from rtw_planner.gui.settings import UiSettings

# The startup benchmark's switch: "first" quits once the first window is painted (before the database is opened),
# any other value once the full window is up on the database.
EXIT_WHEN_SHOWN_ENV = "RTW_PLANNER_EXIT_WHEN_SHOWN"
EXIT_AT_FIRST_WINDOW = "first"
log = logging.getLogger(__name__)


def load_bundled_fonts() -> None:
    """The Qt wheels ship no fonts: add DejaVu Sans so text never renders as empty boxes."""
    for style in ("regular", "bold"):
        if QFontDatabase.addApplicationFont(str(font_path(style))) < 0:
            log.warning("could not load the bundled %s font", style)


def create_application() -> QApplication:
    """The QApplication with the names QSettings uses."""
    keep_singletons_alive()  # before any Qt call: see pyside_fix
    app = QApplication.instance() or QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName("RTW Planner")
    QCoreApplication.setApplicationName("rtw-planner")
    QCoreApplication.setApplicationVersion(__version__)
    load_bundled_fonts()
    return app  # type: ignore[return-value]


def run(location: str | Path | None = None, *, settings: UiSettings | None = None,
        prompts: Prompts | None = None) -> int:
    """Open the database (a file or a postgresql:// URL: --db, else RTW_PLANNER_DB, else the usual file) and show
    the main window until it closes; 1 when the database cannot be opened. The window appears first, saying it is
    opening the caseload: nothing it does not show is imported before it is painted."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app = create_application()
    prompts = prompts or Prompts()
    settings = settings or UiSettings()
    window = MainWindow.opening(settings, prompts)
    window.show()
    wait_until_painted(window.opening_page)
    exit_when = os.environ.get(EXIT_WHEN_SHOWN_ENV, "")
    if exit_when == EXIT_AT_FIRST_WINDOW:
        return 0
    if not attach_database(window, location, settings, prompts):
        window.hide()
        window.deleteLater()
        return 1
    if exit_when:
        QTimer.singleShot(0, app.quit)
    code = app.exec()
    window.cases.db.close()  # the database open last (File › Connect may have swapped it)
    return int(code)


def attach_database(window: MainWindow, location: str | Path | None, settings: UiSettings,
                    prompts: Prompts) -> bool:
    """Open the database into the window; False, once the user has read why, when it cannot be opened."""
    from rtw_planner.db.database import default_location
    from rtw_planner.db.errors import StorageError
    from rtw_planner.db.repository import CaseRepository, ClinicRepository
    from rtw_planner.gui.connecting import Connector

    location = location or default_location()
    connector = Connector(prompts, settings)
    try:
        db = connector.open(location)
    except StorageError as exc:  # cannot open, damaged, busy: the message says what to do
        prompts.run(message_box(window, QMessageBox.Icon.Critical, "RTW Planner cannot start", str(exc),
                                QMessageBox.StandardButton.Ok))
        return False
    window.attach(CaseRepository(db), ClinicRepository(db), location, connector)
    return True
