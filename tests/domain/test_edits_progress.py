"""Corrections of outcome records and practice days: one item replaced, named by its date, undone exactly."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.case.outcome_records import OutcomeRecord, PracticeEntry
from rtw_planner.domain.edits import progress_edits
from rtw_planner.domain.edits.lenses import Part

PEG = OutcomeRecord("PEG", date(2026, 11, 20), (5.0, 4.0, 6.0), 5.0)
TSK = OutcomeRecord("TSK-17", date(2026, 11, 20), (3.0,) * 17, 51.0)
DAY = PracticeEntry(date(2026, 11, 2), "Walking", 10.0, 12.0, True)


def test_an_outcome_record_is_corrected_and_undone() -> None:
    case = Case("Ada Test", outcomes=(PEG, TSK))
    fixed = replace(TSK, notes="done in the waiting room")
    edit = progress_edits.edit_outcome(1, fixed, "notes")
    assert edit.text == "change TSK-17 of 20 Nov 2026 notes"
    assert edit.parts == frozenset({Part.PROGRESS})
    edited, inverse = edit.apply(case)
    assert edited.outcomes == (PEG, fixed)
    assert inverse.apply(edited)[0].outcomes == (PEG, TSK)


def test_a_practice_day_is_corrected_and_undone() -> None:
    case = Case("Ada Test", practice_log=(DAY,))
    fixed = replace(DAY, done=8.0, completed=False)
    edit = progress_edits.edit_practice(0, fixed, "done")
    assert edit.text == "change practice of 2 Nov 2026 done"
    edited, inverse = edit.apply(case)
    assert edited.practice_log == (fixed,)
    assert inverse.apply(edited)[0].practice_log == (DAY,)
