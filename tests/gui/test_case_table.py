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
    assert (model.rowCount(), model.loaded, model.more) == (PAGE_SIZE, PAGE_SIZE, True)
    assert model.canFetchMore()
    model.fetchMore()
    assert (model.rowCount(), model.more, model.canFetchMore()) == (PAGE_SIZE + 51, False, False)
    model.fetchMore()  # nothing more: no rows, no change
    assert model.rowCount() == PAGE_SIZE + 51
    qtmodeltester.check(model)
    model.refresh("dąbrowski")
    qtmodeltester.check(model)
    assert model.rowCount() == 1
    assert model.data(model.index(0, 0)) == "Marek Dąbrowski"
    assert model.data(model.index(0, CaseTableModel.REVIEW)) == "8 Jan 2027"
    assert model.case_id(0) is not None
    assert model.row_of(model.case_id(0)) == 0
    assert model.case_id(5) is None


def test_sorting_by_review_date_keeps_cases_without_one_last(window, repositories, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    cases, _ = repositories
    for name, review in (("Ann Lee", date(2027, 3, 1)), ("Bo", None), ("Cy Lee", date(2027, 1, 8))):
        cases.save(unassessed_case(patient_name=name, review_date=review))
    window.reload_list()
    model = window.case_model

    def names() -> list[str]:
        return [model.data(model.index(r, 0)) for r in range(model.rowCount())]

    assert names() == ["Cy Lee", "Bo", "Ann Lee"]  # most recently updated first
    window.case_table.sortByColumn(CaseTableModel.REVIEW, Qt.SortOrder.AscendingOrder)
    assert names() == ["Cy Lee", "Ann Lee", "Bo"]
    window.case_table.sortByColumn(CaseTableModel.REVIEW, Qt.SortOrder.DescendingOrder)
    assert names() == ["Ann Lee", "Cy Lee", "Bo"]  # no date: last either way
    window.search_edit.setText("lee")  # a new search keeps the order
    window.reload_list()
    assert names() == ["Ann Lee", "Cy Lee"]
    window.search_edit.clear()
    window.reload_list()
    window.case_table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    assert names() == ["Cy Lee", "Bo", "Ann Lee"]
    assert model.data(model.index(0, CaseTableModel.NUMBER)) == str(model.case_id(0))


class _Summary:
    def __init__(self, case_id: int, name: str, born: date | None, appointment: object) -> None:
        self.id, self.patient_name, self.job_title, self.employer = case_id, name, "", ""
        self.review_date, self.date_of_birth, self.next_appointment = None, born, appointment


class _Repository:
    """Summaries with the date of birth and the next appointment, as the repository gives them."""

    def __init__(self, rows: list[_Summary]) -> None:
        self.rows = rows
        self.asked: list[tuple[int, int]] = []  # (offset, limit) of each page read

    def count(self, search: str = "", archived: bool = False, clinician_id: int | None = None) -> int:
        raise AssertionError("the list never counts")

    def summaries(self, search: str = "", offset: int = 0, limit: int = 200, archived: bool = False,
                  clinician_id: int | None = None) -> list[_Summary]:
        self.asked.append((offset, limit))
        return [] if archived else self.rows[offset:offset + limit]


def test_date_of_birth_case_number_and_next_appointment(qtbot) -> None:  # type: ignore[no-untyped-def]
    from datetime import datetime

    from PySide6.QtCore import Qt

    rows = [_Summary(3, "Zoë Ł", date(1979, 2, 14), datetime(2027, 1, 5, 9, 30)),
            _Summary(7, "Zoë Ł", date(1985, 6, 1), None),
            _Summary(9, "Al", None, datetime(2027, 1, 4, 14, 0))]
    model = CaseTableModel(_Repository(rows))  # type: ignore[arg-type]
    assert [model.data(model.index(0, c)) for c in range(5)] == ["Zoë Ł", "14 Feb 1979", "3", "", "5 Jan 2027 09:30"]
    model.sort(CaseTableModel.APPOINTMENT, Qt.SortOrder.AscendingOrder)
    assert [model.case_id(r) for r in range(3)] == [9, 3, 7]
    model.sort(CaseTableModel.BORN, Qt.SortOrder.DescendingOrder)
    assert [model.case_id(r) for r in range(3)] == [7, 3, 9]


def test_pages_are_read_one_row_long_and_never_counted(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    rows = [_Summary(n, f"P{n}", None, None) for n in range(1, 2 * PAGE_SIZE + 2)]  # two pages and one row
    repository = _Repository(rows)
    model = CaseTableModel(repository)  # type: ignore[arg-type]
    assert (model.loaded, model.more) == (PAGE_SIZE, True)
    model.fetchMore()
    assert (model.loaded, model.more) == (2 * PAGE_SIZE, True)
    model.fetchMore()
    assert (model.loaded, model.more) == (2 * PAGE_SIZE + 1, False)
    assert repository.asked == [(0, PAGE_SIZE + 1), (PAGE_SIZE, PAGE_SIZE + 1), (2 * PAGE_SIZE, PAGE_SIZE + 1)]
    qtmodeltester.check(model)
    exactly = _Repository(rows[:PAGE_SIZE])  # exactly one page: nothing more to fetch
    assert not CaseTableModel(exactly).canFetchMore()  # type: ignore[arg-type]


def test_sorting_reads_the_rest_in_one_query() -> None:
    from PySide6.QtCore import Qt

    from rtw_planner.gui.models.case_table import EVERY_CASE

    rows = [_Summary(n, f"P{n:04}", None, None) for n in range(3 * PAGE_SIZE, 0, -1)]
    repository = _Repository(rows)
    model = CaseTableModel(repository)  # type: ignore[arg-type]
    model.sort(CaseTableModel.PATIENT, Qt.SortOrder.AscendingOrder)
    assert repository.asked == [(0, PAGE_SIZE + 1), (PAGE_SIZE, EVERY_CASE + 1)]
    assert (model.rowCount(), model.more, model.data(model.index(0, 0))) == (3 * PAGE_SIZE, False, "P0001")
