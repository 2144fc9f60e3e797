"""The answers to 'unsaved changes': three, and plain strings, so a script or a log can name them."""

from __future__ import annotations

from rtw_planner.gui.kit.choices import UnsavedChoice


def test_three_answers_with_plain_names() -> None:
    assert [choice.value for choice in UnsavedChoice] == ["save", "discard", "cancel"]
    assert UnsavedChoice("discard") is UnsavedChoice.DISCARD
    assert f"{UnsavedChoice.SAVE}" == "save"
