"""The few colours and inline styles the screens share (errors, warnings, a ready state, an invalid field, status
cells), picked for the palette in use so they stay readable in dark mode and high contrast."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtGui import QGuiApplication, QPalette

# The light-palette colours; the functions below pick the pair that suits the palette in use.
ERROR_COLOUR = "#a31515"
WARNING_COLOUR = "#8a4b00"
READY_COLOUR = "#1d6b2f"
# Fixed light-palette styles, kept for callers not yet moved to error_style() and friends (they ignore dark mode).
ERROR_STYLE = f"color: {ERROR_COLOUR}; font-weight: bold;"
WARNING_STYLE = f"color: {WARNING_COLOUR}; font-weight: bold;"
READY_STYLE = f"color: {READY_COLOUR}; font-weight: bold;"
INVALID_FIELD_STYLE = f"border: 2px solid {ERROR_COLOUR};"


@dataclass(frozen=True)
class Tones:
    """Text colours for messages, and (background, text) pairs for status cells: good, bad, unknown, neutral."""

    error: str
    warning: str
    ready: str
    good: tuple[str, str]
    bad: tuple[str, str]
    unknown: tuple[str, str]
    neutral: tuple[str, str]


LIGHT = Tones(ERROR_COLOUR, WARNING_COLOUR, READY_COLOUR, good=("#d8efd9", "#1a1a1a"), bad=("#f8d3cf", "#1a1a1a"),
              unknown=("#fbeec2", "#1a1a1a"), neutral=("#eeeeee", "#1a1a1a"))
DARK = Tones("#ff8f87", "#ffc46b", "#86d993", good=("#1e4d26", "#f2f2f2"), bad=("#6b1f1a", "#f2f2f2"),
             unknown=("#5c4a12", "#f2f2f2"), neutral=("#3a3a3a", "#f2f2f2"))


def _palette(palette: QPalette | None) -> QPalette:
    return palette if palette is not None else QGuiApplication.palette()


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the palette's base (where text is read) is darker than its text."""
    pal = _palette(palette)
    return pal.color(QPalette.ColorRole.Base).lightnessF() < pal.color(QPalette.ColorRole.Text).lightnessF()


def tones(palette: QPalette | None = None) -> Tones:
    """The colours for the palette given, or the application's."""
    return DARK if is_dark(palette) else LIGHT


def error_style(palette: QPalette | None = None) -> str:
    """A bold error label's style sheet."""
    return f"color: {tones(palette).error}; font-weight: bold;"


def warning_style(palette: QPalette | None = None) -> str:
    """A bold warning label's style sheet."""
    return f"color: {tones(palette).warning}; font-weight: bold;"


def ready_style(palette: QPalette | None = None) -> str:
    """A bold 'ready' label's style sheet."""
    return f"color: {tones(palette).ready}; font-weight: bold;"


def invalid_field_style(palette: QPalette | None = None) -> str:
    """The border of a field whose entry was refused."""
    return f"border: 2px solid {tones(palette).error};"


def error_html(text: str, palette: QPalette | None = None) -> str:
    """Plain text as a bold error in a rich-text label (escaped, so a '<' in a message stays a '<')."""
    return f"<span style='color:{tones(palette).error}'><b>{escape(text)}</b></span>"


def warning_html(text: str, palette: QPalette | None = None) -> str:
    """Plain text as a warning in a rich-text label (escaped)."""
    return f"<span style='color:{tones(palette).warning}'>{escape(text)}</span>"

