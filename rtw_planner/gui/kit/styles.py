"""The few colours and inline styles the screens share: errors, warnings, a ready state, an invalid field."""

from __future__ import annotations

from html import escape

ERROR_COLOUR = "#a31515"
WARNING_COLOUR = "#8a4b00"
READY_COLOUR = "#1d6b2f"
ERROR_STYLE = f"color: {ERROR_COLOUR}; font-weight: bold;"
WARNING_STYLE = f"color: {WARNING_COLOUR}; font-weight: bold;"
READY_STYLE = f"color: {READY_COLOUR}; font-weight: bold;"
INVALID_FIELD_STYLE = f"border: 2px solid {ERROR_COLOUR};"


def error_html(text: str) -> str:
    """Plain text as a bold error in a rich-text label (escaped, so a '<' in a message stays a '<')."""
    return f"<span style='color:{ERROR_COLOUR}'><b>{escape(text)}</b></span>"


def warning_html(text: str) -> str:
    """Plain text as a warning in a rich-text label (escaped)."""
    return f"<span style='color:{WARNING_COLOUR}'>{escape(text)}</span>"
