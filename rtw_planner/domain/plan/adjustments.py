"""The adjustments the clinician chose for the employer, in their own wording, keyed by the limitation they ease."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, replace
from enum import StrEnum
from typing import Any, Protocol

from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.data.validation import MAX_LONG_TEXT, text

ID_PATTERN = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
MAX_NOTE_TEXT = 1000


class Limitation(StrEnum):
    """What the person finds hard; the value is the key in the library file."""

    LIFTING_CARRYING = "lifting_carrying"
    STANDING_WALKING = "standing_walking"
    SITTING = "sitting"
    REACHING_OVERHEAD = "reaching_overhead"
    BENDING_KNEELING = "bending_kneeling"
    GRIP_REPETITION = "grip_repetition"
    FATIGUE_PAIN = "fatigue_pain"
    CONCENTRATION = "concentration"

    @property
    def label(self) -> str:
        """Plain-language name."""
        return {"reaching_overhead": "Reaching and overhead work"}.get(self.value, self.value.replace("_", " and ")
                                                                          .capitalize())


class LibraryNote(Protocol):
    """What a chosen note is made from: an accommodation library note (match.accommodations.Note)."""

    @property
    def id(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def limitation(self) -> Limitation: ...
    @property
    def source(self) -> str: ...


@dataclass(frozen=True)
class SelectedNote:
    """A note the clinician picked for this case, in their (possibly edited) wording; id and source are kept."""

    note_id: str
    text: str
    limitation: Limitation
    source: str
    edited: bool = False

    def __post_init__(self) -> None:
        put = object.__setattr__
        put(self, "note_id", text("accommodation note id", self.note_id, required=True))
        if ID_PATTERN.fullmatch(self.note_id) is None:
            raise ValidationError("accommodation note id", self.note_id, "lower-case letters, digits and hyphens")
        put(self, "text", text("accommodation text", self.text, required=True, max_length=MAX_LONG_TEXT))
        put(self, "source", text("accommodation source", self.source, required=True, max_length=MAX_NOTE_TEXT))
        if self.limitation not in set(Limitation):
            raise ValidationError("limitation", self.limitation, "one of " + ", ".join(Limitation))
        put(self, "limitation", Limitation(self.limitation))
        if not isinstance(self.edited, bool):
            raise ValidationError("edited", self.edited, "true or false")

    @classmethod
    def from_note(cls, note: LibraryNote) -> SelectedNote:
        """The library's wording, unedited."""
        return cls(note.id, note.text, note.limitation, note.source)

    def edit(self, new_text: str) -> SelectedNote:
        """A copy with the clinician's wording; the note id and source stay. Unchanged text is not an edit."""
        cleaned = text("accommodation text", new_text, required=True, max_length=MAX_LONG_TEXT)
        return self if cleaned == self.text else replace(self, text=cleaned, edited=True)


def selected_note_to_dict(note: SelectedNote) -> dict[str, Any]:
    """A picked note as plain data for the case file and the database."""
    return {**asdict(note), "limitation": note.limitation.value}


def selected_note_from_dict(row: dict[str, Any]) -> SelectedNote:
    """A picked note from plain data; unknown or missing fields raise ValidationError."""
    known = ("note_id", "text", "limitation", "source", "edited")
    if not isinstance(row, dict):
        raise ValidationError("accommodation note", row, "an object with " + ", ".join(known))
    unknown, missing = sorted(set(row) - set(known)), [name for name in known[:4] if name not in row]
    if unknown:
        raise ValidationError("accommodation note field", unknown[0], "one of " + ", ".join(known))
    if missing:
        raise ValidationError(f"accommodation note {missing[0]}", None, "a value")
    return SelectedNote(row["note_id"], row["text"], row["limitation"], row["source"], row.get("edited", False))
