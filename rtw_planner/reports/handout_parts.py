"""The patient handout's content blocks and its wording file (no layout here)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from rtw_planner.assets import bundled_resources_dir, resource_path
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.outcomes.progress import PracticeSeries
from rtw_planner.domain.plan.goals import long_date
from rtw_planner.reports.wording import fill


@dataclass(frozen=True)
class Text:
    """A paragraph (a newline in it starts a new line); `strong` ones are printed in bold."""

    text: str
    strong: bool = False


@dataclass(frozen=True)
class Bullets:
    """A bulleted list."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A week-by-week table with notes below it; `bold_row` (an index into rows) is this week; with `goal_row` the
    last row holds the goals."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    notes: tuple[str, ...] = ()
    bold_row: int | None = None
    goal_row: bool = False


@dataclass(frozen=True)
class PracticeChart:
    """One activity's daily quota against what was done; `caption` titles it, the rest are the legend's words."""

    caption: str
    series: PracticeSeries
    axis: str
    quota: str
    met: str
    missed: str
    goal: str
    done: str


WORDING = "wording/patient-handout.json"

Block = Text | Bullets | Table | PracticeChart


@dataclass(frozen=True)
class HandoutSection:
    """A headed part of the handout; a `warning` section is printed in a box."""

    heading: str
    blocks: tuple[Block, ...]
    warning: bool = False


class HandoutWording:
    """The handout's fixed words, from the clinic's wording/patient-handout.json if it has one, else the bundled.
    A needed key the clinic's copy leaves out comes from the bundled file, so a copy made before a key was added
    still works; an optional one (a test's plain name) left out stays out."""

    def __init__(self) -> None:
        bundled = json.loads((bundled_resources_dir() / WORDING).read_text(encoding="utf-8"))
        path = resource_path(WORDING)
        data = json.loads(path.read_text(encoding="utf-8"))
        self._name = path.name
        self._data: Mapping[str, object] = data if isinstance(data, dict) else {}
        self._needed: Mapping[str, object] = {**bundled, **self._data}

    def text(self, key: str, **values: object) -> str:
        """One sentence or heading, its {placeholders} filled (left as they are when no values are given)."""
        value = self._needed.get(key)
        if not isinstance(value, str) or not value.strip():
            raise ValidationError(f"{self._name} {key}", value, "a text")
        return fill(value, **values) if values else value

    def optional(self, key: str, **values: object) -> str | None:
        """A sentence or phrase a clinic may leave out: None when the key is missing or empty."""
        value = self._data.get(key)
        return fill(value, **values) if isinstance(value, str) and value.strip() else None

    def day(self, day: date) -> str:
        """'Monday 4 January 2027': the day's name from day_names, Monday first."""
        names = self.lines("day_names")
        if len(names) != 7:
            raise ValidationError(f"{self._name} day_names", names, "seven day names, Monday first")
        return f"{names[day.weekday()]} {long_date(day)}"

    def lines(self, key: str) -> tuple[str, ...]:
        """A list of sentences."""
        value = self._needed.get(key)
        if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
            raise ValidationError(f"{self._name} {key}", value, "a non-empty list of texts")
        return tuple(value)


def and_list(w: HandoutWording, items: list[str]) -> str:
    """'Monday', 'Monday and Friday', 'Monday, Wednesday and Friday'."""
    return items[0] if len(items) == 1 else w.text("and_last", some=", ".join(items[:-1]), last=items[-1])
