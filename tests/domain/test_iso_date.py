"""Dates read from stored or exchanged data (plans, goals, treatment sessions, exposures): one reader for all."""

from __future__ import annotations

from datetime import date

import pytest

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.data.validation import iso_date


def test_a_calendar_date_is_read() -> None:
    assert iso_date("goal due date", "2027-02-28") == date(2027, 2, 28)
    assert iso_date("treatment last day", None, required=False) is None


@pytest.mark.parametrize(("value", "required", "expected"), [
    ("2027-02-30", True, r"^goal due date: '2027-02-30' is not allowed; expected a real calendar date written "
                         r"YYYY-MM-DD$"),
    ("28/02/2027", False, r"^goal due date: '28/02/2027' is not allowed; expected a real calendar date written "
                          r"YYYY-MM-DD, or null$"),
    (None, True, r"^goal due date: None is not allowed"),
    (20270228, True, r"^goal due date: 20270228 is not allowed"),
])
def test_anything_else_is_refused_naming_the_field(value: object, required: bool, expected: str) -> None:
    with pytest.raises(ValidationError, match=expected):
        iso_date("goal due date", value, required=required)
