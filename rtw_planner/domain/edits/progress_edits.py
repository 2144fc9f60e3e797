"""Edits of the Progress tab: outcome records and practice entries added, corrected and removed (undo restores)."""

from __future__ import annotations

from rtw_planner.domain.case.outcome_records import OutcomeRecord, PracticeEntry
from rtw_planner.domain.edits.commands import Edit, Insert, Remove, Set
from rtw_planner.domain.edits.lenses import CaseField, Item

OUTCOMES = CaseField("outcomes")
PRACTICE_LOG = CaseField("practice_log")


def add_outcome(record: OutcomeRecord, index: int) -> Edit:
    """Add a scored outcome record."""
    return Insert(OUTCOMES, index, record, f"add {record.instrument_id} of {record.on.day} {record.on:%b %Y}")


def remove_outcome(index: int, record: OutcomeRecord) -> Edit:
    """Remove an outcome record."""
    return Remove(OUTCOMES, index, f"remove {record.instrument_id} of {record.on.day} {record.on:%b %Y}")


def add_practice(entry: PracticeEntry, index: int) -> Edit:
    """Add a day to the practice log."""
    return Insert(PRACTICE_LOG, index, entry, f"log practice of {entry.on.day} {entry.on:%b %Y}")


def remove_practice(index: int, entry: PracticeEntry) -> Edit:
    """Remove a day from the practice log."""
    return Remove(PRACTICE_LOG, index, f"remove practice of {entry.on.day} {entry.on:%b %Y}")


def edit_outcome(index: int, record: OutcomeRecord, what: str) -> Edit:
    """Correct one outcome record (its date, answers and score, or notes); undo restores it."""
    return Set(Item(OUTCOMES, index), record, f"change {record.instrument_id} of {record.on.day} {record.on:%b %Y} "
                                              f"{what}")


def edit_practice(index: int, entry: PracticeEntry, what: str) -> Edit:
    """Correct one day of the practice log; undo restores it."""
    return Set(Item(PRACTICE_LOG, index), entry, f"change practice of {entry.on.day} {entry.on:%b %Y} {what}")
