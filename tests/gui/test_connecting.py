"""Opening a file or the clinic server: the password is asked only when the server wants one, kept in memory for
this run only, forgotten when refused; the last server's address (never a password) is remembered."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import peewee as pw
import pytest

from rtw_planner.db.errors import DatabaseError
from rtw_planner.gui import connecting
from rtw_planner.gui import settings as keys
from rtw_planner.gui.connecting import Connector
from rtw_planner.gui.team.server import ServerAddress

URL = "postgresql://sam@clinic-db:5432/rtw"
SECRET = "s3cret-horse"


class FakeServer:
    """Stands in for open_database on a server URL: wants SECRET (asked through the prompt, as libpq would when
    the password file has none) unless the password file holds it."""

    def __init__(self, in_password_file: bool = False) -> None:
        self.in_password_file = in_password_file
        self.opened: list[str] = []

    def __call__(self, location: Any, password_prompt: Any = None) -> pw.Database:
        if not isinstance(location, str):
            raise AssertionError("a server URL must stay text")
        if not self.in_password_file:
            typed = password_prompt("sam@clinic-db:5432/rtw") if password_prompt else None
            if typed != SECRET:
                raise DatabaseError("cannot connect to the server sam@clinic-db:5432/rtw: password authentication "
                                    "failed")
        self.opened.append(location)
        return pw.SqliteDatabase(":memory:")


@pytest.fixture
def server(monkeypatch) -> FakeServer:  # type: ignore[no-untyped-def]
    fake = FakeServer()
    monkeypatch.setattr(connecting, "open_database", fake)
    return fake


def test_a_password_is_asked_once_and_kept_for_this_run_only(server, prompts, ui_settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    prompts.password_answer = SECRET
    connector = Connector(prompts, ui_settings)
    connector.open(URL)
    connector.open(URL)
    assert prompts.passwords_asked == ["Password for rtw on clinic-db:5432 as sam:"]
    assert server.opened == [URL, URL]
    assert ui_settings.get(keys.LAST_SERVER) == URL
    ui_settings._settings.sync()  # written to the ini file, as at exit
    stored = "".join(p.read_text() for p in tmp_path.glob("*.ini"))
    assert "clinic-db" in stored
    assert SECRET not in stored
    assert Connector(prompts, ui_settings).last_server() == ServerAddress("clinic-db", 5432, "rtw", "sam")


def test_a_password_file_means_no_question(server, prompts, ui_settings) -> None:  # type: ignore[no-untyped-def]
    server.in_password_file = True
    Connector(prompts, ui_settings).open(URL)
    assert prompts.passwords_asked == []


def test_a_refused_password_is_forgotten_and_nothing_remembered(server, prompts, ui_settings) -> None:  # type: ignore[no-untyped-def]
    connector = Connector(prompts, ui_settings)
    prompts.password_answer = "wrong"
    with pytest.raises(DatabaseError, match="password authentication failed"):
        connector.open(URL)
    assert ui_settings.get(keys.LAST_SERVER) == ""
    prompts.password_answer = SECRET
    connector.open(URL)
    assert len(prompts.passwords_asked) == 2


def test_the_dialog_opens_again_after_a_refusal_with_what_was_typed(server, prompts, ui_settings) -> None:  # type: ignore[no-untyped-def]
    address = ServerAddress("clinic-db", 5432, "rtw", "sam")
    prompts.server_answers = [address, address]
    prompts.password_answer = None  # cancelled the first time
    connector = Connector(prompts, ui_settings)
    assert connector.ask_server(None) is None  # type: ignore[arg-type]
    assert len(prompts.errors) == 2
    assert all("password authentication failed" in e for e in prompts.errors)
    assert prompts.servers_offered == [None, address, address]  # each time again with what was typed
    prompts.server_answers = [address]
    prompts.password_answer = SECRET
    opened = connector.ask_server(None)  # type: ignore[arg-type]
    assert opened is not None
    assert opened[1] == URL
    assert prompts.servers_offered[-1] is None  # nothing was remembered from the refused tries
    assert connector.ask_server(None) is None  # type: ignore[arg-type]
    assert prompts.servers_offered[-1] == address  # the server connected to, offered next time


def test_a_setting_that_is_no_address_counts_as_none(prompts, ui_settings) -> None:  # type: ignore[no-untyped-def]
    ui_settings.set(keys.LAST_SERVER, "postgresql://sam:pw@clinic-db/rtw")
    assert Connector(prompts, ui_settings).last_server() is None


def test_a_file_opens_without_any_question(prompts, ui_settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = Connector(prompts, ui_settings).open(tmp_path / "local.sqlite3")
    try:
        assert isinstance(db, pw.SqliteDatabase)
        assert (tmp_path / "local.sqlite3").exists()
    finally:
        db.close()
    assert prompts.passwords_asked == []
    assert ui_settings.get(keys.LAST_SERVER) == ""
