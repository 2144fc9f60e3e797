"""The main window's sizes: what keeps it usable on a small laptop screen, and its first size and split. Light to
import (no widgets): the first window is sized before anything else of the GUI is loaded."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QScreen

# 1366×768 at 125% leaves 1092×614 logical pixels for the whole screen; the window's smallest size leaves room for
# a title bar and a task bar. The case area scrolls below its own minimum instead of pushing the window larger.
MINIMUM_WINDOW = (960, 540)
LIST_MINIMUM_WIDTH = 260  # the case list keeps names and dates readable when a case opens
DEFAULT_SPLIT = (400, 880)
DEFAULT_WINDOW = (1200, 800)
CASE_ROOM = 850  # room for the case view's widest tab and its frames (a test checks 1280 and a laptop at 125%)
FRAME_ALLOWANCE = (16, 48)  # a title bar and borders the available geometry does not subtract


def default_size(screen: QScreen | None) -> QSize:
    """1200×800 where the screen has room; else what its free area holds, less room for the window's frame."""
    wanted = QSize(*DEFAULT_WINDOW)
    if screen is None:
        return wanted
    free = screen.availableGeometry().size() - QSize(*FRAME_ALLOWANCE)
    return wanted.boundedTo(free).expandedTo(QSize(*MINIMUM_WINDOW))


def initial_split(width: int) -> list[int]:
    """The first split of a window this wide: the list gets 400 px where the case keeps about 850, never less than
    its minimum (a laptop at 125% gives the case the room)."""
    left = max(LIST_MINIMUM_WIDTH, min(DEFAULT_SPLIT[0], width - CASE_ROOM))
    return [left, max(0, width - left)]
