"""Text folded for search, ignoring case and accents (Zoë = zoe, Łukasiewicz = lukasiewicz), as PostgreSQL's
lower(unaccent()) folds it on the server."""

from __future__ import annotations

import unicodedata

# Letters with a stroke or a ligature have no decomposition to strip; unaccent's rules map them like this, and ё
# to е (while й stays a letter of its own).
_UNDECOMPOSABLE = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ŧ": "t", "ı": "i", "æ": "ae",
                                 "œ": "oe", "þ": "th", "ё": "е"})
_DIACRITICS = range(0x300, 0x370)  # the Combining Diacritical Marks block
_LATIN_AND_GREEK = 0x400  # letters below Cyrillic lose their accents; other scripts keep their marks


def fold(text: str) -> str:
    """text without case, and without accents on Latin and Greek letters; other scripts keep their marks."""
    if text.isascii():
        return text.lower()
    kept: list[str] = []
    base = 0
    for char in unicodedata.normalize("NFKD", text.casefold()):
        if ord(char) in _DIACRITICS and base < _LATIN_AND_GREEK:
            continue
        if not unicodedata.combining(char):
            base = ord(char)
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept)).translate(_UNDECOMPOSABLE)


def sql_fold(value: str | None) -> str | None:
    """fold() as a SQLite function: NULL stays NULL."""
    return fold(value) if isinstance(value, str) else value


SEPARATOR = "\x1f"  # between the fields of a search key: no typed search holds it, so no match spans two fields


def search_key(*fields: str) -> str:
    """The stored search key of a case: its name, job title and employer, each folded, apart by SEPARATOR (a
    substring search of the key finds what a search of each field would)."""
    return SEPARATOR.join(fold(field.replace(SEPARATOR, " ")) for field in fields)
