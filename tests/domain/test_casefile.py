"""Case files: what is written reads back equal, and every bad file is a CaseFileError naming the problem."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from factories import case_text, mismatched_case
from hypothesis import given, settings
from hypothesis import strategies as st

from rtw_planner.domain.capacity.evaluation import Evaluation
from rtw_planner.domain.case.casefile import CaseFileError, dumps, from_dict, parse, to_dict
from rtw_planner.domain.case.model import Case, Clinician, Consent, ConsentCategory
from rtw_planner.domain.demands.job import JobDemands
from rtw_planner.domain.demands.profile import Activity, Frequency, PhysicalProfile, PostureTolerance

names = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zs", "Zl", "Zp")),
                min_size=1, max_size=40)


def full_case() -> Case:
    return Case(
        "Zoë Łódź-Müller 王秀英 Ольга", date(1984, 3, 12), employer="Smith & <b>Jones</b>", job_title="Order picker",
        clinician=Clinician("Priya Shah", "Physiotherapist", "HCPC PH123456"), diagnosis="CANARY-DIAGNOSIS",
        review_date=date(2027, 1, 8),
        consents=(Consent(ConsentCategory.FUNCTIONAL, "HR", "RTW", date(2026, 1, 1), date(2027, 1, 1),
                          date(2026, 5, 1)),),
        demands=JobDemands(PhysicalProfile({(Activity.CARRY, Frequency.FREQUENT): 12.345,
                                            (Activity.PULL_INITIAL, Frequency.CONSTANT): 99},
                                           {Activity.SIT: PostureTolerance(15, 60)})),
        evaluations=(Evaluation(date(2026, 11, 20), "P. Shah",
                                profile=PhysicalProfile({(Activity.CARRY, Frequency.CONSTANT): 0}), id=3),),
        id=12,
    )


def test_round_trip_keeps_everything_but_the_id() -> None:
    case = full_case()
    text = dumps(case)
    assert "Zoë Łódź-Müller 王秀英 Ольга" in text  # written as letters, not \u escapes
    assert parse(text) == case.with_id(None)
    assert "id" not in to_dict(case)
    assert "id" not in to_dict(case)["evaluations"][0]


@settings(deadline=None)  # the first example also loads jsonschema and compiles the schema
@given(names, st.floats(0, 500), st.floats(0, 5000), st.floats(0, 1440))
def test_round_trip_property(name: str, kg: float, newtons: float, minutes: float) -> None:
    strength = {(Activity.LIFT_WAIST_TO_SHOULDER, Frequency.OCCASIONAL): kg,
                (Activity.PUSH_INITIAL, Frequency.FREQUENT): newtons}
    postures = {Activity.WALK: PostureTolerance(minutes, minutes)}
    case = Case(name, demands=JobDemands(PhysicalProfile(strength, postures)))
    assert parse(dumps(case)) == case


def test_demo_reads(demo_text: str) -> None:
    case = parse(demo_text)
    assert case.patient_name == "Marek Dąbrowski"
    assert case.demands.profile.strength[(Activity.LIFT_FLOOR_TO_WAIST, Frequency.OCCASIONAL)] == 23
    assert parse(dumps(case)) == case


@pytest.fixture
def picker_text() -> str:
    """A case file with demands and two evaluations."""
    return case_text(mismatched_case())


def edited(text: str, change: Callable[[dict[str, Any]], object]) -> str:
    data = json.loads(text)
    change(data)
    return json.dumps(data)


def lift(data: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = data["demands"]["lifting_carrying"][0]
    return row


def current(data: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = data["evaluations"][-1]
    return row


BAD: list[tuple[str, Callable[[dict[str, Any]], object], str]] = [
    ("missing format", lambda d: d.pop("format"), r'^format: None is not allowed; expected "rtw-planner-'),
    ("other format", lambda d: d.update(format="rtw-planner-letter"), r"format: 'rtw-planner-letter'"),
    ("version 2", lambda d: d.update(version=2), r"^version: 2 is not supported"),
    ("version '1'", lambda d: d.update(version="1"), r"^version: '1' is not supported"),
    ("version true", lambda d: d.update(version=True), r"^version: True is not supported"),
    ("no version", lambda d: d.pop("version"), r"^version: None is not supported"),
    ("unknown key", lambda d: d.update(colour="red"), r"\(top level\): .*'colour' was unexpected"),
    ("unknown nested key", lambda d: lift(d).update(reps=3), r"demands/lifting_carrying/0: .*'reps'"),
    ("wrong type", lambda d: d.update(patient_name=42), r"^patient_name: a number is not of type 'string'"),
    ("load as text", lambda d: lift(d).update(load_kg="23"), r"demands/lifting_carrying/0/load_kg: '23'"),
    ("negative load", lambda d: lift(d).update(load_kg=-1), r"load_kg: -1 is less than the minimum of 0"),
    ("load over 500", lambda d: lift(d).update(load_kg=501), r"load_kg: 501 is greater than the maximum of"),
    ("unknown frequency", lambda d: lift(d).update(frequency="daily"), r"frequency: 'daily' is not one of"),
    ("impossible date", lambda d: d.update(review_date="2026-02-30"), r"'2026-02-30'.*real calendar date"),
    ("date format", lambda d: d.update(review_date="08/01/2027"), r"^review_date: "),
    ("date out of range", lambda d: d.update(review_date="2201-01-01"), r"^review date: .*2200-12-31"),
    ("blank name", lambda d: d.update(patient_name="  "), r"^patient name: '  ' is not allowed"),
    ("posture at a time > per day", lambda d: current(d)["postures"][0].update(minutes_at_a_time=241),
     r"^minutes at a time: 241 .*no more than the minutes per day \(240\)"),
    ("duplicate strength", lambda d: d["demands"]["lifting_carrying"].append(dict(lift(d))),
     r"^Lift floor to waist \(occasional\): 23(\.0)? .*one entry per frequency"),
    ("duplicate posture", lambda d: current(d)["postures"].append(dict(current(d)["postures"][0])),
     r"^Sitting: 30(\.0)? .*one entry per posture"),
    ("future birth", lambda d: d.update(date_of_birth="2199-01-01"), r"^date of birth: .*not in the future"),
    ("consent expiry", lambda d: d.update(consents=[{"category": "functional", "recipient": "HR",
                                                     "purpose": "x", "date_given": "2026-02-01",
                                                     "expiry": "2026-01-01"}]),
     r"^consent expiry: .*on or after 2026-02-01"),
]


@pytest.mark.parametrize(("change", "message"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_files_name_the_problem(picker_text: str, change: Callable[[dict[str, Any]], object],
                                    message: str) -> None:
    with pytest.raises(CaseFileError, match=message):
        parse(edited(picker_text, change))


@pytest.mark.parametrize(("text", "message"), [
    ('{"format": "rtw-planner-case",', r"^not valid JSON: .* at line 1, column"),
    ("", r"^not valid JSON"),
    ("[1, 2]", r"must hold a JSON object"),
    ('"rtw-planner-case"', r"must hold a JSON object"),
])
def test_broken_json(text: str, message: str) -> None:
    with pytest.raises(CaseFileError, match=message):
        parse(text)


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity"])
def test_non_finite_numbers_are_rejected(picker_text: str, value: str) -> None:
    text = picker_text.replace('"load_kg": 23.0', f'"load_kg": {value}', 1)
    assert value in text
    with pytest.raises(CaseFileError, match=r"(load_kg|Lift floor to waist \(occasional\)): -?(nan|inf) "):
        parse(text)


def test_from_dict_needs_an_object() -> None:
    with pytest.raises(CaseFileError, match="JSON object"):
        from_dict(None)


@pytest.mark.parametrize("version", [1.0, True, "1"])
def test_version_must_be_the_integer_one(picker_text: str, version: object) -> None:
    data = json.loads(picker_text)
    data["version"] = version
    with pytest.raises(CaseFileError, match="version"):
        from_dict(data)


def test_impossible_date_names_its_field(picker_text: str) -> None:
    data = json.loads(picker_text)
    data["consents"] = [{"category": "functional", "recipient": "Employer", "purpose": "RTW",
                         "date_given": "2026-02-30"}]
    with pytest.raises(CaseFileError, match=r"consents/0/date_given: '2026-02-30' is not allowed"):
        from_dict(data)


def test_dominant_hand_round_trips_and_is_checked() -> None:
    from rtw_planner.domain.capacity.grip import Handedness

    case = Case("A. Person", evaluations=(Evaluation(date(2026, 11, 20), dominant_hand=Handedness.LEFT),))
    data = to_dict(case)
    assert data["evaluations"][0]["dominant_hand"] == "left"
    assert parse(dumps(case)) == case
    data["evaluations"][0]["dominant_hand"] = "ambidextrous"
    with pytest.raises(CaseFileError, match=r"^evaluations/0/dominant_hand: 'ambidextrous' is not one of \[null, "
                                            r"'right', 'left', 'mixed'\]$"):
        parse(json.dumps(data))
    data["evaluations"][0].pop("dominant_hand")  # files written before it was recorded
    assert parse(json.dumps(data)).evaluations[0].dominant_hand is None
