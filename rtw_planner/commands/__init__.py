"""Headless commands, one module per command, each with `add_parser(subparsers)` and `run(args) -> int`."""

from __future__ import annotations

import importlib
from types import ModuleType

# The one registry: each command's name and the module in this package that defines it, in --help order.
MODULES = {"import": "import_case", "export": "export_case", "render": "render", "niosh": "niosh",
           "mmh": "mmh",
           "classify": "classify", "match": "match", "quota": "quota", "plan": "plan", "score": "score",
           "export-outcomes": "export_outcomes", "caseload": "caseload",
           "history": "history",
           "backup": "backup",
           "restore": "restore",
           "users": "users",
           "archive": "archive"}


def command_module(name: str) -> ModuleType:
    """The module of a registered command (imported on first use, so starting the app loads none of them)."""
    return importlib.import_module(f"{__name__}.{MODULES[name]}")
