"""Numbers as people type them: the user's locale first (its decimal mark and digit grouping), then plain '1.5'."""

from __future__ import annotations

import math

from PySide6.QtCore import QLocale


def parse_number(text: object, locale: QLocale | None = None) -> float | None:
    """'' means no entry; otherwise a finite number in the user's locale ('1,5' in German, '1,234' is 1234 in
    English) or written the plain way ('1.5'). Raises ValueError for anything else, so the caller can name the
    field; a number already given as int or float passes through."""
    if isinstance(text, int | float) and not isinstance(text, bool):
        number = float(text)
    else:
        cleaned = str(text).strip()
        if not cleaned:
            return None
        for reader in (locale or QLocale(), QLocale.c()):
            number, ok = reader.toDouble(cleaned)
            if ok:
                break
        else:
            raise ValueError(f"not a number: {cleaned[:40]!r}")
    if not math.isfinite(number):
        raise ValueError("not a finite number")
    return number


def format_number_for_edit(value: float | None, decimals: int = 2, locale: QLocale | None = None) -> str:
    """A number as the user's locale writes it, without trailing zeros ('' for none): 12.5 -> '12,5' in German."""
    if value is None:
        return ""
    text = (locale or QLocale()).toString(float(value), "f", decimals)
    point = (locale or QLocale()).decimalPoint()
    return text.rstrip("0").rstrip(point) if point in text else text
