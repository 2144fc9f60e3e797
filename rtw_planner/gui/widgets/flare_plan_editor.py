"""The patient's own flare-up plan, in their words: triggers, early warning signs and what helps (one a line)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.edits import plan_edits
from rtw_planner.domain.plan.model import MAX_PERSONAL_LINES, PersonalFlarePlan
from rtw_planner.gui.widgets.binder import Binder

if TYPE_CHECKING:
    from rtw_planner.gui.models.base import EditSink

# (attribute, label with mnemonic, example in a patient's words)
SECTIONS = (
    ("triggers", "&Triggers", "e.g. Lifting from the bottom shelf\nSitting in the car for more than an hour"),
    ("warning_signs", "&Warning signs", "e.g. Stiffness that lasts after a short walk\nPain spreading into the leg"),
    ("what_helps", "What helps &me", "e.g. A warm shower, then gentle walking\nTelling my supervisor early"),
)


class FlarePlanEditor(QWidget):
    """Edits Plan.flare_plan; the handout prints it on the patient's own page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
            label = QLabel(text)
            label.setBuddy(edit)
            form.addRow(label, edit)
            self.edits[name] = edit
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)
        self.binder = Binder(self)
        self.binders = (self.binder,)
        self.binder.bind({f"flare-up plan {name.replace('_', ' ')}": edit for name, edit in self.edits.items()},
                         lambda c: c.plan.flare_plan, self.flare_plan, self._show,
                         lambda v, w: plan_edits.set_flare_plan(v, self._section(w), w.toPlainText()))

    def _section(self, widget: object) -> str:
        return next(name for name, edit in self.edits.items() if edit is widget)

    def _show(self, plan: PersonalFlarePlan) -> None:
        for name, edit in self.edits.items():
            edit.setPlainText("\n".join(getattr(plan, name)))

    def set_sink(self, sink: EditSink) -> None:
        """Where edits go."""
        self.binder.sink = sink

    def load(self, case: Case) -> None:
        """Show another case's flare-up plan."""
        self.binder.reset(case)

    def refresh(self, case: Case) -> None:
        """Show the flare-up plan after an edit."""
        self.binder.refresh(case)

    def flare_plan(self) -> PersonalFlarePlan:
        """The plan as typed, blank lines dropped. Raises ValidationError (too many lines, a line too long)."""
        lines = {name: tuple(line.strip() for line in edit.toPlainText().splitlines() if line.strip())
                 for name, edit in self.edits.items()}
        return PersonalFlarePlan(lines["triggers"], lines["warning_signs"], lines["what_helps"])
