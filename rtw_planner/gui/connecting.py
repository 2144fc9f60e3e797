"""Opening the database the window works on: a local file or the clinic server. A server password the PostgreSQL
password file does not hold is asked once and kept in this process's memory only; the last server's address (never
its password) is remembered in the settings."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

import peewee as pw

from rtw_planner.db.backends import is_server_location
from rtw_planner.db.database import open_database
from rtw_planner.db.errors import StorageError
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.gui import settings as keys
from rtw_planner.gui.team.server import ServerAddress

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from rtw_planner.gui.prompts import Prompts
    from rtw_planner.gui.settings import UiSettings

log = logging.getLogger(__name__)


class Connector:
    """Opens locations for the window, asking through the prompts service."""

    def __init__(self, prompts: Prompts, settings: UiSettings) -> None:
        self._prompts = prompts
        self._settings = settings
        self._passwords: dict[str, str] = {}  # by server URL, for this run only

    def last_server(self) -> ServerAddress | None:
        """The server connected to last, if any (a setting that no longer reads as an address counts as none)."""
        url = self._settings.get(keys.LAST_SERVER)
        try:
            return ServerAddress.from_url(url) if url else None
        except ValidationError:
            return None

    def open(self, location: str | Path, parent: QWidget | None = None) -> pw.Database:
        """Open a file or a server URL. Raises StorageError (DatabaseError, BusyError) with a message for the user."""
        if not is_server_location(location):
            return open_database(Path(location))
        url = str(location)
        asked: list[str] = []

        def password(*_what: object) -> str | None:
            if url in self._passwords and not asked:
                asked.append(self._passwords[url])  # offered once; asked for again if the server refuses it
                return self._passwords[url]
            typed = self._prompts.password(parent, "Clinic server password",
                                           f"Password for {ServerAddress.from_url(url).label}:")
            if typed is not None:
                asked.append(typed)
            return typed

        try:
            db = open_database(url, password_prompt=password)
        except StorageError:
            self._passwords.pop(url, None)
            raise
        if asked:
            self._passwords[url] = asked[-1]
        self._settings.set(keys.LAST_SERVER, url)
        return db

    def ask_server(self, parent: QWidget) -> tuple[pw.Database, str] | None:
        """The connect dialog, then the connection; None when cancelled or refused (the reason is shown)."""
        last = self.last_server()
        while (address := self._prompts.server_address(parent, last)) is not None:
            try:
                return self.open(address.url, parent), address.url
            except StorageError as exc:
                log.info("could not connect to %s", address.label)
                self._prompts.error(parent, "Cannot connect to the clinic server", str(exc))
                last = address  # the dialog opens again with what was typed, to correct it
        return None
