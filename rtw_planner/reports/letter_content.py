"""What the employer letter says, as plain-text blocks in reading order (no layout, no markup)."""

from __future__ import annotations

from dataclasses import dataclass

from rtw_planner.domain.case.model import Clinic


@dataclass(frozen=True)
class Group:
    """A labelled list inside a section, e.g. the tasks to avoid until assessed."""

    label: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class Section:
    """A headed part of a document: an optional lead-in, bullet items, labelled groups, a closing sentence, and
    what to say when there are no items."""

    heading: str
    intro: str = ""
    items: tuple[str, ...] = ()
    when_empty: str = ""
    groups: tuple[Group, ...] = ()
    outro: str = ""

    def texts(self) -> tuple[str, ...]:
        """Every string the section prints, in order."""
        shown_empty = self.when_empty if not (self.items or self.groups) else ""
        return tuple(t for t in (self.heading, self.intro, *self.items, shown_empty,
                                 *(x for g in self.groups for x in (g.label, *g.items)), self.outro) if t)


@dataclass(frozen=True)
class PhaseCard:
    """One phase's details for the employer: a heading, then label and value lines (several values are a list)."""

    heading: str
    rows: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class ScheduleTable:
    """The phased schedule: an overview table (header and rows of short text), a footnote, and a card a phase."""

    heading: str
    intro: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    footnote: str = ""
    cards: tuple[PhaseCard, ...] = ()

    def texts(self) -> tuple[str, ...]:
        """Every string the schedule prints, in order."""
        cards = (x for c in self.cards for x in (c.heading, *(y for label, values in c.rows for y in (label,
                                                                                                       *values))))
        return tuple(t for t in (self.heading, self.intro, *self.columns, *(x for r in self.rows for x in r),
                                 self.footnote, *cards) if t)


@dataclass(frozen=True)
class Signature:
    """The signature block: the closing, who signs (name, profession, registration, clinic) and the date."""

    closing: str
    lines: tuple[str, ...]
    signature_label: str
    dated: str


@dataclass(frozen=True)
class LetterContent:
    """Everything the employer letter says, in reading order; all strings are plain text."""

    clinic: Clinic
    letter_date: str
    recipient: str
    title: str
    subject: str
    salutation: str
    notice: str
    paragraphs: tuple[str, ...]
    sections: tuple[Section, ...]
    schedule: ScheduleTable | None
    after_schedule: tuple[Section, ...]
    signature: Signature
    later_page_header: str
    page_footer: str

    def texts(self) -> tuple[str, ...]:
        """Every string the letter prints, in reading order (the letterhead and page furniture apart)."""
        return (self.letter_date, self.recipient, self.notice, self.salutation, self.subject, *self.paragraphs,
                *(t for s in self.sections for t in s.texts()),
                *(self.schedule.texts() if self.schedule else ()),
                *(t for s in self.after_schedule for t in s.texts()),
                self.signature.closing, *self.signature.lines, self.signature.dated)
