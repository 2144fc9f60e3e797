"""Answers a prompt can give, shared by the screens that ask and the service that asks."""

from __future__ import annotations

from enum import StrEnum


class UnsavedChoice(StrEnum):
    """What to do with unsaved edits."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"
