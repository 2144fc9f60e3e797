"""Hostile case files are refused cleanly, naming the limit, and no message carries a name or clinical text."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest
from factories import DIAGNOSIS, case_data, case_text, followed_up_case, unassessed_case
from hostile_inputs import mutated_case_text, sensitive_values
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rtw_planner.domain.case.casefile import MAX_CASE_FILE_BYTES, CaseFileError, parse, parse_exported
from rtw_planner.domain.case.model import Case
from rtw_planner.domain.data.errors import ValidationError, describe, quoted
from rtw_planner.domain.data.limited_json import JsonLimitError, JsonLimits, loads, nesting_depth
from rtw_planner.domain.data.validation import number_from_text, text

NAME = "Marek Dąbrowski"  # the factories' patient
FOLLOWED_UP = case_text(followed_up_case())


def refusal(text_: str) -> str:
    with pytest.raises(CaseFileError) as info:
        parse(text_)
    return str(info.value)


def with_raw(data: dict[str, Any], key: str, raw: str) -> str:
    """The case file with `key`'s value written as raw JSON text."""
    data[key] = "@@RAW@@"
    return json.dumps(data).replace('"@@RAW@@"', raw)


# --- the four limits the issue names, and the others ---------------------------------------------------------------

def test_deep_nesting_is_refused_before_decoding_naming_the_limit() -> None:
    data = case_data(unassessed_case())
    message = refusal(with_raw(data, "employer", "[" * 100_000 + "]" * 100_000))
    assert message == "arrays and objects nested more than 32 deep; a case file nests at most 32 levels"


def test_nesting_within_the_limit_reaches_the_schema() -> None:
    data = case_data(unassessed_case())
    message = refusal(with_raw(data, "employer", "[" * 30 + "]" * 30))
    assert message == "employer: a list of 1 item is not of type 'string'"


def test_brackets_inside_strings_do_not_count_as_nesting() -> None:
    assert nesting_depth('{"a": "[[[[[[[[[[", "b": ["\\"[[[["]}', 10) == 2
    assert nesting_depth("[[[]]][]", 10) == 3


def test_a_5000_digit_number_is_refused_naming_the_digit_limit() -> None:
    message = refusal(with_raw(case_data(unassessed_case()), "revision", "7" * 5000))
    assert message == "a number written with 5000 digits; numbers in a case file have at most 24 digits"


def test_a_number_beyond_the_magnitude_limit_is_refused() -> None:
    message = refusal(with_raw(case_data(unassessed_case()), "revision", "1e300"))
    assert message == "the number '1e300' is beyond the limit of 1e+15 either way"
    assert "beyond the limit" in refusal(with_raw(case_data(unassessed_case()), "revision", "-1e999"))


def test_a_lone_surrogate_is_refused_naming_where() -> None:
    data = case_data(unassessed_case())
    data["employer"] = "Northgate \ud800 Ltd"
    message = refusal(json.dumps(data))  # ensure_ascii writes it as the escape \ud800, as other systems do
    assert message == ("employer: text holds a lone surrogate U+D800; text in a case file may not hold control "
                       "characters (other than tab and line breaks) or lone surrogates")


def test_control_characters_are_refused_but_tabs_and_line_breaks_are_kept() -> None:
    data = case_data(unassessed_case())
    data["job_title"] = "Picker\x07"
    assert refusal(json.dumps(data)).startswith("job_title: text holds a control character U+0007; ")
    data["job_title"] = "Picker"
    data["diagnosis"] = "Low back pain.\n\tNo red flags.\r\n"
    assert parse(json.dumps(data)).diagnosis == "Low back pain.\n\tNo red flags."


def test_a_file_over_the_size_limit_is_refused_without_decoding() -> None:
    data = case_data(unassessed_case())
    data["diagnosis"] = "x"
    padded = json.dumps(data).replace('"x"', '"x"' + " " * MAX_CASE_FILE_BYTES)
    assert refusal(padded) == "10 MB is larger than the limit of 10 MB for a case file"
    assert parse(json.dumps(data), max_bytes=2000).diagnosis == "x"  # a clinic's own limit, when one is set
    with pytest.raises(CaseFileError, match=r"^\d.* MB is larger than the limit of 0.0001 MB for a case file$"):
        parse(json.dumps(data), max_bytes=100)


def test_lists_are_limited_by_the_schema() -> None:
    data = case_data(followed_up_case())
    data["practice_log"] = data["practice_log"] * 2501  # 10,004 entries: the schema allows 10,000
    assert refusal(json.dumps(data)) == ("practice_log: a list of 10004 items; lists in a case file hold at most "
                                         "10000 items")
    data = case_data(followed_up_case())
    data["evaluations"] = data["evaluations"] * 101  # 202: the schema allows 200
    assert refusal(json.dumps(data)) == "evaluations: a list of 202 items is too long; at most 200 items"


def test_nan_and_infinity_are_refused_with_their_place() -> None:
    data = case_data(unassessed_case())
    message = refusal(with_raw(data, "revision", "NaN"))
    assert message == "revision: nan is not allowed; numbers in a case file are finite (no NaN or Infinity, which " \
                      "JSON does not allow)"


def test_a_file_at_the_limits_still_reads() -> None:
    data = case_data(followed_up_case())
    data["diagnosis"] = "D" * 10_000
    data["revision"] = 2_147_483_647
    case, revision = parse_exported(json.dumps(data))
    assert (len(case.diagnosis), revision) == (10_000, 2_147_483_647)


# --- messages ------------------------------------------------------------------------------------------------------

def test_an_over_long_diagnosis_is_refused_without_echoing_it() -> None:
    data = case_data(unassessed_case())
    data["diagnosis"] = DIAGNOSIS * 200  # 87 characters, 200 times
    message = refusal(json.dumps(data))
    assert message == "diagnosis: text of 17400 characters; text in a case file has at most 10000 characters"
    data["diagnosis"] = DIAGNOSIS * 114  # 9,918 characters: within the limit
    assert parse(json.dumps(data)).diagnosis.startswith("Chronic")


def test_schema_messages_name_the_rule_not_the_text() -> None:
    data = case_data(unassessed_case())
    data["patient_name"] = NAME * 20
    assert refusal(json.dumps(data)) == "patient_name: text of 300 characters is too long; at most 200 characters"
    data["patient_name"] = ["Marek", "Dąbrowski"]
    assert refusal(json.dumps(data)) == "patient_name: a list of 2 items is not of type 'string'"


def test_validation_error_quotes_at_most_40_characters() -> None:
    error = ValidationError("strength table", "x" * 5000, "dot, ors, ns-wcb or nd-wsi")
    assert str(error) == f"strength table: '{'x' * 39}…' is not allowed; expected dot, ors, ns-wcb or nd-wsi"
    assert describe(10 ** 60, private=False) == "a whole number of more than 40 digits"
    assert quoted("a\ud800b\x07") == "'a\\ud800b\\x07'"


@pytest.mark.parametrize("field", ["patient name", "diagnosis", "effort notes", "consent recipient",
                                   "clinician name", "employer", "date of birth"])
def test_private_fields_are_named_never_quoted(field: str) -> None:
    assert str(ValidationError(field, "Marek Dąbrowski", "something else")) == \
        f"{field}: text of 15 characters is not allowed; expected something else"


def test_text_names_the_rule_and_the_character_not_the_text() -> None:
    with pytest.raises(ValidationError) as info:
        text("outcome notes", "Pain worse after\x1b[2J lifting")
    assert str(info.value) == ("outcome notes: text of 28 characters is not allowed; expected text of at most 200 "
                               "characters without control characters or lone surrogates (found a control "
                               "character U+001B)")


# --- numbers typed as text -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "expected"), [("4", 4.0), (" -3.5 ", -3.5), ("+7", 7.0), (".5", 0.5),
                                                 ("-1e5", -100_000.0), ("1e15", 1e15)])
def test_numbers_typed_as_text(typed: str, expected: float) -> None:
    assert number_from_text("--x", typed, "a number") == expected


@pytest.mark.parametrize(("typed", "problem"), [
    ("-inf", "--x: '-inf' is not allowed; expected a number (not infinity or NaN)"),
    ("NaN", "--x: 'NaN' is not allowed; expected a number (not infinity or NaN)"),
    ("1" * 5000, f"--x: '{'1' * 39}…' is not allowed; expected a number written with at most 24 digits"),
    ("2e15", "--x: '2e15' is not allowed; expected a number (no number beyond 1e+15 either way)"),
    ("١٢", "--x: '١٢' is not allowed; expected a number"),
    ("0x10", "--x: '0x10' is not allowed; expected a number"),
    ("1_000", "--x: '1_000' is not allowed; expected a number"),
])
def test_bad_numbers_typed_as_text(typed: str, problem: str) -> None:
    with pytest.raises(ValidationError) as info:
        number_from_text("--x", typed, "a number")
    assert str(info.value) == problem


def test_infinity_only_where_it_means_something() -> None:
    assert number_from_text("--x", "-inf", "a number", infinite=True) == float("-inf")
    assert number_from_text("--x", "Infinity", "a number", infinite=True) == float("inf")
    with pytest.raises(ValidationError, match="expected a whole number"):
        number_from_text("--x", "4.5", "a whole number", whole=True)


def test_limited_json_for_other_documents() -> None:
    limits = JsonLimits("a test file", 1000, max_depth=2, max_items=3, max_string=5)
    assert loads('{"a": [1, 2, 3]}', limits) == {"a": [1, 2, 3]}
    for bad, problem in (('{"a": [[1]]}', "nested more than 2 deep"), ("[1, 2, 3, 4]", "at most 3 items"),
                         ('["abcdef"]', "at most 5 characters"), ('{"a\\u0000": 1}', "a key of 2 characters"),
                         ("[1,", "not valid JSON: Expecting value at line 1, column 4")):
        with pytest.raises(JsonLimitError, match=problem):
            loads(bad, limits)


# --- the fuzz ------------------------------------------------------------------------------------------------------

@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False))
def test_fuzz_mutated_case_files_read_or_are_refused_in_one_short_line(rng: random.Random) -> None:
    text_ = mutated_case_text(rng)
    try:
        case = parse(text_)
    except CaseFileError as exc:
        message = str(exc)
        assert "\n" not in message
        assert 0 < len(message) <= 240  # the command adds "rtw-planner import: invalid case file PATH: "
        return
    assert isinstance(case, Case)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False),
       st.text(st.characters(codec="utf-8", categories=("L",)), min_size=4, max_size=30),
       st.text(st.characters(codec="utf-8", categories=("L", "Zs")), min_size=8, max_size=60))
def test_fuzz_no_name_or_diagnosis_from_the_file_in_any_message(rng: random.Random, name: str,
                                                                diagnosis: str) -> None:
    name, diagnosis = f"Q{name}Z", f"Q{diagnosis}Z"
    base = {"patient_name": name, "diagnosis": diagnosis}
    mutated = json.loads(FOLLOWED_UP)
    for key in ("patient_name", "diagnosis"):  # the mutation may break the name or diagnosis itself
        base[key] = rng.choice((base[key], base[key] * 300, base[key] + "\x07", [base[key]], {"x": base[key]},
                                base[key] + "\ud800"))
    mutated.update({k: v for k, v in base.items() if k in ("patient_name", "diagnosis")})
    text_ = json.dumps(mutated)
    if rng.random() < 0.5:  # and something else too
        text_ = text_.replace('"load_kg": ', '"load_kg": -', 1)
    secrets = {name, diagnosis} | sensitive_values(mutated)
    try:
        parse(text_)
    except CaseFileError as exc:
        message = str(exc)
        for secret in secrets:
            assert secret not in message
        assert name[:12] not in message
        assert diagnosis[:12] not in message
