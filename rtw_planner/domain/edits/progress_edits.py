"""Edits of the Progress tab: outcome records and practice entries added (and removed, which undo restores)."""

from __future__ import annotations

from rtw_planner.domain.case.outcome_records import OutcomeRecord, PracticeEntry
from rtw_planner.domain.edits.commands import Edit, Insert, Remove
from rtw_planner.domain.edits.lenses import CaseField

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
