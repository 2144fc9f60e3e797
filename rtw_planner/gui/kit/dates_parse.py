"""Dates as people type them: ISO (1979-02-14), the locale's short format (14/02/1979 in en_GB, 2/14/79 in en_US)
and a month in words ('14 Feb 1979', 'February 14, 1979'), in English or the locale's language."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QLocale

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.gui.kit.dates_text import MONTHS

ENGLISH_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                  "november", "december")
MIN_YEAR, MAX_YEAR = 1900, 2200
TOKENS = re.compile(r"\d+|[^\W\d_]+")


def field_order(locale: QLocale | None = None) -> str:
    """The order of day, month and year in the locale's short date format: 'dMy', 'Mdy' or 'yMd'."""
    fmt = (locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat)
    order = "".join(dict.fromkeys(ch for ch in fmt if ch in "dMy"))
    return order if sorted(order) == sorted("dMy") else "dMy"


def example(locale: QLocale | None = None) -> str:
    """14 February 1979 written the locale's short way, for messages: '14/02/1979' (en_GB), '02/14/1979' (en_US),
    '14.02.1979' (de_DE); a locale without a separator gets '/'."""
    fmt = (locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat)
    separator = next((ch for ch in fmt if not ch.isalpha() and not ch.isspace()), "/")
    parts = {"d": "14", "M": "02", "y": "1979"}
    return separator.join(parts[ch] for ch in field_order(locale))


def _month(name: str, locale: QLocale) -> int | None:
    word = name.casefold().rstrip(".")
    names = [(i + 1, n) for i, n in enumerate(ENGLISH_MONTHS)] + [(i + 1, m.lower()) for i, m in enumerate(MONTHS)]
    for number in range(1, 13):
        for kind in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat):
            names.append((number, locale.monthName(number, kind).casefold().rstrip(".")))
    for number, full in names:
        if word == full or (len(word) >= 3 and full.startswith(word)):
            return number
    return None


def _year(token: str, today: date) -> int:
    """A two-digit year is the nearest one not more than 10 years ahead ('79' is 1979, '27' is 2027 in 2026)."""
    year = int(token)
    if len(token) <= 2:
        century = today.year - today.year % 100
        year += century if year <= today.year % 100 + 10 else century - 100
    return year


def parse_date(text: str, field: str = "date", locale: QLocale | None = None, today: date | None = None) -> date | None:
    """The date typed, or None for an empty text. Raises ValidationError naming the field and an example."""
    locale = locale or QLocale()
    stripped = text.strip()
    if not stripped:
        return None
    expected = f"a date such as {example(locale)}, 14 Feb 1979 or 1979-02-14"
    tokens = TOKENS.findall(stripped)
    if len(tokens) != 3 or len(stripped) > 40:
        raise ValidationError(field, stripped, expected)
    words = [t for t in tokens if not t.isdigit()]
    numbers = [t for t in tokens if t.isdigit()]
    parts: dict[str, str] = {}
    if len(words) == 1:
        month = _month(words[0], locale)
        if month is None:
            raise ValidationError(field, stripped, expected)
        parts["M"] = str(month)
        first, second = numbers
        parts["y"], parts["d"] = (first, second) if len(first) > 2 else (second, first)
    elif words:
        raise ValidationError(field, stripped, expected)
    elif len(tokens[0]) == 4:  # ISO: year, month, day
        parts = dict(zip("yMd", tokens, strict=True))
    else:
        parts = dict(zip(field_order(locale), tokens, strict=True))
    try:
        day = date(_year(parts["y"], today or date.today()), int(parts["M"]), int(parts["d"]))
    except ValueError:
        raise ValidationError(field, stripped, expected) from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise ValidationError(field, stripped, f"a date from {MIN_YEAR} to {MAX_YEAR}")
    return day
