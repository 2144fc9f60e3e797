"""Errors the storage layer raises for callers to handle."""

from __future__ import annotations


class NotFoundError(LookupError):
    """No case (or no stored document, or no plan) has that id."""
