"""The Details tab: every field and consent undoes and redoes; the clinician's contact saves, loads and is checked."""

from __future__ import annotations

from datetime import date

from gui_factories import EMPLOYER, assessed_case, history, show_case
from PySide6.QtCore import QDate

from rtw_planner.domain.capacity.grip import Sex
from rtw_planner.domain.case.model import Clinician, ConsentCategory


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
    qtbot.keyClicks(form.clinician_name_edit, "Sam")  # the whole clinician is valid now: the e-mail comes too
    assert window.case_view.case.clinician == Clinician("Sam", email="team@clinic.example")
    assert window.case_view.message_label.text() == ""


def test_each_field_is_an_undoable_step(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = show_case(window, assessed_case())
    tab, form = view.details, view.form
    before = view.case
    form.date_of_birth_edit.setDate(QDate(1981, 6, 2))
    form.sex_combo.setCurrentIndex(form.sex_combo.findData("female"))
    form.review_date_edit.setDate(QDate(2030, 1, 31))
    form.diagnosis_edit.setPlainText("Persistent neck pain, improving")
    tab.workers_comp_box.setChecked(True)
    form.clinician_profession_edit.setText("Physiotherapist")
    assert history(view) == ["change date of birth", "change sex", "change review date", "change diagnosis",
                             "change workers' compensation claim", "change clinician profession"]
    edited = view.case
    assert (edited.date_of_birth, edited.sex, edited.review_date) == (date(1981, 6, 2), Sex.FEMALE, date(2030, 1, 31))
    assert edited.workers_comp_claim
    view.undo_stack.setIndex(0)
    assert view.case == before
    assert form.sex_combo.currentData() is None
    assert form.diagnosis_edit.toPlainText() == "Persistent neck pain"
    assert form.clinician_profession_edit.text() == "Occupational therapist"
    assert not tab.workers_comp_box.isChecked()
    view.undo_stack.setIndex(6)
    assert view.case == edited


def test_one_undo_takes_back_one_word_of_a_name(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = show_case(window, assessed_case())
    name = view.form.patient_name_edit
    name.selectAll()
    qtbot.keyClicks(name, "Ann Marie Smith")
    assert history(view) == ["change patient name"] * 3
    view.undo_stack.undo()
    assert name.text() == "Ann Marie"
    view.undo_stack.undo()
    assert name.text() == "Ann"
    view.undo_stack.undo()
    assert name.text() == "Ada Test"


def test_consents_are_recorded_and_a_removed_one_comes_back_with_undo(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = show_case(window, assessed_case())
    tab = view.details
    tab.add_consent_button.click()
    assert view.case.consents[0].recipient == EMPLOYER
    assert tab.consents_model.setData(tab.consents_model.index(0, 0), "diagnosis")
    tab.consents_view.setCurrentIndex(tab.consents_model.index(0, 1))
    tab.remove_consent_button.click()
    assert view.case.consents == ()
    assert tab.consents_model.rowCount() == 0
    assert view.undo_stack.undoText() == "remove consent to share diagnosis"
    view.undo_stack.undo()
    assert view.case.consents[0].category is ConsentCategory.DIAGNOSIS
    assert tab.consents_model.rowCount() == 1
    assert history(view) == ["record consent", "change consent 1 category", "remove consent to share diagnosis"]


def test_ctrl_z_in_the_diagnosis_takes_back_the_last_word(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    view = show_case(window, assessed_case(diagnosis=""))
    window.activateWindow()
    qtbot.waitActive(window)
    diagnosis = view.form.diagnosis_edit
    diagnosis.setFocus()
    qtbot.keyClicks(diagnosis, "Neck pain")
    qtbot.keyClick(diagnosis, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert diagnosis.toPlainText() == "Neck"
    assert view.case.diagnosis == "Neck"


def test_dates_typed_with_the_keyboard_are_stored_and_cleared(window, repositories, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QLocale, Qt

    cases, _ = repositories
    saved = cases.save(assessed_case(date_of_birth=None))
    window.open_case(saved.id)
    view, form = window.case_view, window.case_view.form
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    try:
        for typed, expected in (("14 Feb 1979", date(1979, 2, 14)), ("15/02/1979", date(1979, 2, 15)),
                                ("1979-02-16", date(1979, 2, 16))):
            form.date_of_birth_edit.setFocus()
            qtbot.keyClick(form.date_of_birth_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            qtbot.keyClicks(form.date_of_birth_edit, typed)
            qtbot.keyClick(form.date_of_birth_edit, Qt.Key.Key_Tab)
            assert view.case.date_of_birth == expected
    finally:
        QLocale.setDefault(before)
    assert history(view) == ["change date of birth"]  # the tries at one date are one step
    form.sex_combo.setCurrentIndex(form.sex_combo.findData("female"))
    form.date_of_birth_edit.setFocus()
    qtbot.keyClick(form.date_of_birth_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(form.date_of_birth_edit, Qt.Key.Key_Delete)
    assert view.case.date_of_birth is None
    form.review_date_edit.setFocus()
    form.review_date_edit.selectAll()
    qtbot.keyClicks(form.review_date_edit, "not a date")
    qtbot.keyClick(form.review_date_edit, Qt.Key.Key_Tab)
    assert form.review_date_edit.text() == "not a date"  # kept, marked, and the case keeps its review date
    assert "review date: 'not a date' is not allowed" in view.message_label.text()
    assert not view.save()
    view.undo_stack.undo()
    assert view.case.date_of_birth == date(1979, 2, 16)
    assert form.date_of_birth_edit.text() == "16 Feb 1979"
    form.review_date_edit.clear()  # clearing is no review date
    assert view.save()
    assert (cases.get(saved.id).date_of_birth, cases.get(saved.id).review_date) == (date(1979, 2, 16), None)
