"""A case's outcomes and home-practice log as CSV, with cells a spreadsheet would run as formulas made inert."""

from __future__ import annotations

import csv
import io
import re

from rtw_planner.domain.case.model import Case

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
COLUMNS = ("record", "date", "instrument_or_activity", "score_or_done", "band_or_quota", "completed", "answers",
           "notes")


PLAIN_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def inert(cell: object) -> str:
    """The cell as text; one starting like a formula gets a leading apostrophe, so spreadsheets show it as text.
    Only a plain decimal number, possibly negative, stays as it is ('+1', '-inf' and '\t1' are escaped)."""
    text = "" if cell is None else str(cell)
    if text.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def rows(case: Case) -> list[tuple[object, ...]]:
    """One row per outcome record and per practice entry, oldest first within each."""
    out: list[tuple[object, ...]] = []
    for record in sorted(case.outcomes, key=lambda r: r.on):
        answers = " ".join("-" if a is None else f"{a:g}" for a in record.answers)
        out.append(("outcome", record.on.isoformat(), record.instrument_id, record.score, record.band, "", answers,
                    record.notes))
    for entry in sorted(case.practice_log, key=lambda e: e.on):
        out.append(("practice", entry.on.isoformat(), entry.activity, entry.done, entry.quota,
                    "yes" if entry.completed else "no", "", ""))
    return out


def csv_text(case: Case) -> str:
    """The CSV text (header first), every cell made inert."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows(case):
        writer.writerow([inert(cell) for cell in row])
    return buffer.getvalue()
