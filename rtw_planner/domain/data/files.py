"""Reading versioned JSON data files (job templates, instruments): the file, its format and version, its schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rtw_planner.assets import schema_validator

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
        message = error.message if len(error.message) <= MAX_MESSAGE else error.message[:MAX_MESSAGE - 1] + "…"
        raise DataFileProblem("/".join(str(p) for p in error.absolute_path) or "(top level)", message)
    return data
