"""Small checks shared by the domain constructors; each raises ValidationError."""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import overload

from rtw_planner.domain.data.errors import ValidationError

MAX_TEXT = 200
MAX_LONG_TEXT = 10_000
MAX_DIGITS = 24  # digits in a number typed or read from a file (a float written out in full takes up to 21)
MAX_MAGNITUDE = 1e15  # the largest number (either sign) a file or an argument may hold
# Characters text may not hold: C0 controls other than tab, line feed and carriage return, DEL, C1 controls, and
# lone surrogates (which cannot be written as UTF-8, so a case holding one could never be exported).
FORBIDDEN_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def forbidden_character(value: str) -> str | None:
    """What is wrong with the first character text may not hold ("a control character U+0007", "a lone surrogate
    U+D800"), or None when there is none."""
    found = FORBIDDEN_CHARACTER.search(value)
    if found is None:
        return None
    code = ord(found.group())
    kind = "a lone surrogate" if 0xD800 <= code <= 0xDFFF else "a control character"
    return f"{kind} U+{code:04X}"
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
        raise ValidationError(field, value, allowed, private=True)
    stripped = value.strip()
    if (required and not stripped) or len(stripped) > max_length:
        raise ValidationError(field, value, allowed, private=True)
    problem = forbidden_character(stripped)
    if problem is not None:
        raise ValidationError(field, value, f"{allowed} without control characters or lone surrogates (found "
                                            f"{problem})", private=True)
    return stripped


def a_date(field: str, value: object, *, required: bool = False) -> date | None:
    """Return value if it is a date between 1900 and 2200 (or None when optional)."""
    allowed = f"a date from {EARLIEST_DATE.isoformat()} to {LATEST_DATE.isoformat()}"
    if value is None and not required:
        return None
    if not isinstance(value, date) or isinstance(value, datetime) or not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValidationError(field, value, allowed if required else allowed + " or none")
    return value


@overload
def iso_date(field: str, value: object) -> date: ...
@overload
def iso_date(field: str, value: object, *, required: bool) -> date | None: ...
def iso_date(field: str, value: object, *, required: bool = True) -> date | None:
    """A date from its YYYY-MM-DD text in stored or exchanged data (None for null when optional)."""
    if value is None and not required:
        return None
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ValidationError(field, value, "a real calendar date written YYYY-MM-DD" + ("" if required else ", or null"))


_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]{1,4})?", re.ASCII)
_WHOLE = re.compile(r"[+-]?[0-9]+", re.ASCII)
_INFINITY = re.compile(r"[+-]?inf(?:inity)?", re.ASCII | re.IGNORECASE)


def number_from_text(field: str, typed: str, allowed: str, *, whole: bool = False,
                     infinite: bool = False) -> float:
    """The number written in `typed` (an argument, a literal in a file): ASCII digits, at most MAX_DIGITS of them,
    within +-MAX_MAGNITUDE; a whole number when `whole`; "inf" or "-inf" only when `infinite` (never NaN).
    Raises ValidationError quoting at most 40 characters of what was typed and saying what is allowed."""
    stripped = typed.strip()
    if infinite and _INFINITY.fullmatch(stripped):
        return -math.inf if stripped.startswith("-") else math.inf
    if _INFINITY.fullmatch(stripped) or stripped.lower().lstrip("+-") == "nan":
        raise ValidationError(field, typed, f"{allowed} (not infinity or NaN)")
    digits = sum(c.isdigit() for c in stripped.split("e")[0].split("E")[0])
    if digits > MAX_DIGITS:
        raise ValidationError(field, typed, f"{allowed} written with at most {MAX_DIGITS} digits")
    if not (_WHOLE if whole else _NUMBER).fullmatch(stripped):
        raise ValidationError(field, typed, allowed)
    number = float(stripped)
    if not abs(number) <= MAX_MAGNITUDE:
        raise ValidationError(field, typed, f"{allowed} (no number beyond {MAX_MAGNITUDE:g} either way)")
    return number
