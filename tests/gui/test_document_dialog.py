"""The document dialog: the pre-flight decides when Issue is enabled, drafts carry DRAFT and go when the dialog
closes, issuing reads the case as saved, the scheme switch shows the domain's refusal, print and save go through
the prompts service."""

from __future__ import annotations

import os
import stat
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from factories import as_of, followed_up_case
from gui_factories import EMPLOYER, assessed_case, unassessed_case
from pypdf import PdfReader
from PySide6.QtCore import Qt

from rtw_planner.db.document_log import DocumentLog
from rtw_planner.domain.capacity.evaluation import Effort
from rtw_planner.domain.case.jurisdiction import Jurisdiction
from rtw_planner.domain.case.model import Clinic, Consent, ConsentCategory
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.demands.units import MassUnit
from rtw_planner.domain.issuing.disclosure import Delivery, DocumentKind, RecipientRole
from rtw_planner.domain.issuing.preflight import Finding, Preflight, PreflightError, Severity
from rtw_planner.gui.dialogs import document_dialog
from rtw_planner.gui.dialogs.document_dialog import DocumentDialog
from rtw_planner.gui.dialogs.findings_view import finding_text


def _text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def _open(qtbot, repositories, prompts, case, kind: DocumentKind = DocumentKind.EMPLOYER_LETTER, *,  # type: ignore[no-untyped-def]
          clinic: Clinic | None = None, unsaved=lambda: False) -> DocumentDialog:
    cases, clinics = repositories
    if clinic is not None:
        clinics.save(clinic)
    saved = cases.save(case)
    dialog = DocumentDialog(kind, saved.id, cases, clinics, prompts, unsaved)
    qtbot.addWidget(dialog)
    return dialog


def _select(combo, value: str) -> None:  # type: ignore[no-untyped-def]
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def test_an_unassessed_case_lists_what_blocks_and_cannot_be_issued(qtbot, repositories, prompts) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, repositories, prompts, unassessed_case())
    blocking = dialog.findings.texts(Severity.BLOCK)
    fields = ["Capacity: evaluations", "Job demands", "Details: clinician", "Plan: fitness for work"]
    for field in fields:
        assert any(f"· {field}:" in text for text in blocking), field
    assert all("What to do:" in text for text in blocking)
    assert len(blocking) == 4
    assert "4 problems block issuing" in dialog.findings.headline.text()
    assert not dialog.issue_button.isEnabled()
    assert dialog.issue_document() is None
    assert DocumentLog(repositories[0].db).entries(dialog.case_id) == []
    draft = dialog.render_draft()  # a draft is still allowed, marked as such
    assert draft is not None
    assert "DRAFT" in _text(draft)


def test_a_ready_case_can_be_issued_and_is_logged(qtbot, repositories, prompts, data_dir) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, repositories, prompts, assessed_case())
    assert dialog.findings.texts(Severity.BLOCK) == []
    assert dialog.findings.headline.text().startswith("Ready to issue")
    assert dialog.issue_button.isEnabled()
    path = dialog.issue_document()
    assert path is not None, dialog.error_label.text()
    assert path.parent == data_dir / "documents"
    assert "DRAFT" not in _text(path)
    assert "issue the employer letter to acme stores ltd" in prompts.questions[-1].lower()
    entries = DocumentLog(repositories[0].db).entries(dialog.case_id)
    assert [(e.recipient, e.delivery, e.categories) for e in entries] == [(EMPLOYER, "patient_copy", ("functional",))]
    assert entries[0].sha256
    assert DocumentLog(repositories[0].db).pdf(entries[0].id) == path.read_bytes()
    assert dialog.log_list.count() == 1


def test_declining_the_confirmation_issues_nothing(qtbot, repositories, prompts) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, repositories, prompts, assessed_case())
    prompts.confirm_answer = False
    assert dialog.issue_document() is None
    assert DocumentLog(repositories[0].db).entries(dialog.case_id) == []


def test_a_draft_has_draft_on_every_page_and_is_deleted_on_close(qtbot, repositories, prompts, data_dir) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, repositories, prompts, assessed_case(), DocumentKind.PATIENT_HANDOUT)
    path = dialog.render_draft()
    assert path is not None
    pages = PdfReader(path).pages
    assert len(pages) >= 2
    assert all("DRAFT" in page.extract_text() for page in pages)
    folder = path.parent
    assert not folder.is_relative_to(data_dir)  # a temporary folder, not the data folder
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "deleted when this window closes" in dialog.location_label.text()
    dialog.close()
    assert not path.exists()
    assert not folder.exists()
    assert not (data_dir / "drafts").exists() or not list((data_dir / "drafts").iterdir())


def test_drafts_kept_for_the_clinics_retention_and_older_ones_pruned(qtbot, repositories, prompts, data_dir) -> None:  # type: ignore[no-untyped-def]
    kept = data_dir / "drafts"
    kept.mkdir()
    old, recent = kept / "employer-letter-case-9-draft.pdf", kept / "match-report-case-9-draft.pdf"
    for path, age_days in ((old, 8), (recent, 6)):
        path.write_bytes(b"%PDF-1.4")
        moment = time.time() - age_days * 86_400
        os.utime(path, (moment, moment))
    dialog = _open(qtbot, repositories, prompts, assessed_case(), clinic=Clinic(name="Clinic", draft_retention_days=7))
    assert not old.exists()  # older than 7 days: pruned when the dialog opened
    assert recent.exists()
    draft = dialog.render_draft()
    assert draft is not None
    assert draft.parent == kept
    dialog.close()
    assert draft.exists()
    assert recent.exists()


def test_issuing_reads_the_case_as_saved_and_waits_for_unsaved_edits(window, repositories, qtbot) -> None:  # type: ignore[no-untyped-def]
    cases, _ = repositories
    window.open_case(cases.save(as_of(followed_up_case(), date.today())).id)
    case_id = window.case_view.case_id
    window.open_document("employer-letter")
    dialog = window.preview
    assert dialog.issue_button.isEnabled(), dialog.findings.texts(Severity.BLOCK)
    qtbot.keyClicks(window.case_view.form.job_title_edit, " (nights)")
    assert window.case_view.is_dirty()
    assert not dialog.issue_button.isEnabled()
    assert "unsaved edits" in dialog.unsaved_label.text()
    assert any("unsaved edits" in text for text in dialog.findings.texts(Severity.BLOCK))
    assert dialog.issue_document() is None
    assert "unsaved edits" in dialog.error_label.text()
    assert DocumentLog(cases.db).entries(case_id) == []
    window.case_view.save()  # the dialog refreshes its preview from the case as saved
    assert dialog.issue_button.isEnabled()
    assert dialog.pdf_path is not None
    assert "Warehouse order picker (nights)" in _text(dialog.pdf_path)
    path = dialog.issue_document()
    assert path is not None, dialog.error_label.text()
    assert "Warehouse order picker (nights)" in _text(path)
    assert DocumentLog(cases.db).pdf(DocumentLog(cases.db).entries(case_id)[0].id) == path.read_bytes()


def test_a_change_saved_elsewhere_is_what_gets_issued(qtbot, repositories, prompts) -> None:  # type: ignore[no-untyped-def]
    cases, _ = repositories
    dialog = _open(qtbot, repositories, prompts, assessed_case())
    cases.save(replace(cases.get(dialog.case_id), job_title="Night shelf stacker"))
    path = dialog.issue_document()  # no signal reached the dialog: it still reads the case back before issuing
    assert path is not None, dialog.error_label.text()
    assert "Night shelf stacker" in _text(path)


@pytest.mark.parametrize(("jurisdiction", "role", "allowed"), [
    (Jurisdiction.CANADA_ONTARIO, RecipientRole.EMPLOYER, False),
    (Jurisdiction.CANADA_ONTARIO, RecipientRole.INSURER, True),
    (Jurisdiction.US, RecipientRole.EMPLOYER, True),
])
def test_scheme_diagnosis_follows_the_jurisdiction_and_shows_why_not(  # type: ignore[no-untyped-def]
        qtbot, repositories, prompts, jurisdiction, role, allowed) -> None:
    case = assessed_case(workers_comp_claim=True)
    dialog = _open(qtbot, repositories, prompts, case, clinic=Clinic(name="Clinic", jurisdiction=jurisdiction))
    panel = dialog.panel
    _select(panel.role_combo, role.value)
    panel.recipient_edit.setText("Provincial Board")
    panel.recipient_edit.textEdited.emit("Provincial Board")
    assert panel.scheme_box.isVisibleTo(dialog)
    assert panel.scheme_box.isEnabled() is allowed
    if allowed:
        panel.scheme_box.setChecked(True)
        assert panel.request().diagnosis_by_scheme
        assert "diagnosis" in dialog.disclosure_view.toPlainText().split("Withheld")[0]
    else:
        note = panel.scheme_note.text()
        assert note.startswith("Not available: in Canada (Ontario) the scheme does not let the diagnosis go to the "
                               "employer")
        assert "WSIB" in note
        assert not panel.request().diagnosis_by_scheme


def test_no_scheme_switch_without_a_claim(qtbot, repositories, prompts) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, repositories, prompts, assessed_case(), clinic=Clinic(jurisdiction=Jurisdiction.US))
    assert not dialog.panel.scheme_box.isVisibleTo(dialog)
    report = _open(qtbot, repositories, prompts, assessed_case(workers_comp_claim=True), DocumentKind.MATCH_REPORT)
    assert not report.panel.scheme_box.isVisibleTo(report)  # the report never carries a diagnosis


def test_disclosure_lists_what_is_carried_and_why_the_rest_is_withheld(qtbot, repositories, prompts) -> None:  # type: ignore[no-untyped-def]
    today = date.today()
    consents = tuple(Consent(c, EMPLOYER, "Return to work", today - timedelta(days=1))
                     for c in (ConsentCategory.FUNCTIONAL, ConsentCategory.DATE_OF_BIRTH, ConsentCategory.EFFORT))
    case = assessed_case(consents=consents)
    case = replace(case, evaluations=(replace(case.evaluations[0], effort=Effort.CONSISTENT),))
    dialog = _open(qtbot, repositories, prompts, case, DocumentKind.MATCH_REPORT)
    assert "Withheld: nothing the case holds" in dialog.disclosure_view.toPlainText()  # the clinical team
    _select(dialog.panel.role_combo, RecipientRole.EMPLOYER.value)
    assert dialog.panel.recipient_edit.text() == EMPLOYER
    text = dialog.disclosure_view.toPlainText()
    carried, _, withheld = text.partition("Withheld")
    assert "abilities, limits, schedule and adjustments" in carried
    assert "date of birth" in carried
    assert "effort" not in carried
    assert "effort and consistency ratings." in withheld
    assert "Never sent to an employer, even with consent" in withheld
    assert "diagnosis" not in text  # the report never carries one, so it is not "withheld" either
    assert dialog.issue_button.isEnabled(), dialog.findings.texts(Severity.BLOCK)


def test_sending_needs_consent_and_the_uk_offer_date(qtbot, repositories, prompts) -> None:  # type: ignore[no-untyped-def]
    uk = Clinic(name="Clinic", phone="0100 000 000", jurisdiction=Jurisdiction.UK)
    dialog = _open(qtbot, repositories, prompts, assessed_case(), clinic=uk)
    combo = dialog.panel.delivery_combo
    assert not combo.model().item(1).isEnabled()
    _select(combo, Delivery.SENT.value)
    assert any("Recipient and delivery (delivery)" in t for t in dialog.findings.texts(Severity.BLOCK))
    assert not dialog.issue_button.isEnabled()
    consent = Consent(ConsentCategory.FUNCTIONAL, EMPLOYER, "Return to work", date.today())
    ready = _open(qtbot, repositories, prompts, assessed_case(consents=(consent,)), clinic=uk)
    _select(ready.panel.delivery_combo, Delivery.SENT.value)
    assert ready.panel.offered_edit.isVisibleTo(ready)
    assert any("patient offered the document on" in t for t in ready.findings.texts(Severity.BLOCK))
    ready.panel.offered_edit.setDate(date.today())
    assert ready.issue_button.isEnabled(), ready.findings.texts(Severity.BLOCK)
    path = ready.issue_document()
    assert path is not None
    assert DocumentLog(repositories[0].db).entries(ready.case_id)[0].delivery == Delivery.SENT.value


@pytest.mark.parametrize("kind", list(DocumentKind))
def test_every_document_offers_units_and_large_print(qtbot, repositories, prompts, monkeypatch, kind) -> None:  # type: ignore[no-untyped-def]
    rendered = []
    real_render = document_dialog.render

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        rendered.append(kwargs["options"])
        return real_render(*args, **kwargs)

    monkeypatch.setattr(document_dialog, "render", spy)
    dialog = _open(qtbot, repositories, prompts, assessed_case(), kind)
    assert dialog.panel.large_print_box.isVisibleTo(dialog)
    assert dialog.panel.units_combo.itemText(0) == "Clinic setting (kg)"
    dialog.panel.large_print_box.setChecked(True)
    _select(dialog.panel.units_combo, MassUnit.LB.value)
    qtbot.waitUntil(lambda: len(rendered) == 1)  # one preview for the two changes in quick succession
    assert rendered[0].draft
    assert rendered[0].large_print
    assert rendered[0].mass_unit is MassUnit.LB


def test_print_and_save_go_through_the_prompts(qtbot, repositories, prompts, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, repositories, prompts, assessed_case(), DocumentKind.PATIENT_HANDOUT)
    dialog.render_draft()
    assert not dialog.print_document()  # cancelled: the prompt returned no printer
    prompts.print_to = tmp_path / "printed.pdf"
    assert dialog.print_document()
    assert len(PdfReader(prompts.print_to).pages) == dialog.page_count()
    assert not dialog.save_as_button.isEnabled()  # a draft is not for keeping
    assert dialog.save_as() is None
    issued = dialog.issue_document()
    assert issued is not None, dialog.error_label.text()
    assert dialog.save_as_button.isEnabled()
    prompts.file_name = str(tmp_path / "handout.pdf")
    saved = dialog.save_as()
    assert saved is not None
    assert saved.read_bytes() == issued.read_bytes()
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600


def test_reprint_shows_the_exact_issued_copy(qtbot, repositories, prompts) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, repositories, prompts, assessed_case())
    issued = dialog.issue_document()
    assert issued is not None
    dialog.render_draft()
    dialog.log_list.itemActivated.emit(dialog.log_list.item(0))
    assert dialog.pdf_path is not None
    assert dialog.pdf_path.read_bytes() == issued.read_bytes()
    assert dialog.shown_issued


def test_the_main_window_opens_one_document_window_at_a_time(window, repositories) -> None:  # type: ignore[no-untyped-def]
    window.open_case(repositories[0].save(followed_up_case()).id)
    first = window.open_document("patient-handout")
    assert first is not None
    assert window.preview.page_count() >= 2
    second = window.open_document("match-report")
    assert second is not None
    assert not first.exists()  # the first window closed and its drafts went with it
    assert window.preview.kind is DocumentKind.MATCH_REPORT


def test_enter_previews_and_escape_closes(qtbot, repositories, prompts) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, repositories, prompts, assessed_case())
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.draft_button.isDefault()
    qtbot.keyClick(dialog.panel.recipient_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.pdf_path is not None  # Enter rendered a draft; it never issues
    assert DocumentLog(repositories[0].db).entries(dialog.case_id) == []
    folder = dialog.drafts.path
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert not folder.exists()


def test_a_draft_the_domain_refuses_says_why(qtbot, repositories, prompts, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise ValidationError("units", "stone", "kg or lb")

    dialog = _open(qtbot, repositories, prompts, assessed_case())
    monkeypatch.setattr(document_dialog, "render", refuse)
    assert dialog.render_draft() is None
    assert dialog.error_label.text() == "No draft: units: 'stone' is not allowed; expected kg or lb"
    assert dialog.pdf_path is None


def test_a_refusal_where_the_document_is_made_is_shown(qtbot, repositories, prompts, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    blocker = Finding(Severity.BLOCK, "Plan: fitness for work", "no outcome is recorded.", "Record one.")

    def refuse_by_the_preflight(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise PreflightError(Preflight(DocumentKind.EMPLOYER_LETTER, (blocker,)))

    def refuse_a_value(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise ValidationError("recipient", "", "a name")

    dialog = _open(qtbot, repositories, prompts, assessed_case())
    monkeypatch.setattr(document_dialog, "issue", refuse_by_the_preflight)  # the case changed after the check
    assert dialog.issue_document() is None
    assert dialog.findings.texts(Severity.BLOCK) == [finding_text(blocker)]
    assert dialog.error_label.text() == "Not issued: the problems listed under Before issuing block it."
    monkeypatch.setattr(document_dialog, "issue", refuse_a_value)
    assert dialog.issue_document() is None
    assert dialog.error_label.text() == "Not issued: recipient: '' is not allowed; expected a name"
    assert DocumentLog(repositories[0].db).entries(dialog.case_id) == []


def test_nothing_to_print_and_a_cancelled_save(qtbot, repositories, prompts, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, repositories, prompts, assessed_case())
    dialog.pdf_path = None  # nothing shown yet
    prompts.print_to = tmp_path / "printed.pdf"
    assert not dialog.print_document()
    assert not prompts.print_to.exists()
    assert dialog.issue_document() is not None
    prompts.file_name = ""  # the save dialog was cancelled
    assert dialog.save_as() is None


def test_after_closing_no_draft_or_reprint_is_written(qtbot, repositories, prompts) -> None:  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, repositories, prompts, assessed_case())
    assert dialog.issue_document() is not None
    dialog.close()
    shown = dialog.pdf_path
    assert dialog.render_draft() is None
    dialog.log_list.itemActivated.emit(dialog.log_list.item(0))
    assert dialog.pdf_path == shown  # the closed dialog wrote no reprint
