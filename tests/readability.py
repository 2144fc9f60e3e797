"""Reading-level formulas (Flesch–Kincaid grade, Flesch reading ease) with a plain English syllable heuristic."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# A sentence ends at '.', '!', '?' or '…' (possibly followed by closing quotes or brackets) when whitespace or the
# end of the text follows, so '7.5' and '10:30' do not end one. A line break also ends a sentence: headings, list
# items and table cells each count as a sentence of their own. Abbreviations such as 'e.g.' do end a sentence.
_SENTENCE_END = re.compile(r"[.!?…]+['\"’”)\]]*(?=\s|$)|\n")
# A word is a run of letters or digits, joined by hyphens, apostrophes or (between digits) '.', ',', ':' or '/':
# 'flare-up', "don't", '7.5', '10:30' and '1,000' are one word each. '10 kg' is two words.
_WORD = re.compile(r"[^\W_]+(?:[-'’.,:/][^\W_]+)*")
_VOWEL_GROUP = re.compile(r"[aeiouy]+")
_CONSONANT_LE = re.compile(r"[^aeiouy]le$")


@dataclass(frozen=True)
class TextStatistics:
    """Counts the formulas use."""

    sentences: int
    words: int
    syllables: int


def _letters(word: str) -> str:
    """Lower-case ASCII letters only: accents are dropped ('Zoë' -> 'zoe'), other scripts vanish."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if "a" <= ch <= "z")


def _syllables_in_part(part: str) -> int:
    word = _letters(part)
    if len(word) <= 3:
        return 1
    if word.endswith("ed") and word[-3] not in "td":
        word = word[:-2]  # 'walked', 'used': a silent -ed ('wanted' keeps it)
    elif word.endswith("es") and not word.endswith(("ses", "xes", "zes", "ches", "shes", "ges", "ces")):
        word = word[:-1]  # 'makes', 'times' lose the s, then the silent e below ('boxes' keeps it)
    if word.endswith("e") and not word.endswith("ee") and not _CONSONANT_LE.search(word):
        word = word[:-1]  # silent final e ('make'), but 'table' and 'free' keep theirs
    return max(1, len(_VOWEL_GROUP.findall(word)))


def count_syllables(word: str) -> int:
    """Syllables in one word, by counting vowel groups with the common English silent-letter rules.

    A number ('10', '7.5', '10:30') counts as one syllable: it is read at a glance. A hyphenated word counts each
    part ('flare-up' is 2). Any other non-empty word has at least one syllable, so 'kg' is 1. '' is 0."""
    if not _WORD.search(word):
        return 0
    if any(ch.isdigit() for ch in word):
        return 1
    return sum(_syllables_in_part(part) for part in re.split(r"[-\s]+", word) if _WORD.search(part))


def statistics(text: str) -> TextStatistics:
    """Sentences, words and syllables of a text, split as described at the top of this module."""
    sentences = words = syllables = 0
    for sentence in _SENTENCE_END.split(text):
        tokens = _WORD.findall(sentence)
        if tokens:
            sentences += 1
            words += len(tokens)
            syllables += sum(count_syllables(t) for t in tokens)
    return TextStatistics(sentences, words, syllables)


def flesch_kincaid_grade(text: str) -> float:
    """0.39 × words per sentence + 11.8 × syllables per word − 15.59; 0 for a text with no words.

    Not clamped: very simple text scores below 0 ('The cat sat on the mat.' is about −1.5)."""
    stats = statistics(text)
    if stats.words == 0:
        return 0.0
    return 0.39 * stats.words / stats.sentences + 11.8 * stats.syllables / stats.words - 15.59


def flesch_reading_ease(text: str) -> float:
    """206.835 − 1.015 × words per sentence − 84.6 × syllables per word (higher is easier); 0 with no words."""
    stats = statistics(text)
    if stats.words == 0:
        return 0.0
    return 206.835 - 1.015 * stats.words / stats.sentences - 84.6 * stats.syllables / stats.words
