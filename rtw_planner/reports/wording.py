"""Document wording from JSON templates under resources/wording (a clinic may override them)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from rtw_planner.assets import bundled_resources_dir, resource_path


def load_wording(name: str, jurisdiction: str = "generic") -> dict[str, str]:
    """The wording template `name` (e.g. 'employer-letter'), keys starting with '_' dropped. A clinic's copy in its
    data folder replaces the bundled wording key by key, so a copy made before a new key existed still works. A
    value given per jurisdiction (an object keyed by jurisdiction) resolves to the jurisdiction's text, else the
    generic one."""
    relative = f"wording/{name}.json"
    data: dict[str, Any] = json.loads((bundled_resources_dir() / relative).read_text(encoding="utf-8"))
    clinic = resource_path(relative)
    if clinic != bundled_resources_dir() / relative:
        data.update(json.loads(clinic.read_text(encoding="utf-8")))
    words = {}
    for key, value in data.items():
        if key.startswith("_"):
            continue
        words[key] = str(value.get(jurisdiction, value.get("generic", ""))) if isinstance(value, dict) else str(value)
    return words


def fill(template: str, **values: object) -> str:
    """Fill a template's {placeholders}; values are plain text (escaping happens at layout time)."""
    return template.format_map({k: str(v) for k, v in values.items()})


def long_date(value: date) -> str:
    """'8 January 2027': day first, month in words, so no reader misreads it."""
    return f"{value.day} {value:%B %Y}"
