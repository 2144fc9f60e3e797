"""The History tab: who changed what and when, old and new values, newest first, filterable by field; from the
audit trail (rtw_planner.db.audit.history) once the database keeps one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
from gui_factories import unassessed_case
from PySide6.QtCore import Qt

from rtw_planner.gui.team import history as history_module
from rtw_planner.gui.team.history import HistoryEntry, audit_source
from rtw_planner.gui.widgets.history_view import ALL_FIELDS, NO_AUDIT_TRAIL, NOT_SAVED_YET, HistoryView


@dataclass(frozen=True)
class Change:
    """A line of the audit trail as rtw_planner.db.audit.history gives it (when in UTC)."""

    when: datetime
    who: str
    what: str
    field: str | None
    old: Any
    new: Any


TRAIL = [  # oldest first, as the audit trail reads
    Change(datetime(2026, 12, 1, 9, 0, tzinfo=UTC), "sam", "added case 7", None, None,
           {"patient_name": "Ada Test", "job_title": "Shelf stacker", "diagnosis": None}),
    Change(datetime(2026, 12, 2, 14, 5, tzinfo=UTC), "kim", "changed case 7", "job_title", "Shelf stacker",
           "Team leader"),
    Change(datetime(2026, 12, 2, 14, 5, tzinfo=UTC), "kim", "changed case 7", "workers_comp", False, True),
    Change(datetime(2026, 12, 3, 8, 30, tzinfo=UTC), "sam", "changed case 7", "job_title", "Team leader", "Cook"),
]


def trail_source(monkeypatch, asked: list[int]):  # type: ignore[no-untyped-def]
    def read(db: object, case_id: int) -> list[Change]:
        asked.append(case_id)
        return TRAIL

    monkeypatch.setattr(history_module, "module_function", lambda module, *names: read)
    return audit_source(None)  # type: ignore[arg-type]


def rows(view: HistoryView) -> list[tuple[str, ...]]:
    model = view.model
    return [tuple(str(model.data(model.index(r, c)) or "") for c in range(1, 6)) for r in range(model.rowCount())]


def test_the_trail_is_shown_newest_first_with_old_and_new_values(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked: list[int] = []
    view = HistoryView(trail_source(monkeypatch, asked))
    qtbot.addWidget(view)
    view.show_case(7)
    assert asked == []  # read when shown, not before
    view.show()
    assert asked == [7]
    assert rows(view) == [
        ("sam", "changed case 7", "job title", "Team leader", "Cook"),
        ("kim", "changed case 7", "workers comp", "no", "yes"),
        ("kim", "changed case 7", "job title", "Shelf stacker", "Team leader"),
        ("sam", "added case 7", "", "", "patient name: Ada Test; job title: Shelf stacker"),
    ]
    assert view.model.entry(0).when == datetime(2026, 12, 3, 8, 30, tzinfo=UTC).astimezone().replace(tzinfo=None)
    assert view.status_label.text() == "4 changes"


def test_the_list_is_filtered_by_field(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    view = HistoryView(trail_source(monkeypatch, []))
    qtbot.addWidget(view)
    view.show_case(7)
    view.show()
    combo = view.field_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [ALL_FIELDS, "job title", "workers comp"]
    combo.setCurrentIndex(1)
    assert [r[3:] for r in rows(view)] == [("Team leader", "Cook"), ("Shelf stacker", "Team leader")]
    assert view.status_label.text() == "2 of 4 changes"
    view.refresh()  # the chosen field stays chosen
    assert combo.currentText() == "job title"
    assert len(rows(view)) == 2


def test_a_long_value_is_cut_in_the_cell_and_whole_in_its_tooltip(qtbot) -> None:  # type: ignore[no-untyped-def]
    long = "word " * 60
    entry = HistoryEntry(datetime(2026, 12, 3, 8, 30), "sam", "changed case 7", "notes", "", long)
    view = HistoryView(lambda case_id: [entry])
    qtbot.addWidget(view)
    view.show_case(7)
    view.show()
    cell = view.model.index(0, 5)
    assert str(view.model.data(cell)).endswith("…")
    assert len(str(view.model.data(cell))) == 120
    assert view.model.data(cell, Qt.ItemDataRole.ToolTipRole) == long


def test_without_an_audit_trail_the_tab_says_so(qtbot, repositories) -> None:  # type: ignore[no-untyped-def]
    cases, _ = repositories
    if history_module.module_function("rtw_planner.db.audit", "history") is not None:
        pytest.skip("this database keeps an audit trail (the people part of issue 13 is merged)")
    view = HistoryView(audit_source(cases.db))
    qtbot.addWidget(view)
    view.show_case(cases.save(unassessed_case()).id)
    view.show()
    assert view.model.rowCount() == 0
    assert view.status_label.text() == NO_AUDIT_TRAIL


def test_a_new_case_has_no_history_yet(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = HistoryView(lambda case_id: [])
    qtbot.addWidget(view)
    view.show_case(None)
    view.show()
    assert view.status_label.text() == NOT_SAVED_YET


def test_the_case_views_history_tab_reads_the_saved_case(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked: list[int] = []

    def read(db: object, case_id: int) -> list[Change]:
        asked.append(case_id)
        return TRAIL

    monkeypatch.setattr(history_module, "module_function", lambda module, *names: read)
    saved = window.cases.save(unassessed_case())
    window.reload_list()
    window.open_case(saved.id)
    view = window.case_view
    view.tabs.setCurrentWidget(view.history_view)
    assert asked == [saved.id]
    assert view.history_view.model.rowCount() == 4
