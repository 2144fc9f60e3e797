"""The pre-flight in the document dialog: every problem that blocks issuing, then every warning, each with the
field to fix and what to do. It shows the domain's findings; it never adds or drops one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QStyle, QVBoxLayout, QWidget

from rtw_planner.domain.issuing.preflight import Finding, Preflight, Severity
from rtw_planner.gui.kit.styles import error_style, ready_style

# Words first, so the difference does not rest on the icon's colour alone.
PREFIX = {Severity.BLOCK: "Blocks issuing", Severity.WARN: "Warning"}


def finding_text(finding: Finding) -> str:
    """'Blocks issuing · Capacity: evaluations — no dated evaluation is recorded… What to do: Record…'."""
    return f"{PREFIX[finding.severity]} · {finding.field}: {finding.problem}\nWhat to do: {finding.fix}"


class FindingsView(QWidget):
    """A headline (ready to issue, or how many problems block it) over the list of findings."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headline = QLabel()
        self.headline.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setAccessibleName("Pre-flight findings")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.headline)
        layout.addWidget(self.list, 1)

    def show_result(self, result: Preflight, extra_blocker: str = "") -> None:
        """Show a pre-flight; `extra_blocker` names something outside the case that stops issuing now (unsaved
        edits), listed first."""
        self.list.clear()
        style = self.style()
        icons = {Severity.BLOCK: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
                 Severity.WARN: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)}
        if extra_blocker:
            item = QListWidgetItem(icons[Severity.BLOCK], f"{PREFIX[Severity.BLOCK]} · {extra_blocker}")
            item.setData(Qt.ItemDataRole.UserRole, Severity.BLOCK.value)
            self.list.addItem(item)
        for finding in (*result.blocking, *result.warnings):
            item = QListWidgetItem(icons[finding.severity], finding_text(finding))
            item.setData(Qt.ItemDataRole.UserRole, finding.severity.value)
            item.setToolTip(finding.fix)
            self.list.addItem(item)
        blocking = len(result.blocking) + bool(extra_blocker)
        warnings = len(result.warnings)
        if blocking:
            self.headline.setText(f"{blocking} problem{'s' if blocking > 1 else ''} block{'' if blocking > 1 else 's'}"
                                  f" issuing" + (f"; {warnings} warning{'s' if warnings > 1 else ''}" if warnings
                                                 else "") + ". Drafts can still be previewed.")
            self.headline.setStyleSheet(error_style())
        else:
            self.headline.setText("Ready to issue." + (f" Read the {warnings} warning{'s' if warnings > 1 else ''} "
                                                       "first." if warnings else " Nothing to check."))
            self.headline.setStyleSheet(ready_style())

    def texts(self, severity: Severity | None = None) -> list[str]:
        """The findings shown, optionally of one severity."""
        items = (self.list.item(row) for row in range(self.list.count()))
        return [item.text() for item in items
                if severity is None or item.data(Qt.ItemDataRole.UserRole) == severity.value]
