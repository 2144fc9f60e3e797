"""The scoring-formula evaluator: exact arithmetic and list functions; everything else refused with FormulaError,
never executed, never another exception."""

from __future__ import annotations

import ast
import builtins
from collections.abc import Mapping
from fractions import Fraction
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rtw_planner.domain.outcomes import formula
from rtw_planner.domain.outcomes.formula import MAX_LENGTH, FormulaError, Value, parse

ODI = "sum(items) / (5 * count(answered)) * 100"


def _refuse(*_: object, **__: object) -> None:
    raise AssertionError("eval/exec must never be called")


def evaluate(text: str, env: Mapping[str, Value]) -> float:
    """formula.evaluate with eval and exec replaced by functions that fail the test if called."""
    with mock.patch.object(builtins, "eval", _refuse), mock.patch.object(builtins, "exec", _refuse):
        return formula.evaluate(text, env)


@pytest.mark.parametrize(("text", "expected"), [
    ("1 + 2 * 3", 7.0),
    ("(1 + 2) * 3", 9.0),
    ("10 / 4", 2.5),
    ("-3 + 5", 2.0),
    ("-(2 - 7)", 5.0),
    ("+4", 4.0),
    ("2 * -3", -6.0),
    ("1.5e2", 150.0),
    ("3 × 4 ÷ 2 − 1", 5.0),
    ("  7  ", 7.0),
])
def test_arithmetic(text: str, expected: float) -> None:
    assert evaluate(text, {}) == expected


def test_functions_over_named_lists_and_scalars() -> None:
    env = {"items": [2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 1.0, 1.0], "answered": [2.0] * 7 + [1.0, 1.0], "a": 3.0}
    assert evaluate("sum(items)", env) == 16
    assert evaluate("count(answered)", env) == 9
    assert evaluate("mean(items)", env) == pytest.approx(16 / 9)
    assert evaluate("min(items)", env) == 1
    assert evaluate("max(items)", env) == 2
    assert evaluate("max(items, a, 10)", env) == 10
    assert evaluate("sum(a, 1, 2)", env) == 6
    assert evaluate(ODI, env) == pytest.approx(35.5555555555, abs=1e-9)  # the reference's ODI with one skipped


def test_the_reference_odi_percentage() -> None:
    sections = [2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 1.0, 1.0, 1.0, 1.0]
    assert evaluate(ODI, {"items": sections, "answered": sections}) == pytest.approx(32.0, abs=1e-12)


def test_sum_of_an_empty_list_is_zero_but_mean_min_max_refuse() -> None:
    env = {"items": []}
    assert evaluate("sum(items)", env) == 0
    assert evaluate("count(items)", env) == 0
    for name in ("mean", "min", "max"):
        with pytest.raises(FormulaError, match="of no values"):
            evaluate(f"{name}(items)", env)


def test_parse_reports_the_names_used_and_checks_them() -> None:
    checked = parse("sum(items) / n_items + q1", names={"items", "n_items", "q1"})
    assert checked.names == frozenset({"items", "n_items", "q1"})
    with pytest.raises(FormulaError, match="unknown name 'q2'"):
        parse("q1 + q2", names={"q1"})


@pytest.mark.parametrize(("text", "message"), [
    ("__import__('os')", "calling '__import__' is not allowed"),
    ("__import__('os').system('true')", "attribute access"),
    ("open('x')", "calling 'open' is not allowed"),
    ("eval('1')", "calling 'eval' is not allowed"),
    ("items.append(1)", "attribute access"),
    ("(1).real", "attribute access"),
    ("items[0]", "indexing"),
    ("2 ** 3", r"'\*\*' \(power\) is not allowed"),
    ("9 ** 9 ** 9 ** 9", r"'\*\*' \(power\) is not allowed"),
    ("7 // 2", "'//'"),
    ("7 % 2", "'%'"),
    ("1 < 2", "comparison"),
    ("1 and 2", "'and' / 'or'"),
    ("not 1", "'not'"),
    ("~1", "'~'"),
    ("lambda: 1", "'lambda'"),
    ("1 if 1 else 2", "'if ... else'"),
    ("[1, 2]", "a list"),
    ("(1, 2)", "a tuple"),
    ("{1: 2}", "a dict"),
    ("'text'", "only numbers"),
    ("True", "only numbers"),
    ("None", "only numbers"),
    ("1j", "only numbers"),
    ("f'{1}'", "f-string"),
    ("sum(*items)", "unpacking"),
    ("sum(items, start=1)", "without keywords"),
    ("sum()", "one or more values"),
    ("(x := 1)", "':='"),
    ("1 +", "is not a formula"),
    ("", "is not a formula"),
    ("import os", "is not a formula"),
    ("1; 2", "is not a formula"),
    ("1\x00", "is not a formula"),
    ("9" * 5000, "at most"),
    ("-" * 100 + "1", "nest at most"),
])
def test_everything_else_is_refused(text: str, message: str) -> None:
    with pytest.raises(FormulaError, match=message):
        evaluate(text, {"items": [1.0, 2.0]})


@pytest.mark.parametrize(("text", "message"), [
    ("1 / 0", "division by zero"),
    ("sum(items) / (count(items) - 2)", "division by zero"),
    ("1e308 * 10", "too large"),
    ("1e309", "too large"),
    ("sum(big, big)", "too large"),
    ("9" * 400, "too large"),
    ("items + 1", "'items' is a list"),
    ("items", "gives a list"),
    ("nope", "unknown name 'nope'"),
    ("text", "must be a number or a list of numbers"),
    ("flag", "must be a number or a list of numbers"),
])
def test_evaluation_errors_are_formula_errors(text: str, message: str) -> None:
    env: dict[str, object] = {"items": [1.0, 2.0], "big": 1e308, "text": "abc", "flag": True}
    with pytest.raises(FormulaError, match=message):
        evaluate(text, env)  # type: ignore[arg-type]


def test_refused_formula_has_no_side_effect(tmp_path: Path) -> None:
    target = tmp_path / "pwned"
    for text in (f"__import__('pathlib').Path({str(target)!r}).touch()",
                 f"open({str(target)!r}, 'w')",
                 "[c for c in ().__class__.__base__.__subclasses__()]"):
        with pytest.raises(FormulaError):
            evaluate(text, {})
    assert not target.exists()


def test_a_non_string_formula_is_refused() -> None:
    with pytest.raises(FormulaError, match="must be text"):
        parse(42)  # type: ignore[arg-type]


# --- properties ---------------------------------------------------------------------------------------------------

TOKENS = ["1", "0", "2.5", "1e308", "-", "+", "*", "/", "**", "//", "(", ")", ",", ".", "[", "]", "items", "x",
          "sum", "mean", "count", "min", "max", "__import__", "'os'", "lambda", ":", "if", "else", "not", "and",
          "==", "<", "=", " ", "\n", "__class__", "open", "\\", "\"", "#", "@", "{", "}", "j", "e"]


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=120))
def test_arbitrary_text_never_crashes_with_another_error(text: str) -> None:
    _check_outcome(text)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=30).map("".join))
def test_token_soup_never_crashes_with_another_error(text: str) -> None:
    _check_outcome(text)


def _check_outcome(text: str) -> None:
    try:
        result = evaluate(text, {"items": [1.0, 2.0, 3.0], "x": 4.0})
    except FormulaError as exc:
        message = str(exc)
        assert message  # every refusal says why
    else:
        assert isinstance(result, float)
        assert result == result
        assert abs(result) != float("inf")


def _expressions() -> st.SearchStrategy[tuple[str, Fraction | None]]:
    """Random arithmetic over small integers, with its exact value (None when it divides by zero)."""
    leaves = st.integers(min_value=-20, max_value=20).map(lambda n: (f"({n})", Fraction(n)))

    def combine(children: st.SearchStrategy[tuple[str, Fraction | None]]
                ) -> st.SearchStrategy[tuple[str, Fraction | None]]:
        def apply(left: tuple[str, Fraction | None], op: str, right: tuple[str, Fraction | None]
                  ) -> tuple[str, Fraction | None]:
            a, b = left[1], right[1]
            value: Fraction | None
            if a is None or b is None or (op == "/" and b == 0):
                value = None
            else:
                value = {"+": a + b, "-": a - b, "*": a * b}[op] if op != "/" else a / b
            return f"({left[0]} {op} {right[0]})", value
        return st.builds(apply, children, st.sampled_from("+-*/"), children)

    return st.recursive(leaves, combine, max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(_expressions())
def test_arithmetic_matches_exact_fractions(case: tuple[str, Fraction | None]) -> None:
    text, exact = case
    if len(text) > MAX_LENGTH:
        return
    if exact is None:
        with pytest.raises(FormulaError, match="division by zero"):
            evaluate(text, {})
    else:
        assert evaluate(text, {}) == pytest.approx(float(exact), rel=1e-9, abs=1e-9)


def test_module_never_names_eval_exec_or_compile() -> None:
    tree = ast.parse(Path(formula.__file__).read_text(encoding="utf-8"))
    named = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    named |= {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    assert not named & {"eval", "exec", "compile", "__import__", "getattr"}
    assert "parse" in named or any(isinstance(n, ast.Attribute) and n.attr == "parse" for n in ast.walk(tree))


def test_the_eval_guard_itself_fails_a_test() -> None:
    with mock.patch.object(builtins, "eval", _refuse), pytest.raises(AssertionError, match="never be called"):
        builtins.eval("1")
