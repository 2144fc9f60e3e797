"""Reading-level formulas: syllable counts, sentence and word splitting, textbook examples, robustness."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from readability import (
    TextStatistics,
    count_syllables,
    flesch_kincaid_grade,
    flesch_reading_ease,
    statistics,
)

SIMPLE = "The cat sat on the mat."
HARD = ("Notwithstanding considerable methodological heterogeneity, contemporary epidemiological investigations "
        "consistently demonstrate substantial associations between occupational biomechanical exposures and "
        "musculoskeletal disability.")


@pytest.mark.parametrize(("word", "syllables"), [
    ("cat", 1), ("the", 1), ("you", 1), ("walk", 1), ("walked", 1), ("makes", 1), ("times", 1), ("free", 1),
    ("table", 2), ("people", 2), ("minutes", 2), ("wanted", 2), ("boxes", 2), ("water", 2), ("quota", 2),
    ("appointment", 3), ("hospital", 3), ("beautiful", 3), ("activity", 4), ("rehabilitation", 6),
    ("flare-up", 2), ("don't", 1), ("Zoë", 1), ("WALKING", 2),
])
def test_syllables_of_common_words(word: str, syllables: int) -> None:
    assert count_syllables(word) == syllables


@pytest.mark.parametrize("token", ["10", "7.5", "10:30", "1,000", "2027"])
def test_a_number_is_one_syllable(token: str) -> None:
    assert count_syllables(token) == 1


@pytest.mark.parametrize("token", ["kg", "m", "Łódź", "ναι", "中文"])
def test_any_other_word_has_at_least_one_syllable(token: str) -> None:
    assert count_syllables(token) == 1


@pytest.mark.parametrize("token", ["", " ", "—", "…", "***"])
def test_no_word_no_syllables(token: str) -> None:
    assert count_syllables(token) == 0


def test_statistics_split_sentences_and_words() -> None:
    # 'Lift 7.5 kg.' is one sentence (the '.' in 7.5 does not end it); '10:30' is one word; a line ends a sentence.
    text = "Lift 7.5 kg. Rest at 10:30!\nYour goals\nDo you feel well? Yes…"
    assert statistics(text) == TextStatistics(sentences=5, words=13, syllables=13)


def test_the_cat_sat_on_the_mat_is_very_easy() -> None:
    assert statistics(SIMPLE) == TextStatistics(1, 6, 6)
    assert flesch_kincaid_grade(SIMPLE) == pytest.approx(0.39 * 6 + 11.8 * 1 - 15.59)  # -1.45
    assert flesch_reading_ease(SIMPLE) == pytest.approx(206.835 - 1.015 * 6 - 84.6 * 1)  # 116.1
    assert flesch_kincaid_grade(SIMPLE) < 1
    assert flesch_reading_ease(SIMPLE) > 100


def test_a_long_polysyllabic_sentence_is_very_hard() -> None:
    stats = statistics(HARD)
    assert (stats.sentences, stats.words) == (1, 18)
    assert stats.syllables >= 70
    assert flesch_kincaid_grade(HARD) > 20
    assert flesch_reading_ease(HARD) < 0


def test_the_formulas_use_the_counts() -> None:
    text = "Walk to the shop. Then walk back home slowly."
    stats = statistics(text)
    assert stats == TextStatistics(2, 9, 10)
    assert flesch_kincaid_grade(text) == pytest.approx(0.39 * 9 / 2 + 11.8 * 10 / 9 - 15.59)
    assert flesch_reading_ease(text) == pytest.approx(206.835 - 1.015 * 9 / 2 - 84.6 * 10 / 9)


def test_longer_sentences_read_harder() -> None:
    short = "Walk each day. Rest when you need to. Do your quota."
    joined = "Walk each day, rest when you need to, and do your quota."
    assert flesch_kincaid_grade(joined) > flesch_kincaid_grade(short)
    assert flesch_reading_ease(joined) < flesch_reading_ease(short)


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "… — !?", "***"])
def test_text_without_words_scores_zero(text: str) -> None:
    assert statistics(text).words == 0
    assert flesch_kincaid_grade(text) == 0
    assert flesch_reading_ease(text) == 0


@given(st.text())
def test_any_text_gives_finite_scores(text: str) -> None:
    stats = statistics(text)
    assert stats.sentences <= stats.words <= stats.syllables
    assert (stats.words == 0) == (stats.sentences == 0)
    assert math.isfinite(flesch_kincaid_grade(text))
    assert math.isfinite(flesch_reading_ease(text))


@given(st.lists(st.sampled_from(["cat", "sat", "mat", "dog", "ran", "sun"]), min_size=1, max_size=8))
def test_one_syllable_words_grade_depends_only_on_sentence_length(words: list[str]) -> None:
    sentence = " ".join(words) + "."
    assert flesch_kincaid_grade(sentence) == pytest.approx(0.39 * len(words) + 11.8 - 15.59)
    assert flesch_kincaid_grade(sentence + " " + sentence) == pytest.approx(flesch_kincaid_grade(sentence))


@given(st.text(alphabet=st.characters(categories=["L"]), min_size=1))
def test_every_word_has_a_syllable(word: str) -> None:
    assert count_syllables(word) >= 1
