"""What the main window shows while it opens the database: a line saying so, painted before anything the full
window needs is imported, so the window appears at once on a large caseload or a slow server."""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QLabel, QWidget

# Rich text centres the words without the Qt namespace, whose first use costs about 40 ms of enum building.
OPENING_TEXT = "<p align='center'>Opening the caseload…</p>"
PAINT_PATIENCE_MS = 1000  # a window manager that never exposes the window does not hold the startup for longer


class OpeningPage(QLabel):
    """The window's content until the database is open; `painted` once it has been drawn."""

    painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(OPENING_TEXT, parent)
        self.setObjectName("opening_page")
        self.setAccessibleName("Opening the caseload")
        self.was_painted = False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if not self.was_painted:
            self.was_painted = True
            self.painted.emit()


def wait_until_painted(page: OpeningPage, patience_ms: int = PAINT_PATIENCE_MS) -> None:
    """Run the events until the page is on screen (the window shown and exposed), at most patience_ms."""
    if page.was_painted:
        return
    loop = QEventLoop()
    page.painted.connect(loop.quit)
    timer = QTimer(loop)  # owned by the loop: gone with it, never firing into a deleted loop
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    timer.start(patience_ms)
    loop.exec()
    page.painted.disconnect(loop.quit)
