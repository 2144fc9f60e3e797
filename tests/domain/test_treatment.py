"""Treatment times: sessions validate, read and write, and meet the phased return's working days."""

from __future__ import annotations

import json
from datetime import date, time
from pathlib import Path

import pytest
from factories import PHYSIOTHERAPY, PSYCHOLOGY, case_data, planned_case, with_treatment

from rtw_planner.domain.case import casefile
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.plan.model import Plan, plan_from_dict, plan_to_dict
from rtw_planner.domain.plan.treatment import (
    TreatmentSession,
    TreatmentTime,
    kind_of,
    session_from_dict,
    session_to_dict,
    treatment_kinds,
)
from rtw_planner.domain.plan.treatment_schedule import phase_treatment, treatment_warnings


def test_a_session_reads_its_length_times_and_days() -> None:
    assert PHYSIOTHERAPY.hours == 1.5
    assert PHYSIOTHERAPY.times == "10:00–11:30"
    assert PHYSIOTHERAPY.weekday_text() == "Tue, Thu"
    # 4 to 10 January 2027: Tuesday 5th and Thursday 7th.
    assert PHYSIOTHERAPY.days_between(date(2027, 1, 4), date(2027, 1, 10)) == [date(2027, 1, 5), date(2027, 1, 7)]
    assert not PHYSIOTHERAPY.runs_during(date(2027, 1, 22), date(2027, 1, 31))  # it ended on the 21st
    assert PSYCHOLOGY.runs_during(date(2030, 1, 1), date(2030, 1, 7))  # open-ended


@pytest.mark.parametrize(("changes", "field"), [
    ({"weekdays": ()}, "treatment days"),
    ({"weekdays": (1, 1)}, "treatment days"),
    ({"weekdays": (7,)}, "treatment days"),
    ({"end": time(9, 0)}, "treatment end time"),
    ({"end": time(10, 0)}, "treatment end time"),
    ({"start": time(9, 0, 30)}, "treatment start time"),
    ({"kind": ""}, "treatment kind name"),
    ({"last_day": date(2027, 1, 4)}, "treatment last day"),
])
def test_a_bad_session_is_refused_naming_the_field(changes: dict[str, object], field: str) -> None:
    values: dict[str, object] = {"kind": "physiotherapy", "weekdays": (1,), "start": time(10), "end": time(11, 30),
                                 "first_day": date(2027, 1, 5), "last_day": None, **changes}
    with pytest.raises(ValidationError) as caught:
        TreatmentSession(**values)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_a_clinic_kind_is_never_quoted_in_a_message() -> None:
    with pytest.raises(ValidationError) as caught:
        TreatmentSession("x" * 61, (1,), time(10), time(11), date(2027, 1, 5))
    assert "xxxx" not in str(caught.value)


def test_a_session_is_written_with_clock_times_and_iso_dates() -> None:
    assert session_to_dict(PHYSIOTHERAPY) == {"kind": "physiotherapy", "weekdays": [1, 3], "start": "10:00",
                                              "end": "11:30", "first_day": "2027-01-05", "last_day": "2027-01-21"}
    assert session_from_dict(session_to_dict(PSYCHOLOGY)) == PSYCHOLOGY


@pytest.mark.parametrize(("data", "field"), [
    ({"kind": "physiotherapy", "weekdays": [1], "start": "10", "end": "11:00", "first_day": "2027-01-05"},
     "treatment start time"),
    ({"kind": "physiotherapy", "weekdays": [1], "start": "10:00", "end": "11:00", "first_day": "5/1/2027"},
     "treatment first day"),
    ({"kind": "physiotherapy", "weekdays": 1, "start": "10:00", "end": "11:00", "first_day": "2027-01-05"},
     "treatment days"),
    ({"kind": "physiotherapy", "weekdays": [1], "start": "10:00", "end": "11:00", "first_day": "2027-01-05",
      "room": "2"}, "treatment session key"),
])
def test_a_bad_session_in_a_file_is_refused(data: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        session_from_dict(data)
    assert caught.value.field == field


def test_the_kinds_come_from_the_clinic_list_and_an_unknown_id_reads_as_written() -> None:
    assert [k.id for k in treatment_kinds()] == ["physiotherapy", "group-education", "psychology",
                                                 "medication-review"]
    assert kind_of("psychology").label == "Psychology"
    assert kind_of("hydrotherapy").label == "hydrotherapy"


def test_a_plan_without_treatment_is_written_as_before() -> None:
    assert "treatment" not in plan_to_dict(Plan())


def test_treatment_round_trips_through_the_plan_and_the_case_file() -> None:
    case = with_treatment(planned_case())
    data = plan_to_dict(case.plan)
    assert data["treatment"]["time"] == "work_time"
    assert plan_from_dict(data) == case.plan
    assert casefile.parse(casefile.dumps(case)).plan == case.plan


def test_a_case_file_with_an_unknown_treatment_time_is_refused() -> None:
    data = case_data(with_treatment(planned_case()))
    data["plan"]["treatment"]["time"] = "sometimes"
    with pytest.raises(casefile.CaseFileError, match="plan/treatment/time"):
        casefile.from_dict(data)


def test_more_sessions_than_the_schema_allows_are_refused() -> None:
    data = case_data(with_treatment(planned_case()))
    data["plan"]["treatment"]["sessions"] = [session_to_dict(PSYCHOLOGY)] * 21
    with pytest.raises(casefile.CaseFileError, match="sessions"):
        casefile.from_dict(data)


def test_sessions_counted_as_working_time_come_off_the_hours_at_work() -> None:
    # Phases of 20, 24, 30 and 40 h a week, Monday to Friday, from 4 January 2027. Physiotherapy (2 x 1:30 a week)
    # runs until 21 January, in phases 1 to 3; psychology (1:00 on Wednesdays) in all four.
    case = with_treatment(planned_case())
    assert case.plan.phased_return is not None
    found = phase_treatment(case.plan.phased_return, case.plan.treatment, TreatmentTime.WORK_TIME)
    assert [f.hours_on_working_days for f in found] == [4.0, 4.0, 4.0, 1.0]
    assert [f.hours_at_work for f in found] == [16.0, 20.0, 26.0, 39.0]
    avoided = phase_treatment(case.plan.phased_return, case.plan.treatment, TreatmentTime.AVOID)
    assert [f.hours_at_work for f in avoided] == [20.0, 24.0, 30.0, 40.0]


def test_a_session_longer_than_its_working_day_is_a_warning_when_it_counts_as_working_time() -> None:
    case = planned_case()
    assert case.plan.phased_return is not None
    long = (TreatmentSession("group-education", (0,), time(9), time(14), date(2027, 1, 4), date(2027, 1, 10)),)
    # Phase 1 works 4:00 a day; a 5:00 session on its Monday leaves no work that day.
    assert treatment_warnings(case.plan.phased_return, long, TreatmentTime.WORK_TIME) == [
        "Phase 1: a 5:00 session (Mon) is longer than the 4:00 working day it counts in."]
    assert treatment_warnings(case.plan.phased_return, long, TreatmentTime.AVOID) == []


def test_a_clinic_list_replaces_the_bundled_kinds(data_dir: Path) -> None:
    (data_dir / "treatment-kinds.json").write_text(json.dumps({"kinds": [
        {"id": "hydrotherapy", "label": "Hydrotherapy", "patient_words": "the pool session"}]}), encoding="utf-8")
    assert [k.id for k in treatment_kinds()] == ["hydrotherapy"]
    assert kind_of("hydrotherapy").patient_words == "the pool session"
    assert kind_of("physiotherapy").label == "physiotherapy"  # no longer listed: shown as written


def test_a_clinic_list_without_kinds_is_refused(data_dir: Path) -> None:
    (data_dir / "treatment-kinds.json").write_text(json.dumps({"kinds": []}), encoding="utf-8")
    with pytest.raises(ValidationError, match="treatment-kinds.json kinds"):
        treatment_kinds()
