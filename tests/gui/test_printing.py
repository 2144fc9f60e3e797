"""File › Print… of a document sends the PDF's own vector pages: a PDF printer gets the letter's text, not a picture
of it; a printer queue gets the file through lp with the copies, pages and sides chosen; painting is the last resort."""

from __future__ import annotations

from pathlib import Path

from gui_factories import EMPLOYER, assessed_case
from pypdf import PdfReader
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from rtw_planner.domain.issuing.disclosure import DocumentKind
from rtw_planner.gui.dialogs.document_dialog import DocumentDialog
from rtw_planner.gui.dialogs.printing import PrintJob, PrintRoute, lp_command, print_pdf


def _letter(qtbot, repositories, prompts) -> DocumentDialog:  # type: ignore[no-untyped-def]
    cases, clinics = repositories
    saved = cases.save(assessed_case())
    dialog = DocumentDialog(DocumentKind.EMPLOYER_LETTER, saved.id, cases, clinics, prompts, lambda: False)
    qtbot.addWidget(dialog)
    dialog.render_draft()
    return dialog


def test_printing_a_letter_to_a_pdf_printer_keeps_its_text(qtbot, repositories, prompts, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dialog = _letter(qtbot, repositories, prompts)
    prompts.print_to = tmp_path / "printed.pdf"
    assert dialog.print_document()
    printed = PdfReader(prompts.print_to)
    assert len(printed.pages) == dialog.page_count()
    text = "".join(page.extract_text() for page in printed.pages)
    assert "Ada Test" in text  # the patient named in the letter, as text a reader can select
    assert EMPLOYER in text
    assert prompts.print_to.stat().st_size < 300_000  # vector pages; a grab of 2 pages at print size is megabytes
    assert prompts.print_to.read_bytes() == dialog.pdf_path.read_bytes()  # the very PDF shown in the preview


def test_a_printer_queue_gets_the_pdf_through_lp(tmp_path) -> None:  # type: ignore[no-untyped-def]
    pdf = tmp_path / "letter.pdf"
    job = PrintJob("office-2", copies=2, pages=(2, 3), sides="two-sided-long-edge")
    assert lp_command(pdf, job, "/usr/bin/lp") == ["/usr/bin/lp", "-d", "office-2", "-n", "2", "-P", "2-3", "-o",
                                                    "sides=two-sided-long-edge", "--", str(pdf)]
    assert lp_command(pdf, PrintJob("front-desk")) == ["lp", "-d", "front-desk", "-n", "1", "--", str(pdf)]


class QueuePrinter(QPrinter):
    """A printer as the print dialog leaves it when a system queue was chosen (the test machine has none)."""

    def outputFormat(self) -> QPrinter.OutputFormat:  # noqa: N802
        return QPrinter.OutputFormat.NativeFormat

    def printerName(self) -> str:  # noqa: N802
        return "office-2"


def test_a_native_printer_goes_to_the_spooler_when_there_is_one(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    pdf = tmp_path / "letter.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    spooled: list[list[str]] = []
    route = print_pdf(pdf, QueuePrinter(), QPdfDocument(), spool=spooled.append, lp="/usr/bin/lp")
    assert route is PrintRoute.SPOOLER
    assert spooled == [["/usr/bin/lp", "-d", "office-2", "-n", "1", "-o", "sides=one-sided", "--", str(pdf)]]


def test_a_page_range_without_a_spooler_paints_only_those_pages(qtbot, repositories, prompts, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dialog = _letter(qtbot, repositories, prompts)
    assert dialog.page_count() >= 2
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "page2.pdf"))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 2)
    assert print_pdf(Path(dialog.pdf_path), printer, dialog.document, lp="") is PrintRoute.PAINTED
    assert len(PdfReader(tmp_path / "page2.pdf").pages) == 1
