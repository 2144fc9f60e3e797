"""A bar above the open case: someone else saved it ('Changed by sam at 14:05'), with Reload and Dismiss."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from rtw_planner.gui.kit.dates_text import when_text
from rtw_planner.gui.kit.styles import WARNING_STYLE


class ChangeBanner(QFrame):
    """Hidden until shown with who and when; Reload asks the case view to reload (keeping any edits)."""

    reload_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel()
        self.label.setStyleSheet(WARNING_STYLE)
        self.label.setWordWrap(True)
        self.reload_button = QPushButton("Re&load")
        self.dismiss_button = QPushButton("Dismiss")
        self.reload_button.clicked.connect(self._on_reload_clicked)
        self.dismiss_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.reload_button)
        layout.addWidget(self.dismiss_button)
        self.hide()

    def announce(self, who: str, when: datetime | None, dirty: bool) -> None:
        """'Changed by sam at 14:05: reload?', saying that unsaved edits are kept."""
        keep = " Your unsaved edits are re-applied on top." if dirty else ""
        self.label.setText(f"Changed by {who or 'someone else'}{when_text(when)}: reload?{keep}")
        self.show()

    def _on_reload_clicked(self) -> None:
        self.hide()
        self.reload_requested.emit()
