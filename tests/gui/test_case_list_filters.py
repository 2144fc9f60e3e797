"""The case list's filters: one search per pause in typing with every keystroke kept, a count that stops at what is
loaded ("200+ cases"), and the clinician drop-down beside "Show archived cases"."""

from __future__ import annotations

from gui_factories import unassessed_case
from PySide6.QtCore import Qt

from rtw_planner.domain.case.model import Case, Clinician
from rtw_planner.gui.case_list import SEARCH_PAUSE_MS, count_text
from rtw_planner.gui.models.case_table import PAGE_SIZE


def _names(window) -> list[str]:  # type: ignore[no-untyped-def]
    model = window.case_model
    return [model.index(row, 0).data(Qt.ItemDataRole.DisplayRole) for row in range(model.rowCount())]


def test_count_text() -> None:
    assert count_text(200, True) == "200+ cases"
    assert count_text(1, False, archived=True) == "1 archived case"
    assert count_text(0, False, searching=True) == "0 cases found"
    assert count_text(400, True, searching=True) == "400+ cases found"


def test_typing_searches_once_when_it_pauses_and_keeps_every_keystroke(window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window.cases.save(unassessed_case(patient_name="Zoë Łukasiewicz"))
    window.cases.save(unassessed_case())
    window.reload_list()
    searched: list[str] = []
    read = window.cases.summaries
    monkeypatch.setattr(window.cases, "summaries",
                        lambda text="", *a, **k: searched.append(text) or read(text, *a, **k))
    assert SEARCH_PAUSE_MS == 150
    window.search_edit.setFocus()
    qtbot.keyClicks(window.search_edit, "zoe luk")
    assert searched == []  # nothing yet: the pause has not ended
    qtbot.waitUntil(lambda: searched == ["zoe luk"], timeout=3000)
    assert window.search_edit.text() == "zoe luk"
    assert _names(window) == ["Zoë Łukasiewicz"]
    assert window.count_label.text() == "1 case found"


def test_the_count_stops_at_a_page_and_grows_as_the_list_scrolls(window) -> None:  # type: ignore[no-untyped-def]
    window.cases.insert_many_for_benchmark([Case(patient_name=f"Person {n}") for n in range(PAGE_SIZE + 5)])
    window.reload_list()
    assert window.count_label.text() == "200+ cases"
    window.case_model.fetchMore()
    assert window.count_label.text() == f"{PAGE_SIZE + 5} cases"


def test_the_clinician_drop_down_lists_one_clinicians_cases(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    sam, ann = Clinician("Sam Lee", "OT", "OT1"), Clinician("Ann Ode", "Physiotherapist", "PT7")
    window.cases.save(unassessed_case(patient_name="Zoë Łukasiewicz", clinician=sam))
    window.cases.save(unassessed_case(clinician=ann))
    window.cases.save(unassessed_case(patient_name="Zoe Ode", clinician=sam))
    window.reload_list()
    box = window.list_filters.panel.clinician_box
    assert box.accessibleName() == "Clinician's queue"
    assert [box.itemText(i) for i in range(box.count())] == ["All clinicians", "Ann Ode", "Sam Lee"]
    assert _names(window) == ["Zoe Ode", "Ada Test", "Zoë Łukasiewicz"]
    box.setCurrentIndex(2)
    assert _names(window) == ["Zoe Ode", "Zoë Łukasiewicz"]
    assert window.count_label.text() == "2 cases"
    window.search_edit.setText("łuk")
    qtbot.waitUntil(lambda: _names(window) == ["Zoë Łukasiewicz"], timeout=3000)
    window.cases.save(unassessed_case(patient_name="Ivo Ban", clinician=Clinician("Bea Cole", "OT", "OT9")))
    window.reload_list()  # a new clinician joins the list; the one chosen stays chosen
    assert [box.itemText(i) for i in range(box.count())] == ["All clinicians", "Ann Ode", "Bea Cole", "Sam Lee"]
    assert (box.currentText(), _names(window)) == ("Sam Lee", ["Zoë Łukasiewicz"])
    box.setCurrentIndex(0)
    window.search_edit.clear()
    window.list_filters.search_now()
    assert len(_names(window)) == 4
