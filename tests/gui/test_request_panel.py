"""The document's choices: who it goes to (with the usual recipient filled in), how, the day the patient was
offered it, units and large print; the panel returns them as a request and options and decides nothing itself."""

from __future__ import annotations

from datetime import date

import pytest
from factories import EMPLOYER, as_of, followed_up_case
from factories import consented_case as consented_as_written

from rtw_planner.domain.case.jurisdiction import Jurisdiction
from rtw_planner.domain.case.model import Case, Clinic
from rtw_planner.domain.demands.units import MassUnit
from rtw_planner.domain.issuing.disclosure import CLINICAL_TEAM, Delivery, DocumentKind, RecipientRole
from rtw_planner.gui.dialogs.request_panel import RequestPanel

LETTER, REPORT, HANDOUT = DocumentKind.EMPLOYER_LETTER, DocumentKind.MATCH_REPORT, DocumentKind.PATIENT_HANDOUT


def consented_case() -> Case:
    """A case whose consent to the employer is in force today (the panel asks about today)."""
    return as_of(consented_as_written(), date.today())


def _panel(qtbot, kind: DocumentKind, case=None, clinic: Clinic | None = None) -> RequestPanel:  # type: ignore[no-untyped-def]
    panel = RequestPanel(kind)
    qtbot.addWidget(panel)
    panel.set_context(case or followed_up_case(), clinic or Clinic(name="Clinic"))
    return panel


def _select(combo, value: str) -> None:  # type: ignore[no-untyped-def]
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


@pytest.mark.parametrize(("kind", "roles"), [
    (LETTER, [RecipientRole.EMPLOYER, RecipientRole.INSURER]),
    (REPORT, [RecipientRole.CLINICAL_TEAM, RecipientRole.INSURER, RecipientRole.HEALTH_PROFESSIONAL,
              RecipientRole.EMPLOYER]),
    (HANDOUT, [RecipientRole.PATIENT]),
])
def test_each_document_offers_its_recipients_the_usual_one_first(qtbot, kind, roles) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, kind)
    combo = panel.role_combo
    assert [combo.itemData(i) for i in range(combo.count())] == [r.value for r in roles]
    assert panel.role() is roles[0]
    assert combo.isEnabled() is (len(roles) > 1)


@pytest.mark.parametrize(("kind", "recipient", "read_only"), [
    (LETTER, EMPLOYER, False), (REPORT, CLINICAL_TEAM, True), (HANDOUT, "Marek Dąbrowski", True),
])
def test_the_usual_recipient_is_filled_in(qtbot, kind, recipient, read_only) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, kind)
    assert panel.recipient_edit.text() == recipient
    assert panel.recipient_edit.isReadOnly() is read_only
    assert panel.request().recipient == recipient


def test_another_role_clears_the_name_to_type(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, REPORT)
    _select(panel.role_combo, RecipientRole.INSURER.value)
    assert panel.recipient_edit.text() == ""
    assert not panel.recipient_edit.isReadOnly()
    assert panel.recipient_edit.placeholderText() == "The organisation or person who receives it"
    panel.recipient_edit.setText("  Mutual Assurance  ")
    assert panel.request().recipient == "Mutual Assurance"  # trimmed
    _select(panel.role_combo, RecipientRole.EMPLOYER.value)
    assert panel.recipient_edit.text() == EMPLOYER


def test_delivery_is_a_letters_choice_and_sending_needs_consent(qtbot) -> None:  # type: ignore[no-untyped-def]
    report = _panel(qtbot, REPORT)
    assert not report.delivery_combo.isVisibleTo(report)
    assert report.request().delivery is Delivery.SENT
    assert _panel(qtbot, HANDOUT).request().delivery is Delivery.PATIENT_COPY
    without = _panel(qtbot, LETTER)
    assert without.delivery_combo.isVisibleTo(without)
    sent = without.delivery_combo.model().item(1)
    assert not sent.isEnabled()
    assert "consent in force" in sent.toolTip()
    with_consent = _panel(qtbot, LETTER, consented_case())
    assert with_consent.delivery_combo.model().item(1).isEnabled()


@pytest.mark.parametrize(("jurisdiction", "note"), [(Jurisdiction.UK, "Required before it is sent (UK practice)."),
                                                    (Jurisdiction.US, "Optional outside the UK.")])
def test_the_offer_date_only_for_a_letter_sent_by_the_clinic(qtbot, jurisdiction, note) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, LETTER, consented_case(), Clinic(name="Clinic", jurisdiction=jurisdiction))
    assert not panel.offered_edit.isVisibleTo(panel)  # the patient's own copy
    panel.offered_edit.setDate(date(2027, 1, 2))
    assert panel.request().patient_offered_on is None  # not asked, not sent
    _select(panel.delivery_combo, Delivery.SENT.value)
    assert panel.offered_edit.isVisibleTo(panel)
    assert panel.offered_note.text() == note
    assert panel.request().patient_offered_on == date(2027, 1, 2)


def test_options_follow_the_units_and_large_print(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, HANDOUT, clinic=Clinic(name="Clinic", mass_unit=MassUnit.LB))
    assert panel.units_combo.itemText(0) == "Clinic setting (lb)"
    options = panel.options()
    assert (options.draft, options.large_print, options.mass_unit) == (True, False, None)
    _select(panel.units_combo, MassUnit.KG.value)
    panel.large_print_box.setChecked(True)
    options = panel.options(draft=False)
    assert (options.draft, options.large_print, options.mass_unit) == (False, True, MassUnit.KG)


def test_every_edit_says_changed(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, LETTER, consented_case())
    edits = [lambda: qtbot.keyClicks(panel.recipient_edit, "x"),
             lambda: _select(panel.delivery_combo, Delivery.SENT.value),
             lambda: panel.offered_edit.setDate(date(2027, 1, 2)),
             lambda: _select(panel.units_combo, MassUnit.LB.value),
             lambda: panel.large_print_box.setChecked(True),
             lambda: _select(panel.role_combo, RecipientRole.INSURER.value)]
    for edit in edits:
        with qtbot.waitSignal(panel.changed, timeout=1000):
            edit()


def test_a_later_context_keeps_what_was_typed(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, LETTER)
    panel.recipient_edit.setText("Northgate HR")
    panel.set_context(followed_up_case(), Clinic(name="Clinic", mass_unit=MassUnit.LB))  # the case saved again
    assert panel.recipient_edit.text() == "Northgate HR"
    assert panel.units_combo.itemText(0) == "Clinic setting (lb)"


def test_no_scheme_switch_without_a_claim(qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, LETTER)
    assert not panel.scheme_box.isVisibleTo(panel)
    assert not panel.request().diagnosis_by_scheme
    claim = _panel(qtbot, LETTER, followed_up_case(workers_comp_claim=True), Clinic(jurisdiction=Jurisdiction.US))
    assert claim.scheme_box.isVisibleTo(claim)
    assert claim.scheme_box.isEnabled()
    claim.scheme_box.setChecked(True)
    assert claim.request().diagnosis_by_scheme
