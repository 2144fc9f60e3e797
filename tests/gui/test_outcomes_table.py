"""The outcome and practice models: records as the clinician reads them, oldest first as given."""

from __future__ import annotations

from datetime import date

from rtw_planner.domain.case.outcome_records import OutcomeRecord, PracticeEntry
from rtw_planner.gui.models.outcomes_table import OutcomesTableModel, PracticeTableModel


def test_outcome_records_read_as_typed(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = OutcomesTableModel()
    model.set_rows((OutcomeRecord("PEG", date(2027, 1, 4), (7.0, None, 8.5), None),
                    OutcomeRecord("PSFS", date(2027, 1, 18), (6.0, 6.0, 7.0), 19 / 3, "moderate", "after a flare")))
    qtmodeltester.check(model)
    assert [model.data(model.index(0, c)) for c in range(6)] == ["4 Jan 2027", "PEG", "7 - 8.5", "no score", "", ""]
    assert [model.data(model.index(1, c)) for c in range(6)] == ["18 Jan 2027", "PSFS", "6 6 7", "6.33", "moderate",
                                                                 "after a flare"]


def test_practice_entries_read_as_logged(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = PracticeTableModel()
    model.set_rows((PracticeEntry(date(2027, 1, 5), "Walking", 8.8, 9.0, True),
                    PracticeEntry(date(2027, 1, 6), "Walking", None, None, False)))
    qtmodeltester.check(model)
    assert [model.data(model.index(0, c)) for c in range(5)] == ["5 Jan 2027", "Walking", "8.8", "9", "Yes"]
    assert [model.data(model.index(1, c)) for c in range(5)] == ["6 Jan 2027", "Walking", "", "", "No"]
