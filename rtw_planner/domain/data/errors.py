"""The one validation error the domain raises: it names the field, the value and what is allowed."""

from __future__ import annotations

from datetime import date


class ValidationError(ValueError):
    """A value was rejected; the message says which field, what value and what is allowed."""

    def __init__(self, field: str, value: object, allowed: str) -> None:
        self.field = field
        self.value = value
        self.allowed = allowed
        shown = value.isoformat() if isinstance(value, date) else repr(value)
        super().__init__(f"{field}: {shown} is not allowed; expected {allowed}")
