"""The one validation error the domain raises: it names the field, the value and what is allowed.

A message never carries clinical or identifying text: the value of a private field (names, diagnosis, notes, free
text, the date of birth) is described by its kind and length, never quoted, and any other value is quoted to at
most 40 characters. So an error can go to standard error, a dialog or a log."""

from __future__ import annotations

from datetime import date

MAX_QUOTED = 40  # characters of a value a message may quote

# Words in a field's name that mark it as clinical or identifying: its value is never shown.
PRIVATE_FIELD_WORDS = (
    "name", "diagnos", "note", "text", "purpose", "recipient", "employer", "evaluator", "address", "phone", "email",
    "registration", "title", "description", "trigger", "warning sign", "helps", "criteria", "restriction",
    "appointment with", "place", "birth", "protocol", "with whom", "comment", "reason",
)


def is_private_field(field: str) -> bool:
    """True for a field whose value is clinical or identifying (by the words in its name)."""
    folded = field.casefold()
    return any(word in folded for word in PRIVATE_FIELD_WORDS)


def quoted(text: str, limit: int = MAX_QUOTED) -> str:
    """The text as a Python-style quoted string of at most `limit` characters of it, cut with an ellipsis; control
    characters and lone surrogates escaped, so the quote is always one printable line."""
    shown = text if len(text) <= limit else text[:limit - 1] + "…"
    return ascii_safe(repr(shown))


def ascii_safe(text: str) -> str:
    """Text with lone surrogates escaped (repr already escapes control characters), so it can always be encoded."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def describe(value: object, *, private: bool) -> str:
    """How a message shows a value: quoted to 40 characters, or for a private field only its kind and size."""
    if isinstance(value, str):
        if private and value.strip():  # blank text says nothing, and is shown as it is
            return f"text of {len(value)} characters"
        return quoted(value)
    if isinstance(value, list | tuple):
        flat = all(v is None or isinstance(v, bool | int | float | date) for v in value) or (
            not private and all(isinstance(v, str) and len(v) <= MAX_QUOTED for v in value))
        shown = repr(list(value) if isinstance(value, list) else value)
        if flat and len(shown) <= MAX_QUOTED:  # numbers, or short codes and ids
            return ascii_safe(shown)
        return f"a list of {len(value)} item{'s' if len(value) != 1 else ''}"
    if isinstance(value, dict):  # a record: it may hold free text
        return f"an object with {len(value)} key{'s' if len(value) != 1 else ''}"
    if private and isinstance(value, int | float) and not isinstance(value, bool):
        return "a number"
    if private and isinstance(value, date):
        return "a date"
    if private and value is not None and not isinstance(value, bool):
        return f"a value of type {type(value).__name__}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10 ** MAX_QUOTED:
        return f"a whole number of more than {MAX_QUOTED} digits"
    shown = repr(value)
    return ascii_safe(shown if len(shown) <= MAX_QUOTED else shown[:MAX_QUOTED - 1] + "…")


class ValidationError(ValueError):
    """A value was rejected; the message says which field, what value (or, for a private field, what kind of value)
    and what is allowed. `private` None decides by the field's name (is_private_field)."""

    def __init__(self, field: str, value: object, allowed: str, *, private: bool | None = None) -> None:
        self.field = field
        self.value = value
        self.allowed = allowed
        self.private = is_private_field(field) if private is None else private
        super().__init__(f"{field}: {describe(value, private=self.private)} is not allowed; expected {allowed}")
