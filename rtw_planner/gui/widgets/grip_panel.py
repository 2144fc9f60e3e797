"""Grip strength: three trials per hand, their mean, and the comparison with published norms."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QLineEdit, QWidget

from rtw_planner.domain.capacity.grip import (
    GripNorms,
    GripTrials,
    Hand,
    Handedness,
    Sex,
    compare,
    load_grip_norms,
)
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.units import format_number
from rtw_planner.gui.kit.numbers import format_number_for_edit, parse_number

NormContext = Callable[[], tuple[int | None, Sex | None]]


@cache
def _norms() -> GripNorms:
    return load_grip_norms()


class GripPanel(QGroupBox):
    """Grip trials (kg) typed per hand, with the mean and the norm comparison for the patient's age and sex."""

    def __init__(self, context: NormContext, parent: QWidget | None = None) -> None:
        super().__init__("Grip strength (Jamar, seated, elbow at 90°; three trials per hand, kg)", parent)
        self._context = context
        self.trial_edits: dict[Hand, list[QLineEdit]] = {}
        self.result_labels: dict[Hand, QLabel] = {}
        grid = QGridLayout(self)
        self.dominance_combo = QComboBox()
        self.dominance_combo.addItem("Not recorded", None)
        for handedness in Handedness:
            self.dominance_combo.addItem(handedness.label, handedness.value)  # Qt keeps a plain str
        self.dominance_combo.setAccessibleName("Dominant hand")
        self.dominance_combo.currentIndexChanged.connect(lambda _index: self.refresh())
        dominance_label = QLabel("Do&minant hand")
        dominance_label.setBuddy(self.dominance_combo)
        grid.addWidget(dominance_label, 0, 0)
        grid.addWidget(self.dominance_combo, 0, 1, 1, 3)
        for row, hand in enumerate(Hand, 1):
            grid.addWidget(QLabel(hand.value.capitalize()), row, 0)
            edits = []
            for column in range(3):
                edit = QLineEdit()
                edit.setMaximumWidth(70)
                edit.setPlaceholderText(f"trial {column + 1}")
                edit.setAccessibleName(f"{hand.value.capitalize()} grip trial {column + 1}")
                edit.textChanged.connect(lambda _text: self.refresh())
                grid.addWidget(edit, row, column + 1)
                edits.append(edit)
            self.trial_edits[hand] = edits
            label = QLabel()
            label.setWordWrap(True)
            grid.addWidget(label, row, 4)
            self.result_labels[hand] = label
        grid.setColumnStretch(4, 1)

    def fields(self) -> dict[str, QLineEdit]:
        """Every trial field, the first of each hand under the name its problems carry ('right grip trials')."""
        return {f"{hand.value} grip trials" + (f" {n + 1}" if n else ""): edit
                for hand, edits in self.trial_edits.items() for n, edit in enumerate(edits)}

    def hand_of(self, edit: object) -> Hand:
        """The hand whose trial a field holds."""
        return next(hand for hand, edits in self.trial_edits.items() if edit in edits)

    def dominance(self) -> Handedness | None:
        """The dominant hand chosen, None when not recorded."""
        chosen = self.dominance_combo.currentData()
        return Handedness(chosen) if chosen else None

    def set_dominance(self, handedness: Handedness | None) -> None:
        """Show the recorded dominant hand."""
        found = self.dominance_combo.findData(handedness.value if handedness else None)
        self.dominance_combo.setCurrentIndex(max(0, found))

    def set_grip(self, grip: tuple[GripTrials, ...]) -> None:
        """Show recorded trials."""
        by_hand = {g.hand: g for g in grip}
        for hand, edits in self.trial_edits.items():
            trials = by_hand[hand].trials_kg if hand in by_hand else (None, None, None)
            for edit, value in zip(edits, trials, strict=True):
                edit.setText(format_number_for_edit(value, 1))
        self.refresh()

    def grip(self) -> tuple[GripTrials, ...]:
        """Trials per hand; a hand with all three blank is not recorded. Raises ValidationError."""
        out = []
        for hand, edits in self.trial_edits.items():
            texts = [e.text() for e in edits]
            if not any(t.strip() for t in texts):
                continue
            try:
                values = tuple(parse_number(t) for t in texts)
            except ValueError:
                raise ValidationError(f"{hand.value} grip trials", texts, "three numbers from 0 to 100 kg") from None
            if any(v is None for v in values):
                raise ValidationError(f"{hand.value} grip trials", texts, "three trials, or none")
            out.append(GripTrials(hand, values))  # type: ignore[arg-type]
        return tuple(out)

    def refresh(self) -> None:
        """Recompute the means and norm comparisons."""
        age, sex = self._context()
        try:
            recorded = {g.hand: g for g in self.grip()}
        except ValidationError as exc:
            for label in self.result_labels.values():
                label.setText(str(exc))
            return
        dominance = self.dominance()
        for hand, label in self.result_labels.items():
            trials = recorded.get(hand)
            said = "Dominant hand. " if dominance is not None and dominance.is_dominant(hand) else ""
            if trials is None:
                label.setText(said.strip())
            elif age is None or sex is None:
                label.setText(f"{said}Mean {format_number(trials.mean_kg, 1)} kg. Record date of birth and sex on "
                              "the Details tab to compare with norms.")
            else:
                label.setText(said + compare(trials.mean_kg, age, sex, hand, _norms()).summary)
