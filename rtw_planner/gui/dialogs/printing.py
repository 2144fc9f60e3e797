"""Print a rendered PDF as the vector pages it is: to a PDF file by copying it, to a printer through the system's
spooler (lp), and only without a spooler by painting each page at the printer's own resolution."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

Spool = Callable[[list[str]], None]


class PrintRoute(StrEnum):
    """How the pages reached the printer."""

    PDF_FILE = "pdf-file"  # the PDF itself, copied to the file chosen
    SPOOLER = "spooler"  # handed to lp, which sends the PDF's pages to the printer
    PAINTED = "painted"  # each page drawn at the printer's resolution (no spooler on this system)


def _run(command: list[str]) -> None:
    subprocess.run(command, check=True, capture_output=True, timeout=60)


@dataclass(frozen=True)
class PrintJob:
    """What the print dialog chose, as the spooler needs it."""

    queue: str
    copies: int = 1
    pages: tuple[int, int] | None = None  # first and last page, from 1; None: all
    sides: str | None = None  # lp's sides option; None: the printer's default


def job_of(printer: QPrinter) -> PrintJob:
    """The queue, copies, page range and two-sided choice of a printer the print dialog set up."""
    pages = None
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        pages = (printer.fromPage(), max(printer.toPage(), printer.fromPage()))
    sides = {QPrinter.DuplexMode.DuplexLongSide: "two-sided-long-edge",
             QPrinter.DuplexMode.DuplexShortSide: "two-sided-short-edge",
             QPrinter.DuplexMode.DuplexNone: "one-sided"}.get(printer.duplex())
    return PrintJob(printer.printerName(), max(1, printer.copyCount()), pages, sides)


def lp_command(pdf: Path, job: PrintJob, lp: str = "lp") -> list[str]:
    """The lp command line that prints the PDF file for the job."""
    command = [lp, "-d", job.queue, "-n", str(job.copies)]
    if job.pages is not None:
        command += ["-P", f"{job.pages[0]}-{job.pages[1]}"]
    if job.sides is not None:
        command += ["-o", f"sides={job.sides}"]
    return [*command, "--", str(pdf)]


def print_pdf(pdf: Path, printer: QPrinter, document: QPdfDocument, *, spool: Spool = _run,
              lp: str | None = None) -> PrintRoute:
    """Send the PDF's pages to the printer the user chose; returns the route taken."""
    whole = printer.printRange() != QPrinter.PrintRange.PageRange
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName() and whole:
        shutil.copyfile(pdf, printer.outputFileName())
        return PrintRoute.PDF_FILE
    lp = lp if lp is not None else shutil.which("lp")
    if lp and printer.outputFormat() == QPrinter.OutputFormat.NativeFormat and printer.printerName():
        spool(lp_command(pdf, job_of(printer), lp))
        return PrintRoute.SPOOLER
    paint_pages(printer, document)
    return PrintRoute.PAINTED


def paint_pages(printer: QPrinter, document: QPdfDocument) -> None:
    """Draw the pages in the printer's range onto it, each rendered at the printer's resolution for its page."""
    pages = job_of(printer).pages
    first, last = (1, document.pageCount()) if pages is None else (pages[0], min(pages[1], document.pageCount()))
    painter = QPainter(printer)
    try:
        target = printer.pageRect(QPrinter.Unit.DevicePixel).size().toSize()
        for page in range(first - 1, last):
            if page > first - 1:
                printer.newPage()
            size = document.pagePointSize(page).toSize().scaled(target, Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QPointF(0, 0), document.render(page, QSize(size.width(), size.height())))
    finally:
        painter.end()
