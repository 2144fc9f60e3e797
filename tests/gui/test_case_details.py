"""The Details tab: the clinician's direct phone and e-mail are real fields that save and load."""

from __future__ import annotations

from gui_factories import assessed_case

from rtw_planner.domain.case.model import Clinician


def test_clinician_contact_round_trips(window, repositories, qtbot) -> None:  # type: ignore[no-untyped-def]
    cases, _ = repositories
    saved = cases.save(assessed_case(clinician=Clinician("Sam Rivers", "Occupational therapist")))
    window.open_case(saved.id)
    form = window.case_view.form
    assert form.clinician_phone_edit.text() == ""
    qtbot.keyClicks(form.clinician_phone_edit, "0161 496 0732")
    qtbot.keyClicks(form.clinician_email_edit, "sam.rivers@clinic.example")
    assert window.case_view.is_dirty()
    assert window.case_view.save()
    assert cases.get(saved.id).clinician == Clinician("Sam Rivers", "Occupational therapist", "", "0161 496 0732",
                                                      "sam.rivers@clinic.example")
    window.case_view.load(cases.get(saved.id))
    assert form.clinician_phone_edit.text() == "0161 496 0732"
    assert form.clinician_email_edit.text() == "sam.rivers@clinic.example"


def test_contact_without_a_clinician_name_is_refused(window, repositories, qtbot) -> None:  # type: ignore[no-untyped-def]
    cases, _ = repositories
    saved = cases.save(assessed_case(clinician=None))
    window.open_case(saved.id)
    form = window.case_view.form
    qtbot.keyClicks(form.clinician_email_edit, "team@clinic.example")
    assert "clinician name" in window.case_view.message_label.text()
    assert form.clinician_name_edit.styleSheet() != ""
    assert not window.case_view.save()
    assert cases.get(saved.id).clinician is None
