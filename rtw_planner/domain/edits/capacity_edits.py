"""Edits of the Capacity tab: evaluations added and deleted, their details, grip and tolerances (cells:
demand_edits)."""

from __future__ import annotations

from rtw_planner.domain.capacity.evaluation import Evaluation
from rtw_planner.domain.capacity.grip import GripTrials, Hand
from rtw_planner.domain.capacity.tolerances import Tolerance
from rtw_planner.domain.demands.ratings import KEY_TO_NAME, RatedGroup
from rtw_planner.domain.edits.commands import Edit, Insert, Remove, Set, typing_run
from rtw_planner.domain.edits.lenses import EVALUATIONS, Attr, Entry, evaluation

EVALUATION_FIELDS = {"assessed_on": "evaluation date", "evaluator": "evaluator", "protocol": "protocol",
                     "effort": "effort", "effort_notes": "effort notes", "estimation_rule": "estimation rule",
                     "dominant_hand": "dominant hand"}
TYPED_FIELDS = ("evaluator", "protocol", "effort_notes")


def _day(evaluation_: Evaluation) -> str:
    day = evaluation_.assessed_on
    return f"{day.day} {day:%b %Y}"


def add_evaluation(new: Evaluation, index: int) -> Edit:
    """Add an evaluation."""
    return Insert(EVALUATIONS, index, new, f"add evaluation of {_day(new)}")


def delete_evaluation(index: int, deleted: Evaluation) -> Edit:
    """Delete an evaluation (undo puts it back, with its measurements)."""
    return Remove(EVALUATIONS, index, f"delete evaluation of {_day(deleted)}")


def set_evaluation_field(index: int, name: str, value: object) -> Edit:
    """One detail of an evaluation; typing in a text field merges into word-sized steps, the steps of a date merge."""
    label = EVALUATION_FIELDS[name]
    run = typing_run(label, value) if name in TYPED_FIELDS and isinstance(value, str) else None
    if name == "assessed_on":
        run = label
    return Set(Attr(evaluation(index), name), value, f"change {label}", run)


def set_grip(index: int, grip: tuple[GripTrials, ...], hand: Hand, typed: str) -> Edit:
    """The grip trials of an evaluation, after a trial of one hand was typed."""
    label = f"{hand.value} grip"
    return Set(Attr(evaluation(index), "grip"), grip, f"change {label}", typing_run(label, typed))


def set_tolerance(index: int, group: RatedGroup, key: str, tolerance: Tolerance | None) -> Edit:
    """The tolerance of one rated item: its frequency or its source, a cell at a time (None or a blank one: not
    tested, nothing kept)."""
    value = None if tolerance is None or tolerance.is_blank else tolerance
    return Set(Entry(Attr(evaluation(index), "tolerances"), (group, key)), value,
               f"change {KEY_TO_NAME[group][key].lower()} tolerance")
