"""A small safe evaluator for scoring formulas: numbers, + - * /, parentheses and sum/mean/count/min/max; never eval."""

from __future__ import annotations

import ast
import math
import warnings
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

MAX_LENGTH = 500
MAX_DEPTH = 40
Value = float | Sequence[float]
# Typographic spellings a clinic may type: × ÷ − (minus sign) and – (en dash).
_SPELLINGS = str.maketrans({"×": "*", "÷": "/", "−": "-", "–": "-"})
_OPERATORS: dict[type[ast.operator], str] = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}
_REFUSED_OPERATORS: dict[type[ast.AST], str] = {
    ast.Pow: "'**' (power)", ast.FloorDiv: "'//'", ast.Mod: "'%'", ast.MatMult: "'@'", ast.LShift: "'<<'",
    ast.RShift: "'>>'", ast.BitAnd: "'&'", ast.BitOr: "'|'", ast.BitXor: "'^'", ast.Not: "'not'",
    ast.Invert: "'~'"}
_DESCRIPTIONS: dict[type[ast.AST], str] = {
    ast.Attribute: "attribute access ('.')", ast.Subscript: "indexing ('[ ]')", ast.Compare: "a comparison",
    ast.BoolOp: "'and' / 'or'", ast.Lambda: "'lambda'", ast.IfExp: "'if ... else'", ast.Starred: "'*' unpacking",
    ast.NamedExpr: "':='", ast.List: "a list", ast.Tuple: "a tuple", ast.Dict: "a dict", ast.Set: "a set",
    ast.JoinedStr: "an f-string", ast.Await: "'await'", ast.Slice: "a slice"}
ALLOWED = "numbers, names, + - * /, parentheses and the functions sum, mean, count, min and max"


class FormulaError(ValueError):
    """A formula was refused or could not be evaluated; the message says why."""


def _mean(values: list[float]) -> float:
    if not values:
        raise FormulaError("mean() of no values")
    return math.fsum(values) / len(values)


def _extreme(pick: Callable[[list[float]], float], name: str) -> Callable[[list[float]], float]:
    def apply(values: list[float]) -> float:
        if not values:
            raise FormulaError(f"{name}() of no values")
        return pick(values)
    return apply


FUNCTIONS: dict[str, Callable[[list[float]], float]] = {
    "sum": math.fsum, "mean": _mean, "count": lambda values: float(len(values)),
    "min": _extreme(min, "min"), "max": _extreme(max, "max")}


@dataclass(frozen=True)
class Formula:
    """A checked formula; `names` are the variables it reads."""

    text: str
    names: frozenset[str]
    tree: ast.expr = field(repr=False, compare=False)

    def evaluate(self, env: Mapping[str, Value]) -> float:
        """The formula's value; names are looked up in env (a number, or a list of numbers for the functions)."""
        result = _evaluate(self.tree, env)
        if isinstance(result, list):
            raise FormulaError(f"{self.text!r} gives a list of values, not a number; use sum(), mean() or count()")
        return result


def parse(text: str, names: Iterable[str] | None = None) -> Formula:
    """Check a formula against the whitelist (and, if given, the names it may use); raises FormulaError."""
    if not isinstance(text, str):
        raise FormulaError(f"a formula must be text, not {type(text).__name__}")
    if len(text) > MAX_LENGTH:
        raise FormulaError(f"a formula may have at most {MAX_LENGTH} characters")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. invalid escapes in a string literal, which is refused anyway
            tree = ast.parse(text.translate(_SPELLINGS).strip(), mode="eval")
    except (SyntaxError, ValueError, OverflowError, RecursionError, MemoryError):
        raise FormulaError(f"{text!r} is not a formula; use {ALLOWED}") from None
    used = _check(tree.body, 0)
    if names is not None:
        unknown = sorted(used - set(names))
        if unknown:
            raise FormulaError(f"unknown name {unknown[0]!r} in {text!r}; known names: {', '.join(sorted(names))}")
    return Formula(text, frozenset(used), tree.body)


def evaluate(text: str, env: Mapping[str, Value]) -> float:
    """Parse and evaluate in one step."""
    return parse(text).evaluate(env)


def _refused(op: ast.AST) -> FormulaError:
    return FormulaError(f"{_REFUSED_OPERATORS.get(type(op), 'that operator')} is not allowed; use {ALLOWED}")


def _check(node: ast.AST, depth: int) -> set[str]:
    """The names a node reads; raises FormulaError for anything outside the whitelist."""
    if depth > MAX_DEPTH:
        raise FormulaError(f"a formula may nest at most {MAX_DEPTH} levels deep")
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or not isinstance(node.value, int | float):
            raise FormulaError(f"{node.value!r} is not allowed; only numbers are")
        return set()
    if isinstance(node, ast.Name):
        return {node.id}
    if isinstance(node, ast.BinOp):
        if type(node.op) not in _OPERATORS:
            raise _refused(node.op)
        return _check(node.left, depth + 1) | _check(node.right, depth + 1)
    if isinstance(node, ast.UnaryOp):
        if not isinstance(node.op, ast.USub | ast.UAdd):
            raise _refused(node.op)
        return _check(node.operand, depth + 1)
    if isinstance(node, ast.Call):
        if not isinstance(node.func, ast.Name):
            _check(node.func, depth + 1)  # refuses attribute access, indexing and so on by name
            raise FormulaError(f"only named functions may be called: {', '.join(FUNCTIONS)}")
        if node.func.id not in FUNCTIONS:
            raise FormulaError(f"calling {node.func.id!r} is not allowed; the functions are {', '.join(FUNCTIONS)}")
        if node.keywords or not node.args:
            raise FormulaError(f"{node.func.id}() takes one or more values, without keywords")
        used: set[str] = set()
        for arg in node.args:
            used |= _check(arg, depth + 1)
        return used
    what = _DESCRIPTIONS.get(type(node), type(node).__name__)
    raise FormulaError(f"{what} is not allowed in a formula; use {ALLOWED}")


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise FormulaError("the result is too large or not a number")
    return value


def _scalar(node: ast.expr, env: Mapping[str, Value]) -> float:
    value = _evaluate(node, env)
    if isinstance(value, list):
        shown = node.id if isinstance(node, ast.Name) else "that"
        raise FormulaError(f"{shown!r} is a list of values; use it inside sum(), mean(), count(), min() or max()")
    return value


def _lookup(name: str, env: Mapping[str, Value]) -> float | list[float]:
    if name not in env:
        raise FormulaError(f"unknown name {name!r}; known names: {', '.join(sorted(env)) or 'none'}")
    value = env[name]
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _finite(float(value))
    if isinstance(value, Sequence) and not isinstance(value, str | bytes) and all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in value):
        return [_finite(float(v)) for v in value]
    raise FormulaError(f"{name!r} must be a number or a list of numbers")


def _evaluate(node: ast.expr, env: Mapping[str, Value]) -> float | list[float]:
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float) and not isinstance(node.value, bool):
        try:
            return _finite(float(node.value))
        except OverflowError:
            raise FormulaError("a number in the formula is too large") from None
    if isinstance(node, ast.Name):
        return _lookup(node.id, env)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        operand = _scalar(node.operand, env)
        return -operand if isinstance(node.op, ast.USub) else operand
    if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
        left, right = _scalar(node.left, env), _scalar(node.right, env)
        if isinstance(node.op, ast.Add):
            return _finite(left + right)
        if isinstance(node.op, ast.Sub):
            return _finite(left - right)
        if isinstance(node.op, ast.Mult):
            return _finite(left * right)
        if right == 0:
            raise FormulaError("division by zero")
        return _finite(left / right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FUNCTIONS:
        values: list[float] = []
        for arg in node.args:
            value = _evaluate(arg, env)
            values.extend(value if isinstance(value, list) else [value])
        try:
            return _finite(FUNCTIONS[node.func.id](values))
        except OverflowError:  # math.fsum's intermediate overflow
            raise FormulaError("the result is too large or not a number") from None
    raise FormulaError(f"{type(node).__name__} is not allowed in a formula; use {ALLOWED}")  # only if not parsed
