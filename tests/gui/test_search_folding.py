"""Typing in the case list's search box finds people however their name is typed: case and accents folded on the
database side (Zoë = zoe, Łukasiewicz = LUKAS), a date of birth or a case number too."""

from __future__ import annotations

from datetime import date

import pytest
from gui_factories import unassessed_case
from PySide6.QtCore import Qt


@pytest.mark.parametrize(("typed", "found"), [("zoe", ["Zoë Łukasiewicz"]), ("LUKAS", ["Zoë Łukasiewicz"]),
                                              ("1979-02-14", ["Zoë Łukasiewicz"]), ("#1", ["Marek Dąbrowski"]),
                                              ("dabrowski", ["Marek Dąbrowski"]), ("nobody", [])])
def test_typed_search_finds_the_person(window, qtbot, typed: str, found: list[str]) -> None:  # type: ignore[no-untyped-def]
    window.cases.save(unassessed_case(patient_name="Marek Dąbrowski", date_of_birth=date(1984, 3, 12)))
    window.cases.save(unassessed_case(patient_name="Zoë Łukasiewicz", date_of_birth=date(1979, 2, 14)))
    window.reload_list()
    window.search_edit.setFocus()
    qtbot.keyClicks(window.search_edit, typed)
    qtbot.waitUntil(lambda: window.case_model.rowCount() == len(found), timeout=3000)
    model = window.case_model
    assert [model.index(row, 0).data(Qt.ItemDataRole.DisplayRole) for row in range(model.rowCount())] == found
    assert window.count_label.text() == f"{len(found)} case{'s' if len(found) != 1 else ''} found"
