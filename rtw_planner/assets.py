"""Locate bundled resources and the user's data folder; a clinic's file at the same relative path wins."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

APP_NAME = "rtw-planner"
DATA_DIR_ENV = "RTW_PLANNER_DATA_DIR"
_PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_resources_dir() -> Path:
    """The shipped resources: inside the installed package, or the checkout's top-level resources/."""
    installed = _PACKAGE_DIR / "_resources"
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / "resources"


def data_dir() -> Path:
    """The user's data folder (database, issued documents, clinic overrides). RTW_PLANNER_DATA_DIR overrides it."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs  # only needed when no override is set

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resource_path(relative: str) -> Path:
    """Path of a resource: the clinic's copy in the data folder if present, else the bundled one.

    Raises FileNotFoundError naming the resource and the places searched."""
    parts = Path(relative)
    if parts.is_absolute() or ".." in parts.parts:
        raise ValueError(f"resource name {relative!r} must be a relative path inside the resources folder")
    searched = [data_dir() / parts, bundled_resources_dir() / parts]
    for candidate in searched:
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"resource {relative!r} not found in " + " or ".join(str(p.parent) for p in searched))


FONT_FILES = {
    "regular": "DejaVuSans.ttf",
    "bold": "DejaVuSans-Bold.ttf",
    "italic": "DejaVuSans-Oblique.ttf",
    "bold_italic": "DejaVuSans-BoldOblique.ttf",
}


def font_path(style: str) -> Path:
    """Path of the bundled DejaVu Sans file for a style (regular, bold, italic, bold_italic)."""
    if style not in FONT_FILES:
        raise KeyError(f"unknown font style {style!r}; known styles: {', '.join(FONT_FILES)}")
    return resource_path(f"fonts/{FONT_FILES[style]}")


def demo_case_path() -> Path:
    """The demo case shipped with the application."""
    return resource_path("cases/demo-warehouse-picker.json")


def data_files(bundled: Path, clinic: Path) -> dict[str, tuple[Path, bool]]:
    """The JSON files of a bundled folder and of the clinic's matching folder by lower-cased name, with True for
    the clinic's: a clinic file replaces a bundled one of the same name. Raises ValueError when one folder holds
    two names that differ only in case."""
    found: dict[str, tuple[Path, bool]] = {}
    for folder, is_clinic in ((bundled, False), (clinic, True)):
        paths = sorted(folder.glob("*.json")) if folder.is_dir() else []
        names = [p.stem.casefold() for p in paths]
        if len(set(names)) < len(names):
            raise ValueError(f"{folder}: two files have the same name apart from case")
        found.update({p.stem.casefold(): (p, is_clinic) for p in paths})
    return found


@cache
def schema_validator(name: str) -> Any:
    """A JSON Schema validator for a bundled schema (e.g. 'case-v1'); jsonschema loads on first use."""
    import json

    import jsonschema  # slow to import, and only files need it

    path = bundled_resources_dir() / "schemas" / f"{name}.schema.json"
    return jsonschema.Draft202012Validator(json.loads(path.read_text(encoding="utf-8")))
