"""Document wording from JSON templates under resources/wording (a clinic may override them)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from rtw_planner.assets import resource_path


def load_wording(name: str, jurisdiction: str = "generic") -> dict[str, str]:
    """The wording template `name` (e.g. 'employer-letter'), keys starting with '_' dropped. A value given per
    jurisdiction (an object keyed by jurisdiction) resolves to the jurisdiction's text, else the generic one."""
    data: dict[str, Any] = json.loads(resource_path(f"wording/{name}.json").read_text(encoding="utf-8"))
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
