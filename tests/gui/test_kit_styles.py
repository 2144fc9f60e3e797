"""One error style and one warning style; messages put into rich text stay text."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextDocument

from rtw_planner.gui.kit.styles import (
    ERROR_COLOUR,
    ERROR_STYLE,
    INVALID_FIELD_STYLE,
    READY_STYLE,
    WARNING_COLOUR,
    WARNING_STYLE,
    error_html,
    warning_html,
)


def test_styles_name_their_colours() -> None:
    assert ERROR_COLOUR in ERROR_STYLE
    assert ERROR_COLOUR in INVALID_FIELD_STYLE
    assert WARNING_COLOUR in WARNING_STYLE
    assert len({ERROR_STYLE, WARNING_STYLE, READY_STYLE}) == 3


@pytest.mark.parametrize("to_html", [error_html, warning_html])
def test_a_message_with_markup_characters_reads_as_written(qapp, to_html) -> None:  # type: ignore[no-untyped-def]
    message = "load: expected a number < 200 & > 0, not <b>"
    document = QTextDocument()
    document.setHtml(to_html(message))
    assert document.toPlainText() == message


def test_errors_are_bold_and_warnings_are_not() -> None:
    assert error_html("x") == f"<span style='color:{ERROR_COLOUR}'><b>x</b></span>"
    assert warning_html("x") == f"<span style='color:{WARNING_COLOUR}'>x</span>"
