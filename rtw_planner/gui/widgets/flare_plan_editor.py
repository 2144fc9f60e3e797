"""The patient's own flare-up plan, in their words: triggers, early warning signs and what helps (one a line)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from rtw_planner.domain.plan.model import MAX_PERSONAL_LINES, PersonalFlarePlan

# (attribute, label with mnemonic, example in a patient's words)
SECTIONS = (
    ("triggers", "&Triggers", "e.g. Lifting from the bottom shelf\nSitting in the car for more than an hour"),
    ("warning_signs", "&Warning signs", "e.g. Stiffness that lasts after a short walk\nPain spreading into the leg"),
    ("what_helps", "What helps &me", "e.g. A warm shower, then gentle walking\nTelling my supervisor early"),
)


class FlarePlanEditor(QWidget):
    """Edits Plan.flare_plan; the handout prints it on the patient's own page."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.edits: dict[str, QPlainTextEdit] = {}
        intro = QLabel("Write these with the patient, in their words, a few short lines each (up to "
                       f"{MAX_PERSONAL_LINES}). The handout prints them as the patient's own flare-up plan.")
        intro.setWordWrap(True)
        form = QFormLayout()
        for name, text, example in SECTIONS:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setPlaceholderText(example)
            edit.setMaximumHeight(110)
            edit.textChanged.connect(self._on_edited)
            label = QLabel(text)
            label.setBuddy(edit)
            form.addRow(label, edit)
            self.edits[name] = edit
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)

    def set_flare_plan(self, plan: PersonalFlarePlan) -> None:
        """Show a flare-up plan (not counted as an edit)."""
        self._loading = True
        try:
            for name, edit in self.edits.items():
                edit.setPlainText("\n".join(getattr(plan, name)))
        finally:
            self._loading = False

    def flare_plan(self) -> PersonalFlarePlan:
        """The plan as edited, blank lines dropped. Raises ValidationError (too many lines, a line too long)."""
        lines = {name: tuple(line.strip() for line in edit.toPlainText().splitlines() if line.strip())
                 for name, edit in self.edits.items()}
        return PersonalFlarePlan(lines["triggers"], lines["warning_signs"], lines["what_helps"])

    def _on_edited(self) -> None:
        if not self._loading:
            self.changed.emit()
