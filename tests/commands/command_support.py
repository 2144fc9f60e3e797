"""Shared helpers for the command tests: parse with the real CLI parser, run, and read JSON or the usage error."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from types import ModuleType
from typing import Any

import pytest

from rtw_planner.cli import build_parser
from rtw_planner.commands._support import UsageError

Parse = Callable[[list[str]], argparse.Namespace]
RunJson = Callable[[list[str], pytest.CaptureFixture[str]], dict[str, Any]]
Usage = Callable[[list[str]], str]


def bind(module: ModuleType, name: str, *, one_line: bool = False) -> tuple[Parse, RunJson, Usage]:
    """parse(argv), run_json(argv, capsys) and usage_error(argv) for one command module."""

    def parse(argv: list[str]) -> argparse.Namespace:
        return build_parser().parse_args([name, *argv])

    def run_json(argv: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
        assert module.run(parse([*argv, "--json"])) == 0
        out = capsys.readouterr().out
        if one_line:
            assert out.count("\n") == 1
        data = json.loads(out)
        assert isinstance(data, dict)
        return data

    def usage_error(argv: list[str]) -> str:
        with pytest.raises(UsageError) as info:
            module.run(parse(argv))
        return str(info.value)

    return parse, run_json, usage_error
