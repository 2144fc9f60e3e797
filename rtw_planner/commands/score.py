"""`score INSTRUMENT --answers A1 A2 ... [--age N] [--sex female|male] [--json]`: score an outcome measure."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rtw_planner.domain.outcomes.instruments import Instrument, Score

MISSING = "-"


def add_parser(subparsers: Any) -> None:
    """Register the command."""
    p = subparsers.add_parser(
        "score", help="score an outcome measure or performance test",
        description="Scores answers with the instrument's definition file (resources/instruments, or the clinic's "
                    "<data folder>/instruments). The score is unrounded in --json; the text output rounds it for "
                    "display. Write - for a missing answer; answers not given count as missing.")
    p.add_argument("instrument", metavar="INSTRUMENT",
                   help="PEG, NRS-PAIN, NRS-INTERFERENCE, PSFS, TSK-17, TUG, CHAIR-STAND-30S, 6MWT or a clinic's "
                        "own; any case")
    p.add_argument("--answers", nargs="+", required=True, metavar="A",
                   help="one answer per item in order (for a performance test, the measured value); - = missing")
    p.add_argument("--age", metavar="N", help="age in whole years, for instruments with age norms")
    p.add_argument("--sex", metavar="female|male", help="sex, for instruments with sex-specific norms")
    p.add_argument("--json", action="store_true", help="print one JSON object")


def _answers(instrument: Instrument, typed: list[str]) -> list[float | None]:
    from rtw_planner.commands._support import UsageError, number_argument

    if len(typed) > len(instrument.items):
        raise UsageError(f"--answers: {len(typed)} answers given; {instrument.id} has {len(instrument.items)} "
                         f"item{'s' if len(instrument.items) > 1 else ''}")
    answers: list[float | None] = []  # whole numbers as int, so errors show what was typed
    for n, (text, item) in enumerate(zip(typed, instrument.items, strict=False), start=1):
        value = None if text.strip() == MISSING else number_argument(
            f"--answers: {instrument.id} item {n} ({item.id})", text,
            f"a number from {item.min:g} to {item.max:g}, or {MISSING} for a missing answer")
        answers.append(int(value) if value is not None and value.is_integer() and abs(value) < 1e15 else value)
    return answers


def _age(typed: str | None) -> int | None:
    from rtw_planner.commands._support import whole_argument

    if typed is None:
        return None
    return whole_argument("--age", typed, "a whole number of years")


def to_json(instrument: Instrument, score: Score) -> dict[str, Any]:
    """The score as the documented JSON object (`score` unrounded, null when the missing-answer rule forbids it)."""
    unit = instrument.items[0].unit if instrument.kind == "performance" else None
    return {"instrument": instrument.id, "name": instrument.name, "kind": instrument.kind, "score": score.value,
            "unit": unit, "band": score.band, "answered": score.answered, "items": len(instrument.items),
            "direction": instrument.direction, "notes": list(score.notes)}


def run(args: argparse.Namespace) -> int:
    """Print the score, or exit 2 through UsageError on an unknown instrument or bad answers."""
    from rtw_planner.commands._support import UsageError
    from rtw_planner.domain.data.errors import ValidationError
    from rtw_planner.domain.outcomes.instruments import InstrumentError, get_instrument

    try:
        instrument = get_instrument(args.instrument)
    except ValidationError as exc:
        raise UsageError(f"INSTRUMENT: {exc}") from None
    except InstrumentError as exc:
        raise UsageError(f"INSTRUMENT: the definition file is invalid: {exc}") from None
    answers = _answers(instrument, args.answers)
    age = _age(args.age)
    sex = None if args.sex is None else args.sex.strip().lower()
    try:
        score = instrument.score(answers, age=age, sex=sex)
    except ValidationError as exc:
        option = {"age": "--age", "sex": "--sex"}.get(exc.field, "--answers")
        raise UsageError(f"{option}: {exc}") from None
    except InstrumentError as exc:
        raise UsageError(str(exc)) from None
    if args.json:
        print(json.dumps(to_json(instrument, score), ensure_ascii=False))
        return 0
    unit = f" {instrument.items[0].unit}" if instrument.kind == "performance" else ""
    shown = "no score" if score.value is None else f"{score.value:.{instrument.display_decimals}f}{unit}"
    print(f"{instrument.name} ({instrument.id})")
    print(f"  Score: {shown}   ({instrument.direction})")
    print(f"  Band: {score.band or 'none'}")
    print(f"  Answered: {score.answered} of {len(instrument.items)}")
    for note in score.notes:
        print(f"  Note: {note}")
    return 0
