"""Documents: choose the recipient and options, read the pre-flight and what will be disclosed, preview a draft,
issue from the case as saved, print and save. The rules are the domain's; this dialog only shows them."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from rtw_planner.assets import data_dir
from rtw_planner.db.document_log import DocumentLog
from rtw_planner.db.repository import CaseRepository, ClinicRepository
from rtw_planner.documents import check, decision_for, issue, render
from rtw_planner.domain.case.model import Case, Clinic
from rtw_planner.domain.data.errors import ValidationError
from rtw_planner.domain.issuing.disclosure import DocumentKind
from rtw_planner.domain.issuing.preflight import PreflightError
from rtw_planner.files import write_private
from rtw_planner.gui.dialogs.disclosure_text import disclosure_html
from rtw_planner.gui.dialogs.drafts import DraftFolder
from rtw_planner.gui.dialogs.findings_view import FindingsView
from rtw_planner.gui.dialogs.request_panel import RequestPanel
from rtw_planner.gui.kit.dates_text import date_and_time
from rtw_planner.gui.kit.styles import error_style, warning_style

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QShowEvent

    from rtw_planner.gui.prompts import Prompts

PREVIEW_DELAY_MS = 400  # options typed in quick succession render one draft, not one per key
UNSAVED = ("the case has unsaved edits: drafts and issuing use the case as last saved. Save the case to include "
           "them, then issue.")


def _titled(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(f"<b>{text}</b>")
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setBuddy(buddy)
    return label


class DocumentDialog(QDialog):
    """One document of one saved case. It reads the case back from the repository whenever it checks, previews
    or issues, so what it shows and issues is the case as saved, never a copy from when it opened."""

    def __init__(self, kind: DocumentKind, case_id: int, cases: CaseRepository, clinics: ClinicRepository,
                 prompts: Prompts, unsaved: Callable[[], bool] = lambda: False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind, self.case_id, self.cases, self.clinics = kind, case_id, cases, clinics
        self.db = cases.db
        self._prompts, self._unsaved = prompts, unsaved
        self.case: Case = cases.get(case_id)
        self.clinic: Clinic = clinics.get()
        self.drafts = DraftFolder(self.clinic.draft_retention_days)
        self.pdf_path: Path | None = None
        self.shown_issued = False
        self.setWindowTitle(f"{kind.label}: {self.case.patient_name}")
        self.resize(1200, 900)
        self.panel = RequestPanel(kind)
        self.unsaved_label = QLabel()
        self.unsaved_label.setWordWrap(True)
        self.unsaved_label.setStyleSheet(warning_style())
        self.findings = FindingsView()
        self.disclosure_view = QTextBrowser()
        self.disclosure_view.setOpenLinks(False)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(error_style())
        self.log_list = QListWidget()
        self.log_list.itemActivated.connect(self._on_log_list_item_activated)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.panel)
        side_layout.addWidget(self.unsaved_label)
        sections = QSplitter(Qt.Orientation.Vertical)  # the reader drags the borders to read a long list
        for title, buddy, body in (("&Before issuing", self.findings.list, self.findings),
                                   ("W&hat this document will disclose", self.disclosure_view, self.disclosure_view),
                                   ("Issued &earlier (Enter or double-click reprints the exact copy)", self.log_list,
                                    self.log_list)):
            section = QWidget()
            section_layout = QVBoxLayout(section)
            section_layout.setContentsMargins(0, 4, 0, 0)
            section_layout.addWidget(_titled(title, buddy))
            section_layout.addWidget(body, 1)
            sections.addWidget(section)
        sections.setChildrenCollapsible(False)
        sections.setSizes([330, 250, 110])
        side_layout.addWidget(sections, 1)
        side_layout.addWidget(self.error_label)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.location_label = QLabel()
        self.location_label.setWordWrap(True)
        self.location_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        preview = QWidget()
        preview_layout = QVBoxLayout(preview)
        preview_layout.addWidget(_titled("Pre&view", self.view))
        preview_layout.addWidget(self.view, 1)
        preview_layout.addWidget(self.location_label)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(side)
        splitter.addWidget(preview)
        splitter.setSizes([440, 760])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.draft_button = buttons.addButton("Preview dr&aft", QDialogButtonBox.ButtonRole.ActionRole)
        self.issue_button = buttons.addButton("&Issue…", QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button = buttons.addButton("&Print…", QDialogButtonBox.ButtonRole.ActionRole)
        self.save_as_button = buttons.addButton("&Save as…", QDialogButtonBox.ButtonRole.ActionRole)
        for button in (self.issue_button, self.print_button, self.save_as_button):
            button.setAutoDefault(False)  # Enter previews; it never issues, prints or saves by accident
        self.draft_button.clicked.connect(self.render_draft)
        self.issue_button.clicked.connect(self.issue_document)
        self.print_button.clicked.connect(self.print_document)
        self.save_as_button.clicked.connect(self.save_as)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.render_draft)
        self.panel.changed.connect(self._on_panel_changed)
        self.panel.set_context(self.case, self.clinic)
        self.refresh_checks()
        self._refresh_log()
        self._update_buttons()
        self.panel.role_combo.setFocus()

    # -- the case as saved ---------------------------------------------------------------------------------
    def _reload(self) -> None:
        """Read the case and the clinic back as saved now."""
        self.case = self.cases.get(self.case_id)
        self.clinic = self.clinics.get()
        self.panel.set_context(self.case, self.clinic)

    def refresh_checks(self) -> None:
        """Run the pre-flight and the disclosure decision for the choices shown, on the case as saved."""
        request, today = self.panel.request(), date.today()
        unsaved = self._unsaved()
        self.unsaved_label.setText(f"⚠ This {UNSAVED}" if unsaved else "")
        self.unsaved_label.setVisible(unsaved)
        result = check(self.kind, self.case, self.clinic, request, today)
        self.findings.show_result(result, f"Case: {UNSAVED}" if unsaved else "")
        self.issue_button.setEnabled(result.can_issue and not unsaved)
        try:
            decision = decision_for(self.kind, self.case, self.clinic, request, today)
        except ValidationError as exc:
            self.disclosure_view.setHtml(f"<p>Nothing can go to this recipient as chosen: {escape(exc.field)}, "
                                         f"expected {escape(exc.allowed)}.</p>")
            return
        self.disclosure_view.setHtml(disclosure_html(decision, self.case.workers_comp_claim))

    def on_case_saved(self, case_id: int) -> None:
        """The case was saved while the dialog is open: check again and refresh the preview."""
        if case_id == self.case_id:
            self.refresh_from_store()

    def refresh_from_store(self) -> None:
        """Read the case and the clinic as saved now, check again and refresh the preview."""
        self._reload()
        self.refresh_checks()
        self.render_draft()

    def on_case_dirty_changed(self) -> None:
        """Unsaved edits appeared or were saved: say so, and issue only the saved case."""
        self.refresh_checks()

    # -- drafts and issuing --------------------------------------------------------------------------------
    def render_draft(self) -> Path | None:
        """Render a draft of the case as saved (DRAFT on every page, not logged) and preview it."""
        self._preview_timer.stop()
        if self.drafts.closed:
            return None
        try:
            pdf = render(self.kind, self.case, self.clinic, request=self.panel.request(),
                         options=self.panel.options(draft=True))
        except ValidationError as exc:
            self.error_label.setText(f"No draft: {exc}")
            return None
        self.error_label.clear()
        path = self.drafts.write(f"{self.kind.value}-case-{self.case_id}-draft.pdf", pdf)
        kept = ("deleted when this window closes" if self.drafts.temporary
                else f"kept in drafts/ for {self.drafts.retention_days} days")
        self._show(path, f"Draft, not issued ({kept})", issued=False)
        return path

    def issue_document(self) -> Path | None:
        """Issue the case as saved now, after the pre-flight: logged with the exact PDF, a copy kept in documents/."""
        if self._unsaved():
            self.error_label.setText(f"Not issued: the {UNSAVED}")
            self.refresh_checks()
            return None
        self._reload()
        self.refresh_checks()
        request = self.panel.request()
        result = check(self.kind, self.case, self.clinic, request, date.today())
        if not result.can_issue:
            self.error_label.setText("Not issued: the problems listed under Before issuing block it.")
            return None
        warnings = len(result.warnings)
        question = (f"Issue the {self.kind.label.lower()} to {request.recipient}? It is logged with the exact PDF."
                    + (f" {warnings} warning{'s' if warnings > 1 else ''} listed." if warnings else ""))
        if not self._prompts.confirm(self, "Issue the document", question):
            return None
        self.case = self.cases.get(self.case_id)  # as saved at this moment; issue() runs the pre-flight on it again
        try:
            entry, pdf = issue(self.db, self.kind, self.case, self.clinic, request,
                               options=self.panel.options(draft=False))
        except PreflightError as exc:  # the same rule, checked again where the document is made
            self.findings.show_result(exc.result)
            self.error_label.setText("Not issued: the problems listed under Before issuing block it.")
            return None
        except ValidationError as exc:
            self.error_label.setText(f"Not issued: {exc}")
            return None
        folder = self._documents_folder()
        path = folder / f"{self.kind.value}-case-{self.case_id}-{entry.issued_at:%Y%m%d-%H%M%S}.pdf"
        write_private(path, pdf)
        self.error_label.clear()
        self._show(path, f"Issued and logged (SHA-256 {entry.sha256[:12]}…)", issued=True)
        self._refresh_log()
        return path

    @staticmethod
    def _documents_folder() -> Path:
        folder = data_dir() / "documents"
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        return folder

    def _show(self, path: Path, note: str, *, issued: bool) -> None:
        self.pdf_path, self.shown_issued = path, issued
        self.document.load(str(path))
        self.location_label.setText(f"{note}: {path}")
        self._update_buttons()

    def page_count(self) -> int:
        """Pages of the document shown (0 when none)."""
        return int(self.document.pageCount())

    def _refresh_log(self) -> None:
        self.log_list.clear()
        for entry in DocumentLog(self.db).entries(self.case_id):
            item = QListWidgetItem(f"{date_and_time(entry.issued_at)} · {DocumentKind(entry.kind).label} to "
                                   f"{entry.recipient} ({entry.delivery.replace('_', ' ')}) · "
                                   f"{', '.join(entry.categories)}")
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            item.setToolTip(f"SHA-256 {entry.sha256}")
            self.log_list.addItem(item)

    def _on_log_list_item_activated(self, item: QListWidgetItem) -> None:
        if self.drafts.closed:
            return
        entry_id = int(item.data(Qt.ItemDataRole.UserRole))
        path = self.drafts.write(f"reprint-{entry_id}.pdf", DocumentLog(self.db).pdf(entry_id))
        self._show(path, "Exact copy of the issued document", issued=True)

    # -- print and save ------------------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        self.print_button.setEnabled(self.pdf_path is not None)
        self.save_as_button.setEnabled(self.pdf_path is not None and self.shown_issued)
        self.save_as_button.setToolTip("" if self.shown_issued else "Issue the document first: drafts are not kept.")

    def save_as(self) -> Path | None:
        """Copy the issued PDF shown to a place the user chooses (owner-only)."""
        if self.pdf_path is None or not self.shown_issued:
            return None
        target = self._prompts.save_file_name(self, "Save as", self.pdf_path.name, "PDF files (*.pdf)")
        if not target:
            return None
        shutil.copyfile(self.pdf_path, target)
        Path(target).chmod(0o600)
        return Path(target)

    def print_document(self) -> bool:
        """Print the document shown through the printer the user chooses, as the PDF's own (vector) pages; False
        when cancelled."""
        from rtw_planner.gui.dialogs.printing import print_pdf

        if self.pdf_path is None:
            return False
        printer = self._prompts.printer(self)
        if printer is None:
            return False
        print_pdf(self.pdf_path, printer, self.document)
        return True

    # -- slots and closing ---------------------------------------------------------------------------------
    def _on_panel_changed(self) -> None:
        self.refresh_checks()
        self._preview_timer.start()

    def _release(self) -> None:
        self._preview_timer.stop()
        self.document.close()  # let go of the file before it is deleted
        self.drafts.close()

    def done(self, result: int) -> None:
        """Closing (Close, Escape) deletes the drafts, or prunes the kept ones."""
        self._release()
        super().done(result)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Enter previews: the button box would otherwise make Close the default, and Enter would close."""
        super().showEvent(event)
        self.draft_button.setDefault(True)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """The window's close button, or the main window closing, closes like Close."""
        super().closeEvent(event)
        self._release()
