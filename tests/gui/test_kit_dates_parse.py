"""Parsing typed dates: ISO, the locale's order, month names in English or the locale's language, two-digit years."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QLocale

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.gui.kit.dates_parse import example, field_order, parse_date

GB = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
US = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
DE = QLocale(QLocale.Language.German, QLocale.Country.Germany)
TODAY = date(2026, 12, 6)


def test_the_order_follows_the_locale() -> None:
    assert (field_order(GB), field_order(US), field_order(DE)) == ("dMy", "Mdy", "dMy")
    assert (example(GB), example(US), example(DE)) == ("14/02/1979", "02/14/1979", "14.02.1979")


@pytest.mark.parametrize(("text", "locale", "expected"), [
    ("1979-02-14", US, date(1979, 2, 14)),
    ("01/02/2027", GB, date(2027, 2, 1)),
    ("01/02/2027", US, date(2027, 1, 2)),
    ("14 feb 79", GB, date(1979, 2, 14)),
    ("14. Februar 1979", DE, date(1979, 2, 14)),
    ("Feb 14 1979", US, date(1979, 2, 14)),
    ("1/1/36", GB, date(2036, 1, 1)),  # ten years ahead at most
    ("1/1/37", GB, date(1937, 1, 1)),
    ("  ", GB, None),
])
def test_parse(text: str, locale: QLocale, expected: date | None) -> None:
    assert parse_date(text, locale=locale, today=TODAY) == expected


@pytest.mark.parametrize("text", ["14 Feb", "30/02/2027", "14 Fob 1979", "1/1/1850", "Not set14Feb1979"])
def test_refused_with_the_field_and_an_example(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_date(text, "date of birth", GB, TODAY)
    assert caught.value.field == "date of birth"
    assert "14/02/1979" in str(caught.value) or "1900 to 2200" in str(caught.value)
