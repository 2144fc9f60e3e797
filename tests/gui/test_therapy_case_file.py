"""A case with treatment sessions and a fear hierarchy goes through the window and the case file unchanged: imported,
shown in the Plan tab, exported, and read back the same."""

from __future__ import annotations

from pathlib import Path

from factories import case_text, followed_up_case, with_exposure, with_treatment
from PySide6.QtCore import Qt

from rtw_planner.domain.case import casefile
from rtw_planner.gui.actions import Action


def test_import_show_export(window, prompts, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    case = with_treatment(with_exposure(followed_up_case()))
    source, out = tmp_path / "in.json", tmp_path / "out.json"
    source.write_text(case_text(case), encoding="utf-8")
    prompts.file_name = str(source)
    window.menu_actions[Action.IMPORT_CASE].trigger()
    plan_view = window.case_view.plan_view
    sessions, fears = plan_view.treatment_panel.model, plan_view.exposure_panel.fears_model
    assert [sessions.data(sessions.index(r, 0)) for r in range(sessions.rowCount())] == ["Physiotherapy",
                                                                                         "Psychology"]
    assert [fears.data(fears.index(r, 1), Qt.ItemDataRole.DisplayRole) for r in range(fears.rowCount())] == [
        "Carrying a full shopping bag", "Bending to pick up a box from the floor", "Walking for 20 minutes"]
    assert plan_view.exposure_panel.proposal().endswith(
        "Current step 2 of 3: Carrying a full shopping bag. Not yet: fear after the latest exposure is 35; the "
        "first fear before was 60.")
    prompts.file_name = str(out)
    window.menu_actions[Action.EXPORT_CASE].trigger()
    assert casefile.parse(out.read_text(encoding="utf-8")).plan == case.plan
