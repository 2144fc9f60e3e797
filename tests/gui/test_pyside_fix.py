"""The guard against PySide6 6.12's lost references to None keeps the process alive through many Qt calls."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from rtw_planner.gui.app import create_application
from PySide6.QtWidgets import QLabel
app = create_application()
label = QLabel()
for _ in range(200_000):  # far more than None's own count on Python 3.11 (a few thousand)
    label.setText("x")
print("alive")
"""


def test_a_session_of_many_qt_calls_ends_normally() -> None:
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-300:]
    assert result.stdout.strip() == "alive"
