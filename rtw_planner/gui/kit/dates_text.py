"""Dates as the screens show them: one short form ('4 Jan 2027') and one with the time, English month names."""

from __future__ import annotations

from datetime import date, datetime

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def short_date(day: date | None) -> str:
    """'4 Jan 2027' (day first, month in words, so nobody misreads it), or '' for no date."""
    if day is None:
        return ""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def date_and_time(moment: datetime) -> str:
    """'4 Jan 2027 10:30'."""
    return f"{short_date(moment.date())} {moment:%H:%M}"


def when_text(moment: datetime | None, today: date | None = None) -> str:
    """' at 14:05' today, ' on 4 Jan 2027 at 14:05' another day, '' when not known: it follows 'changed by sam'."""
    if moment is None:
        return ""
    day = "" if moment.date() == (today or date.today()) else f" on {short_date(moment.date())}"
    return f"{day} at {moment:%H:%M}"
