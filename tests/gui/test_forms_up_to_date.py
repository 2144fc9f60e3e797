"""The committed Python forms match what pyside6-uic makes from ui/*.ui today."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UI_FILES = sorted((ROOT / "ui").glob("*.ui"))


def _compiler():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("compile_forms", ROOT / "scripts" / "compile_forms.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _body(text: str) -> list[str]:
    """The code without uic's header comment, which names the Qt version."""
    return [line for line in text.splitlines() if not line.startswith("##") and "Created by:" not in line]


def test_there_are_forms() -> None:
    assert {p.stem for p in UI_FILES} >= {"case_details", "clinic_dialog"}


@pytest.mark.parametrize("ui_file", UI_FILES, ids=lambda p: p.name)
def test_generated_form_is_up_to_date(ui_file: Path, tmp_path: Path) -> None:
    fresh = _compiler().compile_form(ui_file, tmp_path)
    committed = ROOT / "rtw_planner" / "gui" / "forms" / fresh.name
    assert committed.exists(), f"{committed.name} is missing: run make forms"
    text = committed.read_text(encoding="utf-8")
    assert text.startswith("# GENERATED from ui/"), "generated forms carry the do-not-edit note"
    assert _body(text) == _body(fresh.read_text(encoding="utf-8")), f"{committed.name} is stale: run make forms"
