"""The one validation error the domain raises: it names the field, the value and what is allowed."""

from __future__ import annotations


class ValidationError(ValueError):
    """A value was rejected; the message says which field, what value and what is allowed."""

    def __init__(self, field: str, value: object, allowed: str) -> None:
        self.field = field
        self.value = value
        self.allowed = allowed
        super().__init__(f"{field}: {value!r} is not allowed; expected {allowed}")
