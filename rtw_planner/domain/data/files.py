"""Reading versioned JSON data files (job templates, instruments): the file, its format and version, its schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rtw_planner.assets import schema_validator
from rtw_planner.domain.data.errors import describe, is_private_field, quoted

MAX_MESSAGE = 300


class DataFileProblem(ValueError):
    """What is wrong and where (a JSON path, or None for the file as a whole); callers add the file's name."""

    def __init__(self, where: str | None, problem: str) -> None:
        self.where = where
        self.problem = problem
        super().__init__(problem if where is None else f"{where}: {problem}")


def read_json(path: Path) -> object:
    """The decoded file. Raises DataFileProblem when it cannot be read or is not JSON."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileProblem(None, f"cannot be read ({exc})") from None
    except json.JSONDecodeError as exc:
        raise DataFileProblem(None, f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None


def checked(data: object, kind: str, file_format: str, version: int, schema: str) -> dict[str, Any]:
    """The data when it is an object of the given format and version that its schema accepts."""
    if not isinstance(data, dict):
        raise DataFileProblem("(top level)", f"{kind} must hold a JSON object")
    if data.get("format") != file_format:
        raise DataFileProblem("format", f'{data.get("format")!r} is not allowed; expected "{file_format}"')
    if type(data.get("version")) is not int or data["version"] != version:
        raise DataFileProblem("version", f"{data.get('version')!r} is not supported; this build reads version "
                                         f"{version}")
    from jsonschema.exceptions import best_match

    error = best_match(schema_validator(schema).iter_errors(data))
    if error is not None:
        raise DataFileProblem(schema_where(error), schema_problem(error))
    return data


def schema_where(error: Any) -> str:
    """Where a jsonschema error is: its JSON path (long keys quoted to 40 characters), or "(top level)"."""
    return "/".join(quoted(p) if isinstance(p, str) and len(p) > 40 else str(p)
                    for p in error.absolute_path) or "(top level)"


def schema_problem(error: Any) -> str:
    """What a jsonschema error says is wrong, in jsonschema's own words but never quoting more than 40 characters
    of the value, and nothing of a private field's (names, diagnosis, notes): jsonschema's message repeats the
    whole value, so a 10,000-character diagnosis would be echoed whole."""
    rule, expected, value = error.validator, error.validator_value, error.instance
    field = str(error.absolute_path[-1]) if error.absolute_path else ""
    shown = describe(value, private=is_private_field(field.replace("_", " ")))
    plural = "s" if expected != 1 else ""
    if rule == "maxLength":
        size = f"text of {len(value)} characters" if isinstance(value, str) else shown
        return f"{size} is too long; at most {expected} character{plural}"
    if rule == "minLength":
        return f"{shown} is too short; at least {expected} character{plural}"
    if rule == "maxItems":
        return f"{shown} is too long; at most {expected} item{plural}"
    if rule == "minItems":
        return f"{shown} is too short; at least {expected} item{plural}"
    if rule in ("maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum"):
        word = {"maximum": "greater than the maximum", "minimum": "less than the minimum",
                "exclusiveMaximum": "greater than or equal to the maximum",
                "exclusiveMinimum": "less than or equal to the minimum"}[rule]
        return f"{shown} is {word} of {expected!r}"
    if rule == "type":
        kinds = expected if isinstance(expected, list) else [expected]
        return f"{shown} is not of type {', '.join(repr(str(k)) for k in kinds)}"
    if rule == "enum":
        return f"{shown} is not one of [{enum_listed(expected)}]"
    if rule == "const":
        return f"{shown} was expected to be {expected!r}"
    if rule == "required":
        missing = [k for k in expected if isinstance(value, dict) and k not in value]
        return f"{quoted(missing[0]) if missing else 'a key'} is a required property"
    if rule in ("additionalProperties", "unevaluatedProperties"):
        extra = sorted(k for k in value if repr(k) in error.message) if isinstance(value, dict) else []
        listed = ", ".join(quoted(k) for k in extra[:3]) + (", …" if len(extra) > 3 else "")
        kind = "Additional" if rule == "additionalProperties" else "Unevaluated"
        return f"{kind} properties are not allowed ({listed or 'a key'} {'was' if len(extra) == 1 else 'were'} " \
               "unexpected)"
    if rule == "pattern" and "[0-9]{4}-[0-9]{2}-[0-9]{2}" in str(expected):
        return f"{shown} is not allowed; expected a date written YYYY-MM-DD"
    if rule == "pattern":
        return f"{shown} does not match {quoted(str(expected), 80)}"
    if rule in ("oneOf", "anyOf"):
        return f"{shown} is not valid under any of the given schemas"
    return f"{shown} does not meet the schema rule {rule!r}"


def enum_listed(allowed: list[Any], budget: int = 100) -> str:
    """The allowed values, as many as fit in about `budget` characters, then "…": a long list (the 13 task
    activities) would otherwise push the message past one short line."""
    shown: list[str] = []
    for value in allowed:
        text = "null" if value is None else repr(value)  # the file's JSON spelling, not Python's None
        if shown and sum(len(s) + 2 for s in shown) + len(text) > budget:
            return ", ".join(shown) + ", …"
        shown.append(text if len(text) <= budget else quoted(str(value), 40))
    return ", ".join(shown)
