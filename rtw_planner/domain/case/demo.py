"""The demo case, its dates moved so that it stands to today as it stood to the day it was written."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta
from typing import Any

from rtw_planner.assets import demo_case_path
from rtw_planner.domain.case import casefile
from rtw_planner.domain.case.model import Case

# The demo was written on this day: its evaluations lie behind it, the return to work four weeks ahead of it.
DEMO_WRITTEN_FOR = date(2026, 12, 6)
# A whole value that is a date ("2027-01-04") or a date and time ("2026-12-04T10:30:00"); dates inside prose
# are left alone, so no clinical text is ever rewritten.
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?")


def _shifted(value: Any, days: timedelta) -> Any:
    """Every date and date-time value in a case file's data moved by `days`, at any depth."""
    if isinstance(value, dict):
        return {key: _shifted(item, days) for key, item in value.items()}
    if isinstance(value, list):
        return [_shifted(item, days) for item in value]
    if isinstance(value, str):
        if _DATE.fullmatch(value):
            return (date.fromisoformat(value) + days).isoformat()
        if _DATE_TIME.fullmatch(value):
            return (datetime.fromisoformat(value) + days).isoformat()
    return value


def shift_case_text(text: str, days: int) -> str:
    """A case file's text with every date moved by `days`: the date of birth too, so ages and grip norms stay."""
    return json.dumps(_shifted(json.loads(text), timedelta(days=days)), ensure_ascii=False, indent=2)


def demo_shift_days(today: date) -> int:
    """Days to move the demo by: today's distance from the day it was written, to the nearest whole week, so the
    return to work still starts on a Monday and each phase keeps its working days."""
    weeks = ((today - DEMO_WRITTEN_FOR).days + 3) // 7
    return weeks * 7


def demo_case(today: date) -> Case:
    """The shipped demo case as it would be on `today`: evaluations as long ago, the review and the return to work
    as far ahead, as they were on 6 December 2026 (give or take three days). Without this, after 4 January 2027
    the pre-flight would (rightly) refuse to issue a plan that starts in the past."""
    text = demo_case_path().read_text(encoding="utf-8")
    return casefile.parse(shift_case_text(text, demo_shift_days(today)))
