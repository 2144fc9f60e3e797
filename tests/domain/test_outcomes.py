"""Outcome records and practice entries: validation, plain-data round trips, case files and the repository."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from factories import OUTCOMES, case_data, followed_up_case

from rtw_planner.db.database import open_database
from rtw_planner.db.repository import CaseRepository
from rtw_planner.domain.case.casefile import CaseFileError, dumps, parse, to_dict
from rtw_planner.domain.case.model import Case
from rtw_planner.domain.case.outcome_records import (
    OutcomeRecord,
    PracticeEntry,
    outcome_from_dict,
    outcome_to_dict,
    practice_from_dict,
    practice_to_dict,
)
from rtw_planner.domain.data.errors import ValidationError

DAY = date(2026, 11, 20)
RECORD = OutcomeRecord("psfs", DAY, (5, None, 6.5), 5.75, None, "Walk the dog, \"stand\"; lift =shopping")
ENTRY = PracticeEntry(date(2026, 11, 23), "Walking", 8.0, 8, True)


def test_record_normalises_instrument_and_keeps_answers_as_given() -> None:
    assert RECORD.instrument_id == "PSFS"
    assert RECORD.answers == (5, None, 6.5)
    assert isinstance(RECORD.answers, tuple)
    assert OutcomeRecord(" peg ", DAY, [7, 6, 8], 7.0).answers == (7, 6, 8)  # type: ignore[arg-type]
    assert OutcomeRecord("PEG", DAY, (), None).score is None


@pytest.mark.parametrize(("changes", "field"), [
    ({"instrument_id": "  "}, "instrument"),
    ({"instrument_id": "X" * 41}, "instrument"),
    ({"on": None}, "outcome date"),
    ({"on": datetime(2026, 11, 20, 9, 0)}, "outcome date"),
    ({"on": date(1800, 1, 1)}, "outcome date"),
    ({"answers": (5, True)}, "answer 2"),
    ({"answers": (float("nan"),)}, "answer 1"),
    ({"answers": (5, 6, 100_001)}, "answer 3"),
    ({"answers": ("5",)}, "answer 1"),
    ({"score": "5.75"}, "score"),
    ({"score": True}, "score"),
    ({"score": float("inf")}, "score"),
    ({"notes": 3}, "outcome notes"),
])
def test_bad_records_name_the_field(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        replace(RECORD, **changes)
    assert info.value.field == field


def test_entry_converts_amounts_to_floats() -> None:
    assert ENTRY.done == 8.0
    assert isinstance(ENTRY.done, float)
    assert PracticeEntry(DAY, " Walking ", None, None, False).activity == "Walking"


@pytest.mark.parametrize(("changes", "field"), [
    ({"on": "2026-11-23"}, "practice date"),
    ({"activity": ""}, "practice activity"),
    ({"quota": -1}, "practice quota"),
    ({"done": float("nan")}, "practice done"),
    ({"done": 100_001}, "practice done"),
    ({"done": False}, "practice done"),
    ({"completed": 1}, "practice completed"),
    ({"completed": "yes"}, "practice completed"),
])
def test_bad_entries_name_the_field(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as info:
        replace(ENTRY, **changes)
    assert info.value.field == field


def test_dict_round_trips_are_plain_json() -> None:
    data = outcome_to_dict(RECORD)
    assert data == {"instrument": "PSFS", "on": "2026-11-20", "answers": [5, None, 6.5], "score": 5.75,
                    "band": None, "notes": RECORD.notes}
    assert outcome_from_dict(json.loads(json.dumps(data))) == RECORD
    practice = practice_to_dict(ENTRY)
    assert practice == {"on": "2026-11-23", "activity": "Walking", "quota": 8.0, "done": 8.0, "completed": True}
    assert practice_from_dict(json.loads(json.dumps(practice))) == ENTRY
    assert outcome_from_dict({"instrument": "peg", "on": "2026-11-20"}) == OutcomeRecord("PEG", DAY, (), None)


def test_from_dict_rejects_bad_values() -> None:
    with pytest.raises(ValidationError):
        outcome_from_dict({**outcome_to_dict(RECORD), "answers": [5, "x"]})
    with pytest.raises(ValidationError):
        practice_from_dict({**practice_to_dict(ENTRY), "quota": -3})
    with pytest.raises(ValueError, match="month"):
        practice_from_dict({**practice_to_dict(ENTRY), "on": "2026-13-01"})


def test_case_rejects_other_values_in_the_lists() -> None:
    with pytest.raises(ValidationError) as info:
        Case("A. Patient", outcomes=(ENTRY,))  # type: ignore[arg-type]
    assert info.value.field == "outcomes"
    with pytest.raises(ValidationError) as info:
        Case("A. Patient", practice_log=(outcome_to_dict(RECORD),))  # type: ignore[arg-type]
    assert info.value.field == "practice log"


def test_case_file_round_trip() -> None:
    case = followed_up_case()
    assert len(case.outcomes) == 10
    assert [e.done for e in case.practice_log] == [8.0, 8.0, 8.0, 4.0]
    written = to_dict(case)
    assert written["outcomes"] == [{"instrument": instrument, "on": on, "answers": list(answers), "score": score,
                                    "band": band, "notes": notes}
                                   for instrument, on, answers, score, band, notes in OUTCOMES]
    assert written["practice_log"][3] == {"on": "2026-11-26", "activity": "Walking", "quota": 8.0, "done": 4.0,
                                          "completed": False}
    again = parse(dumps(case))
    assert (again.outcomes, again.practice_log) == (case.outcomes, case.practice_log)


def test_case_file_keeps_missing_answers_and_notes() -> None:
    case = replace(followed_up_case(), outcomes=(RECORD,), practice_log=(ENTRY, replace(ENTRY, quota=None, done=None)))
    again = parse(dumps(case))
    assert again.outcomes == (RECORD,)
    assert again.outcomes[0].answers[1] is None
    assert again.practice_log[1].quota is None


@pytest.mark.parametrize(("key", "index", "change", "where"), [
    ("outcomes", 0, {"score": "high"}, "outcomes/0/score"),
    ("outcomes", 1, {"extra": 1}, "outcomes/1"),
    ("practice_log", 2, {"done": -1}, "practice_log/2/done"),
    ("practice_log", 0, {"completed": "yes"}, "practice_log/0/completed"),
])
def test_case_file_schema_checks_the_new_keys(key: str, index: int, change: dict[str, Any], where: str) -> None:
    data = case_data(followed_up_case())
    data[key][index].update(change)
    with pytest.raises(CaseFileError, match=f"^{where}"):
        parse(json.dumps(data))


def test_repository_round_trip_and_replace(tmp_path: Path) -> None:
    repo = CaseRepository(open_database(tmp_path / "x.sqlite3"))
    case = followed_up_case()
    saved = repo.save(case)
    assert saved.id is not None
    loaded = repo.get(saved.id)
    assert loaded.outcomes == case.outcomes
    assert loaded.practice_log == case.practice_log
    fewer = replace(loaded, outcomes=(RECORD,), practice_log=(replace(ENTRY, done=None),))
    repo.save(fewer)
    again = repo.get(saved.id)
    assert again.outcomes == (RECORD,)
    assert again.outcomes[0].answers == (5, None, 6.5)
    assert again.practice_log == (replace(ENTRY, done=None),)


def test_repository_returns_oldest_first(tmp_path: Path) -> None:
    repo = CaseRepository(open_database(tmp_path / "x.sqlite3"))
    later = replace(RECORD, on=date(2026, 12, 1), score=7.0)
    case = repo.save(Case("A. Patient", outcomes=(later, RECORD),
                          practice_log=(replace(ENTRY, on=date(2026, 12, 2)), ENTRY)))
    assert [r.on for r in case.outcomes] == [DAY, date(2026, 12, 1)]
    assert [e.on for e in case.practice_log] == [date(2026, 11, 23), date(2026, 12, 2)]
