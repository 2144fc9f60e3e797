"""Preview of a generated PDF (QtPdf), with Print and Save As."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from rtw_planner.gui.prompts import Prompts


class DocumentPreviewDialog(QDialog):
    """Shows a saved PDF; the file on disk is exactly what is previewed and printed."""

    def __init__(self, pdf_path: Path, prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf_path = pdf_path
        self._prompts = prompts
        self.setWindowTitle(f"Preview: {pdf_path.name}")
        self.resize(820, 960)
        self.document = QPdfDocument(self)
        self.document.load(str(pdf_path))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.location_label = QLabel(f"Saved to {pdf_path}")
        self.location_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = buttons.addButton("&Print…", QDialogButtonBox.ButtonRole.ActionRole)
        self.save_as_button = buttons.addButton("Save &As…", QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self.print_document)
        self.save_as_button.clicked.connect(self.save_as)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(self.location_label)
        layout.addWidget(buttons)

    def page_count(self) -> int:
        """Pages in the loaded document (0 if it failed to load)."""
        return int(self.document.pageCount())

    def save_as(self) -> None:
        """Copy the PDF to a place the user chooses."""
        target = self._prompts.save_file_name(self, "Save letter as", self.pdf_path.name, "PDF files (*.pdf)")
        if target:
            shutil.copyfile(self.pdf_path, target)
            Path(target).chmod(0o600)

    def print_document(self) -> None:
        """Print through the system print dialog."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
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
                image = self.document.render(page, QSize(size.width(), size.height()))
                painter.drawImage(QPointF(0, 0), image)
        finally:
            painter.end()
