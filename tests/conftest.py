"""Test set-up: Qt offscreen, a fresh data folder per test, and the gui marker on tests that use Qt."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from rtw_planner.domain.case.demo import demo_shift_days, shift_case_text

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


@pytest.fixture
def current_demo_text(demo_text: str) -> str:
    """The demo case with its dates moved to stand to today as they stand to 6 December 2026 (by whole weeks, as
    "Open the demo case" does), for tests that go through the real clock: the review and the return to work stay in
    the future."""
    return shift_case_text(demo_text, demo_shift_days(date.today()))
