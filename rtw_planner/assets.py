"""Locate bundled resources and the user's data folder; a clinic's file at the same relative path wins."""

from __future__ import annotations

import os
from pathlib import Path

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
