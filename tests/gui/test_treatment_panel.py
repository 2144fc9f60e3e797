"""The Plan tab's treatment times: sessions added and edited in the table and the rule chosen, each an undoable
edit, saved and shown again; a bad time is refused at the table with the field named."""

from __future__ import annotations

from datetime import date, time

from gui_factories import history, planned_case, show_case
from PySide6.QtCore import Qt

from rtw_planner.domain.plan.treatment import TreatmentSession, TreatmentTime

TODAY = date(2026, 12, 6)  # the phased return starts on Sunday 13 December 2026: 20, 24, 30 and 40 h a week


def _panel(window):  # type: ignore[no-untyped-def]
    view = show_case(window, planned_case(TODAY), "plan_view")
    view.plan_view.tabs.setCurrentWidget(view.plan_view.treatment_panel)
    return view, view.plan_view.treatment_panel


def _set(panel, row: int, column: int, value: str) -> bool:  # type: ignore[no-untyped-def]
    return bool(panel.model.setData(panel.model.index(row, column), value, Qt.ItemDataRole.EditRole))


def test_sessions_round_trip_through_the_tab_and_the_database(window, repositories) -> None:  # type: ignore[no-untyped-def]
    cases, _ = repositories
    view, panel = _panel(window)
    panel.add_button.click()
    # The first session is on the Tuesday after the start: 15 December 2026.
    assert panel.model.rows() == (TreatmentSession("physiotherapy", (1,), time(10), time(11), date(2026, 12, 15)),)
    assert _set(panel, 0, 1, "Tue, Thu")
    assert _set(panel, 0, 3, "11:30")
    assert _set(panel, 0, 5, "2027-01-21")
    assert _set(panel, 0, 0, "psychology")
    panel.mode_combo.setCurrentIndex(panel.mode_combo.findData("work_time"))
    panel.mode_combo.activated.emit(panel.mode_combo.currentIndex())
    assert history(view) == ["add treatment session", "edit treatment session 1 days", "edit treatment session 1 end",
                             "edit treatment session 1 last day", "edit treatment session 1 kind",
                             "change treatment time"]
    # 2 x 1:30 a week on working days comes off 20, 24, 30 and 40 h.
    assert panel.hours_label.text() == ("Hours at work a week: phase 1 17:00, phase 2 21:00, phase 3 27:00, "
                                        "phase 4 37:00")
    assert view.save()
    stored = cases.get(view.case_id).plan
    expected = TreatmentSession("psychology", (1, 3), time(10), time(11, 30), date(2026, 12, 15), date(2027, 1, 21))
    assert (stored.treatment, stored.treatment_time) == ((expected,), TreatmentTime.WORK_TIME)
    view.load(cases.get(view.case_id))
    reopened = view.plan_view.treatment_panel
    index = reopened.model.index(0, 0)
    assert [reopened.model.data(index.siblingAtColumn(c)) for c in range(6)] == [
        "Psychology", "Tue, Thu", "10:00", "11:30", "15 Dec 2026", "21 Jan 2027"]
    assert reopened.mode_combo.currentData() == "work_time"


def test_undo_takes_a_session_back(window) -> None:  # type: ignore[no-untyped-def]
    view, panel = _panel(window)
    panel.add_button.click()
    view.undo_stack.undo()
    assert panel.model.rowCount() == 0
    assert view.case.plan.treatment == ()


def test_an_end_before_the_start_is_refused_naming_the_field(window) -> None:  # type: ignore[no-untyped-def]
    view, panel = _panel(window)
    panel.add_button.click()
    assert not _set(panel, 0, 3, "9:00")
    assert view.plan_view.message_label.text().startswith("treatment end time: '09:00' is not allowed")
    assert not _set(panel, 0, 2, "25:00")
    assert "treatment start time" in view.plan_view.message_label.text()
    assert view.case.plan.treatment[0].end == time(11)


def test_every_input_has_an_accessible_name(window) -> None:  # type: ignore[no-untyped-def]
    _, panel = _panel(window)
    assert panel.view.accessibleName() == "Treatment sessions"
    assert panel.mode_combo.accessibleName() == "Treatment time in the phased return"
