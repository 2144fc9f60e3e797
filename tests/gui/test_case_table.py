"""The case list model: pages of summaries fetched as the view scrolls, and search."""

from __future__ import annotations

from datetime import date

from gui_factories import unassessed_case

from rtw_planner.domain.case.model import Case
from rtw_planner.gui.models.case_table import PAGE_SIZE, CaseTableModel


def test_case_table_pages_and_searches(qtmodeltester, repositories) -> None:  # type: ignore[no-untyped-def]
    cases, _ = repositories
    cases.insert_many_for_benchmark([Case(patient_name=f"Person {i}", job_title="Cleaner")
                                     for i in range(PAGE_SIZE + 50)])
    cases.save(unassessed_case(patient_name="Marek Dąbrowski", review_date=date(2027, 1, 8)))
    model = CaseTableModel(cases)
    assert model.rowCount() == PAGE_SIZE
    assert model.total == PAGE_SIZE + 51
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == PAGE_SIZE + 51
    qtmodeltester.check(model)
    model.refresh("dąbrowski")
    qtmodeltester.check(model)
    assert model.rowCount() == 1
    assert model.data(model.index(0, 0)) == "Marek Dąbrowski"
    assert model.data(model.index(0, 3)) == "8 Jan 2027"
    assert model.case_id(0) is not None
    assert model.row_of(model.case_id(0)) == 0
    assert model.case_id(5) is None
