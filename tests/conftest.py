"""Test set-up: Qt offscreen, a fresh data folder per test, and the gui marker on tests that use Qt."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "resources" / "cases" / "demo-warehouse-picker.json"
QT_FIXTURES = {"qtbot", "qapp", "qtmodeltester"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that needs a QApplication, so `pytest -m "not gui"` runs the core alone."""
    for item in items:
        if QT_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


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


DEMO_WRITTEN_FOR = date(2026, 12, 6)  # the day the demo's dates were chosen around


def shift_dates(text: str, days: int) -> str:
    """Every ISO date in a case file moved by `days`, so a case keeps its shape relative to another day."""
    return re.sub(r"\b(\d{4}-\d{2}-\d{2})\b",
                  lambda m: (date.fromisoformat(m.group(1)) + timedelta(days=days)).isoformat(), text)


@pytest.fixture
def current_demo_text(demo_text: str) -> str:
    """The demo case with its dates moved to stand to today as they stand to 6 December 2026, for tests that go
    through the real clock (the command line): the review and the return to work stay in the future."""
    return shift_dates(demo_text, (date.today() - DEMO_WRITTEN_FOR).days)
