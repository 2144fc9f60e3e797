"""A guard against a PySide6 6.12 reference-count bug on Python 3.11 and older, applied before Qt starts."""

from __future__ import annotations

import ctypes
import sys

STOCK = 1 << 40  # more references than any session can lose


def keep_singletons_alive() -> None:
    """PySide6 6.12.0 (shiboken) drops one reference to None on every call of a Qt method that returns nothing,
    and pyqtgraph's items lose references to True and False the same way. From Python 3.12 these objects are
    immortal and nothing happens; on 3.11 the process aborts ("Fatal Python error: none_dealloc") once None's count
    reaches zero, which a few thousand edits do. Debian 12 ships Python 3.11, and PySide6-Pdf exists only for 6.12,
    so until a fixed PySide6 is released the three objects get a stock of references no session can use up: the
    same immortality Python 3.12 gives them. Idempotent enough: each call adds another stock."""
    if sys.version_info >= (3, 12):
        return
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += STOCK  # ob_refcnt, the first field of every object
