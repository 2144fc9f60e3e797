"""File › Export case file and Import case file: an owner-only JSON file that imports as a new case; a file that is
not a case file is explained by name."""

from __future__ import annotations

import stat
from pathlib import Path

from gui_factories import assessed_case, show_case

from rtw_planner.gui.actions import Action


def test_a_case_exported_and_imported_again_is_a_new_copy(window, prompts, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view = show_case(window, assessed_case(job_title="Cook"))
    exported_id = view.case_id
    out = tmp_path / "out" / "case.json"
    out.parent.mkdir()
    prompts.file_name = str(out)
    window.menu_actions[Action.EXPORT_CASE].trigger()
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert window.statusBar().currentMessage() == f"Exported to {out}"
    window.menu_actions[Action.IMPORT_CASE].trigger()
    assert window.case_view.case_id not in (None, exported_id)
    assert window.case_view.case.job_title == "Cook"
    assert window.case_model.rowCount() == 2
    assert window.cases.count() == 2


def test_a_file_that_is_not_a_case_file_is_named_in_the_message(window, prompts, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "notes.json"
    bad.write_text("[1, 2, 3]", encoding="utf-8")
    prompts.file_name = str(bad)
    window.files.import_case()
    assert len(prompts.errors) == 1
    assert prompts.errors[0].startswith("notes.json: ")
    assert window.cases.count() == 0


def test_cancelling_the_file_dialog_changes_nothing(window, prompts) -> None:  # type: ignore[no-untyped-def]
    show_case(window, assessed_case())
    prompts.file_name = ""
    window.files.export_case()
    window.files.import_case()
    assert window.cases.count() == 1
    assert prompts.errors == []
