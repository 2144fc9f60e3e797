"""One date formatter: day, month in words, year; the same in every locale, so nobody misreads 4/1 as 1/4."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QLocale

from rtw_planner.gui.kit.dates_text import date_and_time, short_date


@pytest.mark.parametrize(("day", "expected"), [
    (date(2027, 1, 4), "4 Jan 2027"),
    (date(2026, 12, 31), "31 Dec 2026"),
    (date(2028, 2, 29), "29 Feb 2028"),
    (None, ""),
])
def test_short_date(day: date | None, expected: str) -> None:
    assert short_date(day) == expected


def test_date_and_time_uses_the_24_hour_clock() -> None:
    assert date_and_time(datetime(2027, 1, 4, 9, 5)) == "4 Jan 2027 09:05"
    assert date_and_time(datetime(2027, 6, 30, 17, 45, 59)) == "30 Jun 2027 17:45"


def test_the_users_locale_does_not_change_it() -> None:
    before = QLocale()
    QLocale.setDefault(QLocale("de_DE"))
    try:
        assert short_date(date(2027, 3, 1)) == "1 Mar 2027"  # not "1 Mär 2027", not "01.03.2027"
    finally:
        QLocale.setDefault(before)
