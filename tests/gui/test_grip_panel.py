"""The grip panel: the mean of three trials, compared with the norms for the patient's age and sex when known."""

from __future__ import annotations

import pytest

from rtw_planner.domain.capacity.grip import GripTrials, Hand, Sex
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.gui.widgets.grip_panel import GripPanel


def test_the_mean_is_shown_until_age_and_sex_are_known(qtbot) -> None:  # type: ignore[no-untyped-def]
    context: list[tuple[int | None, Sex | None]] = [(None, None)]
    panel = GripPanel(lambda: context[0])
    qtbot.addWidget(panel)
    panel.set_grip((GripTrials(Hand.RIGHT, (40.5, 42.0, 41.0)),))
    assert [e.text() for e in panel.trial_edits[Hand.RIGHT]] == ["40.5", "42", "41"]
    assert panel.result_labels[Hand.RIGHT].text().startswith("Mean 41.2 kg. Record date of birth and sex")
    assert panel.result_labels[Hand.LEFT].text() == ""
    context[0] = (42, Sex.MALE)
    panel.refresh()
    assert "% of the norm for men aged 40–44" in panel.result_labels[Hand.RIGHT].text()


def test_trials_must_be_three_numbers_or_none(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = GripPanel(lambda: (None, None))
    qtbot.addWidget(panel)
    left = panel.trial_edits[Hand.LEFT]
    left[0].setText("30")
    with pytest.raises(ValidationError, match="three trials, or none"):
        panel.grip()
    assert "left grip trials" in panel.result_labels[Hand.RIGHT].text()
    left[1].setText("strong")
    with pytest.raises(ValidationError, match="three numbers from 0 to 100 kg"):
        panel.grip()
    for edit in left:
        edit.clear()
    assert panel.grip() == ()
    assert panel.hand_of(left[2]) is Hand.LEFT
    assert set(panel.fields()) >= {"left grip trials", "right grip trials"}
