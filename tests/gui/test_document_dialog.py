"""The document dialog: disclosure shown before rendering, drafts are not logged, issuing logs the exact PDF."""

from __future__ import annotations

from datetime import date

from pypdf import PdfReader

from rtw_planner.db.document_log import DocumentLog
from rtw_planner.domain.case import Consent, ConsentCategory
from rtw_planner.domain.disclosure import Delivery


def _dialog(window, kind: str = "employer-letter"):  # type: ignore[no-untyped-def]
    window.open_demo_case()
    window.open_document(kind)
    return window.preview


def test_a_draft_is_not_logged_and_issuing_is(window, repositories, data_dir) -> None:  # type: ignore[no-untyped-def]
    cases, _ = repositories
    dialog = _dialog(window)
    log = DocumentLog(cases.db)
    assert log.entries(window.case_view.case_id) == []
    assert "functional" in dialog.disclosure_label.text()
    path = dialog.issue_document()
    assert path is not None
    assert path.parent == data_dir / "documents"
    entries = log.entries(window.case_view.case_id)
    assert len(entries) == 1
    assert entries[0].delivery == Delivery.PATIENT_COPY.value
    assert entries[0].categories == ("functional",)
    assert log.pdf(entries[0].id) == path.read_bytes()
    assert dialog.log_list.count() == 1
    assert cases.plan_versions(window.case_view.case_id)[-1].issued_at is not None


def test_sending_needs_consent(window, repositories) -> None:  # type: ignore[no-untyped-def]
    cases, _ = repositories
    dialog = _dialog(window)
    assert not dialog.delivery_combo.model().item(1).isEnabled()
    dialog.delivery_combo.setCurrentIndex(1)
    assert "patient's copy only" in dialog.error_label.text()
    assert not dialog.issue_button.isEnabled()
    case = cases.get(window.case_view.case_id)
    consent = Consent(ConsentCategory.FUNCTIONAL, "Northgate Distribution Ltd", "Return to work", date.today())
    window.case_view.consents_model.append_row(consent)
    window.case_view.save()
    window.open_document("employer-letter")
    dialog = window.preview
    assert dialog.delivery_combo.model().item(1).isEnabled()
    dialog.delivery_combo.setCurrentIndex(1)
    assert dialog.issue_button.isEnabled()
    path = dialog.issue_document()
    assert path is not None, dialog.error_label.text()
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    assert "Sent to Northgate Distribution Ltd" in text
    assert case.diagnosis not in text


def test_handout_and_report_open_from_the_menu(window) -> None:  # type: ignore[no-untyped-def]
    handout = _dialog(window, "patient-handout")
    assert handout.page_count() >= 2
    assert handout.large_print_box.isVisibleTo(handout)
    window.open_document("match-report")
    assert window.preview.page_count() >= 1
