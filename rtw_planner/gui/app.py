"""Start the desktop application: Qt, fonts, the database and the main window."""

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
from rtw_planner.db.database import default_location
from rtw_planner.db.errors import StorageError
from rtw_planner.db.repository import CaseRepository, ClinicRepository
from rtw_planner.gui.connecting import Connector
from rtw_planner.gui.mainwindow import MainWindow
from rtw_planner.gui.prompts import Prompts, message_box
from rtw_planner.gui.pyside_fix import keep_singletons_alive
from rtw_planner.gui.settings import UiSettings

EXIT_WHEN_SHOWN_ENV = "RTW_PLANNER_EXIT_WHEN_SHOWN"  # used by the startup benchmark
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
    the main window until it closes; 1 when the database cannot be opened."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app = create_application()
    prompts = prompts or Prompts()
    settings = settings or UiSettings()
    location = location or default_location()
    connector = Connector(prompts, settings)
    try:
        db = connector.open(location)
    except StorageError as exc:  # cannot open, damaged, busy: the message says what to do
        prompts.run(message_box(None, QMessageBox.Icon.Critical, "RTW Planner cannot start", str(exc),
                                QMessageBox.StandardButton.Ok))
        return 1
    window = MainWindow(CaseRepository(db), ClinicRepository(db), settings, prompts, location, connector)
    window.show()
    if os.environ.get(EXIT_WHEN_SHOWN_ENV):
        QTimer.singleShot(0, app.quit)
    code = app.exec()
    window.cases.db.close()  # the database open last (File › Connect may have swapped it)
    return int(code)
