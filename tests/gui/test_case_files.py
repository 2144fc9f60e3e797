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
    prompts.confirm_answer = False  # the same person is in the list: add a copy anyway
    window.menu_actions[Action.IMPORT_CASE].trigger()
    assert prompts.questions == [f"Case {exported_id} has the same name and date of birth. Open it instead of "
                                 "adding a copy? (No adds a copy.)"]
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


def test_importing_the_same_person_again_offers_the_case_already_there(window, prompts, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from rtw_planner.domain.case import casefile

    stored = window.cases.save(assessed_case(patient_name="Zoë Łukasiewicz"))
    other = window.cases.save(assessed_case(patient_name="Zoë Łukasiewicz", date_of_birth=None))
    path = tmp_path / "case.json"
    path.write_text(casefile.dumps(replace(stored, patient_name="ZOE  lukasiewicz")), encoding="utf-8")
    prompts.file_name = str(path)
    window.menu_actions[Action.IMPORT_CASE].trigger()  # yes: open the case already there
    assert len(prompts.questions) == 1
    assert f"Case {stored.id} has" in prompts.questions[0]
    assert window.case_view.case_id == stored.id
    assert window.cases.count() == 2
    path.write_text(casefile.dumps(replace(stored, date_of_birth=None, patient_name="Someone Else")),
                    encoding="utf-8")
    window.menu_actions[Action.IMPORT_CASE].trigger()  # another person: no question
    assert len(prompts.questions) == 1
    assert window.cases.count() == 3
    assert other.id is not None


def test_opening_the_demo_twice_asks_first(window, prompts) -> None:  # type: ignore[no-untyped-def]
    window.open_demo_case()
    first = window.case_view.case_id
    assert prompts.questions == []
    window.open_demo_case()
    assert window.case_view.case_id == first
    assert window.cases.count() == 1
    prompts.confirm_answer = False
    window.open_demo_case()
    assert window.cases.count() == 2
    assert len(prompts.questions) == 2
