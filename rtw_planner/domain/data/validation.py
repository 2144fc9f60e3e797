"""Small checks shared by the domain constructors; each raises ValidationError."""

from __future__ import annotations

import math
from datetime import date, datetime

from rtw_planner.domain.data.errors import ValidationError

MAX_TEXT = 200
MAX_LONG_TEXT = 10_000
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2200, 12, 31)


def number_in_range(field: str, value: object, low: float, high: float, unit: str) -> float:
    """Return value as a float if it is a finite number within [low, high]."""
    allowed = f"a number from {low:g} to {high:g} {unit}".rstrip()
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError(field, value, allowed)
    try:
        number = float(value)
    except OverflowError:  # an integer too large for a float
        raise ValidationError(field, value, allowed) from None
    if not math.isfinite(number) or number < low or number > high:
        raise ValidationError(field, value, allowed)
    return number


def text(field: str, value: object, *, required: bool = False, max_length: int = MAX_TEXT) -> str:
    """Return value stripped of surrounding blanks if it is a string of acceptable length."""
    what = "required text" if required else "text"
    allowed = f"{what} of at most {max_length} characters"
    if not isinstance(value, str):
        raise ValidationError(field, value, allowed)
    stripped = value.strip()
    if (required and not stripped) or len(stripped) > max_length or "\x00" in stripped:
        raise ValidationError(field, value, allowed)
    return stripped


def a_date(field: str, value: object, *, required: bool = False) -> date | None:
    """Return value if it is a date between 1900 and 2200 (or None when optional)."""
    allowed = f"a date from {EARLIEST_DATE.isoformat()} to {LATEST_DATE.isoformat()}"
    if value is None and not required:
        return None
    if not isinstance(value, date) or isinstance(value, datetime) or not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValidationError(field, value, allowed if required else allowed + " or none")
    return value
