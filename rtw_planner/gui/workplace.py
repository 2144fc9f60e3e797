"""The database the main window works on, and the team around it: File › Connect to clinic server and Open local
file, the window title and status bar naming the database and the person's role, what that role may see, and the
reload when someone else saved."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import peewee as pw
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from rtw_planner.db.backends import is_server_location
from rtw_planner.db.database import default_database_path
from rtw_planner.db.errors import StorageError
from rtw_planner.db.repository import CaseRepository, ClinicRepository
from rtw_planner.gui.actions import Action
from rtw_planner.gui.connecting import Connector
from rtw_planner.gui.team.people import current_user
from rtw_planner.gui.team.roles import current_role
from rtw_planner.gui.team.server import ServerAddress, describe_location
from rtw_planner.gui.team.watch import ChangeWatch

if TYPE_CHECKING:
    from rtw_planner.gui.mainwindow import MainWindow

CLINICAL_ACTIONS = (Action.EXPORT_CASE, Action.EXPORT_OUTCOMES, Action.EMPLOYER_LETTER, Action.PATIENT_HANDOUT,
                    Action.MATCH_REPORT)  # hidden from reception: case files and documents hold clinical text
DOCUMENTS_MENU = "&Documents"


def location_of(db: pw.Database) -> str:
    """Where an open database is, for a window given only the database: the file's path."""
    return str(db.database)


class Workplace(QObject):
    """Owned by the main window; swaps its repositories when another database is opened."""

    def __init__(self, window: MainWindow, location: str | Path, connector: Connector) -> None:
        super().__init__(window)
        self._window = window
        self.connector = connector
        self.location = str(location)
        self.role = current_role(window.cases.db)
        self.user = current_user(window.cases.db)
        self.status_label = QLabel()
        window.statusBar().addPermanentWidget(self.status_label)
        self.watch = self._new_watch(window.cases.db)
        self._show()

    # -- naming ----------------------------------------------------------------------------------------------
    @property
    def short_name(self) -> str:
        """The database as the title names it: 'rtw on clinic-db' or the file's name."""
        if is_server_location(self.location):
            try:
                address = ServerAddress.from_url(self.location)
            except ValueError:
                return "clinic server"
            return f"{address.database} on {address.host}"
        return Path(self.location).name

    def _show(self) -> None:
        where = describe_location(self.location)
        self.status_label.setText(f"{where[0].upper()}{where[1:]} · {self.user} ({self.role.value})")
        self.status_label.setToolTip(self.location if not is_server_location(self.location) else where)

    def apply_role(self) -> None:
        """Hide what the role may not open (the server refuses it too)."""
        window = self._window
        clinical = self.role.sees_clinical
        for action in CLINICAL_ACTIONS:
            window.menu_actions[action].setVisible(clinical)
        for menu_action in window.menuBar().actions():
            if menu_action.text() == DOCUMENTS_MENU:
                menu_action.setVisible(clinical)
        if window.has_case_view():
            window.case_view.set_role(self.role)

    # -- switching -------------------------------------------------------------------------------------------
    def connect_to_server(self) -> bool:
        """Ask for a server, connect, and show its case list; False when cancelled or refused."""
        if not self._window.resolve_unsaved():
            return False
        opened = self.connector.ask_server(self._window)
        if opened is None:
            return False
        self.use(*opened)
        return True

    def open_local_file(self) -> bool:
        """Ask for a database file (the usual one offered first) and show its case list."""
        if not self._window.resolve_unsaved():
            return False
        current = self.location if not is_server_location(self.location) else str(default_database_path())
        name = self._window.prompts.open_file_name(self._window, "Open local database file", str(Path(current).parent),
                                                   "RTW Planner databases (*.sqlite3 *.db);;All files (*)")
        if not name:
            return False
        try:
            db = self.connector.open(Path(name), self._window)
        except StorageError as exc:
            self._window.prompts.error(self._window, "Cannot open the database", str(exc))
            return False
        self.use(db, name)
        return True

    def use(self, db: pw.Database, location: str | Path) -> None:
        """Work on another database: its case list, no case open, its role; the one before is closed."""
        window = self._window
        old = window.cases.db
        window.close_case_view()
        window.cases, window.clinic_repository = CaseRepository(db), ClinicRepository(db)
        window.case_model.set_repository(window.cases)
        self.location = str(location)
        self.role, self.user = current_role(db), current_user(db)
        self.watch.deleteLater()
        self.watch = self._new_watch(db)
        self._show()
        self.apply_role()
        window.reload_list()
        window.update_actions()
        window.statusBar().showMessage(f"Opened the {describe_location(self.location)}", 5000)
        if old is not db:
            old.close()

    # -- others' changes -------------------------------------------------------------------------------------
    def _new_watch(self, db: pw.Database) -> ChangeWatch:
        watch = ChangeWatch(db, self)
        watch.list_changed.connect(self._on_watch_list_changed)
        watch.case_changed.connect(self._on_watch_case_changed)
        return watch

    def _on_watch_list_changed(self) -> None:
        self._window.reload_list()
        self._window.statusBar().showMessage("The case list shows changes saved elsewhere", 5000)

    def _on_watch_case_changed(self, case_id: int, who: str, when: datetime | None) -> None:
        window = self._window
        if window.has_case_view() and window.case_view.case_id == case_id:
            window.case_view.show_changed_elsewhere(who, when)
