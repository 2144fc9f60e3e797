"""Answers a prompt can give, shared by the screens that ask and the service that asks."""

from __future__ import annotations

from enum import StrEnum


class UnsavedChoice(StrEnum):
    """What to do with unsaved edits."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class ConflictChoice(StrEnum):
    """What to do when a save was refused because someone else saved the case first."""

    RELOAD = "reload"  # their version, with my edits re-applied on top
    COPY = "copy"  # my version as a new case
    CANCEL = "cancel"  # keep editing
