"""Test set-up: Qt offscreen, a fresh data folder per test, the gui marker on tests that use Qt, and a fresh database
per test: a SQLite file, or in a server run (RTW_PLANNER_TEST_PG_URL set, as `make test-server` does) a new
PostgreSQL database."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from rtw_planner.domain.case.demo import demo_shift_days, shift_case_text

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "resources" / "cases" / "demo-warehouse-picker.json"
QT_FIXTURES = {"qtbot", "qapp", "qtmodeltester"}
SERVER_URL_ENV = "RTW_PLANNER_TEST_PG_URL"  # a superuser's URL; .ci/run and `make test-server` export it
NO_SERVER = f"needs a PostgreSQL server: {SERVER_URL_ENV} is not set (`make test-server` starts one)"

NewDatabase = Callable[[], "Path | str"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that needs a QApplication, so `pytest -m "not gui"` runs the core alone."""
    for item in items:
        if QT_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


def pytest_runtest_setup(item: pytest.Item) -> None:
    """A server run skips the tests about SQLite alone (a file's mode, WAL, the backup file), saying why."""
    marker = item.get_closest_marker("sqlite_only")
    if marker is not None and os.environ.get(SERVER_URL_ENV):
        pytest.skip(f"about SQLite only: {marker.args[0]}")


def _server_database_url(admin_url: str, name: str) -> str:
    """The admin URL pointed at another database on the same server."""
    parts = urlsplit(admin_url)
    return urlunsplit(parts._replace(path=f"/{name}"))


@pytest.fixture
def server_databases() -> Iterator[NewDatabase]:
    """Makes new, empty PostgreSQL databases on the test server, dropped when the test ends; skips the test
    when no server is set."""
    admin_url = os.environ.get(SERVER_URL_ENV)
    if not admin_url:
        pytest.skip(NO_SERVER)
    import psycopg

    made: list[str] = []

    def new() -> str:
        name = f"rtw_test_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        made.append(name)
        return _server_database_url(admin_url, name)

    yield new
    with psycopg.connect(admin_url, autocommit=True) as admin:
        for name in made:  # FORCE: a test may leave a connection open
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def new_database(request: pytest.FixtureRequest, tmp_path: Path) -> NewDatabase:
    """Makes new, empty databases for one test: SQLite files, or in a server run PostgreSQL databases."""
    if os.environ.get(SERVER_URL_ENV):
        server: NewDatabase = request.getfixturevalue("server_databases")
        return server
    count = iter(range(1, 1000))
    return lambda: tmp_path / f"db-{next(count)}" / "rtw.sqlite3"


@pytest.fixture
def database_location(new_database: NewDatabase) -> Path | str:
    """A new, empty database for the test: a SQLite path, or in a server run a postgresql:// URL. Give it to
    open_database or to --db (as str())."""
    return new_database()


@pytest.fixture(autouse=True)
def data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Each test gets its own data folder, so no test reads or writes the user's real one."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("RTW_PLANNER_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def demo_text() -> str:
    """The demo case file's text."""
    return DEMO.read_text(encoding="utf-8")


@pytest.fixture
def current_demo_text(demo_text: str) -> str:
    """The demo case with its dates moved to stand to today as they stand to 6 December 2026 (by whole weeks, as
    "Open the demo case" does), for tests that go through the real clock: the review and the return to work stay in
    the future."""
    return shift_case_text(demo_text, demo_shift_days(date.today()))
