"""Hostile inputs for the fuzz tests and scripts/fuzz_import.py: case files built from tests/factories.py and
mutated the way other systems and careless hands break them, and command arguments of the same kind.

A mutation works on the decoded file (replace a value, drop a key, swap a type, repeat a list) and, for what JSON
cannot carry as a Python value, on the text: a placeholder string is replaced by raw JSON (a 5,000-digit number, a
deeply nested array, NaN), or the text itself is cut, flipped or spliced."""

from __future__ import annotations

import copy
import json
import random
from functools import cache
from typing import Any

from factories import (
    consented_case,
    followed_up_case,
    mismatched_case,
    planned_case,
    unassessed_case,
    unicode_case,
)

from rtw_planner.domain.case import casefile

SEEDS = (unassessed_case, mismatched_case, planned_case, followed_up_case, consented_case, unicode_case)
RAW = "\u2063RAW{}\u2063"  # a placeholder for raw JSON text, replaced after dumping

# Raw JSON text that the Python value model cannot produce through json.dumps.
RAW_VALUES = (
    "1" * 5000, "-" + "9" * 4400, "1e999", "-1e999", "NaN", "Infinity", "-Infinity", "1" * 30 + ".5",
    "[" * 5000 + "]" * 5000, "{\"a\":" * 3000 + "1" + "}" * 3000, "[" * 200 + "]" * 200,
    "0." + "0" * 400 + "1", "123456789012345678901234567890",
)
HOSTILE_VALUES: tuple[Any, ...] = (
    None, True, False, 0, -1, -0.0, 1e308, -1e308, 1.5e-320, 2**63, -(2**53) - 1, 3.000000001, "", " ", "\ud800",
    "a\udfffb", "\x00", "tab\there", "bell\x07", "\x1b[31mred", "\u202eevil", "\u0085next", "x" * 300,
    "D" * 20_000, "2026-02-30", "2026-13-01", "0000-01-01", "9999-12-31", "1900-01-01", "2200-12-31T10:30",
    "walking", "female", "O", "F", "C", "N", "kg", "dot", [], {}, [None], [1, 2, 3], {"": ""}, {"x": [[], {}]},
    "Zoë Łódź-Müller", "🙂" * 100, "\u0301" * 50,
)
SENSITIVE_KEYS = ("patient_name", "diagnosis", "effort_notes", "notes", "note", "text", "name", "evaluator",
                  "recipient", "purpose", "employer", "title", "measure")


@cache
def _seed_text(n: int) -> str:
    return casefile.dumps(SEEDS[n]())


def seed_data(rng: random.Random) -> dict[str, Any]:
    """The decoded file of one of the factory cases (a fresh copy)."""
    data: dict[str, Any] = json.loads(_seed_text(rng.randrange(len(SEEDS))))
    return data


def _containers(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, Any, tuple[Any, ...]]]:
    """(container, key, path) for every value in the tree."""
    found: list[tuple[Any, Any, tuple[Any, ...]]] = []
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        found.append((node, key, (*path, key)))
        found += _containers(value, (*path, key))
    return found


def _hostile(rng: random.Random) -> Any:
    """A hostile value, copied: a later mutation of the tree must never change the shared one (hypothesis replays
    an example and needs the same draws)."""
    return copy.deepcopy(rng.choice(HOSTILE_VALUES))


def _mutate_tree(rng: random.Random, data: dict[str, Any], raws: list[str]) -> None:
    spots = _containers(data)
    if not spots:
        return
    container, key, _path = rng.choice(spots)
    kind = rng.randrange(12)
    if kind <= 3:
        container[key] = _hostile(rng)
    elif kind == 4:
        raws.append(rng.choice(RAW_VALUES))
        container[key] = RAW.format(len(raws) - 1)
    elif kind == 5:
        del container[key]
    elif kind == 6 and isinstance(container[key], list) and container[key]:
        container[key] = container[key] * rng.choice((2, 50, 3000))
    elif kind == 7 and isinstance(container[key], int | float) and not isinstance(container[key], bool):
        container[key] = rng.choice((-1, 10, 1000, 1e6, 1e-9)) * container[key]
    elif kind == 8 and isinstance(container[key], str):
        container[key] = container[key] * rng.choice((2, 100, 5000)) + rng.choice(("", "\ud83d", "\x0b"))
    elif kind == 9 and isinstance(container, dict):
        container[rng.choice(("extra", "\ud800", "x" * 500, "patient_name"))] = _hostile(rng)
    elif kind == 10:
        container[key] = str(container[key]) if not isinstance(container[key], str) else [container[key]]
    else:
        container[key] = {"nested": container[key]} if rng.random() < 0.5 else [container[key]]


def _mutate_text(rng: random.Random, text: str) -> str:
    kind = rng.randrange(5)
    at = rng.randrange(len(text) + 1)
    if kind == 0:
        return text[:at]
    if kind == 1:
        return text[:at] + rng.choice(("{", "}", "[", "]", ",", ":", '"', "\\", "\x00", "\ud800", "\ufeff")) + text[at:]
    if kind == 2:
        return text[:at] + text[at + 1:]
    if kind == 3:
        return "\ufeff" + text
    return text[:at] + text[at:at + rng.randrange(1, 200)] * rng.randrange(2, 5) + text[at:]


def mutated_case_text(rng: random.Random) -> str:
    """A case file built from a factory case, then mutated one to four times."""
    data = seed_data(rng)
    raws: list[str] = []
    for _ in range(rng.randint(1, 4)):
        _mutate_tree(rng, data, raws)
    text = json.dumps(data, indent=rng.choice((None, 2)), ensure_ascii=rng.random() < 0.5)
    for n, raw in enumerate(raws):
        text = text.replace(json.dumps(RAW.format(n), ensure_ascii=False), raw)
        text = text.replace(json.dumps(RAW.format(n)), raw)
    if rng.random() < 0.15:
        text = _mutate_text(rng, text)
    return text


def sensitive_values(data: Any) -> set[str]:
    """The names, diagnosis and other free text in a decoded case file, each at least 4 characters long."""
    found: set[str] = set()
    for container, key, _path in _containers(data):
        value = container[key]
        if isinstance(key, str) and key in SENSITIVE_KEYS and isinstance(value, str) and len(value.strip()) >= 4:
            found.add(value.strip())
    return found


NUMBER_WORDS = ("-inf", "inf", "-Infinity", "nan", "-nan", "1e999", "-1e999", "1" * 5000, "-" + "9" * 5000,
                "0x10", "1_000", "١٢", "²", "½", "-0", "0", "-1", "1e-400", "3.5", "-3.5", " 4 ", "", "-", "--",
                "1" * 30, "9" * 4301, "+7", "4.", ".5", "-.5e3", "-1e5", "\ud800", "\x00", "12\n34")
