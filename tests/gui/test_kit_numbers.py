"""One number parser for every screen: the user's locale first, then the plain '1.5'; never a silent misreading."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from rtw_planner.gui.kit.numbers import format_number_for_edit, parse_number

GERMAN, BRITISH = QLocale("de_DE"), QLocale("en_GB")


@pytest.mark.parametrize(("text", "locale", "expected"), [
    ("1,5", GERMAN, 1.5),  # the German decimal comma
    ("1,234", BRITISH, 1234.0),  # the English thousands comma, not 1.234
    ("1,234", GERMAN, 1.234),
    ("1.234", GERMAN, 1234.0),  # the German thousands point
    ("1.234,5", GERMAN, 1234.5),
    ("1.5", GERMAN, 1.5),  # the plain way always works: a German group needs three digits
    ("1.5", BRITISH, 1.5),
    (" 12 ", BRITISH, 12.0),
    ("-3", GERMAN, -3.0),
    ("0", BRITISH, 0.0),
])
def test_locale_then_plain(text: str, locale: QLocale, expected: float) -> None:
    assert parse_number(text, locale) == expected


@pytest.mark.parametrize("text", ["", "   "])
def test_an_empty_entry_is_no_number(text: str) -> None:
    assert parse_number(text, GERMAN) is None


@pytest.mark.parametrize(("text", "locale"), [
    ("abc", BRITISH), ("1,5", BRITISH), ("1,23,4", GERMAN), ("12 kg", BRITISH), ("1 234", BRITISH),
])
def test_anything_else_is_refused(text: str, locale: QLocale) -> None:
    with pytest.raises(ValueError, match="not a number"):
        parse_number(text, locale)


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", float("inf"), float("nan")])
def test_infinity_and_nan_are_refused(value: object) -> None:
    with pytest.raises(ValueError, match="not a finite number"):
        parse_number(value, BRITISH)


def test_numbers_already_numbers_pass_through() -> None:
    assert parse_number(7, GERMAN) == 7.0
    assert parse_number(2.25, GERMAN) == 2.25
    with pytest.raises(ValueError, match="not a number"):
        parse_number(True, BRITISH)  # a bool is not a quantity


def test_the_default_locale_is_the_users() -> None:
    before = QLocale()
    QLocale.setDefault(GERMAN)
    try:
        assert parse_number("2,5") == 2.5
        assert format_number_for_edit(2.5) == "2,5"
    finally:
        QLocale.setDefault(before)


@pytest.mark.parametrize(("value", "locale", "decimals", "expected"), [
    (12.5, GERMAN, 2, "12,5"),
    (12.0, GERMAN, 2, "12"),
    (1234.5, GERMAN, 2, "1.234,5"),
    (1234.5, BRITISH, 2, "1,234.5"),
    (0.125, BRITISH, 2, "0.13"),
    (0.001, BRITISH, 2, "0"),
    (1000.0, BRITISH, 0, "1,000"),  # no decimal point: the zeros are digits, not padding
    (None, BRITISH, 2, ""),
])
def test_format_for_edit(value: float | None, locale: QLocale, decimals: int, expected: str) -> None:
    assert format_number_for_edit(value, decimals, locale) == expected


@pytest.mark.parametrize("locale", [GERMAN, BRITISH])
@pytest.mark.parametrize("value", [0.5, 12.25, 1234.5, 98765.0])
def test_what_is_shown_reads_back(locale: QLocale, value: float) -> None:
    assert parse_number(format_number_for_edit(value, 2, locale), locale) == value
