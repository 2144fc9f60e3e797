"""Documents: choose recipient and delivery, see what will be disclosed, preview a draft, issue, print, save."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import peewee
from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from rtw_planner.assets import data_dir
from rtw_planner.db.document_log import DocumentLog
from rtw_planner.documents import Kind, decision_for, issue, render
from rtw_planner.domain.case import Case, Clinic
from rtw_planner.domain.disclosure import CLINICAL_TEAM, Delivery, DisclosureRequest, RecipientRole, can_send
from rtw_planner.domain.errors import ValidationError
from rtw_planner.domain.preflight import PreflightError
from rtw_planner.domain.rendering import RenderOptions
from rtw_planner.files import write_private
from rtw_planner.gui.prompts import Prompts
from rtw_planner.gui.widgets.case_view_dates import read_optional_date, setup_optional_date
from rtw_planner.gui.widgets.profile_editor import ERROR_STYLE


class DocumentDialog(QDialog):
    """One document of one saved case. Drafts go to the data folder's drafts/; issued copies to documents/."""

    def __init__(self, kind: Kind, case: Case, clinic: Clinic, db: peewee.Database, prompts: Prompts,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind, self.case, self.clinic, self.db, self._prompts = kind, case, clinic, db, prompts
        self.pdf_path: Path | None = None
        self.setWindowTitle(f"{kind.label}: {case.patient_name}")
        self.resize(1100, 900)
        default_recipient = {Kind.PATIENT_HANDOUT: case.patient_name, Kind.MATCH_REPORT: CLINICAL_TEAM,
                             Kind.EMPLOYER_LETTER: case.employer}[kind]
        self.recipient_edit = QLineEdit(default_recipient)
        self.recipient_edit.setReadOnly(kind is Kind.PATIENT_HANDOUT)
        self.delivery_combo = QComboBox()
        self.delivery_combo.addItem("The patient's copy, to pass on", Delivery.PATIENT_COPY.value)
        self.delivery_combo.addItem("Sent by the clinic to the recipient", Delivery.SENT.value)
        self.offered_edit = QDateEdit()
        self.offered_edit.setCalendarPopup(True)
        self.offered_edit.setDisplayFormat("d MMM yyyy")
        setup_optional_date(self.offered_edit)
        self.scheme_box = QCheckBox("Include the diagnosis because the workers' compensation scheme requires it")
        self.scheme_box.setVisible(case.workers_comp_claim and kind is Kind.EMPLOYER_LETTER)
        self.large_print_box = QCheckBox("Large print (16 pt)")
        self.large_print_box.setVisible(kind is Kind.PATIENT_HANDOUT)
        self.disclosure_label = QLabel()
        self.disclosure_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        form = QFormLayout()
        form.addRow("&Recipient", self.recipient_edit)
        if kind is Kind.EMPLOYER_LETTER:
            form.addRow("&Delivery", self.delivery_combo)
            form.addRow("Patient &offered it to read on", self.offered_edit)
        form.addRow("", self.scheme_box)
        form.addRow("", self.large_print_box)
        self.log_list = QListWidget()
        self.log_list.itemDoubleClicked.connect(self._on_log_item_double_clicked)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addLayout(form)
        side_layout.addWidget(QLabel("<b>What this document will disclose</b>"))
        side_layout.addWidget(self.disclosure_label)
        side_layout.addWidget(self.error_label)
        side_layout.addWidget(QLabel("<b>Issued for this case</b> (double-click to reprint the exact copy)"))
        side_layout.addWidget(self.log_list, 1)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.location_label = QLabel()
        self.location_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        preview = QWidget()
        preview_layout = QVBoxLayout(preview)
        preview_layout.addWidget(self.view, 1)
        preview_layout.addWidget(self.location_label)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(side)
        splitter.addWidget(preview)
        splitter.setSizes([360, 740])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.draft_button = buttons.addButton("Preview &draft", QDialogButtonBox.ButtonRole.ActionRole)
        self.issue_button = buttons.addButton("&Issue", QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button = buttons.addButton("&Print…", QDialogButtonBox.ButtonRole.ActionRole)
        self.save_as_button = buttons.addButton("Save &As…", QDialogButtonBox.ButtonRole.ActionRole)
        self.draft_button.clicked.connect(self.render_draft)
        self.issue_button.clicked.connect(self.issue_document)
        self.print_button.clicked.connect(self.print_document)
        self.save_as_button.clicked.connect(self.save_as)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        for signal in (self.recipient_edit.textChanged, self.delivery_combo.currentIndexChanged,
                       self.offered_edit.dateChanged, self.scheme_box.toggled):
            signal.connect(self._refresh_disclosure)
        self._refresh_disclosure()
        self._refresh_log()

    # -- state ---------------------------------------------------------------------------------------------
    def request(self) -> DisclosureRequest:
        """The clinician's choices."""
        delivery = {Kind.EMPLOYER_LETTER: Delivery(self.delivery_combo.currentData()),
                    Kind.MATCH_REPORT: Delivery.SENT, Kind.PATIENT_HANDOUT: Delivery.PATIENT_COPY}[self.kind]
        recipient = self.recipient_edit.text().strip()
        role = {Kind.EMPLOYER_LETTER: RecipientRole.EMPLOYER, Kind.PATIENT_HANDOUT: RecipientRole.PATIENT,
                Kind.MATCH_REPORT: RecipientRole.CLINICAL_TEAM if recipient.casefold() == CLINICAL_TEAM.casefold()
                else RecipientRole.EMPLOYER}[self.kind]
        return DisclosureRequest(recipient, role, delivery, read_optional_date(self.offered_edit),
                                 self.scheme_box.isChecked())

    def options(self, draft: bool = True) -> RenderOptions:
        """How the document is rendered."""
        return RenderOptions(draft=draft, large_print=self.large_print_box.isChecked())

    def page_count(self) -> int:
        """Pages of the document shown (0 when none)."""
        return int(self.document.pageCount())

    def _refresh_disclosure(self, *_args: object) -> None:
        request = self.request()
        sendable = bool(request.recipient) and can_send(self.case, request.recipient, date.today())
        self.delivery_combo.model().item(1).setEnabled(sendable)  # type: ignore[attr-defined]
        try:
            decision = decision_for(self.kind, self.case, self.clinic, request, date.today())
        except ValidationError as exc:
            self.disclosure_label.setText("")
            self.error_label.setText(str(exc))
            self.issue_button.setEnabled(False)
            return
        self.error_label.clear()
        self.issue_button.setEnabled(True)
        categories = ", ".join(sorted(c.value.replace("_", " ") for c in decision.categories))
        self.disclosure_label.setText(f"Categories: {categories}.<br>" + "<br>".join(decision.reasons))

    def _refresh_log(self) -> None:
        self.log_list.clear()
        assert self.case.id is not None
        for entry in DocumentLog(self.db).entries(self.case.id):
            item = QListWidgetItem(f"{entry.issued_at:%d %b %Y %H:%M} · {Kind(entry.kind).label} to "
                                   f"{entry.recipient} ({entry.delivery.replace('_', ' ')}) · "
                                   f"{', '.join(entry.categories)}")
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            item.setToolTip(f"SHA-256 {entry.sha256}")
            self.log_list.addItem(item)

    def _show(self, path: Path, note: str) -> None:
        self.pdf_path = path
        self.document.load(str(path))
        self.location_label.setText(f"{note}: {path}")

    # -- actions -------------------------------------------------------------------------------------------
    def _folder(self, name: str) -> Path:
        folder = data_dir() / name
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        return folder

    def render_draft(self) -> Path | None:
        """Render a draft (not logged) and preview it."""
        try:
            pdf = render(self.kind, self.case, self.clinic, request=self.request(), options=self.options())
        except ValidationError as exc:
            self.error_label.setText(str(exc))
            return None
        stamp = f"{datetime.now():%Y%m%d-%H%M%S}"
        path = self._folder("drafts") / f"{self.kind.value}-case-{self.case.id}-draft-{stamp}.pdf"
        write_private(path, pdf)
        self._show(path, "Draft, not issued")
        return path

    def issue_document(self) -> Path | None:
        """Issue under the consent rules: log it with the exact PDF, keep a copy, and preview it."""
        try:
            entry, pdf = issue(self.db, self.kind, self.case, self.clinic, self.request(),
                               options=self.options(draft=False))
        except (ValidationError, PreflightError) as exc:
            self.error_label.setText(str(exc))
            return None
        path = self._folder("documents") / f"{self.kind.value}-case-{self.case.id}-{entry.issued_at:%Y%m%d-%H%M%S}.pdf"
        write_private(path, pdf)
        self._show(path, f"Issued and logged (SHA-256 {entry.sha256[:12]}…)")
        self._refresh_log()
        return path

    def _on_log_item_double_clicked(self, item: QListWidgetItem) -> None:
        entry_id = int(item.data(Qt.ItemDataRole.UserRole))
        path = self._folder("drafts") / f"reprint-{entry_id}.pdf"
        write_private(path, DocumentLog(self.db).pdf(entry_id))
        self._show(path, "Exact copy of the issued document")

    def save_as(self) -> None:
        """Copy the shown PDF to a place the user chooses (owner-only)."""
        if self.pdf_path is None:
            return
        target = self._prompts.save_file_name(self, "Save as", self.pdf_path.name, "PDF files (*.pdf)")
        if target:
            shutil.copyfile(self.pdf_path, target)
            Path(target).chmod(0o600)

    def print_document(self) -> None:
        """Print through the system print dialog."""
        if self.pdf_path is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            self.render_to(printer)

    def render_to(self, printer: QPrinter) -> None:
        """Draw every page onto the printer, scaled to its page."""
        painter = QPainter(printer)
        try:
            target = printer.pageRect(QPrinter.Unit.DevicePixel).size().toSize()
            for page in range(self.page_count()):
                if page:
                    printer.newPage()
                size = self.document.pagePointSize(page).toSize().scaled(target, Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QPointF(0, 0), self.document.render(page, QSize(size.width(), size.height())))
        finally:
            painter.end()
