"""Decoding JSON that came from outside (a case file from another system) within limits, before anything else
looks at it: the size, how deeply arrays and objects nest (checked before decoding, so the decoder never recurses
past it), numbers (digits, magnitude; no NaN or infinity), text (no control characters or lone surrogates, a
longest string) and the longest list. Each refusal names the limit, and never quotes clinical text."""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from rtw_planner.domain.data.errors import quoted
from rtw_planner.domain.data.validation import MAX_DIGITS, MAX_LONG_TEXT, MAX_MAGNITUDE, forbidden_character

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


class JsonLimitError(ValueError):
    """The text is not JSON, or goes beyond one of the limits; the message names which."""


@dataclass(frozen=True)
class JsonLimits:
    """What a decoded document may hold. `what` names the document in messages ("a case file")."""

    what: str
    max_bytes: int
    max_depth: int = 32
    max_items: int = 10_000
    max_string: int = MAX_LONG_TEXT


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.3g} MB"


def nesting_depth(text: str, stop_above: int) -> int:
    """How deeply arrays and objects nest in JSON text, counted outside strings without decoding (at most a little
    above `stop_above`, where counting stops)."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    deepest = 0
    for depth in accumulate(map(_STEP.__getitem__, brackets)):
        if depth > deepest:
            deepest = depth
            if deepest > stop_above:
                break
    return deepest


def _where(path: list[Any]) -> str:
    return "/".join(quoted(p) if isinstance(p, str) and len(p) > 40 else str(p) for p in path) or "(top level)"


def _number_hooks(limits: JsonLimits) -> dict[str, Any]:
    def digits(literal: str) -> None:
        mantissa = re.split("[eE]", literal, maxsplit=1)[0]
        count = sum(c.isdigit() for c in mantissa)
        if count > MAX_DIGITS:
            raise JsonLimitError(f"a number written with {count} digits; numbers in {limits.what} have at most "
                                 f"{MAX_DIGITS} digits")

    def magnitude(literal: str, number: float) -> None:
        if not abs(number) <= MAX_MAGNITUDE:
            raise JsonLimitError(f"the number {quoted(literal)} is beyond the limit of {MAX_MAGNITUDE:g} either way")

    def whole(literal: str) -> int:
        digits(literal)
        number = int(literal)
        magnitude(literal, number)
        return number

    def fraction(literal: str) -> float:
        digits(literal)
        number = float(literal)
        magnitude(literal, number)
        return number

    def constant(literal: str) -> float:  # NaN, Infinity, -Infinity: refused with their place by _check_tree
        return float(literal)

    return {"parse_int": whole, "parse_float": fraction, "parse_constant": constant}


def _check_tree(data: Any, limits: JsonLimits) -> None:
    """Every string (keys too) and list in the decoded tree, without recursion."""
    stack: list[tuple[Any, list[Any]]] = [(data, [])]
    while stack:
        node, path = stack.pop()
        if isinstance(node, str):
            if len(node) > limits.max_string:
                raise JsonLimitError(f"{_where(path)}: text of {len(node)} characters; text in {limits.what} "
                                     f"has at most {limits.max_string} characters")
            problem = forbidden_character(node)
            if problem is not None:
                raise JsonLimitError(f"{_where(path)}: text holds {problem}; text in {limits.what} may not hold "
                                     "control characters (other than tab and line breaks) or lone surrogates")
        elif isinstance(node, list):
            if len(node) > limits.max_items:
                raise JsonLimitError(f"{_where(path)}: a list of {len(node)} items; lists in {limits.what} hold "
                                     f"at most {limits.max_items} items")
            stack.extend((item, [*path, n]) for n, item in enumerate(node))
        elif isinstance(node, dict):
            for key, value in node.items():
                if len(key) > limits.max_string or forbidden_character(key) is not None:
                    raise JsonLimitError(f"{_where(path)}: a key of {len(key)} characters holding a control "
                                         "character, a lone surrogate or too many characters")
                stack.append((value, [*path, key]))
        elif isinstance(node, float) and not math.isfinite(node):
            raise JsonLimitError(f"{_where(path)}: {node!r} is not allowed; numbers in {limits.what} are finite "
                                 "(no NaN or Infinity, which JSON does not allow)")


def loads(text: str, limits: JsonLimits) -> Any:
    """The decoded JSON text, or JsonLimitError naming the limit it goes beyond (or why it is not JSON)."""
    if len(text) > limits.max_bytes or len(text.encode("utf-8", "surrogatepass")) > limits.max_bytes:
        size = len(text.encode("utf-8", "surrogatepass"))
        raise JsonLimitError(f"{_megabytes(size)} is larger than the limit of {_megabytes(limits.max_bytes)} for "
                             f"{limits.what}")
    depth = nesting_depth(text, limits.max_depth)
    if depth > limits.max_depth:
        raise JsonLimitError(f"arrays and objects nested more than {limits.max_depth} deep; {limits.what} nests "
                             f"at most {limits.max_depth} levels")
    try:
        data = json.loads(text, **_number_hooks(limits))
    except json.JSONDecodeError as exc:
        raise JsonLimitError(f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    except RecursionError:  # pragma: no cover - the depth check comes first
        raise JsonLimitError(f"arrays and objects nested too deep for {limits.what}") from None
    _check_tree(data, limits)
    return data
