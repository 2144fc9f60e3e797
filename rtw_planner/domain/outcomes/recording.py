"""A questionnaire or test becomes an outcome record only when it can be scored: an incomplete one is refused with
what is missing, so no "no score" rows stand in the history as if something had been measured."""

from __future__ import annotations

from datetime import date

from rtw_planner.domain.case.outcome_records import OutcomeRecord
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.outcomes.instruments import Instrument


class IncompleteAnswersError(ValidationError):
    """Too few answers for the instrument's missing-answer rule; names the unanswered items by number."""

    def __init__(self, instrument: Instrument, answered: int, missing_items: tuple[int, ...]) -> None:
        self.missing_items = missing_items
        total = len(instrument.items)
        listed = ", ".join(str(n) for n in missing_items[:8]) + (", …" if len(missing_items) > 8 else "")
        self.field = f"{instrument.id} answers"
        self.value = f"{answered} of {total}"
        self.allowed = (f"at least {instrument.min_answered} of {total} answered; missing: item"
                        f"{'s' if len(missing_items) > 1 else ''} {listed}")
        ValueError.__init__(self, f"{self.field}: {answered} of {total} answered, so it cannot be scored. Answer "
                                  f"item{'s' if len(missing_items) > 1 else ''} {listed}. {instrument.missing_rule}"
                                  .rstrip())


def missing_items(instrument: Instrument, answers: list[float | None]) -> tuple[int, ...]:
    """The numbers (from 1) of the items not answered."""
    return tuple(n for n in range(1, len(instrument.items) + 1) if n > len(answers) or answers[n - 1] is None)


def record_outcome(instrument: Instrument, on: date, answers: list[float | None], *, age: int | None = None,
                   sex: str | None = None, notes: str = "") -> OutcomeRecord:
    """Score the answers and make the record; IncompleteAnswersError when the instrument's rule gives no score,
    ValidationError for an answer outside an item's range."""
    score = instrument.score(answers, age=age, sex=sex)
    if score.value is None:
        raise IncompleteAnswersError(instrument, score.answered, missing_items(instrument, answers))
    return OutcomeRecord(instrument.id, on, tuple(answers), score.value, score.band, notes)
