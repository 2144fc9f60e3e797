"""An incomplete questionnaire is refused with what is missing; a complete one becomes a scored record."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rtw_planner.domain.outcomes.instruments import get_instrument
from rtw_planner.domain.outcomes.recording import IncompleteAnswersError, missing_items, record_outcome

DAY = date(2026, 12, 1)


def test_a_peg_with_two_of_three_answers_is_refused_naming_item_3() -> None:
    with pytest.raises(IncompleteAnswersError) as refused:
        record_outcome(get_instrument("PEG"), DAY, [6, 5, None])
    assert refused.value.missing_items == (3,)
    assert str(refused.value).startswith("PEG answers: 2 of 3 answered, so it cannot be scored. Answer item 3.")


def test_a_tsk_17_with_five_answers_lists_the_first_missing_items() -> None:
    with pytest.raises(IncompleteAnswersError) as refused:
        record_outcome(get_instrument("TSK-17"), DAY, [2, 3, 2, 3, 2])
    assert refused.value.missing_items == tuple(range(6, 18))
    assert "5 of 17 answered" in str(refused.value)
    assert "Answer items 6, 7, 8, 9, 10, 11, 12, 13, …." in str(refused.value)


def test_a_complete_peg_is_scored_as_the_mean() -> None:
    """PEG is the mean of its three 0-10 items: (6 + 5 + 7) / 3 = 6."""
    record = record_outcome(get_instrument("PEG"), DAY, [6, 5, 7], notes="after a long drive")
    assert (record.instrument_id, record.on, record.score, record.notes) == ("PEG", DAY, 6.0, "after a long drive")


@given(st.lists(st.one_of(st.none(), st.integers(0, 10)), min_size=0, max_size=3))
def test_peg_refused_exactly_when_an_answer_is_missing(answers: list[int | None]) -> None:
    peg = get_instrument("PEG")
    expected_missing = tuple(n for n in (1, 2, 3) if n > len(answers) or answers[n - 1] is None)
    assert missing_items(peg, list(answers)) == expected_missing
    if expected_missing:
        with pytest.raises(IncompleteAnswersError):
            record_outcome(peg, DAY, list(answers))
    else:
        assert record_outcome(peg, DAY, list(answers)).score == pytest.approx(sum(answers) / 3)  # type: ignore[arg-type]
